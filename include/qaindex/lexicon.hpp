// SPDX-License-Identifier: Apache-2.0
// Lexicon: symptoms, conditions, specialties and lay <-> clinical synonyms (data/lexicon/).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"

namespace qaindex {

namespace detail {
struct LexiconAccess;
}

/// A symptom: one row of data/lexicon/symptoms.tsv.
struct Symptom {
    std::string id{};                         ///< "SYMP:0000462" or a project id "QA:..."
    std::string name{};                       ///< canonical English name: "muscle twitching"
    std::optional<std::string> parent{};      ///< parent symptom id
    std::vector<std::string> specialties{};   ///< canonical specialty names that handle it
    std::vector<std::string> clinical{};      ///< clinical synonyms: "fasciculation"
    std::vector<std::string> lay{};           ///< everyday phrasings: "muscle jumping"
    std::vector<std::string> misspellings{};  ///< "twiching"
    std::vector<std::string> chinese{};       ///< 抽搐, 痙攣

    bool operator==(const Symptom&) const = default;
};

/// A condition (disease or disorder) users search for: one row of conditions.tsv.
struct Condition {
    std::string id{};    ///< "QA:bells-palsy", or a DOID where one is known
    std::string name{};  ///< "Bell's palsy"
    std::vector<std::string> specialties{};
    std::vector<std::string> clinical{};  ///< "idiopathic facial paralysis"
    std::vector<std::string> lay{};       ///< "face drooping on one side"
    std::vector<std::string> chinese{};

    bool operator==(const Condition&) const = default;
};

/// A medical specialty: one row of specialties.tsv.
struct Specialty {
    std::string name{};                  ///< canonical: "Neurology"
    std::vector<std::string> aliases{};  ///< "neurologist", "neuro", "Dept. of Neurology"
    std::vector<std::string> chinese{};  ///< 神經內科, 神经科

    bool operator==(const Specialty&) const = default;
};

/// Phrases that mean the same thing, clinical and lay (synonyms.tsv, plus every symptom's
/// and condition's names). For a symptom or condition, clinical holds its name and clinical
/// forms, lay its lay forms, misspellings and Chinese forms.
struct SynonymGroup {
    std::vector<std::string> clinical{};  ///< "myocardial infarction"
    std::vector<std::string> lay{};       ///< "heart attack"

    bool operator==(const SynonymGroup&) const = default;
};

/// What a mention refers to.
enum class ConceptKind { Symptom, Condition };

/// A symptom or condition found in text.
struct Mention {
    ConceptKind kind = ConceptKind::Symptom;
    std::string id{};              ///< Symptom::id or Condition::id
    std::size_t first_token = 0; ///< index into the analysed tokens
    std::size_t last_token = 0;  ///< inclusive
    std::size_t begin = 0;       ///< byte offsets in the text
    std::size_t end = 0;
    bool negated = false;        ///< "no fever", "denies chest pain", "without numbness"
    bool hypothetical = false;   ///< "see a doctor if you notice weakness", 如果出现胸痛

    bool operator==(const Mention&) const = default;
};

/// The medical lexicon. Loading analyses every phrase once; afterwards a Lexicon is
/// immutable and may be shared between threads. Matching is multi-word, stemmed, case- and
/// script-insensitive, and tolerates stop words that differ inside a phrase
/// ("ringing in my ears" matches "ringing in the ears").
class Lexicon {
public:
    /// The lexicon compiled into the library from data/lexicon/: read and analysed when the
    /// library was built, loaded on first use (thread-safe) in a few milliseconds, and kept
    /// until the process ends. Equal in every respect to load() of data/lexicon/.
    [[nodiscard]] static const Lexicon& builtin();
    /// Reads symptoms.tsv, conditions.tsv, specialties.tsv and synonyms.tsv from dir.
    /// Throws InputError naming file and line for a malformed row: wrong header or cell
    /// count, invalid UTF-8, empty or duplicate id, unknown parent or parent cycle, a
    /// specialty that specialties.tsv does not know, a specialty alias naming two
    /// specialties, a phrase of nothing but stop words; or naming the file it cannot read.
    [[nodiscard]] static Lexicon load(const std::filesystem::path& dir);

    ~Lexicon();
    Lexicon(Lexicon&&) noexcept;
    Lexicon& operator=(Lexicon&&) noexcept;
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    [[nodiscard]] const std::vector<Symptom>& symptoms() const;
    [[nodiscard]] const std::vector<Condition>& conditions() const;
    [[nodiscard]] const std::vector<Specialty>& specialties() const;
    [[nodiscard]] const std::vector<SynonymGroup>& synonym_groups() const;

    /// A symptom by id (exact) or by any of its names or forms ("facial twitching",
    /// "Twitching of the face", 抽搐), compared as find_mentions compares phrases. nullptr if
    /// none; where two symptoms share a form, the first in the file.
    [[nodiscard]] const Symptom* find_symptom(std::string_view id_or_name) const;
    /// A condition by id or by any of its names or forms.
    [[nodiscard]] const Condition* find_condition(std::string_view id_or_name) const;
    /// The parent chain of a symptom, nearest first (not including id itself).
    [[nodiscard]] std::vector<std::string> symptom_ancestors(std::string_view id) const;

    /// The canonical specialty for any form of it: "neurologist", "Dept. of Neurology",
    /// "neuro", 神經內科 -> "Neurology". Case, script, punctuation, stop words and the words
    /// dept, department, division, clinic, service, section, unit, center, 门诊, 科室 do not
    /// matter; the rest must equal a name, alias or Chinese form. nullopt if unknown.
    [[nodiscard]] std::optional<std::string> canonical_specialty(std::string_view text) const;

    /// The symptoms and conditions mentioned in analysed text (tokens from an Analyzer with
    /// default options), in text order, negation marked. Where candidate phrases overlap the
    /// longest (most words, then widest) wins; a phrase naming several concepts yields one
    /// Mention each, with the same range. Between two words of a phrase the text may hold up
    /// to 3 stop words, none starting a clause.
    ///
    /// Negated: a cue (no, not, never, without, denies, don't, negative for, free of,
    /// absence of, 没有, 无, 否认, 未 ...) before the mention in the same clause, with at most
    /// 3 stop words or filler words (history, any, signs, experiencing ...) in between; a
    /// mention right after a negated one ("no fever or cough"); and comma lists ("denies
    /// fever, chills, or night sweats"). "no improvement in my headache" is not negated.
    /// Cues after the mention are not recognised. Details: lib/lexicon/negation.cpp.
    [[nodiscard]] std::vector<Mention> find_mentions(const std::vector<Token>& tokens) const;

    /// Every group of equivalent phrases, each phrase analysed into unstemmed terms joined by
    /// single spaces, stop words and Compound tokens left out ("x-ray image" -> "x ray
    /// image"): the form written to the index's synonym table. Duplicates are merged and
    /// groups with fewer than two distinct phrases left out.
    [[nodiscard]] std::vector<std::vector<std::string>> analysed_synonym_groups() const;

    /// A short fingerprint of the lexicon's content (changes when any file changes): 16 hex
    /// digits of a 64-bit FNV-1a hash of the four files' bytes.
    [[nodiscard]] std::string fingerprint() const;

private:
    friend struct detail::LexiconAccess;  // the compiled form (lib/lexicon/compiled_lexicon.hpp)
    struct Impl;
    explicit Lexicon(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace qaindex
