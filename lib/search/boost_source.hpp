// SPDX-License-Identifier: Apache-2.0
// TermBoostSource: a posting source that gives every document holding one term the term's idf.
#pragma once

#include <xapian.h>

#include <string>

namespace qaindex::detail {

/// Weights the documents holding term (a boolean term: symptom, condition, specialty) by the
/// term's BM25 idf, so that agreeing on a rare concept counts more than on a common one.
/// Boolean terms carry no within-document frequency, so BM25 itself gives them no weight.
/// Combined with OP_AND_MAYBE it only reorders what the words matched; with OP_OR it also
/// matches documents on its own (a symptom the user named, in whatever words the entry has).
class TermBoostSource : public Xapian::PostingSource {
  public:
    explicit TermBoostSource(std::string term);

    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return frequency_; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return frequency_; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return frequency_; }
    [[nodiscard]] double get_weight() const override { return weight_; }
    [[nodiscard]] Xapian::docid get_docid() const override { return *position_; }
    void next(double min_weight) override;
    void skip_to(Xapian::docid docid, double min_weight) override;
    [[nodiscard]] bool at_end() const override { return started_ && position_ == end_; }
    [[nodiscard]] TermBoostSource* clone() const override;
    [[nodiscard]] std::string name() const override { return "qaindex::TermBoostSource"; }
    /// The term: enough to rebuild the source in another thread (see Matcher).
    [[nodiscard]] std::string serialise() const override { return term_; }
    [[nodiscard]] TermBoostSource* unserialise(const std::string& serialised) const override {
        return new TermBoostSource(serialised);
    }
    void init(const Xapian::Database& database) override;

    /// BM25's idf of a term held by frequency of documents documents (never below 0.1).
    [[nodiscard]] static double idf(double documents, double frequency);

  private:
    void start();

    std::string term_;
    Xapian::Database database_;
    Xapian::PostingIterator position_;
    Xapian::PostingIterator end_;
    Xapian::doccount frequency_ = 0;
    double weight_ = 0;
    bool started_ = false;
};

/// A TermBoostSource for term, its weight scaled by factor; while a PortableBoosts is in scope
/// on this thread, the same weights made of parts that travel to xapian-tcpsrv instead.
[[nodiscard]] Xapian::Query boost_query(const std::string& term, double factor);

/// While one is in scope on a thread, boost_query() there builds each boost from Xapian's own
/// parts, which a stock xapian-tcpsrv can run (a custom posting source cannot travel): the
/// term's documents (OP_FILTER) weighted by a FixedWeightPostingSource holding
/// TermBoostSource::idf() of the term over db, computed here, then scaled by the factor. Over
/// the same statistics the weights equal TermBoostSource's. db: the joined shards, whose
/// statistics are the whole index's (a TermBoostSource on joined shards would see each shard's
/// own). Not copyable; ending one restores the scope it was opened in.
class PortableBoosts {
  public:
    explicit PortableBoosts(const Xapian::Database* db);
    ~PortableBoosts();
    PortableBoosts(const PortableBoosts&) = delete;
    PortableBoosts& operator=(const PortableBoosts&) = delete;

  private:
    const Xapian::Database* previous_;
};

}  // namespace qaindex::detail
