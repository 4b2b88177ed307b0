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
#include "lexicon/english_words.hpp"
#include "lexicon/filler_words.hpp"
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
    "my question was",
    "the question is",
    "the question was",
    "her question was",
    "his question was",
    "their question was",
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

// Units of age: a first sentence giving the patient's age ("85-year-old woman.", "Three-week-old
// girl with a rash.") introduces the patient, as clinicians' questions begin, and is no
// subject line naming the topic ("High blood pressure."). Caught as "old" after a unit.
const std::set<std::string_view> kAgeUnits = {"year", "years", "month", "months",
                                              "week", "weeks", "day",   "days"};

// Whether tokens[i] is the "old" that ends an age: "year-old", "months old".
bool ends_age(const std::vector<Token>& tokens, std::size_t i) {
    return i > 0 && tokens[i].term == "old" && kAgeUnits.contains(tokens[i - 1].term);
}

// The tokens of ages ("50-year-old", "6 months old"): the number, the unit, "old" and the
// compound of them.
std::vector<bool> age_tokens(const std::vector<Token>& tokens) {
    std::vector<bool> age(tokens.size(), false);
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (!ends_age(tokens, i)) {
            continue;
        }
        std::uint32_t first = tokens[i - 1].position;
        age[i] = true;
        age[i - 1] = true;
        if (i >= 2 && tokens[i - 2].kind == TokenKind::Number) {
            age[i - 2] = true;
            first = tokens[i - 2].position;
        }
        // A compound follows its last part at its first part's position: 50, year, old,
        // 50yearold.
        for (std::size_t j = i + 1; j < tokens.size() && j <= i + 2; ++j) {
            if (tokens[j].kind == TokenKind::Compound && tokens[j].position >= first &&
                tokens[j].position <= tokens[i].position) {
                age[j] = true;
            }
        }
    }
    return age;
}

// The tokens inside parentheses: an aside ("How do you do a paracentesis (for ascites)?"). Only
// a "(" closed later counts, not the mouth of a smiley (":(", ":-)", ";)"), and not a span of
// more than ranking::kMaxAsideWords words (a question in brackets is no aside).
std::vector<bool> aside_tokens(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte ranges inside ( )
    std::vector<std::size_t> open;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const bool smiley = at > 0 && (text[at - 1] == ':' || text[at - 1] == ';' ||
                                       (text[at - 1] == '-' && at > 1 && text[at - 2] == ':'));
        if (smiley) {
            continue;
        }
        if (text[at] == '(') {
            open.push_back(at);
        } else if (text[at] == ')' && !open.empty()) {
            spans.emplace_back(open.back(), at);
            open.pop_back();
        }
    }
    std::vector<bool> aside(tokens.size(), false);
    for (const auto& span : spans) {
        const auto inside = [&span](const Token& token) {
            return token.begin > span.first && token.begin < span.second;
        };
        const auto words = std::count_if(tokens.begin(), tokens.end(), [&](const Token& token) {
            return inside(token) && token.kind != TokenKind::Compound;
        });
        if (static_cast<std::size_t>(words) > ranking::kMaxAsideWords) {
            continue;
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            aside[i] = aside[i] || inside(tokens[i]);
        }
    }
    return aside;
}

// The tokens of the sentences that ask in a text that also tells: "A patient has neonatal
// testicular torsion. How much damage is there to the other testicle?" asks about the testicle,
// and the story around it says whom it concerns. A sentence asks when it ends with "?" or
// announces the question ("The question is whether tetracycline crosses into breast milk.").
// Nothing when no sentence asks or every one does. A long run-on ending in "?" is the story
// itself, and asks nothing apart.
std::vector<bool> question_sentence_tokens(const QueryText& text) {
    const std::vector<Token>& tokens = text.tokens;
    std::vector<bool> asking(tokens.size(), false);
    bool any_asks = false;
    bool any_tells = false;
    std::size_t first = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool last = i + 1 == tokens.size();
        if (!last && !text.sentence_break(i, i + 1)) {
            continue;
        }
        const std::string_view after =
            last ? text.text.substr(tokens[i].end)
                 : text.text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
        bool content = false;
        bool announced = false;
        std::size_t words = 0;
        for (std::size_t k = first; k <= i; ++k) {
            content = content || text.content(k);
            words += tokens[k].kind == TokenKind::Compound ? 0U : 1U;
            announced = announced || (k < i && tokens[k].term == "question" &&
                                      (tokens[k + 1].term == "is" || tokens[k + 1].term == "was"));
        }
        const bool asks = (after.find('?') != std::string_view::npos || announced) &&
                          words <= ranking::kQuestionSentenceMaxWords;
        if (content) {
            (asks ? any_asks : any_tells) = true;
        }
        for (std::size_t k = first; k <= i && asks; ++k) {
            asking[k] = true;
        }
        first = i + 1;
    }
    if (!any_asks || !any_tells) {
        std::fill(asking.begin(), asking.end(), false);
    }
    return asking;
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

