// SPDX-License-Identifier: Apache-2.0
// Candidate terms: a long question's rarer parts as plain terms, scored a term at a time.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace qaindex::detail {

/// One part of a scored disjunction as plain terms: what Xapian weights as one term.
struct ScoredPart {
    /// One term, or several weighted as one (OP_SYNONYM: their within-document frequencies
    /// summed). Phrase and proximity alternatives are left out (see best_candidates).
    std::vector<std::string> terms;
    double factor = 1;     ///< OP_SCALE_WEIGHT
    bool boolean = false;  ///< a concept or specialty term weighted by its idf (TermBoostSource)
};

/// The candidate query of a costly match (see Matcher) as plain terms.
struct CandidateTerms {
    std::vector<ScoredPart> parts;      ///< a document matching any of them is a candidate
    std::vector<ScoredPart> boosts;     ///< add to a candidate's weight, never match alone
    std::vector<std::string> excluded;  ///< documents holding one are never candidates
    /// The query's other parts (the common ones), for the match estimate only.
    std::vector<ScoredPart> others;
    [[nodiscard]] bool empty() const { return parts.empty(); }
};

struct Candidate {
    Xapian::docid docid = 0;
    double weight = 0;
};

struct Candidates {
    std::vector<Candidate> best;   ///< best first; equal weights in document id order
    Xapian::doccount matched = 0;  ///< documents of the range matching any part
};

/// The best count documents with ids in [first, last] by terms, weighted as Xapian weighs
/// the equivalent query (OR of the parts, AND_MAYBE the boosts, AND_NOT the excluded terms)
/// by BM25 without document length (ranking::kBm25K1, b = 0) and TermBoostSource, but read a
/// term at a time into an array of the range's documents. Xapian's matcher merges the parts'
/// posting lists a document at a time through a tree of OR nodes, which costs about three
/// times as much (bench/RESULTS.md, "Figures behind code constants"). A synonym's document
/// frequency is estimated as Xapian does (its terms assumed independent); phrase alternatives of a
/// synonym are not read, so a document matching only those is not a candidate (the second pass
/// weighs them as Xapian does).
[[nodiscard]] Candidates best_candidates(const Xapian::Database& db, const CandidateTerms& terms,
                                         Xapian::doccount count, Xapian::docid first,
                                         Xapian::docid last);

/// The documents the whole query matches, estimated as Xapian estimates an OR (its parts
/// independent) from the matched candidates and terms.others' document frequencies, without
/// opening a posting list (Xapian's own estimate opens every one, a measurable part of a long
/// question's time: bench/RESULTS.md, "Figures behind code constants"). Never below matched.
[[nodiscard]] Xapian::doccount estimated_matches(const Xapian::Database& db,
                                                 const CandidateTerms& terms,
                                                 Xapian::doccount matched);

}  // namespace qaindex::detail
