// SPDX-License-Identifier: Apache-2.0
// Similar Q&A helpers: an entry's distinctive question terms, and near-duplicate detection.
#pragma once

#include <xapian.h>

#include <optional>
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

/// A question reduced for equality (schema::normalised_text).
[[nodiscard]] std::string normalised_question(std::string_view question);

/// Remembers the entries kept so far and tells which one another entry nearly repeats: title
/// + question stem sets with Jaccard similarity >= ranking::kNearDuplicateJaccard.
class DuplicateFilter {
  public:
    /// Keeps stems as the next entry (its index is the number of entries added before it).
    void add(std::set<std::string> stems);
    /// The index of the first kept entry that stems nearly repeat, if any.
    [[nodiscard]] std::optional<std::size_t> repeated(const std::set<std::string>& stems) const;

  private:
    std::vector<std::set<std::string>> kept_;
};

/// An entry's distinctive words for finding its neighbours: the stems of its title and
/// question, ranked by tf-idf (a title word counting twice), the top ranking::kSimilarTerms,
/// each weighted 1 + log(tf). Words no other entry has are left out.
[[nodiscard]] std::vector<WeightedTerm> entry_terms(const Xapian::Database& db,
                                                    Xapian::docid docid);

}  // namespace qaindex::detail
