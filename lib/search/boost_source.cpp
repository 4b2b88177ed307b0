// SPDX-License-Identifier: Apache-2.0
// TermBoostSource: the postings of one boolean term, each weighted by the term's idf.
#include "search/boost_source.hpp"

#include <algorithm>
#include <cmath>

namespace qaindex::detail {

TermBoostSource::TermBoostSource(std::string term) : term_(std::move(term)) {}

double TermBoostSource::idf(double documents, double frequency) {
    // Robertson-Sparck Jones idf as in BM25, floored: a tag on most documents still says a
    // little, and a negative boost would punish agreement.
    return std::max(0.1, std::log((documents - frequency + 0.5) / (frequency + 0.5)));
}

void TermBoostSource::init(const Xapian::Database& database) {
    database_ = database;
    frequency_ = database_.get_termfreq(term_);
    weight_ = idf(static_cast<double>(database_.get_doccount()), static_cast<double>(frequency_));
    set_maxweight(weight_);
    started_ = false;
    position_ = end_ = database_.postlist_end(term_);
}

void TermBoostSource::start() {
    position_ = database_.postlist_begin(term_);
    end_ = database_.postlist_end(term_);
    started_ = true;
}

void TermBoostSource::next(double /*min_weight*/) {
    if (!started_) {
        start();
    } else {
        ++position_;
    }
}

void TermBoostSource::skip_to(Xapian::docid docid, double /*min_weight*/) {
    if (!started_) {
        start();
    }
    position_.skip_to(docid);
}

TermBoostSource* TermBoostSource::clone() const {
    return new TermBoostSource(term_);
}

namespace {

// The database whose statistics portable boosts use on this thread (see PortableBoosts).
thread_local const Xapian::Database* portable_statistics = nullptr;

}  // namespace

PortableBoosts::PortableBoosts(const Xapian::Database* db) : previous_(portable_statistics) {
    portable_statistics = db;
}

PortableBoosts::~PortableBoosts() {
    portable_statistics = previous_;
}

Xapian::Query boost_query(const std::string& term, double factor) {
    if (portable_statistics != nullptr) {
        const Xapian::Database& db = *portable_statistics;
        const double weight = TermBoostSource::idf(static_cast<double>(db.get_doccount()),
                                                   static_cast<double>(db.get_termfreq(term)));
        const Xapian::Query weighted(
            Xapian::Query::OP_FILTER,
            Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()),
            Xapian::Query(term));
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, weighted, factor);
    }
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query((new TermBoostSource(term))->release()), factor);
}

}  // namespace qaindex::detail
