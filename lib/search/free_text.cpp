// SPDX-License-Identifier: Apache-2.0
// Free words to weighted query terms: what a long lay question really asks, and its synonyms.
#include "search/free_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "index/schema.hpp"
#include "lexicon/phrase_matcher.hpp"
#include "search/boost_source.hpp"
#include "search/ranking.hpp"

namespace qaindex::detail {
namespace {

// Consultation boilerplate: the polite frame around a question, present in thousands of
// questions and about none of them. Matched as whole phrases (stop words included) so that
// "know" survives in "I don't know why my hand shakes" but not in "I would like to know".
constexpr std::string_view kBoilerplatePhrases[] = {
    "i would like to know",
    "i would like to ask",
    "i would like to get",
    "i'd like to know",
    "i like to know",
    "i want to know",
    "i wanted to know",
    "i need to know",
    "i would like information",
    "i would like more information",
    "i was wondering",
    "i am wondering",
    "i'm wondering",
    "just wondering",
    "could you please",
    "can you please",
    "would you please",
    "could you tell me",
    "can you tell me",
    "please tell me",
    "please let me know",
    "let me know",
    "please help",
    "please advise",
    "please reply",
    "thank you",
    "thanks in advance",
    "in advance",
    "many thanks",
    "hello doctor",
    "hello doctors",
    "hi doctor",
    "dear doctor",
    "dear sir",
    "dear madam",
    "good morning",
    "good afternoon",
    "good evening",
    "more information",
    "any information",
    "some information",
    "further information",
    "information on",
    "information about",
    "my name is",
    "i have a question",
    "my question is",
    "i have some questions",
    "a question about",
    "i am writing",
    "i'm writing",
};

// Courtesy words dropped wherever they appear (in text that has other words).
constexpr std::string_view kCourtesyWords[] = {
    "hello",     "hi",      "hey",       "dear",     "thanks",     "thank",
    "please",    "regards", "sincerely", "kindly",   "appreciate", "appreciated",
    "greetings", "sir",     "madam",     "director", "wondering",
};

bool ends_sentence(std::string_view between) {
    return between.find_first_of(".?!;\n") != std::string_view::npos;
}

bool searchable(const Token& token) {
    return !token.term.empty() && token.term.size() <= schema::kMaxTermBytes;
}

std::string stem_term(std::string_view stem) {
    std::string term(schema::kStem);
    term += stem;
    return term;
}

bool contains_all(const std::vector<std::string>& list, const std::vector<std::string>& values) {
    return std::all_of(values.begin(), values.end(), [&](const std::string& value) {
        return std::find(list.begin(), list.end(), value) != list.end();
    });
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

}  // namespace

Xapian::Query Expansion::query() const {
    if (!stem_term.empty()) {
        return Xapian::Query(stem_term);
    }
    if (!any_terms.empty()) {
        return Xapian::Query(Xapian::Query::OP_OR, any_terms.begin(), any_terms.end());
    }
    return Xapian::Query(exact ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, terms.begin(),
                         terms.end(), static_cast<Xapian::termcount>(window));
}

bool Expansion::matched_by(const std::vector<std::string>& matching) const {
    auto has = [&](const std::string& term) {
        return std::find(matching.begin(), matching.end(), term) != matching.end();
    };
    if (!stem_term.empty()) {
        return has(stem_term);
    }
    if (!any_terms.empty()) {
        return std::any_of(any_terms.begin(), any_terms.end(), has);
    }
    return std::all_of(terms.begin(), terms.end(), has);
}

Xapian::Query ExpansionGroup::query() const {
    std::vector<Xapian::Query> parts;
    parts.reserve(alternatives.size());
    for (const Expansion& alternative : alternatives) {
        parts.push_back(alternative.query());
    }
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end()),
                         weight);
}

std::vector<std::string> WeightedTerm::searched_terms() const {
    std::vector<std::string> out;
    auto add = [&](const std::string& form) {
        if (!questions_only || !form.starts_with(schema::kStem)) {
            out.push_back(form);
            return;
        }
        const std::string stem = form.substr(schema::kStem.size());
        out.push_back(std::string(schema::kStem) + std::string(schema::kTitle) + stem);
        out.push_back(std::string(schema::kStem) + std::string(schema::kQuestion) + stem);
    };
    add(term);
    for (const std::string& variant : variants) {
        add(variant);
    }
    return out;
}

