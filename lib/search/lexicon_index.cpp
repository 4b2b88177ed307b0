// SPDX-License-Identifier: Apache-2.0
// LexiconIndex: synonym phrases keyed by stems, and word-level corrections from misspellings.
#include "search/lexicon_index.hpp"

#include <algorithm>
#include <set>

#include "lexicon/compiled_lexicon.hpp"

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
    // Compiled with the built-in lexicon (analysing its phrases here took a third of a
    // qaquery's start-up), loaded once per process and never destroyed, like the lexicon.
    static const auto* const instance = [] {
        const std::string_view compiled = compiled_lexicon_index();
        if (compiled.empty()) {
            throw Error("the built-in lexicon was not compiled into this program");
        }
        BinaryReader in(compiled);
        return new std::shared_ptr<const LexiconIndex>(read(in));
    }();
    return *instance;
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
        index->concepts_["S:" + symptom.id].forms =
            forms_of({&symptom.clinical, &symptom.lay, &symptom.chinese}, symptom.name);
    }
    for (const Condition& condition : lexicon.conditions()) {
        index->concepts_["C:" + condition.id].forms =
            forms_of({&condition.clinical, &condition.lay, &condition.chinese}, condition.name);
    }
    for (auto& [concept_id, entry] : index->concepts_) {
        for (const SynonymPhrase& form : entry.forms) {
            entry.keys.insert(form.content_key);
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
            index->concepts_["S:" + symptom.id].keys.insert(terms);
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
    for (const auto& [concept_id, entry] : index->concepts_) {
        add_words(entry.forms, correct_words);
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
        add_words(index->concepts_["S:" + symptom.id].forms, words);
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

namespace {

void write_phrase(BinaryWriter& out, const SynonymPhrase& phrase) {
    out.strings(phrase.terms);
    out.list(phrase.stopword, [](BinaryWriter& w, bool stop) { w.boolean(stop); });
    out.strings(phrase.stems);
    out.str(phrase.key);
    out.str(phrase.content_key);
    out.str(phrase.text);
    out.boolean(phrase.han);
}

SynonymPhrase read_phrase(BinaryReader& in) {
    SynonymPhrase phrase;
    phrase.terms = in.strings();
    phrase.stopword = in.list([](BinaryReader& r) { return r.boolean(); });
    phrase.stems = in.strings();
    phrase.key = in.str();
    phrase.content_key = in.str();
    phrase.text = in.str();
    phrase.han = in.boolean();
    return phrase;
}

template <typename T>
std::vector<T> sorted(const auto& container) {
    std::vector<T> out(container.begin(), container.end());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

void LexiconIndex::write(BinaryWriter& out) const {
    out.u32(kCompiledLexiconFormat);
    out.list(groups_, [](BinaryWriter& w, const std::vector<SynonymPhrase>& group) {
        w.list(group, write_phrase);
    });
    using KeyGroups = std::pair<std::string, std::vector<std::size_t>>;
    out.list(sorted<KeyGroups>(by_key_), [](BinaryWriter& w, const KeyGroups& entry) {
        w.str(entry.first);
        w.list(entry.second, [](BinaryWriter& w2, std::size_t group) {
            w2.u32(static_cast<std::uint32_t>(group));
        });
    });
    // Each concept as its key and its own bytes, which read() keeps to read when asked for.
    std::lock_guard lock(concepts_mutex_);
    std::vector<std::string> keys;
    for (const auto& [key, entry] : concepts_) {
        keys.push_back(key);
    }
    for (const auto& [key, bytes] : compiled_concepts_) {
        if (!concepts_.contains(key)) {
            keys.push_back(key);
        }
    }
    std::sort(keys.begin(), keys.end());
    out.list(keys, [this](BinaryWriter& w, const std::string& key) {
        w.str(key);
        const auto loaded = concepts_.find(key);
        if (loaded == concepts_.end()) {
            w.str(compiled_concepts_.at(key));
            return;
        }
        BinaryWriter entry;
        entry.list(loaded->second.forms, write_phrase);
        entry.strings(sorted<std::string>(loaded->second.keys));
        w.str(entry.bytes());
    });
    using Correction = std::pair<std::string, std::string>;
    out.list(sorted<Correction>(corrections_), [](BinaryWriter& w, const Correction& correction) {
        w.str(correction.first);
        w.str(correction.second);
    });
    out.u64(longest_);
}

std::shared_ptr<const LexiconIndex> LexiconIndex::read(BinaryReader& in) {
    if (in.u32() != kCompiledLexiconFormat) {
        throw Error("compiled lexicon: another format version than this library's");
    }
    auto index = std::make_shared<LexiconIndex>();
    index->groups_ = in.list([](BinaryReader& r) { return r.list(read_phrase); });
    std::size_t size = in.count();
    index->by_key_.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        std::string key = in.str();
        index->by_key_.emplace(std::move(key), in.list([](BinaryReader& r) {
            return std::size_t{r.u32()};
        }));
    }
    size = in.count();
    index->compiled_concepts_.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        std::string key = in.str();
        index->compiled_concepts_.emplace(std::move(key), in.view());
    }
    size = in.count();
    index->corrections_.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        std::string misspelling = in.str();
        index->corrections_.emplace(std::move(misspelling), in.str());
    }
    index->longest_ = static_cast<std::size_t>(in.u64());
    return index;
}

const LexiconIndex::Concept* LexiconIndex::concept_of(const std::string& key) const {
    std::lock_guard lock(concepts_mutex_);
    if (const auto loaded = concepts_.find(key); loaded != concepts_.end()) {
        return &loaded->second;  // unordered_map nodes stay put as others are added
    }
    const auto compiled = compiled_concepts_.find(key);
    if (compiled == compiled_concepts_.end()) {
        return nullptr;
    }
    BinaryReader in(compiled->second);
    Concept entry;
    entry.forms = in.list(read_phrase);
    for (std::string& name_key : in.strings()) {
        entry.keys.insert(std::move(name_key));
    }
    return &concepts_.emplace(key, std::move(entry)).first->second;
}

const std::vector<SynonymPhrase>* LexiconIndex::concept_forms(ConceptKind kind,
                                                              const std::string& id) const {
    const Concept* entry = concept_of((kind == ConceptKind::Symptom ? "S:" : "C:") + id);
    return entry == nullptr ? nullptr : &entry->forms;
}

bool LexiconIndex::names_concept(ConceptKind kind, const std::string& id,
                                 const std::string& content_key, const std::string& terms) const {
    const Concept* entry = concept_of((kind == ConceptKind::Symptom ? "S:" : "C:") + id);
    return entry != nullptr && (entry->keys.contains(content_key) || entry->keys.contains(terms));
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
