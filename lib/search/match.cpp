// SPDX-License-Identifier: Apache-2.0
// Matcher: one query over two halves of the document ids, one per core, merged.
#include "search/match.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <thread>

#include "search/boost_source.hpp"
#include "search/facets.hpp"
#include "search/ranking.hpp"

namespace qaindex::detail {
namespace {

// The documents whose ids are in [first, last], in id order: the filter that gives each
// thread its half. It walks the all-documents list, so ids of deleted entries are skipped.
class DocidRange : public Xapian::PostingSource {
  public:
    DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

    // Estimated as the whole database: Xapian's AND lets its rarest part lead, and led by
    // this filter the query's own posting lists would be stepped through every document of
    // the range (each half then cost three quarters of the whole match instead of half).
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return 0; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return documents_; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return documents_; }
    [[nodiscard]] Xapian::docid get_docid() const override { return *position_; }
    [[nodiscard]] bool at_end() const override {
        return started_ && (position_ == end_ || *position_ > last_);
    }
    void next(double /*min_weight*/) override {
        if (!started_) {
            start();
            position_.skip_to(first_);
        } else {
            ++position_;
        }
    }
    void skip_to(Xapian::docid docid, double /*min_weight*/) override {
        if (!started_) {
            start();
        }
        position_.skip_to(std::max(docid, first_));
    }
    [[nodiscard]] DocidRange* clone() const override { return new DocidRange(first_, last_); }
    [[nodiscard]] std::string name() const override { return "qaindex::DocidRange"; }
    void init(const Xapian::Database& database) override {
        database_ = database;
        started_ = false;
        documents_ = database.get_doccount();
    }

  private:
    void start() {
        position_ = database_.postlist_begin(std::string());
        end_ = database_.postlist_end(std::string());
        started_ = true;
    }

    Xapian::docid first_;
    Xapian::docid last_;
    Xapian::Database database_;
    Xapian::PostingIterator position_;
    Xapian::PostingIterator end_;
    Xapian::doccount documents_ = 0;
    bool started_ = false;
};

// The documents of a sorted list of ids: the filter of a match's second pass.
class DocidSet : public Xapian::PostingSource {
  public:
    explicit DocidSet(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {}

    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return size(); }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return size(); }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return size(); }
    [[nodiscard]] Xapian::docid get_docid() const override { return ids_[at_]; }
    [[nodiscard]] bool at_end() const override { return started_ && at_ >= ids_.size(); }
    void next(double /*min_weight*/) override {
        at_ = started_ ? at_ + 1 : 0;
        started_ = true;
    }
    void skip_to(Xapian::docid docid, double /*min_weight*/) override {
        const auto from = ids_.begin() + static_cast<std::ptrdiff_t>(started_ ? at_ : 0);
        at_ = static_cast<std::size_t>(std::lower_bound(from, ids_.end(), docid) - ids_.begin());
        started_ = true;
    }
    [[nodiscard]] DocidSet* clone() const override { return new DocidSet(ids_); }
    [[nodiscard]] std::string name() const override { return "qaindex::DocidSet"; }
    void init(const Xapian::Database& /*database*/) override {
        at_ = 0;
        started_ = false;
    }

  private:
    [[nodiscard]] Xapian::doccount size() const {
        return static_cast<Xapian::doccount>(ids_.size());
    }

    std::vector<Xapian::docid> ids_;
    std::size_t at_ = 0;
    bool started_ = false;
};

// Postings a match of request reads (its terms' documents and request.extra_postings),
// counted up to enough.
Xapian::doccount postings_of(const Xapian::Database& db, const MatchRequest& request,
                             Xapian::doccount enough) {
    return term_postings(db, request.query, enough, request.extra_postings);
}

struct Range {
    Xapian::docid first = 0;
    Xapian::docid last = 0;
};

// The request's best first + count matches among the documents of range (all if none), by
// BM25 with parameter b (when the request is weighted).
MatchResult run_part(const Xapian::Database& db, const Xapian::Query& query,
                     const MatchRequest& request, std::optional<Range> range,
                     double b = ranking::kBm25B) {
    Xapian::Enquire enquire(db);
    enquire.set_query(
        range ? Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query((new DocidRange(range->first, range->last))->release()))
              : query);
    if (request.weighted) {
        namespace r = ranking;
        enquire.set_weighting_scheme(
            Xapian::BM25Weight(r::kBm25K1, r::kBm25K2, r::kBm25K3, b, r::kBm25MinNormLen));
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    if (request.newest_first) {
        enquire.set_sort_by_value_then_relevance(*request.newest_first, true);
    }
    std::vector<std::unique_ptr<FacetSpy>> spies;
    for (const FacetSlot& facet : request.facets) {
        spies.push_back(std::make_unique<FacetSpy>(facet.slot, facet.multiple, facet.table));
        enquire.add_matchspy(spies.back().get());
    }
    // A part cannot know which of its matches the other part outranks: it returns them all
    // from the first, and the merge skips request.first.
    const Xapian::doccount first = range ? 0 : request.first;
    const Xapian::doccount count = range ? request.first + request.count : request.count;
    const Xapian::MSet mset = enquire.get_mset(first, count, request.check_at_least);
    MatchResult out;
    out.estimated = mset.get_matches_estimated();
    if (range && mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) {
        // Not counted but estimated, from a filter estimated as the whole database: scale
        // to the range's share of the document ids.
        const double share = static_cast<double>(range->last - range->first + 1) /
                             std::max<double>(1.0, db.get_lastdocid());
        out.estimated = std::max(
            mset.get_matches_lower_bound(),
            static_cast<Xapian::doccount>(std::lround(static_cast<double>(out.estimated) * share)));
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.matches.push_back({*it, it.get_weight()});
    }
    for (const auto& spy : spies) {
        out.facet_counts.push_back(spy->counts());
    }
    return out;
}

