// SPDX-License-Identifier: Apache-2.0
// Scoring: the second stage of ranking, a fitted linear model over features of a candidate.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/schema.hpp"

namespace qaindex::detail {

/// The parts of a match that the second stage weighs. Each is a number about one candidate
/// for one query, mostly a share in [0, 1], so that one weight fits queries of any length.
/// The reason for each is beside its computation (scoring.cpp); the fitted weights are in
/// data/ranking/weights.tsv, their figures in bench/RESULTS-ranking.md.
enum class Feature : std::size_t {
    FirstStage,       ///< the first stage's weight (BM25 and boosts), over the best candidate's
    PlainBm25,        ///< BM25 of all the query's words in title and question, over the best
    Coverage,         ///< share of the query words' weight found in title or question
    TitleCoverage,    ///< the same, in the title
    FocusCoverage,    ///< the same for the query's focus words (its subject line, or all)
    Precision,        ///< share of the title and question's word weight that the query holds
    TitlePrecision,   ///< the same, of the title
    ConceptOverlap,   ///< share of the query's concepts' weight the entry names
    FocusConcept,     ///< share of the query's focus concepts the entry's title names
    ForeignConcepts,  ///< share of the title's concepts that the query does not name
    KindMatch,        ///< the query asks a kind of answer the entry asks too
    KindMismatch,     ///< both ask kinds of answer, none in common
    KindUnasked,      ///< the entry asks a kind of answer, the query none ("what is X")
    Proximity,        ///< share of the query's word pairs found together in title or question
    Length,           ///< log(1 + stems in title and question)
    Count
};
inline constexpr std::size_t kFeatureCount = static_cast<std::size_t>(Feature::Count);

/// "first_stage", "coverage", ...: the names used in weights.tsv, --explain and the
/// feature dumps of bench/eval.
[[nodiscard]] std::string_view feature_name(Feature feature);

using FeatureVector = std::array<double, kFeatureCount>;

/// What the second stage knows of a query: its words, concepts and kinds of answer.
/// Word sequences hold stems, and stop words as schema::kProfileStopWord + the word.
struct QueryProfile {
    struct Word {
        std::string stem;
        double weight = 1;   ///< the user's weight (repetition, negation; not boosts)
        bool focus = false;  ///< in the subject line (when the text has one)
        /// Other stems an entry may hold for this word: a known misspelling as the user
        /// wrote it ("twich" for "twitch"), found as the word meant, as in the first stage.
        std::vector<std::string> forms{};
    };
    std::vector<Word> words;  ///< each content stem once
    /// Every word of the text in order, stop words marked (for Feature::PlainBm25).
    std::vector<std::string> text_words;
    /// Stems of consecutive content words (no sentence break between them), in order.
    std::vector<std::pair<std::string, std::string>> pairs;
    std::vector<std::string> concepts;        ///< concept terms named, not negated
    std::vector<std::string> focus_concepts;  ///< those of the subject line, else all
    std::vector<std::string> kinds;           ///< kinds of answer asked ("treatment")

    [[nodiscard]] bool empty() const { return words.empty() && concepts.empty(); }
};

/// The query profile of an indexed entry, for its Similar Q&A: its title and question words
/// (title words focus), concepts and kinds.
[[nodiscard]] QueryProfile entry_query_profile(const schema::EntryProfile& entry);

/// One weight per feature.
using Weights = std::array<double, kFeatureCount>;

/// The weights of one use of the model (search, or Similar Q&A): a short question and a long
/// one are ranked by different weights. A short well-formed question ("What are the symptoms
/// of X?") is matched by its kind of answer and the share of its words an entry holds; a long
/// pasted one by its subject line, its concepts and the paraphrase a plain BM25 finds.
struct UseWeights {
    Weights short_questions{};  ///< for a query of brevity 1 (FeatureScorer::brevity)
    Weights long_questions{};   ///< for a query of brevity 0

