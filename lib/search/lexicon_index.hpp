// SPDX-License-Identifier: Apache-2.0
// LexiconIndex: the lexicon rearranged for query time: synonym phrases by stem key, misspellings.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex::detail {

/// One phrase of a synonym group, analysed once.
struct SynonymPhrase {
    std::vector<std::string> terms;  ///< unstemmed terms, stop words included
    std::vector<std::string> stems;  ///< stems of the non-stop terms (the lookup key's parts)
    std::string key;                 ///< stems joined by ' '
    std::string text;                ///< terms joined by ' ' (for messages)
};

/// The lexicon arranged for query expansion: every phrase of every synonym group keyed by its
/// non-stop stems, so a run of query words finds its group with one hash lookup, and the
/// lexicon's misspellings keyed by their normalised form. Immutable once built.
class LexiconIndex {
public:
    /// The index of Lexicon::builtin(), built on first use (thread-safe).
    [[nodiscard]] static std::shared_ptr<const LexiconIndex> of_builtin();
    /// The index of lexicon (for a lexicon other than the builtin one), built now.
    [[nodiscard]] static std::shared_ptr<const LexiconIndex> build(const Lexicon& lexicon);

    /// The groups holding a phrase with this stem key ("ring ear").
    [[nodiscard]] const std::vector<std::size_t>* groups_of(const std::string& key) const;
    /// The phrases of one group.
    [[nodiscard]] const std::vector<SynonymPhrase>& group(std::size_t index) const {
        return groups_[index];
    }
    /// The longest phrase, in non-stop words.
    [[nodiscard]] std::size_t longest_phrase() const { return longest_; }
    /// The correct spelling of a normalised misspelled word or phrase ("twiching" ->
    /// "twitching"), or nullptr.
    [[nodiscard]] const std::string* correction(const std::string& misspelling) const;

private:
    std::vector<std::vector<SynonymPhrase>> groups_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
    std::unordered_map<std::string, std::string> corrections_;
    std::size_t longest_ = 0;
};

}  // namespace qaindex::detail
