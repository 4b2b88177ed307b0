// SPDX-License-Identifier: Apache-2.0
// Similar Q&A helpers: an entry's distinctive question terms, and near-duplicate detection.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "search/free_text.hpp"

namespace qaindex::detail {

/// The stems of an indexed entry's title and question (from its per-field terms).
[[nodiscard]] std::set<std::string> question_stems(const Xapian::Database& db, Xapian::docid docid);

/// The stems of text's non-stop words.
[[nodiscard]] std::set<std::string> text_stems(Analyzer& analyzer, std::string_view text);

/// |a & b| / |a | b|; 0 when both are empty.
[[nodiscard]] double jaccard(const std::set<std::string>& a, const std::set<std::string>& b);

/// A question reduced for equality: ASCII lower-cased, every run of characters other than
/// letters and digits one space.
[[nodiscard]] std::string normalised_question(std::string_view question);

/// Remembers the entries kept so far and tells whether another is a near-duplicate of one of
/// them: identical normalised questions, or title + question stem sets with Jaccard
/// similarity >= ranking::kNearDuplicateJaccard.
class DuplicateFilter {
  public:
    void add(std::set<std::string> stems, std::string question);
    [[nodiscard]] bool is_duplicate(const std::set<std::string>& stems,
                                    const std::string& question) const;

  private:
    struct Kept {
        std::set<std::string> stems;
        std::string question;
    };
    std::vector<Kept> kept_;
};

/// An entry's distinctive words for finding its neighbours: the stems of its title and
/// question, ranked by tf-idf (a title word counting twice), the top ranking::kSimilarTerms,
/// each weighted 1 + log(tf). Words no other entry has are left out.
[[nodiscard]] std::vector<WeightedTerm> entry_terms(const Xapian::Database& db,
                                                    Xapian::docid docid);

}  // namespace qaindex::detail