bool QueryText::content(std::size_t i) const {
    return !tokens[i].stopword && !dropped[i] && searchable(tokens[i]);
}

bool QueryText::word(std::size_t i) const {
    return content(i) && tokens[i].kind != TokenKind::Compound;
}

bool QueryText::sentence_break(std::size_t before, std::size_t after) const {
    return ends_sentence(text.substr(tokens[before].end, tokens[after].begin - tokens[before].end));
}

std::string QueryText::stem_of(std::size_t i, Analyzer& analyzer) const {
    return meant[i] != nullptr ? analyzer.stem(*meant[i]) : tokens[i].stem;
}

QueryText FreeTextAnalyzer::read(std::string_view text) const {
    QueryText out{.text = text, .tokens = analyzer_.analyze(text)};
    const std::size_t count = out.tokens.size();
    out.dropped.assign(count, false);
    out.meant.assign(count, nullptr);
    mark_boilerplate(out.tokens, out.dropped);
    auto has_content = [&] {
        for (std::size_t i = 0; i < count; ++i) {
            if (out.content(i)) {
                return true;
            }
        }
        return false;
    };
    out.any_content = has_content();
    if (!out.any_content) {
        // Nothing but courtesy ("thank you"): search it rather than nothing.
        std::fill(out.dropped.begin(), out.dropped.end(), false);
        out.any_content = has_content();
    }
    return out;
}

std::size_t FreeTextAnalyzer::subject_line(const QueryText& text) {
    const std::vector<Token>& tokens = text.tokens;
    std::size_t end = 0;
    std::size_t words = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0 && text.sentence_break(i - 1, i)) {
            end = i;
            break;
        }
        if (tokens[i].kind != TokenKind::Compound) {
            ++words;
            if (ends_age(tokens, i)) {
                return 0;
            }
        }
    }
    if (end == 0 || words > ranking::kSubjectMaxWords) {
        return 0;
    }
    for (std::size_t i = end; i < tokens.size(); ++i) {
        if (text.content(i)) {
            return end;  // more follows: the first sentence is a subject line
        }
    }
    return 0;
}

std::vector<Mention> FreeTextAnalyzer::mentions(const QueryText& text) const {
    const std::vector<Token>& tokens = text.tokens;
    std::vector<Mention> out;
    for (Mention& mention : lexicon_.find_mentions(tokens)) {
        // The mention's words, and the same without the filler words the matcher may have
        // passed over ("eyelid keeps jumping" names "eyelid jumping").
        std::string content_key;
        std::string terms;
        std::string content_key_without_fillers;
        for (std::size_t i = mention.first_token; i <= mention.last_token && i < tokens.size();
             ++i) {
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
            out.push_back(std::move(mention));
        }
    }
    return out;
}

std::vector<const std::string*> FreeTextAnalyzer::misspellings(const QueryText& text,
                                                               const Xapian::Database& db) const {
    std::vector<const std::string*> meant(text.tokens.size(), nullptr);
    for (std::size_t i = 0; i < text.tokens.size() && text.any_content; ++i) {
        const Token& token = text.tokens[i];
        if (!text.content(i) || token.kind != TokenKind::Word || token.term.size() < 3) {
            continue;
        }
        const std::string* known = index_.correction(token.term);
        if (known != nullptr && db.get_termfreq(token.term) <= db.get_termfreq(*known)) {
            meant[i] = known;
        }
    }
    return meant;
}