    /// The weights of a query of this brevity: brevity x short_questions + (1 - brevity) x
    /// long_questions.
    [[nodiscard]] Weights blend(double brevity) const;
};

/// Whether weights weigh the first stage alone (every other weight 0): the order is then the
/// first stage's, and no feature needs computing.
[[nodiscard]] bool first_stage_alone(const Weights& weights);

/// The fitted weights: data/ranking/weights.tsv as compiled into the library, whose uses are
/// search-short, search-long, similar-short and similar-long. search ranks searches and Similar
/// Q&A of a new question (the same task: entries asking what it asks); similar ranks Similar
/// Q&A of an indexed entry.
struct ScoringModel {
    UseWeights search{};
    UseWeights similar{};

    /// The compiled-in model, parsed on first use (thread-safe).
    [[nodiscard]] static const ScoringModel& builtin();
    /// Parses weights.tsv text ("use<TAB>feature<TAB>weight" rows under that header; # lines
    /// and blank lines ignored). Throws InputError naming source and line for a bad row, an
    /// unknown use or feature, a feature given twice, or a feature missing from a use.
    [[nodiscard]] static ScoringModel parse(std::string_view text, std::string_view source);
};

/// One candidate of the first stage, as the second stage sees it.
struct ScoredCandidate {
    schema::EntryProfile profile;
    double first_stage = 0;  ///< its first-stage weight
};

/// Computes the features of candidates for one query on one database revision. Caches the
/// document frequencies of the words and concepts it meets; one per Searcher, clear() when
/// the database changes.
class FeatureScorer {
  public:
    /// kind_stems: the words of kinds of answer (QuestionWords::kind_stems()). They are left
    /// out of the word features: the kind features weigh them, and "treatment" and "treated"
    /// stem apart ("How is lupus treated?" answers "lupus and its treatment").
    explicit FeatureScorer(std::set<std::string> kind_stems = {})
        : kind_stems_(std::move(kind_stems)) {}

    /// The features of each candidate, in order, whatever the query's length (its brevity
    /// chooses the weights, not the features). FirstStage and PlainBm25 are shares of the best
    /// candidate's; PlainBm25's document lengths are compared with the candidates' mean.
    [[nodiscard]] std::vector<FeatureVector> features(
        const Xapian::Database& db, const QueryProfile& query,
        const std::vector<ScoredCandidate>& candidates);

    /// How short the query is, in [0, 1]: 1 up to ranking::kShortQuestionWords words
    /// (besides words of kinds of answer), falling linearly to 0 at
    /// ranking::kLongQuestionWords. The query's weights are UseWeights::blend(brevity).
    [[nodiscard]] double brevity(const QueryProfile& query) const;

    /// sum of weights[i] * features[i].
    [[nodiscard]] static double score(const Weights& weights, const FeatureVector& features);

    void clear() { frequency_.clear(); }

  private:
    // Entries holding term (cached).
    double frequency(const Xapian::Database& db, const std::string& term);
    // log(N / df) of a stem ("Z" + stem) or a concept term, at least 0; 0 for a term in no
    // entry.
    double idf(const Xapian::Database& db, const std::string& term);
    // BM25's (Lucene's) idf of a profile word: a stop word by its exact term.
    double bm25_idf(const Xapian::Database& db, const std::string& word);
    // What the features need of the query, worked out once for all its candidates.
    struct QueryTerms;
    QueryTerms query_terms(const Xapian::Database& db, const QueryProfile& query);
    // The features of one candidate, but for the shares of the best (FirstStage, PlainBm25
    // hold raw values).
    FeatureVector raw_features(const Xapian::Database& db, const QueryProfile& query,
                               const QueryTerms& terms, const ScoredCandidate& candidate,
                               double mean_length);

    std::unordered_map<std::string, double> frequency_;
    std::set<std::string> kind_stems_;
};

}  // namespace qaindex::detail
