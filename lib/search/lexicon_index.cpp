// SPDX-License-Identifier: Apache-2.0
// LexiconIndex: synonym phrases keyed by stems, and word-level corrections from misspellings.
#include "search/lexicon_index.hpp"

#include <algorithm>
#include <mutex>
#include <set>

namespace qaindex::detail {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::shared_ptr<const LexiconIndex> LexiconIndex::of_builtin() {
    // Built once per process: analysing every phrase takes a few milliseconds, too much to
    // repeat for every Searcher.
    static std::once_flag once;
    static std::shared_ptr<const LexiconIndex> instance;
    std::call_once(once, [] { instance = build(Lexicon::builtin()); });
    return instance;
}

std::shared_ptr<const LexiconIndex> LexiconIndex::build(const Lexicon& lexicon) {
    auto index = std::make_shared<LexiconIndex>();
    Analyzer analyzer;
    auto analyse = [&](const std::string& text) {
        SynonymPhrase phrase;
        phrase.text = text;
        for (const Token& token : analyzer.analyze(text)) {
            if (token.kind == TokenKind::Compound || token.term.empty()) {
                continue;
            }
            phrase.han = phrase.han || token.kind == TokenKind::Han;
            phrase.terms.push_back(token.term);
            phrase.stopword.push_back(token.stopword);
            if (!phrase.key.empty()) {
                phrase.key += ' ';
            }
            phrase.key += token.stopword ? token.term : token.stem;
            if (!token.stopword) {
                phrase.stems.push_back(token.stem);
                if (!phrase.content_key.empty()) {
                    phrase.content_key += ' ';
                }
                phrase.content_key += token.stem;
            }
        }
        return phrase;
    };
    // The distinct searchable forms among texts.
    auto forms_of = [&](std::initializer_list<const std::vector<std::string>*> lists,
                        const std::string& name) {
        std::vector<SynonymPhrase> forms;
        std::set<std::string> keys;
        auto add = [&](const std::string& text) {
            SynonymPhrase phrase = analyse(text);
            if (!phrase.stems.empty() && keys.insert(phrase.key).second) {
                forms.push_back(std::move(phrase));
            }
        };
        add(name);
        for (const auto* list : lists) {
            std::for_each(list->begin(), list->end(), add);
        }
        return forms;
    };
    for (const Symptom& symptom : lexicon.symptoms()) {
        index->concepts_["S:" + symptom.id] =
            forms_of({&symptom.clinical, &symptom.lay, &symptom.chinese}, symptom.name);
    }
    for (const Condition& condition : lexicon.conditions()) {
        index->concepts_["C:" + condition.id] =
            forms_of({&condition.clinical, &condition.lay, &condition.chinese}, condition.name);
    }
    for (const auto& [concept_id, forms] : index->concepts_) {
        for (const SynonymPhrase& form : forms) {
            index->concept_keys_.insert(concept_id + '\n' + form.content_key);
        }
    }
    for (const Symptom& symptom : lexicon.symptoms()) {
        for (const std::string& misspelling : symptom.misspellings) {
            std::string terms;
            for (const Token& token : analyzer.analyze(misspelling)) {
                if (token.kind != TokenKind::Compound && !token.stopword) {
                    terms += (terms.empty() ? "" : " ") + token.term;
                }
            }
            index->concept_keys_.insert("S:" + symptom.id + '\n' + terms);
        }
    }

    // synonyms.tsv's groups: Lexicon::synonym_groups() also holds a group per symptom and
    // condition, led by its name; those are expanded from mentions instead.
    for (const SynonymGroup& group : lexicon.synonym_groups()) {
        const std::string& lead = !group.clinical.empty() ? group.clinical.front()
                                  : !group.lay.empty()    ? group.lay.front()
                                                          : std::string();
        const Symptom* symptom = lexicon.find_symptom(lead);
        const Condition* condition = lexicon.find_condition(lead);
        if ((symptom != nullptr && symptom->name == lead) ||
            (condition != nullptr && condition->name == lead)) {
            continue;
        }
        std::vector<SynonymPhrase> phrases = forms_of({&group.clinical, &group.lay}, lead);
        if (phrases.size() < 2) {
            continue;
        }
        const std::size_t group_index = index->groups_.size();
        for (const SynonymPhrase& phrase : phrases) {
            index->by_key_[phrase.key].push_back(group_index);
            index->longest_ = std::max(index->longest_, phrase.terms.size());
        }
        index->groups_.push_back(std::move(phrases));
    }

    // Every word of a correct form in the lexicon: a misspelling's word that is one of them is
    // a real word ("cancer" in "cancer sore" for "canker sore"), never corrected.
    auto add_words = [](const std::vector<SynonymPhrase>& forms, std::set<std::string>& into) {
        for (const SynonymPhrase& form : forms) {
            for (std::size_t t = 0; t < form.terms.size() && !form.han; ++t) {
                if (!form.stopword[t]) {
                    into.insert(form.terms[t]);
                }
            }
        }
    };
    std::set<std::string> correct_words;
    for (const auto& [concept_id, forms] : index->concepts_) {
        add_words(forms, correct_words);
    }
    for (const auto& forms : index->groups_) {
        add_words(forms, correct_words);
    }
    index->known_words_.insert(correct_words.begin(), correct_words.end());

    // A listed misspelling corrects word by word: each of its words that is not a word of the
    // symptom's correct forms maps to the closest such word ("twiching" -> "twitching").
    for (const Symptom& symptom : lexicon.symptoms()) {
        if (symptom.misspellings.empty()) {
            continue;
        }
        std::set<std::string> words;  // of the symptom's correct forms, as analysed above
        add_words(index->concepts_["S:" + symptom.id], words);
        for (const std::string& misspelling : symptom.misspellings) {
            for (const Token& token : analyzer.analyze(misspelling)) {
                if (token.kind != TokenKind::Word || token.stopword ||
                    correct_words.contains(token.term)) {
                    continue;
                }
                const std::string* best = nullptr;
                std::size_t best_distance = 0;
                for (const std::string& word : words) {
                    const std::size_t distance = edit_distance(token.term, word);
                    if (best == nullptr || distance < best_distance) {
                        best = &word;
                        best_distance = distance;
                    }
                }
                if (best != nullptr &&
                    best_distance <= std::max<std::size_t>(2, token.term.size() / 3)) {
                    index->corrections_.emplace(token.term, *best);
                }
            }
        }
    }
    return index;
}

const std::vector<SynonymPhrase>* LexiconIndex::concept_forms(ConceptKind kind,
                                                              const std::string& id) const {
    const auto it = concepts_.find((kind == ConceptKind::Symptom ? "S:" : "C:") + id);
    return it == concepts_.end() ? nullptr : &it->second;
}

bool LexiconIndex::names_concept(ConceptKind kind, const std::string& id,
                                 const std::string& content_key, const std::string& terms) const {
    const std::string prefix = (kind == ConceptKind::Symptom ? "S:" : "C:") + id + '\n';
    return concept_keys_.contains(prefix + content_key) || concept_keys_.contains(prefix + terms);
}

const std::vector<std::size_t>* LexiconIndex::groups_of(const std::string& key) const {
    const auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &it->second;
}

bool LexiconIndex::knows_word(const std::string& word) const {
    return known_words_.contains(word);
}

const std::string* LexiconIndex::correction(const std::string& misspelling) const {
    const auto it = corrections_.find(misspelling);
    return it == corrections_.end() ? nullptr : &it->second;
}

}  // namespace qaindex::detail
