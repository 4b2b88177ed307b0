// SPDX-License-Identifier: Apache-2.0
// QuestionWords: the question kinds of consumer health questions and their trigger phrases.
#include "lexicon/question_words.hpp"

#include <initializer_list>

namespace qaindex::detail {
namespace {

struct KindSpec {
    std::string_view name;
    std::initializer_list<std::string_view> triggers;  // phrases that ask it
    std::initializer_list<std::string_view> words;     // single words searched for it
};

// The question types of MedQuAD and of the NLM consumer question corpus, with the phrasings
// lay askers use for them.
const KindSpec kKinds[] = {
    {"treatment",
     {"treat",      "treated",   "treating",   "treatment",     "treatments",
      "therapy",    "therapies", "cure",       "cured",         "cures",
      "curing",     "remedy",    "remedies",   "get rid of",    "heal",
      "healing",    "manage",    "management", "what can i do", "what should i do",
      "how to stop"},
     {"treat", "treatment", "therapy", "cure", "remedy", "manage"}},
    {"cause",
     {"cause", "causes", "caused", "causing", "why", "reason", "reasons", "due to"},
     {"cause", "reason"}},
    {"symptoms", {"symptom", "symptoms", "sign", "signs"}, {"symptom", "sign"}},
    {"diagnosis",
     {"diagnose", "diagnosed", "diagnosing", "diagnosis", "test", "tests", "tested", "testing",
      "detect", "detected", "screening"},
     {"diagnose", "diagnosis", "test", "detect"}},
    {"prognosis",
     {"prognosis", "outlook", "recovery", "recover", "recovering", "life expectancy", "survival",
      "survive", "how long", "go away", "get better"},
     {"prognosis", "outlook", "recovery"}},
    {"prevention",
     {"prevent", "prevented", "preventing", "prevention", "avoid", "reduce the risk",
      "lower the risk"},
     {"prevent", "prevention"}},
    {"inheritance",
     {"inherit", "inherited", "inheritance", "hereditary", "genetic", "run in families",
      "runs in families", "passed down"},
     {"inherit", "genetic", "hereditary"}},
    {"susceptibility", {"risk", "risks", "at risk", "who gets", "susceptible"}, {"risk"}},
};

}  // namespace

QuestionWords::QuestionWords(Analyzer& analyzer) {
    for (const KindSpec& spec : kKinds) {
        QuestionKind kind{.name = std::string(spec.name)};
        for (const std::string_view trigger : spec.triggers) {
            std::vector<std::string> stems;
            for (const Token& token : analyzer.analyze(trigger)) {
                if (token.kind != TokenKind::Compound) {
                    stems.push_back(token.stem);
                }
            }
            if (!stems.empty()) {
                kind.triggers.push_back(std::move(stems));
            }
        }
        for (const std::string_view word : spec.words) {
            for (const Token& token : analyzer.analyze(word)) {
                if (!token.stopword && token.kind == TokenKind::Word) {
                    kind.stems.push_back(token.stem);
                    kind.words.push_back(token.term);
                }
            }
        }
        kinds_.push_back(std::move(kind));
    }
}

std::set<std::string> QuestionWords::kind_stems() const {
    std::set<std::string> out;
    for (const QuestionKind& kind : kinds_) {
        for (const auto& trigger : kind.triggers) {
            if (trigger.size() == 1) {
                out.insert(trigger.front());
            }
        }
        out.insert(kind.stems.begin(), kind.stems.end());
    }
    return out;
}

std::vector<QuestionKindMatch> QuestionWords::find(const std::vector<Token>& tokens,
                                                   const std::vector<bool>& ignore) const {
    std::vector<std::size_t> words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Compound && !ignore[i]) {
            words.push_back(i);
        }
    }
    std::vector<QuestionKindMatch> out;
    for (std::size_t k = 0; k < kinds_.size(); ++k) {
        bool found = false;
        for (std::size_t start = 0; start < words.size() && !found; ++start) {
            for (const auto& trigger : kinds_[k].triggers) {
                if (start + trigger.size() > words.size()) {
                    continue;
                }
                bool match = true;
                for (std::size_t t = 0; t < trigger.size() && match; ++t) {
                    match = tokens[words[start + t]].stem == trigger[t];
                }
                if (match) {
                    out.push_back({k, words[start], words[start + trigger.size() - 1]});
                    found = true;
                    break;
                }
            }
        }
    }
    return out;
}

}  // namespace qaindex::detail