Xapian::Query FreeTextQuery::query() const {
    std::vector<Xapian::Query> parts;
    parts.reserve(terms.size() + expansions.size());
    for (const WeightedTerm& term : terms) {
        const std::vector<std::string> searched = term.searched_terms();
        const Xapian::Query one =
            searched.size() == 1
                ? Xapian::Query(searched.front())
                : Xapian::Query(Xapian::Query::OP_SYNONYM, searched.begin(), searched.end());
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, one, term.weight);
    }
    for (const std::string& term : concept_terms) {
        parts.push_back(boost_query(term, ranking::kConceptBoost));
    }
    for (const ExpansionGroup& group : expansions) {
        if (!group.alternatives.empty()) {
            parts.push_back(group.query());
        }
    }
    if (parts.empty()) {
        return {};
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::vector<ScoredPart> FreeTextQuery::parts() const {
    std::vector<ScoredPart> out;
    out.reserve(terms.size() + concept_terms.size() + expansions.size());
    for (const WeightedTerm& term : terms) {
        out.push_back({.terms = term.searched_terms(), .factor = term.weight});
    }
    for (const std::string& term : concept_terms) {
        out.push_back({.terms = {term}, .factor = ranking::kConceptBoost, .boolean = true});
    }
    for (const ExpansionGroup& group : expansions) {
        if (group.alternatives.empty()) {
            continue;
        }
        ScoredPart& part = out.emplace_back(ScoredPart{.factor = group.weight});
        for (const Expansion& alternative : group.alternatives) {
            if (!alternative.stem_term.empty()) {
                part.terms.push_back(alternative.stem_term);
            } else {  // a phrase alternative is left out (see best_candidates)
                part.terms.insert(part.terms.end(), alternative.any_terms.begin(),
                                  alternative.any_terms.end());
            }
        }
    }
    return out;
}

FreeTextAnalyzer::FreeTextAnalyzer(Analyzer& analyzer, const Lexicon& lexicon,
                                   const LexiconIndex& index)
    : analyzer_(analyzer), lexicon_(lexicon), index_(index), question_words_(analyzer) {
    // Analysed with the query's own analyzer, so the phrases match whatever it does with
    // apostrophes and case.
    for (const std::string_view phrase : kBoilerplatePhrases) {
        std::vector<std::string> terms;
        for (const Token& token : analyzer_.analyze(phrase)) {
            if (token.kind != TokenKind::Compound) {
                terms.push_back(token.term);
            }
        }
        if (!terms.empty()) {
            boilerplate_.push_back(std::move(terms));
        }
    }
    for (const std::string_view word : kCourtesyWords) {
        boilerplate_.push_back({analyzer_.normalize(word)});
    }
}

void FreeTextAnalyzer::mark_boilerplate(const std::vector<Token>& tokens,
                                        std::vector<bool>& dropped) const {
    std::vector<std::size_t> words;  // indexes of non-compound tokens
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Compound) {
            words.push_back(i);
        }
    }
    for (std::size_t start = 0; start < words.size(); ++start) {
        for (const auto& phrase : boilerplate_) {
            if (start + phrase.size() > words.size()) {
                continue;
            }
            bool match = true;
            for (std::size_t k = 0; k < phrase.size() && match; ++k) {
                match = tokens[words[start + k]].term == phrase[k];
            }
            if (!match) {
                continue;
            }
            // The phrase and any compound tokens sharing its positions.
            const auto first = tokens[words[start]].position;
            const auto last = tokens[words[start + phrase.size() - 1]].position;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                if (tokens[i].position >= first && tokens[i].position <= last) {
                    dropped[i] = true;
                }
            }
        }
    }
}

