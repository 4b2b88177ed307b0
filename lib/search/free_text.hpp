// SPDX-License-Identifier: Apache-2.0
// Free words to weighted query terms: boilerplate, subject line, mentions, synonyms, spelling.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"
#include "search/candidates.hpp"
#include "search/lexicon_index.hpp"
#include "search/scoring.hpp"
#include "lexicon/question_words.hpp"

namespace qaindex::detail {

/// A query term with its weight factor (OP_SCALE_WEIGHT).
struct WeightedTerm {
    std::string term;  ///< as indexed: "Z" + stem
    double weight = 1;
    bool questions_only = false;  ///< looked for in titles and questions only
    /// Other forms weighed as this one term (OP_SYNONYM): the exact words (unprefixed terms)
    /// of the lexicon's misspellings of it that the query wrote ("twiching" for "twitching").
    /// Searched on its own, such a form would weigh by its own rarity, and the few entries
    /// that misspell it alike would outrank those using the word meant; searched by its stem,
    /// "weekness" would find "weeks".
    std::vector<std::string> variants;

    /// The indexed terms searched: term and its variants, term as title and question terms
    /// when questions_only (exact words have no per-field terms: variants are looked for in
    /// the whole consultation).
    [[nodiscard]] std::vector<std::string> searched_terms() const;
};

/// One alternative wording searched for the user's words.
struct Expansion {
    std::string to;                      ///< as the lexicon writes it: "tinnitus"
    std::string stem_term;               ///< "Z" + stem for one word
    std::vector<std::string> any_terms;  ///< or any of these terms ("ZStreat", "ZXQtreat")
    std::vector<std::string> terms;      ///< otherwise the unprefixed words, in order
    bool exact = false;                  ///< terms form an exact phrase (stop words included)
    std::size_t window = 0;              ///< OP_NEAR window when not exact

    [[nodiscard]] Xapian::Query query() const;
    /// Whether a document matching all of matching (its matching query terms) matched this.
    [[nodiscard]] bool matched_by(const std::vector<std::string>& matching) const;
};

/// The alternatives of one run of the user's words, searched as one term (OP_SYNONYM): a
/// document saying "tinnitus" and "ringing in the ears" gains no more than one saying either.
struct ExpansionGroup {
    std::string from;  ///< the user's words: "ringing in my ears"
    std::vector<Expansion> alternatives;
    double weight = 0;

    [[nodiscard]] Xapian::Query query() const;
    /// "ringing in my ears -> tinnitus" for alternative i.
    [[nodiscard]] std::string describe(std::size_t i) const {
        return from + " -> " + alternatives[i].to;
    }
};

/// A misspelled word and its correction.
struct Correction {
    std::string written;    ///< as written in the query
    std::string corrected;  ///< normalised correct word
    bool searched = false;  ///< also added to the query (not only suggested)
};

/// What a run of free words asks for.
struct FreeTextQuery {
    std::vector<WeightedTerm> terms;  ///< the user's words, strongest first
    std::vector<ExpansionGroup> expansions;
    /// Terms of the symptoms and conditions named (not negated), searched as such: every entry
    /// the indexer tagged with one, whatever words or language it used.
    std::vector<std::string> concept_terms;
    std::vector<Mention> mentions;  ///< symptoms and conditions named (negated ones too)
    std::vector<Correction> corrections;
    std::vector<std::string> named_specialties;  ///< canonical specialties the words name
    std::vector<std::string> highlight_stems;    ///< stems of the user's words, for snippets
    std::vector<std::string> highlight_words;    ///< words highlighted as written: misspellings
    std::vector<std::string> secondary_stems;    ///< stems of expansions, for snippets
    QueryProfile profile;                        ///< what the second stage of ranking weighs

    /// OR of the weighted terms, concepts and expansions; an empty Query if there are none.
    [[nodiscard]] Xapian::Query query() const;
    /// query()'s parts as plain terms, in its order (one per subquery of its OR).
    [[nodiscard]] std::vector<ScoredPart> parts() const;
    [[nodiscard]] bool empty() const {
        return terms.empty() && expansions.empty() && concept_terms.empty();
    }
};

/// Turns free words into a FreeTextQuery. Holds what every query reuses; one per Searcher.
class FreeTextAnalyzer {
  public:
    FreeTextAnalyzer(Analyzer& analyzer, const Lexicon& lexicon, const LexiconIndex& index);

    /// Analyses text against db (idf, spelling). expand: add synonyms and concept data.
    /// spelling: ask db's spelling table for words the index lacks (disk indexes only).
    [[nodiscard]] FreeTextQuery analyse(std::string_view text, const Xapian::Database& db,
                                        bool expand, bool spelling);

  private:
    // The query's profile for the second stage of ranking: its content words (with the word
    // meant for a known misspelling), those of its subject line (tokens [0, subject)), its
    // word pairs, its concepts and its kinds of answer.
    QueryProfile profile(const std::vector<Token>& tokens, std::string_view text,
                         const std::vector<bool>& content, std::size_t subject,
                         const std::vector<const std::string*>& meant,
                         const std::vector<Mention>& mentions,
                         const std::vector<QuestionKindMatch>& kinds);
    void mark_boilerplate(const std::vector<Token>& tokens, std::vector<bool>& dropped) const;

    Analyzer& analyzer_;
    const Lexicon& lexicon_;
    const LexiconIndex& index_;
    std::vector<std::vector<std::string>> boilerplate_;  // phrases as analysed terms
    QuestionWords question_words_;
};

}  // namespace qaindex::detail