std::vector<double> FreeTextAnalyzer::token_weights(const QueryText& text) {
    std::vector<double> weight(text.tokens.size(), 1.0);
    for (std::size_t i = 0; i < text.subject; ++i) {
        weight[i] *= 1.0 + ranking::kSubjectBoost;
    }
    for (const Mention& mention : text.mentions) {
        for (std::size_t i = mention.first_token; i <= mention.last_token && i < text.tokens.size();
             ++i) {
            weight[i] *= mention.negated ? ranking::kNegatedWeight : 1.0 + ranking::kMentionBoost;
        }
    }
    const std::vector<bool> age = age_tokens(text.tokens);
    const std::vector<bool> aside = aside_tokens(text.text, text.tokens);
    const std::vector<bool> asking = question_sentence_tokens(text);
    for (std::size_t i = 0; i < weight.size(); ++i) {
        weight[i] *= asking[i] && i >= text.subject ? 1.0 + ranking::kQuestionSentenceBoost : 1.0;
        weight[i] *= age[i] ? ranking::kAgeWeight : 1.0;
        weight[i] *= aside[i] ? ranking::kAsideWeight : 1.0;
    }
    return weight;
}

StemWeights FreeTextAnalyzer::stem_weights(const QueryText& text,
                                           const std::vector<double>& weight) const {
    StemWeights out;
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        if (!text.content(i)) {
            continue;
        }
        const Token& token = text.tokens[i];
        std::string term = stem_term(token.stem);
        if (text.meant[i] != nullptr) {
            const std::string written = std::exchange(term, stem_term(text.stem_of(i, analyzer_)));
            if (written != term) {
                add_unique(out.variants[term], token.term);
                add_unique(out.written_forms, token.term);
            }
        }
        out.add(term, weight[i], i);
    }
    return out;
}

void StemWeights::add(const std::string& term, double weight, std::size_t token) {
    Entry& entry = stems[term];
    if (entry.occurrences == 0) {
        entry.first = token;
    }
    entry.weight = std::max(entry.weight, weight);
    ++entry.occurrences;
}

std::vector<Correction> FreeTextAnalyzer::corrections(const QueryText& text,
                                                      const std::vector<double>& weight,
                                                      StemWeights& stems,
                                                      const Xapian::Database& db,
                                                      bool spelling) const {
    std::vector<Correction> out;
    std::size_t content_words = 0;
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        content_words += text.word(i) ? 1U : 0U;
    }
    std::set<std::string> checked;
    for (std::size_t i = 0; i < text.tokens.size() && text.any_content; ++i) {
        const Token& token = text.tokens[i];
        if (!text.content(i) || token.kind != TokenKind::Word || token.term.size() < 3 ||
            !checked.insert(token.term).second) {
            continue;
        }
        Correction correction{
            .written = std::string(text.text.substr(token.begin, token.end - token.begin))};
        if (text.meant[i] != nullptr) {
            correction.corrected = *text.meant[i];
            correction.searched = true;
        } else if (spelling && token.term.size() >= ranking::kSpellingMinLength &&
                   db.get_termfreq(stem_term(token.stem)) == 0) {
            // A word the lexicon or English knows is not a typo ("quote" is not a misspelling
            // of "quite"): it is never suggested. A long one is still searched as its nearest
            // indexed spelling too ("asbestosis" finds "asbestos"), beside itself.
            const bool real_word = index_.knows_word(token.term) || is_english_word(token.term);
            correction.searched = token.term.size() >= ranking::kAutoCorrectMinLength;
            if (real_word && !correction.searched) {
                continue;
            }
            correction.corrected = db.get_spelling_suggestion(token.term, 2);
            // A different first letter is rarely a typo ("years" -> "ears").
            if (correction.corrected.empty() ||
                correction.corrected.front() != token.term.front()) {
                continue;
            }
            if (!correction.searched && content_words > ranking::kSuggestMaxWords) {
                continue;
            }
            if (correction.searched && correction.corrected != token.term) {
                stems.add(stem_term(analyzer_.stem(correction.corrected)),
                          weight[i] * ranking::kCorrectionWeight, i);
            }
            if (real_word) {
                continue;
            }
        }
        if (correction.corrected.empty() || correction.corrected == token.term) {
            continue;
        }
        out.push_back(std::move(correction));
    }
    return out;
}

