// SPDX-License-Identifier: Apache-2.0
// Scoring: the second stage of ranking, a fitted linear model over features of a candidate.
#pragma once

#include <xapian.h>

#include <array>
#include <set>
#include <cstddef>
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
struct QueryProfile {
    struct Word {
        std::string stem;
        double weight = 1;     ///< the user's weight (repetition, negation; not boosts)
        bool focus = false;    ///< in the subject line (when the text has one)
    };
    std::vector<Word> words;  ///< each stem once
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

/// The weights of one use of the model (search, or Similar Q&A).
using Weights = std::array<double, kFeatureCount>;

/// The fitted weights: data/ranking/weights.tsv as compiled into the library.
struct ScoringModel {
    Weights search{};
    Weights similar{};

    /// The compiled-in model, parsed on first use (thread-safe).
    [[nodiscard]] static const ScoringModel& builtin();
    /// Parses weights.tsv text ("use<TAB>feature<TAB>weight" rows under that header; # lines
    /// and blank lines ignored). Throws InputError naming source and line for a bad row, an
    /// unknown use or feature, a feature given twice, or a feature missing from a use.
    [[nodiscard]] static ScoringModel parse(std::string_view text, std::string_view source);
};

/// Computes features of candidates for one query on one database revision. Caches the idf
/// of the stems and concepts it meets; one per Searcher, clear() when the database changes.
class FeatureScorer {
  public:
    /// kind_stems: the words of kinds of answer (QuestionWords::kind_stems()). They are left
    /// out of the word features: the kind features weigh them, and "treatment" and "treated"
    /// stem apart ("How is lupus treated?" answers "lupus and its treatment").
    explicit FeatureScorer(std::set<std::string> kind_stems = {})
        : kind_stems_(std::move(kind_stems)) {}

    /// The features of a candidate whose first-stage weight is first_stage, the best
    /// candidate's best_first_stage.
    [[nodiscard]] FeatureVector features(const Xapian::Database& db, const QueryProfile& query,
                                         const schema::EntryProfile& entry, double first_stage,
                                         double best_first_stage);

    /// sum of weights[i] * features[i].
    [[nodiscard]] static double score(const Weights& weights, const FeatureVector& features);

    void clear() { idf_.clear(); }

  private:
    // log(N / df) of "Z" + stem (or of a boolean term), at least 0; cached.
    double idf(const Xapian::Database& db, const std::string& term);

    std::unordered_map<std::string, double> idf_;
    std::set<std::string> kind_stems_;
};

}  // namespace qaindex::detail