QueryProfile FreeTextAnalyzer::profile(const std::vector<Token>& tokens, std::string_view text,
                                       const std::vector<bool>& content, std::size_t subject,
                                       const std::vector<const std::string*>& meant,
                                       const std::vector<Mention>& mentions,
                                       const std::vector<QuestionKindMatch>& kinds) {
    QueryProfile out;
    const std::size_t count = tokens.size();
    std::vector<bool> negated(count, false);
    for (const Mention& mention : mentions) {
        for (std::size_t i = mention.first_token; mention.negated && i <= mention.last_token &&
                                                  i < count;
             ++i) {
            negated[i] = true;
        }
    }
    // Each stem once: how often it was written, whether ever outside a negation, whether in
    // the subject line.
    struct Seen {
        std::size_t occurrences = 0;
        bool affirmed = false;
        bool focus = false;
    };
    std::map<std::string, Seen> seen;
    std::vector<std::string> order;
    std::string previous;  // the stem of the last content word, for pairs
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!content[i] || tokens[i].kind == TokenKind::Compound) {
            continue;
        }
        std::string stem = meant[i] != nullptr ? analyzer_.stem(*meant[i]) : tokens[i].stem;
        Seen& entry = seen[stem];
        if (entry.occurrences++ == 0) {
            order.push_back(stem);
        }
        entry.affirmed = entry.affirmed || !negated[i];
        entry.focus = entry.focus || i < subject;
        if (!previous.empty() && previous != stem && out.pairs.size() < ranking::kMaxQueryPairs &&
            !ends_sentence(text.substr(previous_end, tokens[i].begin - previous_end))) {
            out.pairs.emplace_back(previous, stem);
        }
        previous = std::move(stem);
        previous_end = tokens[i].end;
    }
    for (const std::string& stem : order) {
        const Seen& entry = seen[stem];
        const std::size_t repeats = std::min(entry.occurrences, ranking::kMaxRepeats);
        out.words.push_back(
            {.stem = stem,
             .weight = (entry.affirmed ? 1.0 : ranking::kNegatedWeight) *
                       (1.0 + ranking::kRepeatBoost * static_cast<double>(repeats - 1)),
             .focus = entry.focus});
    }
    for (const Mention& mention : mentions) {
        if (mention.negated) {
            continue;
        }
        const std::string term = schema::concept_term(
            mention.kind == ConceptKind::Symptom ? schema::kSymptom : schema::kCondition,
            mention.id);
        add_unique(out.concepts, term);
        if (mention.first_token < subject) {
            add_unique(out.focus_concepts, term);
        }
    }
    if (out.focus_concepts.empty()) {
        out.focus_concepts = out.concepts;
    }
    for (const QuestionKindMatch& match : kinds) {
        add_unique(out.kinds, question_words_.kinds()[match.kind].name);
    }
    return out;
}