// The request's match among the documents of range (all if none), as run_part gives it. With
// a candidate query, in two passes when that finds request.candidates documents in range: its
// best ones (by BM25 without length normalisation, ranking::kCandidateBm25B; read a term at a
// time from request.candidate_terms when given), then query over those only (same weights as
// one pass: BM25 statistics are the database's).
MatchResult rank_part(const Xapian::Database& db, const Xapian::Query& query,
                      const Xapian::Query& candidate_query, const MatchRequest& request,
                      std::optional<Range> range) {
    if (!candidate_query.empty()) {
        const Xapian::docid first = range ? range->first : 1;
        const Xapian::docid last = range ? range->last : db.get_lastdocid();
        std::vector<Xapian::docid> ids;
        Xapian::doccount matched = 0;
        if (!request.candidate_terms.empty()) {
            Candidates candidates =
                best_candidates(db, request.candidate_terms, request.candidates, first, last);
            matched = candidates.matched;
            for (const Candidate& candidate : candidates.best) {
                ids.push_back(candidate.docid);
            }
        } else {
            MatchRequest first_pass = request;
            first_pass.first = 0;
            first_pass.count = request.candidates;
            first_pass.check_at_least = request.candidates;
            const MatchResult candidates =
                run_part(db, candidate_query, first_pass, range, ranking::kCandidateBm25B);
            matched = candidates.estimated;
            for (const Match& match : candidates.matches) {
                ids.push_back(match.docid);
            }
        }
        if (ids.size() >= request.candidates) {
            std::sort(ids.begin(), ids.end());
            MatchRequest second_pass = request;
            second_pass.check_at_least = 0;
            if (range) {  // a part returns its matches from the top (see run_part)
                second_pass.first = 0;
                second_pass.count = request.first + request.count;
            }
            MatchResult out =
                run_part(db,
                         Xapian::Query(Xapian::Query::OP_FILTER, query,
                                       Xapian::Query((new DocidSet(std::move(ids)))->release())),
                         second_pass, std::nullopt);
            out.estimated = matched;
            out.ranked_candidates = true;
            return out;
        }
    }
    return run_part(db, query, request, range);
}

}  // namespace

Xapian::doccount term_postings(const Xapian::Database& db, const Xapian::Query& query,
                               Xapian::doccount enough, Xapian::doccount postings) {
    for (auto term = query.get_unique_terms_begin();
         term != query.get_unique_terms_end() && postings < enough; ++term) {
        postings += db.get_termfreq(*term);
    }
    return postings;
}

Matcher::Matcher(std::optional<std::filesystem::path> folder, Xapian::doccount min_postings)
    : folder_(std::move(folder)),
      min_postings_(min_postings),
      cores_(std::thread::hardware_concurrency()) {}

Xapian::Database* Matcher::helper_for(const Xapian::Database& db, const MatchRequest& request) {
    if (!allowed_ || !folder_ || cores_ < 2 || db.get_lastdocid() < 2) {
        return nullptr;
    }
    // Counting facets visits every match (no pruning) and reads its values: worth a second
    // thread ten times sooner (bench/RESULTS.md, "Figures behind code constants").
    const Xapian::doccount needed = request.facets.empty() ? min_postings_ : min_postings_ / 10;
    if (postings_of(db, request, needed) < needed) {
        return nullptr;
    }
    auto same = [&] {
        return helper_->get_uuid() == db.get_uuid() && helper_->get_revision() == db.get_revision();
    };
    if (!helper_ || !same()) {
        // The folder's XAPIANDB stub names the live generation, as for the Searcher's handle.
        helper_ = Xapian::Database(folder_->string());
    }
    // Both handles must read the same revision of the same generation, or the halves would
    // not add up: if a build published in between, this match runs on one thread.
    return same() ? &*helper_ : nullptr;
}

