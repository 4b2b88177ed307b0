// SPDX-License-Identifier: Apache-2.0
// Free words to weighted query terms: boilerplate, subject line, mentions, synonyms, spelling.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/question_words.hpp"
#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"
#include "search/candidates.hpp"
#include "search/lexicon_index.hpp"
#include "search/scoring.hpp"

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

/// A text on its way through FreeTextAnalyzer's stages: its tokens and what the stages have
/// found out about them so far. Each stage reads what the earlier ones filled in.
struct QueryText {
    std::string_view text;
    std::vector<Token> tokens;
    /// Tokens of the polite frame ("I would like to know", "thank you"): not searched unless
    /// the text holds nothing else.
    std::vector<bool> dropped;
    bool any_content = false;       ///< a searchable token that is neither a stop word nor dropped
    std::size_t subject = 0;        ///< tokens [0, subject) are the subject line; 0: none
    std::vector<Mention> mentions;  ///< symptoms and conditions named (negated ones too)
    /// Per token, the word meant when it is a misspelling the lexicon lists, else nullptr.
    std::vector<const std::string*> meant;

    /// Whether token i is searched: short enough to index, not a stop word, not dropped.
    [[nodiscard]] bool content(std::size_t i) const;
    /// content(i) and not a Compound token (a word of its own).
    [[nodiscard]] bool word(std::size_t i) const;
    /// Whether a sentence ends between tokens before and after (. ? ! ; or a line break).
    [[nodiscard]] bool sentence_break(std::size_t before, std::size_t after) const;
    /// The stem of token i, or of the word meant when it is a known misspelling.
    [[nodiscard]] std::string stem_of(std::size_t i, Analyzer& analyzer) const;
};

/// The user's words by stem term, before the strongest are kept.
struct StemWeights {
    struct Entry {
        double weight = 0;  ///< the strongest occurrence's weight
        std::size_t occurrences = 0;
        std::size_t first = 0;  ///< the first occurrence's token
    };
    std::map<std::string, Entry> stems;
    /// Exact forms searched as the same term, by the stem term meant ("twiching").
    std::map<std::string, std::vector<std::string>> variants;
    /// The misspellings written, to highlight as written.
    std::vector<std::string> written_forms;

    /// One more occurrence of term at token, weighing weight.
    void add(const std::string& term, double weight, std::size_t token);
};

/// Turns free words into a FreeTextQuery, in stages (analyse() runs them in order; each is
/// public so that it can be tested on its own). Holds what every query reuses; one per
/// Searcher.
class FreeTextAnalyzer {
  public:
    FreeTextAnalyzer(Analyzer& analyzer, const Lexicon& lexicon, const LexiconIndex& index);

    /// Analyses text against db (idf, spelling). expand: add synonyms and concept data.
    /// spelling: ask db's spelling table for words the index lacks (disk indexes only). Text
    /// of stop words only gives an empty query.
    [[nodiscard]] FreeTextQuery analyse(std::string_view text, const Xapian::Database& db,
                                        bool expand, bool spelling);

    /// 1. The tokens of text, the polite frame dropped (kept when it is all there is).
    [[nodiscard]] QueryText read(std::string_view text) const;
    /// 2. Where the subject line of a pasted question ends ("High blood pressure. I know you
    /// may not answer this but..."): a first sentence of at most ranking::kSubjectMaxWords
    /// words followed by more content; 0 when there is none.
    [[nodiscard]] static std::size_t subject_line(const QueryText& text);
    /// 3. The symptoms and conditions the lexicon finds whose words really name them (not a
    /// form that only the lexicon's loose matching connects).
    [[nodiscard]] std::vector<Mention> mentions(const QueryText& text) const;
    /// 4. Per token, the word meant when it is a misspelling the lexicon lists ("twiching")
    /// that the index holds no more often than that word (else it is a real word here).
    [[nodiscard]] std::vector<const std::string*> misspellings(const QueryText& text,
                                                               const Xapian::Database& db) const;
    /// 5. Each token's weight: x (1 + kSubjectBoost) in the subject line, x (1 +
    /// kMentionBoost) in a mention, x kNegatedWeight in a negated one.
    [[nodiscard]] static std::vector<double> token_weights(const QueryText& text);
    /// 6. The content words by stem, a misspelling under the word meant.
    [[nodiscard]] StemWeights stem_weights(const QueryText& text,
                                           const std::vector<double>& weight) const;
    /// 7. Corrections: the lexicon's known misspellings, and for words that no entry, no
    /// lexicon form and no English dictionary word (is_english_word) holds, the spelling
    /// table's suggestion (searched too, added to stems, for words of
    /// ranking::kAutoCorrectMinLength bytes or more).
    [[nodiscard]] std::vector<Correction> corrections(const QueryText& text,
                                                      const std::vector<double>& weight,
                                                      StemWeights& stems,
                                                      const Xapian::Database& db,
                                                      bool spelling) const;
    /// 8. The strongest ranking::kMaxQueryTerms stems by weight x idf, strongest first, all
    /// but the first ranking::kFullTextWords looked for in titles and questions only.
    [[nodiscard]] static std::vector<WeightedTerm> strongest_terms(const StemWeights& stems,
                                                                   const Xapian::Database& db);
    /// 9. What the second stage of ranking weighs (search/scoring.hpp).
    [[nodiscard]] QueryProfile profile(const QueryText& text,
                                       const std::vector<QuestionKindMatch>& kinds) const;
    /// The kinds of question this analyser recognises.
    [[nodiscard]] const QuestionWords& question_words() const { return question_words_; }

    /// 11. The canonical specialties the text names ("neurologist").
    [[nodiscard]] std::vector<std::string> named_specialties(const QueryText& text) const;

  private:
    // 10. Expansions: the concepts named, word synonyms, the other words of a kind of
    // question. They share the state below, in this order.
    struct Expanding;
    void add_concepts(Expanding& state, FreeTextQuery& out) const;
    void add_synonyms(Expanding& state, const Xapian::Database& db, FreeTextQuery& out) const;
    void add_group(Expanding& state, std::size_t first, std::size_t last,
                   const std::vector<SynonymPhrase>& phrases, const Xapian::Database& db,
                   FreeTextQuery& out) const;
    void add_question_kinds(Expanding& state, const std::vector<QuestionKindMatch>& kinds,
                            FreeTextQuery& out) const;
    void mark_boilerplate(const std::vector<Token>& tokens, std::vector<bool>& dropped) const;

    Analyzer& analyzer_;
    const Lexicon& lexicon_;
    const LexiconIndex& index_;
    std::vector<std::vector<std::string>> boilerplate_;  // phrases as analysed terms
    QuestionWords question_words_;
};

}  // namespace qaindex::detail