FreeTextQuery FreeTextAnalyzer::analyse(std::string_view text, const Xapian::Database& db,
                                        bool expand, bool spelling) {
    FreeTextQuery out;
    const std::vector<Token> tokens = analyzer_.analyze(text);
    const std::size_t count = tokens.size();

    std::vector<bool> dropped(count, false);
    mark_boilerplate(tokens, dropped);
    auto content = [&](std::size_t i) {
        return !tokens[i].stopword && !dropped[i] && searchable(tokens[i]);
    };
    auto has_content = [&] {
        for (std::size_t i = 0; i < count; ++i) {
            if (content(i)) {
                return true;
            }
        }
        return false;
    };
    bool any_content = has_content();
    if (!any_content) {
        // Nothing but courtesy ("thank you"): search it rather than nothing.
        std::fill(dropped.begin(), dropped.end(), false);
        any_content = has_content();
    }

    std::vector<double> weight(count, 1.0);

    // The subject line of a pasted question: a short first sentence followed by more.
    std::size_t subject_end = 0;
    std::size_t subject_words = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0 &&
            ends_sentence(text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end))) {
            subject_end = i;
            break;
        }
        if (tokens[i].kind != TokenKind::Compound) {
            ++subject_words;
        }
    }
    std::size_t subject = 0;  // tokens [0, subject) are the subject line, if any
    if (subject_end > 0 && subject_words <= ranking::kSubjectMaxWords) {
        bool more = false;
        for (std::size_t i = subject_end; i < count && !more; ++i) {
            more = content(i);
        }
        for (std::size_t i = 0; more && i < subject_end; ++i) {
            weight[i] *= 1.0 + ranking::kSubjectBoost;
        }
        subject = more ? subject_end : 0;
    }

    if (expand) {
        for (Mention& mention : lexicon_.find_mentions(tokens)) {
            // The mention's words, and the same without the filler words the matcher may have
            // passed over ("eyelid keeps jumping" names "eyelid jumping").
            std::string content_key;
            std::string terms;
            std::string content_key_without_fillers;
            for (std::size_t i = mention.first_token; i <= mention.last_token && i < count; ++i) {
                if (tokens[i].kind == TokenKind::Compound || tokens[i].stopword) {
                    continue;
                }
                content_key += (content_key.empty() ? "" : " ") + tokens[i].stem;
                terms += (terms.empty() ? "" : " ") + tokens[i].term;
                if (!is_filler(tokens[i])) {
                    content_key_without_fillers +=
                        (content_key_without_fillers.empty() ? "" : " ") + tokens[i].stem;
                }
            }
            if (index_.names_concept(mention.kind, mention.id, content_key, terms) ||
                (content_key_without_fillers != content_key &&
                 index_.names_concept(mention.kind, mention.id, content_key_without_fillers,
                                      std::string()))) {
                out.mentions.push_back(std::move(mention));
            }
        }
        for (const Mention& mention : out.mentions) {
            for (std::size_t i = mention.first_token; i <= mention.last_token && i < count; ++i) {
                weight[i] *=
                    mention.negated ? ranking::kNegatedWeight : 1.0 + ranking::kMentionBoost;
            }
        }
    }

    // A misspelling the lexicon lists ("twiching") stands for the word meant: it is searched
    // as that word, its exact form another form of the same term (WeightedTerm::variants),
    // unless the index holds it more often than that word, which makes it a real word here.
    std::vector<const std::string*> meant(count, nullptr);
    for (std::size_t i = 0; i < count && any_content; ++i) {
        const Token& token = tokens[i];
        if (!content(i) || token.kind != TokenKind::Word || token.term.size() < 3) {
            continue;
        }
        const std::string* known = index_.correction(token.term);
        if (known != nullptr && db.get_termfreq(token.term) <= db.get_termfreq(*known)) {
            meant[i] = known;
        }
    }

    // One weight per stem: its strongest occurrence, plus a little per repetition.
    struct StemWeight {
        double weight = 0;
        std::size_t occurrences = 0;
        std::size_t first = 0;
    };
    std::map<std::string, StemWeight> stems;
    std::map<std::string, std::vector<std::string>> variants;  // by the stem term meant
    for (std::size_t i = 0; i < count; ++i) {
        if (!content(i) && any_content) {
            continue;
        }
        if (!searchable(tokens[i])) {
            continue;
        }
        // Text of nothing but stop words ("to be or not to be") searches their exact forms.
        std::string term = any_content ? stem_term(tokens[i].stem) : tokens[i].term;
        if (meant[i] != nullptr) {
            const std::string written = std::exchange(term, stem_term(analyzer_.stem(*meant[i])));
            if (written != term) {
                add_unique(variants[term], tokens[i].term);
                add_unique(out.highlight_words, tokens[i].term);
            }
        }
        StemWeight& entry = stems[term];
        if (entry.occurrences == 0) {
            entry.first = i;
        }
        entry.weight = std::max(entry.weight, weight[i]);
        ++entry.occurrences;
    }

    // Misspellings: the lexicon's known ones are searched (above) and suggested; the index's
    // spelling table is asked about words whose stem no entry holds, suggested for short
    // queries, and searched for long words only (see ranking::kAutoCorrectMinLength).
    std::size_t content_words = 0;
    for (std::size_t i = 0; i < count; ++i) {
        content_words += content(i) && tokens[i].kind != TokenKind::Compound ? 1U : 0U;
    }
    std::set<std::string> checked;
    for (std::size_t i = 0; i < count && any_content; ++i) {
        const Token& token = tokens[i];
        if (!content(i) || token.kind != TokenKind::Word || token.term.size() < 3 ||
            !checked.insert(token.term).second) {
            continue;
        }
        Correction correction{.written =
                                  std::string(text.substr(token.begin, token.end - token.begin))};
        if (meant[i] != nullptr) {
            correction.corrected = *meant[i];
            correction.searched = true;
        } else if (spelling && token.term.size() >= ranking::kSpellingMinLength &&
                   db.get_termfreq(stem_term(token.stem)) == 0) {
            correction.corrected = db.get_spelling_suggestion(token.term, 2);
            // A different first letter is rarely a typo ("years" -> "ears").
            if (correction.corrected.empty() ||
                correction.corrected.front() != token.term.front()) {
                continue;
            }
            correction.searched = token.term.size() >= ranking::kAutoCorrectMinLength;
            if (!correction.searched && content_words > ranking::kSuggestMaxWords) {
                continue;
            }
            if (correction.searched && correction.corrected != token.term) {
                StemWeight& entry = stems[stem_term(analyzer_.stem(correction.corrected))];
                entry.weight = std::max(entry.weight, weight[i] * ranking::kCorrectionWeight);
                entry.first = entry.occurrences == 0 ? i : entry.first;
                ++entry.occurrences;
            }
        }
        if (correction.corrected.empty() || correction.corrected == token.term) {
            continue;
        }
        out.corrections.push_back(std::move(correction));
    }

    // Keep the strongest words of a long question, by weight x idf.
    const double documents = std::max<double>(1.0, db.get_doccount());
    struct Ranked {
        WeightedTerm term;
        double strength = 0;
        std::size_t first = 0;
    };
    std::vector<Ranked> ranked;
    for (const auto& [term, entry] : stems) {
        const std::size_t repeats = std::min(entry.occurrences, ranking::kMaxRepeats);
        const double w =
            entry.weight * (1.0 + ranking::kRepeatBoost * static_cast<double>(repeats - 1));
        // A word no entry holds matches nothing and must not take a strong word's place.
        const auto forms = variants.find(term);
        double frequency = db.get_termfreq(term);
        if (forms != variants.end()) {
            for (const std::string& variant : forms->second) {
                frequency += db.get_termfreq(variant);
            }
        }
        const double strength = frequency == 0 ? -1.0 : w * std::log(1.0 + documents / frequency);
        ranked.push_back(
            {{.term = term,
              .weight = w,
              .variants = forms != variants.end() ? forms->second : std::vector<std::string>{}},
             strength,
             entry.first});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return a.strength != b.strength ? a.strength > b.strength : a.first < b.first;
    });
    if (ranked.size() > ranking::kMaxQueryTerms) {
        ranked.resize(ranking::kMaxQueryTerms);
    }
    // A long question's strongest words are looked for everywhere; its weaker, commoner
    // words only in titles and questions, where they say what is asked: in replies such
    // words are everywhere, and their long posting lists are most of a long query's cost.
    for (std::size_t i = ranking::kFullTextWords; i < ranked.size(); ++i) {
        ranked[i].term.questions_only = true;
    }
    std::map<std::string, double> kept;
    for (const Ranked& r : ranked) {
        out.terms.push_back(r.term);
        kept[r.term.term] = r.term.weight;
        const std::string& term = r.term.term;
        add_unique(out.highlight_stems,
                   term.starts_with(schema::kStem) ? term.substr(schema::kStem.size()) : term);
    }
    std::vector<bool> is_content(count);
    for (std::size_t i = 0; i < count; ++i) {
        is_content[i] = content(i);
    }
    const std::vector<QuestionKindMatch> kinds = question_words_.find(tokens, dropped);
    if (any_content) {
        out.profile = profile(tokens, text, is_content, subject, meant, out.mentions, kinds);
    }
    if (!expand || !any_content) {
        return out;
    }

    // The mean weight of the user's content words in tokens [first, last]: a group of
    // alternatives is searched as one term (OP_SYNONYM), so it weighs like one of them.
    auto user_weight = [&](std::size_t first, std::size_t last) {
        double sum = 0;
        std::size_t words_seen = 0;
        for (std::size_t i = first; i <= last && i < count; ++i) {
            if (content(i) && tokens[i].kind != TokenKind::Compound) {
                const auto it = kept.find(stem_term(tokens[i].stem));
                sum += it == kept.end() ? weight[i] : it->second;
                ++words_seen;
            }
        }
        return words_seen == 0 ? 0.0 : sum / static_cast<double>(words_seen);
    };
    auto user_stems = [&](std::size_t first, std::size_t last) {
        std::vector<std::string> found;
        for (std::size_t i = first; i <= last && i < count; ++i) {
            if (content(i) && tokens[i].kind != TokenKind::Compound) {
                found.push_back(tokens[i].stem);
            }
        }
        return found;
    };
    std::set<std::string> expanded;  // keys of phrases already searched
    std::vector<bool> covered(count, false);
    // The alternatives of a run of user words among phrases: those not holding all of the
    // user's words ("hypertension" -> "arterial hypertension" would only reward them twice).
    auto add_group = [&](std::size_t first, std::size_t last,
                         const std::vector<SynonymPhrase>& phrases) {
        const std::vector<std::string> own = user_stems(first, last);
        ExpansionGroup group{.from = std::string(text.substr(
                                 tokens[first].begin, tokens[last].end - tokens[first].begin)),
                             .weight = ranking::kExpansionWeight * user_weight(first, last)};
        // English and Chinese forms are capped separately, so that an English query also
        // finds Chinese consultations and the reverse.
        std::array<std::size_t, 2> added{0, 0};
        std::array<std::size_t, 2> phrases_added{0, 0};
        for (const SynonymPhrase& phrase : phrases) {
            const std::size_t language = phrase.han ? 1 : 0;
            if (added[language] >= ranking::kMaxExpansionsPerMatch ||
                (phrase.stems.size() > 1 &&
                 phrases_added[language] >= ranking::kMaxPhraseExpansions)) {
                continue;
            }
            if (phrase.stems.empty() || contains_all(phrase.stems, own) ||
                !expanded.insert(phrase.key).second) {
                continue;
            }
            Expansion expansion{.to = phrase.text};
            if (phrase.terms.size() == 1) {
                // One- and two-letter forms ("mi", "ms") mean too many things.
                if (phrase.terms.front().size() <= 2) {
                    continue;
                }
                expansion.stem_term = stem_term(phrase.stems.front());
            } else if (phrase.stems.size() == 1) {
                expansion.terms = phrase.terms;  // "working out": the stop word matters
                expansion.exact = true;
                expansion.window = phrase.terms.size();
            } else {
                for (std::size_t t = 0; t < phrase.terms.size(); ++t) {
                    if (!phrase.stopword[t]) {
                        expansion.terms.push_back(phrase.terms[t]);
                    }
                }
                expansion.window = phrase.terms.size() + 1;
            }
            // A form no entry holds costs a posting-list lookup and matches nothing.
            const bool present =
                expansion.stem_term.empty()
                    ? std::all_of(expansion.terms.begin(), expansion.terms.end(),
                                  [&](const std::string& term) { return db.term_exists(term); })
                    : db.term_exists(expansion.stem_term);
            if (!present) {
                continue;
            }
            for (const std::string& stem : phrase.stems) {
                add_unique(out.secondary_stems, stem);
            }
            phrases_added[language] += expansion.terms.empty() ? 0U : 1U;
            group.alternatives.push_back(std::move(expansion));
            ++added[language];
        }
        if (!group.alternatives.empty() && group.weight > 0) {
            out.expansions.push_back(std::move(group));
        }
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(first),
                  covered.begin() + static_cast<std::ptrdiff_t>(last) + 1, true);
    };

    // Symptoms and conditions the lexicon's matcher found are searched as concepts: the
    // indexer tagged every entry naming one, in any of its forms, lay or clinical, English or
    // Chinese, and left out negated mentions. One posting list instead of a phrase query per
    // form (on rqe-dev the same MRR@10, on the known-item set 0.337 -> 0.345; long questions
    // at 100,000 entries about a fifth faster). Their one-word forms are still highlighted
    // ("tinnitus" for "ringing in my ears"); the words of longer forms alone say too little
    // ("cheek", "mouth" of "cheek twitching", "mouth twitching").
    for (const Mention& mention : out.mentions) {
        if (mention.negated || mention.last_token >= count || covered[mention.first_token] ||
            covered[mention.last_token]) {
            continue;
        }
        add_unique(out.concept_terms,
                   schema::concept_term(
                       mention.kind == ConceptKind::Symptom ? schema::kSymptom : schema::kCondition,
                       mention.id));
        if (const auto* forms = index_.concept_forms(mention.kind, mention.id)) {
            for (const SynonymPhrase& form : *forms) {
                if (form.stems.size() == 1) {
                    add_unique(out.secondary_stems, form.stems.front());
                }
            }
        }
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(mention.first_token),
                  covered.begin() + static_cast<std::ptrdiff_t>(mention.last_token) + 1, true);
    }

    // Word synonyms (synonyms.tsv): runs of words matching a phrase exactly, stop words
    // included, longest first.
    std::vector<std::size_t> words;
    for (std::size_t i = 0; i < count; ++i) {
        if (tokens[i].kind != TokenKind::Compound && !dropped[i] && searchable(tokens[i])) {
            words.push_back(i);
        }
    }
    for (std::size_t start = 0; start < words.size();) {
        std::size_t matched = 0;
        if (!tokens[words[start]].stopword && !covered[words[start]]) {
            for (std::size_t length = std::min(index_.longest_phrase(), words.size() - start);
                 length > 0 && matched == 0; --length) {
                std::string key;
                bool usable = true;
                for (std::size_t k = 0; k < length && usable; ++k) {
                    const Token& token = tokens[words[start + k]];
                    if (k > 0) {
                        const Token& previous = tokens[words[start + k - 1]];
                        usable =
                            !covered[words[start + k]] && token.position == previous.position + 1 &&
                            !ends_sentence(text.substr(previous.end, token.begin - previous.end));
                        key += ' ';
                    }
                    key += token.stopword ? token.term : token.stem;
                }
                const auto* groups = usable ? index_.groups_of(key) : nullptr;
                if (groups == nullptr) {
                    continue;
                }
                matched = length;
                std::vector<SynonymPhrase> phrases;
                for (const std::size_t group : *groups) {
                    for (const SynonymPhrase& phrase : index_.group(group)) {
                        if (phrase.key != key) {
                            phrases.push_back(phrase);
                        }
                    }
                }
                add_group(words[start], words[start + length - 1], phrases);
            }
        }
        start += matched > 0 ? matched : 1;
    }

    // Question kinds: "is there a cure" also looks for "treat", "treatment", "therapy".
    for (const QuestionKindMatch& match : kinds) {
        const QuestionKind& kind = question_words_.kinds()[match.kind];
        double trigger_weight = 1.0;
        for (std::size_t i = match.first; i <= match.last; ++i) {
            const auto it = kept.find(stem_term(tokens[i].stem));
            if (it != kept.end()) {
                trigger_weight = std::max(trigger_weight, it->second);
            }
        }
        ExpansionGroup group{
            .from = std::string(text.substr(tokens[match.first].begin,
                                            tokens[match.last].end - tokens[match.first].begin)),
            .weight = ranking::kQuestionKindWeight * trigger_weight};
        for (std::size_t k = 0; k < kind.stems.size(); ++k) {
            const std::string term = stem_term(kind.stems[k]);
            if (kept.contains(term) || !expanded.insert(kind.stems[k]).second) {
                continue;
            }
            // The kind of a question is in the question: "treated" in a title or question
            // says what is asked, in a reply it is just a word (and a long posting list).
            std::string title_term(schema::kStem);
            title_term += schema::kTitle;
            title_term += kind.stems[k];
            std::string question_term(schema::kStem);
            question_term += schema::kQuestion;
            question_term += kind.stems[k];
            group.alternatives.push_back(
                {.to = kind.words[k],
                 .any_terms = {std::move(title_term), std::move(question_term)}});
            add_unique(out.secondary_stems, kind.stems[k]);
        }
        if (!group.alternatives.empty()) {
            out.expansions.push_back(std::move(group));
        }
    }

    // Specialties named in the text ("neurologist", "ear nose and throat").
    for (std::size_t i = 0; i < count; ++i) {
        if (!content(i) || tokens[i].kind != TokenKind::Word) {
            continue;
        }
        std::string phrase;
        for (std::size_t k = i; k < count && k < i + 4; ++k) {
            if (tokens[k].kind == TokenKind::Compound) {
                continue;
            }
            if (!phrase.empty()) {
                phrase += ' ';
            }
            phrase += tokens[k].term;
            if (tokens[k].stopword) {
                continue;
            }
            if (const auto specialty = lexicon_.canonical_specialty(phrase)) {
                add_unique(out.named_specialties, *specialty);
            }
        }
    }
    return out;
}

}  // namespace qaindex::detail
