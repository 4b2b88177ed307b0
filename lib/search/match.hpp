// SPDX-License-Identifier: Apache-2.0
// Matcher: runs a query over an index, on two cores when it can (each core takes half the
// document ids), and returns the best matches, the match estimate and facet counts.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "search/candidates.hpp"
#include "search/facets.hpp"

namespace qaindex::detail {

/// One value slot to count over every match (see FacetSpy).
struct FacetSlot {
    Xapian::valueno slot = 0;
    bool multiple = false;              ///< '\n'-separated values
    const FacetTable* table = nullptr;  ///< set by the Matcher when it keeps one
};

struct MatchRequest {
    Xapian::Query query;
    Xapian::doccount first = 0;  ///< matches to skip
    Xapian::doccount count = 10;
    Xapian::doccount check_at_least = 0;
    bool weighted = true;  ///< BM25 (ranking::kBm25*); false: every match weighs 0
    /// Postings the match reads besides those of the query's terms (its posting sources'),
    /// counted towards splitting it.
    Xapian::doccount extra_postings = 0;
    /// Order by this value slot, highest first, then by weight (on one core) instead.
    std::optional<Xapian::valueno> newest_first;
    std::vector<FacetSlot> facets;
    /// A cheaper query matching the documents worth ranking (a long question's rarer words).
    /// When the match is costly, query ranks only the best `candidates` matches of this one
    /// (in each half of a split match; by BM25 without document-length normalisation,
    /// ranking::kCandidateBm25B), if it has that many and they cover the page (see Matcher).
    Xapian::Query candidate_query;
    /// The candidate query as plain terms: when given, the candidates are chosen by these
    /// (best_candidates, the same weights read faster) and candidate_query only decides
    /// whether the match runs in two passes.
    CandidateTerms candidate_terms;
    Xapian::doccount candidates = 0;
};

struct Match {
    Xapian::docid docid = 0;
    double weight = 0;
};

struct MatchResult {
    std::vector<Match> matches;  ///< best first; equal weights in document id order
    Xapian::doccount estimated = 0;
    std::vector<std::map<std::string, std::size_t>> facet_counts;  ///< one per request.facets
    std::size_t parts = 1;                                         ///< threads the match ran on
    bool ranked_candidates = false;  ///< whether a part ranked only its candidates (two passes)
};

/// The documents of query's terms, summed (Xapian reads about as many postings to match it),
/// added to postings and counted only until the sum reaches enough.
[[nodiscard]] Xapian::doccount term_postings(
    const Xapian::Database& db, const Xapian::Query& query,
    Xapian::doccount enough = std::numeric_limits<Xapian::doccount>::max(),
    Xapian::doccount postings = 0);

/// Runs relevance-ordered matches for one Searcher (one thread at a time, like it).
///
/// A second core halves the time of a long query: the matcher reads every posting of the
/// query's terms, and the two halves of the document ids are independent. Both halves see the
/// whole database, so every weight (BM25 statistics included) is what one match would give,
/// and merging by weight, then document id, gives exactly Xapian's own order. The second half
/// runs in a thread of its own on a second handle of the same index (a Xapian::Database is
/// not shared between threads), which needs the index folder: a Searcher over an IndexWriter
/// matches on one core.
///
/// A costly match with a candidate query runs in two passes: the candidate query's best
/// `candidates` matches (by BM25 without length normalisation, which spares reading every
/// match's document length; read a term at a time from the request's candidate terms when
/// given, see best_candidates), then the query over those documents only. A split match does both
/// passes in each half, so each half ranks its own best `candidates` (a superset of the whole
/// match's best `candidates`) and neither thread waits for the other between passes. Weights
/// are the query's own (BM25 statistics are the whole database's), so the order is what one
/// pass would give among those documents; a document outside them that one pass would have
/// ranked on the page matches none of the rarer words well. The match estimate is
/// estimated_matches() with candidate terms, else Xapian's for the query.
class Matcher {
  public:
    /// A match reads about as many postings as its terms have documents in all; below this
    /// many a second thread saves little more than it costs (starting it and opening the
    /// posting lists twice). A long question's candidate pass at 100,000 entries reads more
    /// than this, and its second pass opens all of the query's posting lists, so it splits.
    /// A match counting facets splits from a tenth of this. Matches from this many postings
    /// are also the costly ones that may run in two passes. Figures: bench/RESULTS.md,
    /// "Figures behind code constants".
    static constexpr Xapian::doccount kMinPostingsToSplit = 40'000;

    /// folder: the index to open a second handle on (when first needed); none, or a machine
    /// with one core: one thread. Matches of fewer than min_postings run on one thread.
    explicit Matcher(std::optional<std::filesystem::path> folder,
                     Xapian::doccount min_postings = kMinPostingsToSplit);

    /// Drops the second handle (the next split match opens the folder's live generation) and
    /// the facet tables.
    void reopen() {
        helper_.reset();
        facet_tables_.clear();
        facet_uses_.clear();
    }

    /// A slot counted this many times on one revision of a folder's index gets a FacetTable:
    /// reading every entry's values once then costs less than reading the matches' values at
    /// every count (figures: bench/RESULTS.md, "Figures behind code constants"). Not at the
    /// first count: a one-query process (qaquery) pays nothing extra.
    static constexpr unsigned kFacetTableAfter = 2;

    /// The facet tables kept for the current revision.
    [[nodiscard]] std::size_t facet_tables() const { return facet_tables_.size(); }

    /// Whether matches may be split at all (on by default).
    void set_two_threads(bool allowed) { allowed_ = allowed; }

    /// Whether a costly match with a candidate query may run in two passes (on by default).
    void set_two_passes(bool allowed) { two_passes_ = allowed; }

    /// The best request.count matches after request.first of request.query on db (the
    /// Searcher's handle on folder, or any database when there is no folder).
    [[nodiscard]] MatchResult run(const Xapian::Database& db, const MatchRequest& request);

  private:
    // The second handle, at db's revision; nullptr when this match should run on one thread.
    Xapian::Database* helper_for(const Xapian::Database& db, const MatchRequest& request);
    // The match of request on one or two threads, each in two passes if request has a
    // candidate query.
    MatchResult run_parts(const Xapian::Database& db, const MatchRequest& request);
    // request with the facet tables of db's revision that are kept or due.
    MatchRequest with_facet_tables(const Xapian::Database& db, const MatchRequest& request);

    std::optional<std::filesystem::path> folder_;
    Xapian::doccount min_postings_;
    unsigned cores_;  // std::thread::hardware_concurrency() reads /sys: once per Searcher
    bool allowed_ = true;
    bool two_passes_ = true;
    std::optional<Xapian::Database> helper_;
    std::string facet_revision_;  // uuid and revision the facet tables and uses are of
    std::map<Xapian::valueno, unsigned> facet_uses_;
    std::map<Xapian::valueno, FacetTable> facet_tables_;
};

}  // namespace qaindex::detail
