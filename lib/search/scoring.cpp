// SPDX-License-Identifier: Apache-2.0
// Scoring: the features of a candidate, and the fitted weights that combine them.
#include "search/scoring.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "lexicon/embedded_files.hpp"
#include "qaindex/errors.hpp"
#include "search/ranking.hpp"

namespace qaindex::detail {
namespace {

constexpr std::array<std::string_view, kFeatureCount> kNames = {
    "first_stage", "plain_bm25",      "coverage",        "title_coverage", "focus_coverage",
    "precision",   "title_precision", "concept_overlap", "focus_concept",  "foreign_concepts",
    "kind_match",  "kind_mismatch",   "kind_unasked",    "proximity",      "length",
};

// The stop words of plain BM25: the classic English list of Lucene's EnglishAnalyzer, much
// shorter than the Analyzer's. "what", "why", "how" and "do" are left in: an FAQ that repeats
// a question's words, these ones included, is likelier its paraphrase.
const std::set<std::string_view> kClassicStopWords = {
    "a",   "an",    "and",  "are",   "as",    "at",   "be",   "but", "by",  "for",  "if",
    "in",  "into",  "is",   "it",    "no",    "not",  "of",   "on",  "or",  "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "to",  "was", "will", "with"};

bool is_stop_word(const std::string& word) {
    return !word.empty() && word.front() == schema::kProfileStopWord;
}

// The index term of a stem: "Z" + stem.
std::string stem_term(std::string_view stem) {
    std::string term(schema::kStem);
    term += stem;
    return term;
}

// The content stems of a profile's word sequence, in order.
std::vector<std::string> content_stems(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& word : words) {
        if (!is_stop_word(word)) {
            out.push_back(word);
        }
    }
    return out;
}

// Whether plain BM25 weighs a profile word.
bool plain_word(const std::string& word) {
    return !is_stop_word(word) || !kClassicStopWords.contains(std::string_view(word).substr(1));
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Whether b follows a within ranking::kPairWindow stems somewhere in stems.
bool together(const std::vector<std::string>& stems, const std::string& a, const std::string& b) {
    for (std::size_t i = 0; i < stems.size(); ++i) {
        if (stems[i] != a) {
            continue;
        }
        for (std::size_t j = i + 1; j < stems.size() && j <= i + ranking::kPairWindow; ++j) {
            if (stems[j] == b) {
                return true;
            }
        }
    }
    return false;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\r')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::string_view feature_name(Feature feature) {
    return kNames.at(static_cast<std::size_t>(feature));
}

QueryProfile entry_query_profile(const schema::EntryProfile& entry) {
    QueryProfile out;
    const std::vector<std::string> title = content_stems(entry.title);
    const std::vector<std::string> question = content_stems(entry.question);
    auto add_word = [&](const std::string& stem, bool focus) {
        for (QueryProfile::Word& word : out.words) {
            if (word.stem == stem) {
                word.focus = word.focus || focus;
                return;
            }
        }
        out.words.push_back({.stem = stem, .focus = focus});
    };
    auto add_pairs = [&](const std::vector<std::string>& stems) {
        for (std::size_t i = 0; i + 1 < stems.size() && out.pairs.size() < ranking::kMaxQueryPairs;
             ++i) {
            out.pairs.emplace_back(stems[i], stems[i + 1]);
        }
    };
    const bool titled = !title.empty();
    for (const std::string& stem : title) {
        add_word(stem, true);
    }
    for (const std::string& stem : question) {
        add_word(stem, !titled);
    }
    add_pairs(title);
    add_pairs(question);
    out.text_words = entry.title;
    out.text_words.insert(out.text_words.end(), entry.question.begin(), entry.question.end());
    out.concepts = entry.concepts;
    out.focus_concepts = titled ? entry.title_concepts : entry.concepts;
    out.kinds = entry.kinds;
    return out;
}

double FeatureScorer::frequency(const Xapian::Database& db, const std::string& term) {
    const auto it = frequency_.find(term);
    if (it != frequency_.end()) {
        return it->second;
    }
    const double value = db.get_termfreq(term);
    frequency_.emplace(term, value);
    return value;
}

double FeatureScorer::idf(const Xapian::Database& db, const std::string& term) {
    // A word no entry holds can be found in none: it weighs nothing either way.
    const double n = frequency(db, term);
    const double documents = std::max(1.0, static_cast<double>(db.get_doccount()));
    return n <= 0 ? 0.0 : std::max(0.0, std::log(documents / n));
}

double FeatureScorer::bm25_idf(const Xapian::Database& db, const std::string& word) {
    const double n =
        is_stop_word(word) ? frequency(db, word.substr(1)) : frequency(db, stem_term(word));
    const double documents = static_cast<double>(db.get_doccount());
    return n <= 0 ? 0.0 : std::log(1.0 + (documents - n + 0.5) / (n + 0.5));
}

// The query's side of the features: the same for every candidate, so worked out once (with
// the candidates' side, sorted vectors rather than sets: the second stage scores a hundred
// candidates per query, and building sets of strings for each was most of its time).
struct FeatureScorer::QueryTerms {
    struct Word {
        const QueryProfile::Word* word;
        double weight;  ///< the user's weight x idf
    };
    struct Pair {
        const std::string* a;
        const std::string* b;
        double weight;  ///< the rarer word's idf
    };
    std::map<std::string, double, std::less<>> plain_counts;  ///< plain BM25's query words
    std::vector<Word> words;                                  ///< but the words of kinds
    std::set<std::string, std::less<>> stems;                 ///< their stems and forms
    std::map<std::string, std::string, std::less<>> meant;    ///< a misspelling -> its word
    bool has_focus = false;
    std::vector<double> concept_weights;  ///< of query.concepts, in order
    double concept_total = 0;
    std::vector<Pair> pairs;  ///< but pairs with a word of a kind
    double pair_total = 0;
};

FeatureScorer::QueryTerms FeatureScorer::query_terms(const Xapian::Database& db,
                                                     const QueryProfile& query) {
    QueryTerms out;
    for (const std::string& word : query.text_words) {
        if (plain_word(word)) {
            out.plain_counts[word] += 1;
        }
    }
    for (const QueryProfile::Word& word : query.words) {
        out.has_focus = out.has_focus || word.focus;
        for (const std::string& form : word.forms) {
            out.meant.emplace(form, word.stem);
        }
        if (kind_stems_.contains(word.stem)) {
            continue;
        }
        out.stems.insert(word.stem);
        out.stems.insert(word.forms.begin(), word.forms.end());
        out.words.push_back({.word = &word, .weight = word.weight * idf(db, stem_term(word.stem))});
    }
    for (const std::string& term : query.concepts) {
        out.concept_weights.push_back(idf(db, term));
        out.concept_total += out.concept_weights.back();
    }
    for (const auto& [a, b] : query.pairs) {
        if (kind_stems_.contains(a) || kind_stems_.contains(b)) {
            continue;
        }
        const double weight = std::min(idf(db, stem_term(a)), idf(db, stem_term(b)));
        out.pairs.push_back({.a = &a, .b = &b, .weight = weight});
        out.pair_total += weight;
    }
    return out;
}

std::vector<FeatureVector> FeatureScorer::features(const Xapian::Database& db,
                                                   const QueryProfile& query,
                                                   const std::vector<ScoredCandidate>& candidates) {
    std::vector<FeatureVector> out;
    double length_sum = 0;
    for (const ScoredCandidate& candidate : candidates) {
        for (const auto* words : {&candidate.profile.title, &candidate.profile.question}) {
            length_sum +=
                static_cast<double>(std::count_if(words->begin(), words->end(), plain_word));
        }
    }
    const double mean_length =
        candidates.empty() ? 1.0
                           : std::max(1.0, length_sum / static_cast<double>(candidates.size()));
    const QueryTerms terms = query_terms(db, query);
    double best_first = 0;
    double best_plain = 0;
    for (const ScoredCandidate& candidate : candidates) {
        out.push_back(raw_features(db, query, terms, candidate, mean_length));
        best_first = std::max(best_first, out.back()[0]);
        best_plain = std::max(best_plain, out.back()[1]);
    }
    for (FeatureVector& features : out) {
        features[0] = best_first > 0 ? features[0] / best_first : 0.0;
        features[1] = best_plain > 0 ? features[1] / best_plain : 0.0;
    }
    return out;
}

FeatureVector FeatureScorer::raw_features(const Xapian::Database& db, const QueryProfile& query,
                                          const QueryTerms& terms, const ScoredCandidate& candidate,
                                          double mean_length) {
    const schema::EntryProfile& entry = candidate.profile;
    FeatureVector out{};
    auto set = [&](Feature feature, double value) {
        out[static_cast<std::size_t>(feature)] = value;
    };
    auto share = [](double part, double whole) { return whole > 0 ? part / whole : 0.0; };

    set(Feature::FirstStage, candidate.first_stage);

    // Plain BM25 (k1 1.2, b 0.75, Lucene's idf) of every word of the query but the classic
    // stop words, over the title and question: what a general engine sees, before this
    // library's weighting of subject lines, concepts and expansions.
    {
        std::map<std::string_view, double> in_entry;
        double length = 0;
        for (const auto* words : {&entry.title, &entry.question}) {
            for (const std::string& word : *words) {
                if (plain_word(word)) {
                    length += 1;
                    if (terms.plain_counts.contains(word)) {
                        in_entry[word] += 1;
                    }
                }
            }
        }
        constexpr double k1 = 1.2;
        constexpr double b = 0.75;
        double sum = 0;
        for (const auto& [word, tf] : in_entry) {
            sum += terms.plain_counts.find(word)->second * bm25_idf(db, std::string(word)) * tf *
                   (k1 + 1) / (tf + k1 * (1 - b + b * length / mean_length));
        }
        set(Feature::PlainBm25, sum);
    }

    // The headline says what the entry is about: its title, or its question when untitled
    // (an FAQ, a consumer question). Its stems, sorted and each once, but the words of kinds.
    const std::vector<std::string> title = content_stems(entry.title);
    const std::vector<std::string> question = content_stems(entry.question);
    const bool titled = !title.empty();
    const std::vector<std::string>& headline = titled ? title : question;
    using Stems = std::vector<std::string_view>;
    auto topic_words =
        [&](std::initializer_list<std::pair<const std::string*, const std::string*>> ranges) {
            Stems words;
            for (const auto& [first, last] : ranges) {
                for (const std::string* word = first; word != last; ++word) {
                    if (!kind_stems_.contains(*word)) {
                        words.emplace_back(*word);
                    }
                }
            }
            std::sort(words.begin(), words.end());
            words.erase(std::unique(words.begin(), words.end()), words.end());
            return words;
        };
    auto all_of = [](const std::vector<std::string>& v) {
        return std::pair{v.data(), v.data() + v.size()};
    };
    const Stems headline_stems = topic_words({all_of(headline)});
    const Stems stems = topic_words({all_of(title), all_of(question)});

    // The query's words found in the entry, by weight x idf: the asker's rare words count.
    double total = 0;
    double found = 0;
    double in_headline = 0;
    double focus_total = 0;
    double focus_found = 0;
    for (const QueryTerms::Word& query_word : terms.words) {
        const QueryProfile::Word& word = *query_word.word;
        const double weight = query_word.weight;
        const auto held = [&](const Stems& in) {
            const auto has = [&](const std::string& stem) {
                return std::binary_search(in.begin(), in.end(), std::string_view(stem));
            };
            return has(word.stem) || std::any_of(word.forms.begin(), word.forms.end(), has);
        };
        const bool present = held(stems);
        total += weight;
        found += present ? weight : 0;
        in_headline += held(headline_stems) ? weight : 0;
        if (word.focus || !terms.has_focus) {
            focus_total += weight;
            focus_found += present ? weight : 0;
        }
    }
    set(Feature::Coverage, share(found, total));
    set(Feature::TitleCoverage, share(in_headline, total));
    set(Feature::FocusCoverage, share(focus_found, focus_total));

    // The entry's words the query holds: an entry about more than was asked (a narrower
    // question, another condition) holds rare words the query lacks.
    // A misspelling the query was read as weighs as the word meant.
    auto precision = [&](const Stems& of) {
        double whole = 0;
        double held = 0;
        for (const std::string_view stem : of) {
            const auto alias = terms.meant.find(stem);
            const double weight = idf(
                db, stem_term(alias == terms.meant.end() ? stem : std::string_view(alias->second)));
            whole += weight;
            held += terms.stems.contains(stem) ? weight : 0;
        }
        return share(held, whole);
    };
    const auto opening_end =
        question.data() + std::min(question.size(), ranking::kPrecisionQuestionStems);
    const Stems opening = topic_words({all_of(title), {question.data(), opening_end}});
    set(Feature::Precision, precision(opening));
    set(Feature::TitlePrecision, precision(headline_stems));

    // Concepts: the same medical subject however it is worded.
    const std::vector<std::string>& headline_concepts =
        titled ? entry.title_concepts : entry.concepts;
    double concept_found = 0;
    for (std::size_t i = 0; i < query.concepts.size(); ++i) {
        concept_found += contains(entry.concepts, query.concepts[i]) ? terms.concept_weights[i] : 0;
    }
    set(Feature::ConceptOverlap, share(concept_found, terms.concept_total));
    std::size_t focus_named = 0;
    for (const std::string& term : query.focus_concepts) {
        focus_named += contains(headline_concepts, term) ? 1U : 0U;
    }
    set(Feature::FocusConcept,
        share(static_cast<double>(focus_named), static_cast<double>(query.focus_concepts.size())));
    std::size_t foreign = 0;
    for (const std::string& term : headline_concepts) {
        foreign += contains(query.concepts, term) ? 0U : 1U;
    }
    set(Feature::ForeignConcepts,
        share(static_cast<double>(foreign), static_cast<double>(headline_concepts.size())));

    // Kinds of answer: "how is X treated" and "what causes X" share every word but one.
    bool kind_shared = false;
    for (const std::string& kind : query.kinds) {
        kind_shared = kind_shared || contains(entry.kinds, kind);
    }
    set(Feature::KindMatch, kind_shared ? 1 : 0);
    set(Feature::KindMismatch,
        !kind_shared && !query.kinds.empty() && !entry.kinds.empty() ? 1 : 0);
    set(Feature::KindUnasked, query.kinds.empty() && !entry.kinds.empty() ? 1 : 0);

    // Word pairs: "laser surgery" found as such, not "laser" here and "surgery" there.
    double pair_found = 0;
    for (const QueryTerms::Pair& pair : terms.pairs) {
        if (together(title, *pair.a, *pair.b) || together(question, *pair.a, *pair.b)) {
            pair_found += pair.weight;
        }
    }
    set(Feature::Proximity, share(pair_found, terms.pair_total));

    set(Feature::Length, std::log(1.0 + static_cast<double>(entry.title.size()) +
                                  static_cast<double>(entry.question_length)));

    return out;
}

double FeatureScorer::brevity(const QueryProfile& query) const {
    const auto words = static_cast<double>(
        std::count_if(query.words.begin(), query.words.end(),
                      [&](const QueryProfile::Word& w) { return !kind_stems_.contains(w.stem); }));
    return std::clamp(
        (static_cast<double>(ranking::kLongQuestionWords) - words) /
            static_cast<double>(ranking::kLongQuestionWords - ranking::kShortQuestionWords),
        0.0, 1.0);
}

double FeatureScorer::score(const Weights& weights, const FeatureVector& features) {
    double sum = 0;
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
        sum += weights[i] * features[i];
    }
    return sum;
}

Weights UseWeights::blend(double brevity) const {
    Weights out{};
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
        out[i] = brevity * short_questions[i] + (1 - brevity) * long_questions[i];
    }
    return out;
}

bool first_stage_alone(const Weights& weights) {
    return std::all_of(weights.begin() + 1, weights.end(), [](double w) { return w == 0; });
}

ScoringModel ScoringModel::parse(std::string_view text, std::string_view source) {
    ScoringModel model;
    constexpr std::array<std::string_view, 4> kUses = {"search-short", "search-long",
                                                       "similar-short", "similar-long"};
    std::array<Weights*, 4> weights_of = {
        &model.search.short_questions, &model.search.long_questions, &model.similar.short_questions,
        &model.similar.long_questions};
    std::array<std::array<bool, kFeatureCount>, kUses.size()> seen{};
    bool header = false;
    std::size_t line_number = 0;
    auto fail = [&](const std::string& message) {
        throw InputError(std::string(source) + ":" + std::to_string(line_number) + ": " + message);
    };
    while (!text.empty()) {
        ++line_number;
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = trim(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::vector<std::string_view> cells;
        for (std::string_view rest = line;;) {
            const std::size_t tab = rest.find('\t');
            cells.push_back(trim(rest.substr(0, tab)));
            if (tab == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(tab + 1);
        }
        if (cells.size() != 3) {
            fail("expected 3 tab-separated cells (use, feature, weight), got " +
                 std::to_string(cells.size()));
        }
        if (!header) {
            if (cells[0] != "use" || cells[1] != "feature" || cells[2] != "weight") {
                fail("expected the header \"use<TAB>feature<TAB>weight\"");
            }
            header = true;
            continue;
        }
        const auto known = std::find(kUses.begin(), kUses.end(), cells[0]);
        if (known == kUses.end()) {
            fail("unknown use \"" + std::string(cells[0]) +
                 "\" (search-short, search-long, similar-short or similar-long)");
        }
        const auto use = static_cast<std::size_t>(known - kUses.begin());
        const auto name = std::find(kNames.begin(), kNames.end(), cells[1]);
        if (name == kNames.end()) {
            fail("unknown feature \"" + std::string(cells[1]) + "\"");
        }
        const auto index = static_cast<std::size_t>(name - kNames.begin());
        if (seen[use][index]) {
            fail("feature \"" + std::string(cells[1]) + "\" given twice for " +
                 std::string(cells[0]));
        }
        double weight = 0;
        const auto [last, error] =
            std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), weight);
        if (error != std::errc() || last != cells[2].data() + cells[2].size() ||
            !std::isfinite(weight)) {
            fail("bad weight \"" + std::string(cells[2]) + "\"");
        }
        seen[use][index] = true;
        (*weights_of[use])[index] = weight;
    }
    if (!header) {
        ++line_number;
        fail("no header");
    }
    for (std::size_t use = 0; use < kUses.size(); ++use) {
        for (std::size_t i = 0; i < kFeatureCount; ++i) {
            if (!seen[use][i]) {
                throw InputError(std::string(source) + ": no weight for feature \"" +
                                 std::string(kNames[i]) + "\" of " + std::string(kUses[use]));
            }
        }
    }
    return model;
}

const ScoringModel& ScoringModel::builtin() {
    static const ScoringModel model = [] {
        for (std::size_t i = 0; i < ranking_files_count; ++i) {
            if (ranking_files[i].name == "weights.tsv") {
                return parse(ranking_files[i].bytes, "data/ranking/weights.tsv (built in)");
            }
        }
        throw InputError("data/ranking/weights.tsv is not compiled into the library");
    }();
    return model;
}

}  // namespace qaindex::detail