MatchRequest Matcher::with_facet_tables(const Xapian::Database& db, const MatchRequest& request) {
    MatchRequest out = request;
    // Only on a folder's read-only handle: through a writer, uncommitted entries are seen
    // without a new revision.
    if (!folder_) {
        return out;
    }
    const std::string revision = db.get_uuid() + ' ' + std::to_string(db.get_revision());
    if (revision != facet_revision_) {
        facet_tables_.clear();
        facet_uses_.clear();
        facet_revision_ = revision;
    }
    for (FacetSlot& facet : out.facets) {
        auto table = facet_tables_.find(facet.slot);
        if (table == facet_tables_.end() && ++facet_uses_[facet.slot] >= kFacetTableAfter) {
            table =
                facet_tables_.emplace(facet.slot, FacetTable::read(db, facet.slot, facet.multiple))
                    .first;
        }
        if (table != facet_tables_.end()) {
            facet.table = &table->second;
        }
    }
    return out;
}

MatchResult Matcher::run(const Xapian::Database& db, const MatchRequest& request) {
    if (!request.facets.empty()) {
        MatchRequest counted = with_facet_tables(db, request);
        counted.candidate_query = Xapian::Query();  // facets are never counted in two passes
        counted.candidate_terms = {};
        return run_parts(db, counted);
    }
    const bool two_passes = two_passes_ && !request.candidate_query.empty() && request.weighted &&
                            !request.newest_first && request.first + request.count > 0 &&
                            request.first + request.count <= request.candidates &&
                            postings_of(db, request, min_postings_) >= min_postings_;
    if (!two_passes) {
        MatchRequest one_pass = request;
        one_pass.candidate_query = Xapian::Query();
        one_pass.candidate_terms = {};
        return run_parts(db, one_pass);
    }
    MatchResult out = run_parts(db, request);
    if (out.ranked_candidates && !request.candidate_terms.empty()) {
        out.estimated = estimated_matches(db, request.candidate_terms, out.estimated);
    } else if (out.ranked_candidates) {
        // The query matches at least what the candidate query does; Xapian estimates the rest
        // from its terms' frequencies without reading postings.
        Xapian::Enquire estimate(db);
        estimate.set_query(request.query);
        out.estimated = std::max(
            out.estimated, estimate.get_mset(0, 0, Xapian::doccount{0}).get_matches_estimated());
    }
    return out;
}

MatchResult Matcher::run_parts(const Xapian::Database& db, const MatchRequest& request) {
    Xapian::Database* helper = request.newest_first ? nullptr : helper_for(db, request);
    if (helper == nullptr) {
        return rank_part(db, request.query, request.candidate_query, request, std::nullopt);
    }

    const Xapian::docid last = db.get_lastdocid();
    const Xapian::docid middle = last / 2;
    // A Xapian::Query is not shared between threads: copying one shares its reference count,
    // which is not atomic, and both parts copy their request. The other thread gets a request
    // of its own, its queries rebuilt there from the serialised forms (TermBoostSource
    // registered for them); its copy is made here, before that thread starts.
    const std::string query = request.query.serialise();
    const std::string candidate_query =
        request.candidate_query.empty() ? std::string() : request.candidate_query.serialise();
    MatchRequest theirs_request = request;
    theirs_request.query = Xapian::Query();
    theirs_request.candidate_query = Xapian::Query();
    auto other = std::async(std::launch::async, [helper, theirs_request, query, candidate_query,
                                                 middle, last]() mutable {
        Xapian::Registry registry;
        registry.register_posting_source(TermBoostSource(std::string()));
        auto rebuilt = [&](const std::string& serialised) {
            return serialised.empty() ? Xapian::Query()
                                      : Xapian::Query::unserialise(serialised, registry);
        };
        theirs_request.query = rebuilt(query);
        theirs_request.candidate_query = rebuilt(candidate_query);
        return rank_part(*helper, theirs_request.query, theirs_request.candidate_query,
                         theirs_request, Range{middle + 1, last});
    });
    MatchResult mine =
        rank_part(db, request.query, request.candidate_query, request, Range{1, middle});
    MatchResult theirs = other.get();

    MatchResult out;
    out.parts = 2;
    out.ranked_candidates = mine.ranked_candidates || theirs.ranked_candidates;
    out.estimated = mine.estimated + theirs.estimated;
    std::vector<Match> all = std::move(mine.matches);
    all.insert(all.end(), theirs.matches.begin(), theirs.matches.end());
    std::stable_sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
    });
    for (std::size_t i = request.first; i < all.size() && out.matches.size() < request.count; ++i) {
        out.matches.push_back(all[i]);
    }
    out.facet_counts = std::move(mine.facet_counts);
    for (std::size_t f = 0; f < out.facet_counts.size(); ++f) {
        for (const auto& [value, n] : theirs.facet_counts[f]) {
            out.facet_counts[f][value] += n;
        }
    }
    return out;
}

}  // namespace qaindex::detail