std::vector<WeightedTerm> FreeTextAnalyzer::strongest_terms(const StemWeights& stems,
                                                            const Xapian::Database& db) {
    const double documents = std::max<double>(1.0, db.get_doccount());
    struct Ranked {
        WeightedTerm term;
        double strength = 0;
        std::size_t first = 0;
    };
    std::vector<Ranked> ranked;
    for (const auto& [term, entry] : stems.stems) {
        const std::size_t repeats = std::min(entry.occurrences, ranking::kMaxRepeats);
        const double w =
            entry.weight * (1.0 + ranking::kRepeatBoost * static_cast<double>(repeats - 1));
        // A word no entry holds matches nothing and must not take a strong word's place.
        const auto forms = stems.variants.find(term);
        double frequency = db.get_termfreq(term);
        if (forms != stems.variants.end()) {
            for (const std::string& variant : forms->second) {
                frequency += db.get_termfreq(variant);
            }
        }
        const double strength = frequency == 0 ? -1.0 : w * std::log(1.0 + documents / frequency);
        ranked.push_back({{.term = term,
                           .weight = w,
                           .variants = forms != stems.variants.end() ? forms->second
                                                                     : std::vector<std::string>{}},
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
    std::vector<WeightedTerm> out;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        ranked[i].term.questions_only = i >= ranking::kFullTextWords;
        out.push_back(std::move(ranked[i].term));
    }
    return out;
}

QueryProfile FreeTextAnalyzer::profile(const QueryText& text,
                                       const std::vector<QuestionKindMatch>& kinds) const {
    QueryProfile out;
    const std::vector<Token>& tokens = text.tokens;
    std::vector<bool> negated(tokens.size(), false);
    for (const Mention& mention : text.mentions) {
        for (std::size_t i = mention.first_token;
             mention.negated && i <= mention.last_token && i < tokens.size(); ++i) {
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
    std::map<std::string, std::vector<std::string>> forms;  // a misspelling's stem as written
    std::vector<std::string> order;
    std::string previous;  // the stem of the last content word, for pairs
    std::size_t previous_token = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!text.word(i)) {
            continue;
        }
        std::string stem = text.stem_of(i, analyzer_);
        if (text.meant[i] != nullptr && tokens[i].stem != stem) {
            add_unique(forms[stem], tokens[i].stem);
        }
        Seen& entry = seen[stem];
        if (entry.occurrences++ == 0) {
            order.push_back(stem);
        }
        entry.affirmed = entry.affirmed || !negated[i];
        entry.focus = entry.focus || i < text.subject;
        if (!previous.empty() && previous != stem && out.pairs.size() < ranking::kMaxQueryPairs &&
            !text.sentence_break(previous_token, i)) {
            out.pairs.emplace_back(previous, stem);
        }
        previous = std::move(stem);
        previous_token = i;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Compound && !text.dropped[i] && searchable(tokens[i])) {
            out.text_words.push_back(tokens[i].stopword ? schema::kProfileStopWord + tokens[i].term
                                                        : text.stem_of(i, analyzer_));
        }
    }
    for (const std::string& stem : order) {
        const Seen& entry = seen[stem];
        const std::size_t repeats = std::min(entry.occurrences, ranking::kMaxRepeats);
        out.words.push_back(
            {.stem = stem,
             .weight = (entry.affirmed ? 1.0 : ranking::kNegatedWeight) *
                       (1.0 + ranking::kRepeatBoost * static_cast<double>(repeats - 1)),
             .focus = entry.focus,
             .forms = forms[stem]});
    }
    for (const Mention& mention : text.mentions) {
        if (mention.negated) {
            continue;
        }
        const std::string term = schema::concept_term(
            mention.kind == ConceptKind::Symptom ? schema::kSymptom : schema::kCondition,
            mention.id);
        add_unique(out.concepts, term);
        if (mention.first_token < text.subject) {
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

// What the expansion stages share: the user's kept words and their weights, the tokens
// already expanded and the phrases already searched.
struct FreeTextAnalyzer::Expanding {
    const QueryText& text;
    const std::vector<double>& weight;
    std::map<std::string, double> kept;  // stem term -> weight of the user's kept words
    std::vector<bool> covered;
    std::set<std::string> expanded;  // keys of phrases already searched

    // The mean weight of the user's content words in tokens [first, last]: a group of
    // alternatives is searched as one term (OP_SYNONYM), so it weighs like one of them.
    [[nodiscard]] double user_weight(std::size_t first, std::size_t last) const {
        double sum = 0;
        std::size_t words_seen = 0;
        for (std::size_t i = first; i <= last && i < text.tokens.size(); ++i) {
            if (text.word(i)) {
                const auto it = kept.find(stem_term(text.tokens[i].stem));
                sum += it == kept.end() ? weight[i] : it->second;
                ++words_seen;
            }
        }
        return words_seen == 0 ? 0.0 : sum / static_cast<double>(words_seen);
    }

    [[nodiscard]] std::vector<std::string> user_stems(std::size_t first, std::size_t last) const {
        std::vector<std::string> found;
        for (std::size_t i = first; i <= last && i < text.tokens.size(); ++i) {
            if (text.word(i)) {
                found.push_back(text.tokens[i].stem);
            }
        }
        return found;
    }

    void cover(std::size_t first, std::size_t last) {
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(first),
                  covered.begin() + static_cast<std::ptrdiff_t>(last) + 1, true);
    }
};

void FreeTextAnalyzer::add_concepts(Expanding& state, FreeTextQuery& out) const {
    // Symptoms and conditions the lexicon's matcher found are searched as concepts: the
    // indexer tagged every entry naming one, in any of its forms, lay or clinical, English or
    // Chinese, and left out negated mentions. One posting list instead of a phrase query per
    // form (see bench/RESULTS-ranking.md #17). Their one-word forms are still highlighted
    // ("tinnitus" for "ringing in my ears"); the words of longer forms alone say too little
    // ("cheek", "mouth" of "cheek twitching", "mouth twitching").
    for (const Mention& mention : state.text.mentions) {
        if (mention.negated || mention.last_token >= state.text.tokens.size() ||
            state.covered[mention.first_token] || state.covered[mention.last_token]) {
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
        state.cover(mention.first_token, mention.last_token);
    }
}

void FreeTextAnalyzer::add_group(Expanding& state, std::size_t first, std::size_t last,
                                 const std::vector<SynonymPhrase>& phrases,
                                 const Xapian::Database& db, FreeTextQuery& out) const {
    // The alternatives of a run of user words among phrases: those not holding all of the
    // user's words ("hypertension" -> "arterial hypertension" would only reward them twice).
    const std::vector<Token>& tokens = state.text.tokens;
    const std::vector<std::string> own = state.user_stems(first, last);
    ExpansionGroup group{.from = std::string(state.text.text.substr(
                             tokens[first].begin, tokens[last].end - tokens[first].begin)),
                         .weight = ranking::kExpansionWeight * state.user_weight(first, last)};
    // English and Chinese forms are capped separately, so that an English query also finds
    // Chinese consultations and the reverse.
    std::array<std::size_t, 2> added{0, 0};
    std::array<std::size_t, 2> phrases_added{0, 0};
    for (const SynonymPhrase& phrase : phrases) {
        const std::size_t language = phrase.han ? 1 : 0;
        if (added[language] >= ranking::kMaxExpansionsPerMatch ||
            (phrase.stems.size() > 1 && phrases_added[language] >= ranking::kMaxPhraseExpansions)) {
            continue;
        }
        if (phrase.stems.empty() || contains_all(phrase.stems, own) ||
            !state.expanded.insert(phrase.key).second) {
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
    state.cover(first, last);
}

void FreeTextAnalyzer::add_synonyms(Expanding& state, const Xapian::Database& db,
                                    FreeTextQuery& out) const {
    // Word synonyms (synonyms.tsv): runs of words matching a phrase exactly, stop words
    // included, longest first.
    const QueryText& text = state.text;
    const std::vector<Token>& tokens = text.tokens;
    std::vector<std::size_t> words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Compound && !text.dropped[i] && searchable(tokens[i])) {
            words.push_back(i);
        }
    }
    for (std::size_t start = 0; start < words.size();) {
        std::size_t matched = 0;
        if (!tokens[words[start]].stopword && !state.covered[words[start]]) {
            for (std::size_t length = std::min(index_.longest_phrase(), words.size() - start);
                 length > 0 && matched == 0; --length) {
                std::string key;
                bool usable = true;
                for (std::size_t k = 0; k < length && usable; ++k) {
                    const Token& token = tokens[words[start + k]];
                    if (k > 0) {
                        const Token& previous = tokens[words[start + k - 1]];
                        usable = !state.covered[words[start + k]] &&
                                 token.position == previous.position + 1 &&
                                 !text.sentence_break(words[start + k - 1], words[start + k]);
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
                add_group(state, words[start], words[start + length - 1], phrases, db, out);
            }
        }
        start += matched > 0 ? matched : 1;
    }
}

void FreeTextAnalyzer::add_question_kinds(Expanding& state,
                                          const std::vector<QuestionKindMatch>& kinds,
                                          FreeTextQuery& out) const {
    // Question kinds: "is there a cure" also looks for "treat", "treatment", "therapy".
    const QueryText& text = state.text;
    for (const QuestionKindMatch& match : kinds) {
        const QuestionKind& kind = question_words_.kinds()[match.kind];
        double trigger_weight = 1.0;
        for (std::size_t i = match.first; i <= match.last; ++i) {
            const auto it = state.kept.find(stem_term(text.tokens[i].stem));
            if (it != state.kept.end()) {
                trigger_weight = std::max(trigger_weight, it->second);
            }
        }
        ExpansionGroup group{.from = std::string(text.text.substr(
                                 text.tokens[match.first].begin,
                                 text.tokens[match.last].end - text.tokens[match.first].begin)),
                             .weight = ranking::kQuestionKindWeight * trigger_weight};
        for (std::size_t k = 0; k < kind.stems.size(); ++k) {
            const std::string term = stem_term(kind.stems[k]);
            if (state.kept.contains(term) || !state.expanded.insert(kind.stems[k]).second) {
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
}

std::vector<std::string> FreeTextAnalyzer::named_specialties(const QueryText& text) const {
    // Specialties named in the text ("neurologist", "ear nose and throat").
    std::vector<std::string> out;
    const std::vector<Token>& tokens = text.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!text.content(i) || tokens[i].kind != TokenKind::Word) {
            continue;
        }
        std::string phrase;
        for (std::size_t k = i; k < tokens.size() && k < i + 4; ++k) {
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
                add_unique(out, *specialty);
            }
        }
    }
    return out;
}

FreeTextQuery FreeTextAnalyzer::analyse(std::string_view text, const Xapian::Database& db,
                                        bool expand, bool spelling) {
    FreeTextQuery out;
    QueryText words = read(text);
    if (!words.any_content) {
        return out;  // stop words only: nothing to search for
    }
    words.subject = subject_line(words);
    if (expand) {
        words.mentions = mentions(words);
    }
    words.meant = misspellings(words, db);
    const std::vector<double> weight = token_weights(words);
    StemWeights stems = stem_weights(words, weight);
    out.corrections = corrections(words, weight, stems, db, spelling);
    out.terms = strongest_terms(stems, db);
    out.highlight_words = stems.written_forms;
    for (const WeightedTerm& term : out.terms) {
        add_unique(out.highlight_stems, term.term.substr(schema::kStem.size()));
    }
    const std::vector<QuestionKindMatch> kinds = question_words_.find(words.tokens, words.dropped);
    out.profile = profile(words, kinds);
    out.mentions = words.mentions;
    if (!expand) {
        return out;
    }
    Expanding state{
        .text = words, .weight = weight, .covered = std::vector<bool>(words.tokens.size())};
    for (const WeightedTerm& term : out.terms) {
        state.kept[term.term] = term.weight;
    }
    add_concepts(state, out);
    add_synonyms(state, db, out);
    add_question_kinds(state, kinds, out);
    out.named_specialties = named_specialties(words);
    return out;
}

}  // namespace qaindex::detail
