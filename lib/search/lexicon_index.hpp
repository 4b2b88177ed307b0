// SPDX-License-Identifier: Apache-2.0
// LexiconIndex: the lexicon arranged for query expansion: concept forms, word synonyms,
// misspellings.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/binary_io.hpp"
#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex::detail {

/// One phrase of the lexicon, analysed once.
struct SynonymPhrase {
    std::vector<std::string> terms;  ///< unstemmed terms, stop words included
    std::vector<bool> stopword;      ///< per term
    std::vector<std::string> stems;  ///< stems of the non-stop terms
    std::string key;          ///< how it is looked up: stems of non-stop terms, stop words as
                              ///< written, joined by ' ' ("work out", "ring in the ear")
    std::string content_key;  ///< stems of the non-stop terms only ("ring ear")
    std::string text;         ///< the phrase as written in the lexicon
    bool han = false;         ///< Chinese (or Japanese) rather than English

    bool operator==(const SynonymPhrase&) const = default;
};

/// The lexicon arranged for query expansion, built once per lexicon, immutable:
///  * every form of every symptom and condition (name, clinical and lay names, Chinese), to
///    expand a mention the lexicon's own matcher found;
///  * the groups of synonyms.tsv (word-level synonyms: "renal" = "kidney"), keyed by their
///    exact analysed form so that a run of query words finds its group with one lookup;
///  * the lexicon's misspellings, word by word ("twiching" -> "twitching").
class LexiconIndex {
  public:
    /// The index of Lexicon::builtin(), compiled into the library with it and loaded on first
    /// use (thread-safe).
    [[nodiscard]] static std::shared_ptr<const LexiconIndex> of_builtin();
    /// The index of lexicon (for a lexicon other than the builtin one), built now.
    [[nodiscard]] static std::shared_ptr<const LexiconIndex> build(const Lexicon& lexicon);

    /// Writes the index (the compiled lexicon), in an order independent of how it was built.
    void write(BinaryWriter& out) const;
    /// The index write() wrote, reading each concept's forms only when first asked for: the
    /// bytes in reads must outlive the index (the compiled lexicon's do). Throws Error on data
    /// of another format or corrupt data (a concept's own bytes: when they are read).
    [[nodiscard]] static std::shared_ptr<const LexiconIndex> read(BinaryReader& in);

    /// The forms of a symptom or condition by its id; nullptr if unknown. Thread-safe: a
    /// compiled index reads a concept's forms the first time they are asked for.
    [[nodiscard]] const std::vector<SynonymPhrase>* concept_forms(ConceptKind kind,
                                                                  const std::string& id) const;
    /// Whether words of a query can name the concept: their stems are those of one of its
    /// forms (content_key), or their words are exactly one of its misspellings (terms joined
    /// by ' '). A misspelling matched by its stem would name common words: "weekness" stems to
    /// "week".
    [[nodiscard]] bool names_concept(ConceptKind kind, const std::string& id,
                                     const std::string& content_key,
                                     const std::string& terms) const;
    /// The word-synonym groups holding a phrase with this key.
    [[nodiscard]] const std::vector<std::size_t>* groups_of(const std::string& key) const;
    /// The phrases of one word-synonym group.
    [[nodiscard]] const std::vector<SynonymPhrase>& group(std::size_t index) const {
        return groups_[index];
    }
    /// The longest word-synonym phrase, in terms.
    [[nodiscard]] std::size_t longest_phrase() const { return longest_; }
    /// The correct spelling of a normalised misspelled word ("twiching" -> "twitching"), or
    /// nullptr.
    [[nodiscard]] const std::string* correction(const std::string& misspelling) const;
    /// Whether a normalised word is a word of a correct (not misspelled) English form of the
    /// lexicon: a real word, never a spelling mistake.
    [[nodiscard]] bool knows_word(const std::string& word) const;

  private:
    /// A symptom's or condition's forms, and the keys that name it: its forms' content keys
    /// and, for a symptom, its misspellings' words.
    struct Concept {
        std::vector<SynonymPhrase> forms;
        std::unordered_set<std::string> keys;
    };
    /// The concept by its key ("S:id", "C:id"), read from compiled_concepts_ the first time;
    /// nullptr if unknown.
    [[nodiscard]] const Concept* concept_of(const std::string& key) const;

    std::vector<std::vector<SynonymPhrase>> groups_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
    mutable std::mutex concepts_mutex_;  // guards concepts_ while concept_of() fills it
    mutable std::unordered_map<std::string, Concept> concepts_;  // "S:id", "C:id"
    std::unordered_map<std::string, std::string_view> compiled_concepts_;  // not read yet
    std::unordered_map<std::string, std::string> corrections_;
    std::unordered_set<std::string> known_words_;
    std::size_t longest_ = 0;
};

}  // namespace qaindex::detail
