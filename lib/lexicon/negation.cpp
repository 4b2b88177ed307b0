// SPDX-License-Identifier: Apache-2.0
// Negation of lexicon mentions: "no fever", "denies chest pain", 没有发烧.
//
// The rule, a small NegEx (Chapman et al. 2001) fitted to consultation questions:
//
// 1. A cue negates a mention that follows it in the same clause (clauses end at the tokens
//    Token::sentence_start marks: after . ! ? ; : , line breaks, "but", "however") when at
//    most 3 tokens lie between them and each is a stop word or a filler word from the list
//    below ("no history of chest pain", "not experiencing dizziness", "do not have any
//    fever", 没有出现头痛). Cues are single words (no, not, never, without, denies, don't,
//    没有, 无, 否认, 未 ...) or pairs (negative for, free of, absence of, ruled out).
//    A word that is not a filler stops the search, which is what keeps "no improvement in my
//    headache", "did not help my headache", "no medicine cured my headache" and
//    吃药后头痛没有好转 from being negated: negation there is about something else.
// 2. A cue followed directly by only, just, sure, necessarily ... is no cue ("not only
//    headaches but", "not sure if it is a migraine").
// 3. A negated mention carries its negation to a mention after it in the same clause across
//    at most 2 stop words or fillers: "no fever or chest pain", "没有发烧和咳嗽".
// 4. Lists across commas: a clause holding nothing but mentions and and/or/nor carries the
//    negation of the mention that ends the clause before it: "denies fever, chills, or night
//    sweats", "no fever, cough or headache". "no fever, my head hurts" is not such a list.
// Cues after the mention ("headache: none", 头痛没有) are not handled.
//
// Hypothetical mentions: a mention after if, unless, should, whether, "in case", "watch (out)
// for", "warning signs" (如果, 若, 一旦, 万一 ...) in the same sentence is hypothetical: "see a
// doctor if you notice weakness, numbness or double vision". Only the caller knows whether that
// matters (in a doctor's reply it does; in "I wonder if this dizziness is serious" it does not).
#include "lexicon/negation.hpp"

#include <string_view>
#include <unordered_set>
#include <utility>

namespace qaindex::detail {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& single_cues() {
    static const WordSet words = {
        "no",
        "not",
        "never",
        "without",
        "nor",
        "neither",
        "deny",
        "denies",
        "denied",
        "denying",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "haven't",
        "havent",
        "hasn't",
        "hasnt",
        "hadn't",
        "hadnt",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "won't",
        // Prefixes the analyzer splits off at the hyphen: "anti-seizure medicine",
        // "anti-nausea", "non-painful" name the absence of the symptom.
        "anti",
        "non",
        // Chinese, folded to Simplified: 没有/沒有 have not, 无/無 without, 否认 deny, 未 not
        // (yet), 从未 never, 并无 not at all, 未见 not seen, 毫无 not any, 不曾 never.
        "没有",
        "没",
        "无",
        "未",
        "否认",
        "从未",
        "从没",
        "从来没",
        "从来没有",
        "并无",
        "并未",
        "并没有",
        "未曾",
        "未见",
        "毫无",
        "不曾",
    };
    return words;
}

bool is_pair_cue(std::string_view before, std::string_view last) {
    static const std::pair<std::string_view, std::string_view> pairs[] = {
        {"negative", "for"}, {"free", "of"},  {"absence", "of"}, {"absent", "of"},
        {"ruled", "out"},    {"rule", "out"}, {"rules", "out"},
    };
    for (const auto& [a, b] : pairs) {
        if (a == before && b == last) {
            return true;
        }
    }
    return false;
}

// Words that may stand between a cue and the mention it negates.
const WordSet& fillers() {
    static const WordSet words = {
        "any",
        "history",
        "histories",
        "sign",
        "signs",
        "symptom",
        "symptoms",
        "evidence",
        "complaint",
        "complaints",
        "complain",
        "complained",
        "complaining",
        "experience",
        "experienced",
        "experiencing",
        "suffer",
        "suffered",
        "suffering",
        "feel",
        "feeling",
        "felt",
        "get",
        "gets",
        "getting",
        "got",
        "gotten",
        "report",
        "reported",
        "reports",
        "episode",
        "episodes",
        "recent",
        "recently",
        "current",
        "currently",
        "previous",
        "previously",
        "past",
        "prior",
        "known",
        "obvious",
        "obviously",
        "significant",
        "severe",
        "real",
        "new",
        "ever",
        "associated",
        "accompanying",
        "accompanied",
        "think",
        "believe",
        "notice",
        "noticed",
        "develop",
        "developed",
        "seen",
        "show",
        "showed",
        "shows",
        "kind",
        "type",
        "sort",
        "similar",
        "family",
        "personal",
        "longer",
        // Chinese: appear, obvious, any, feel, happen, (aspect particle), again, what,
        // notice, accompanied by, other, particular, ever, attack.
        "出现",
        "明显",
        "任何",
        "感到",
        "觉得",
        "发生",
        "过",
        "再",
        "什么",
        "感觉",
        "发现",
        "伴",
        "伴有",
        "伴随",
        "有过",
        "其他",
        "特别",
        "曾",
        "曾经",
        "出现过",
        "发作",
    };
    return words;
}

const WordSet& pseudo_followers() {
    static const WordSet words = {
        "only",  "just",   "sure", "necessarily", "certain", "matter",
        "doubt", "merely", "仅",   "只",          "一定",    "确定",
    };
    return words;
}

const WordSet& connectors() {
    static const WordSet words = {"or", "and",  "nor", "any",  "和",
                                  "或", "或者", "及",  "以及", "与"};
    return words;
}

// Words that open a hypothetical clause: "if you notice weakness", "unless the rash spreads",
// "should you develop a fever", 如果出现胸痛. Doctors' replies are full of such red flags; the
// asker does not have them.
const WordSet& hypothetical_cues() {
    static const WordSet words = {"if",   "unless", "should", "whether", "如果", "若",
                                  "假如", "一旦",   "万一",   "如有",    "要是", "倘若"};
    return words;
}

bool is_hypothetical_pair(std::string_view before, std::string_view last) {
    static const std::pair<std::string_view, std::string_view> pairs[] = {
        {"in", "case"}, {"watch", "for"}, {"look", "for"}, {"out", "for"}, {"warning", "signs"},
    };
    for (const auto& [a, b] : pairs) {
        if (a == before && b == last) {
            return true;
        }
    }
    return false;
}

constexpr std::size_t no_token = static_cast<std::size_t>(-1);
constexpr std::size_t max_cue_gap = 3;
constexpr std::size_t max_chain_gap = 2;

// Scopes are found in passes over the tokens that each look at a token a fixed number of
// times, so the work is linear in the text: walking back to the clause or sentence start from
// every mention took quadratic time (a 45 KB record of repeated "headache" took 53 s).
// Compound tokens ("xray" after "x" "ray") are passed over, as if absent.
class Scope {
  public:
    Scope(const std::vector<Token>& tokens, const std::vector<TokenSpan>& spans, std::size_t* steps)
        : tokens_(tokens),
          spans_(spans),
          steps_(steps),
          owner_(tokens.size(), no_token),
          previous_(tokens.size(), no_token),
          next_(tokens.size(), no_token),
          clause_start_(tokens.size(), no_token),
          list_from_(tokens.size(), false) {
        for (std::size_t s = 0; s < spans.size(); ++s) {
            for (std::size_t t = spans[s].first; t <= spans[s].last && t < tokens.size(); ++t) {
                owner_[t] = s;
                count_step();
            }
        }
        // previous_, and the clause start a walk back from each token reaches: the token
        // itself if it starts a clause, else the clause start of the word before it.
        std::size_t last = no_token;
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            count_step();
            previous_[t] = last;
            clause_start_[t] = tokens[t].sentence_start ? t
                               : last == no_token       ? no_token
                                                        : clause_start_[last];
            if (tokens[t].kind != TokenKind::Compound) {
                last = t;
            }
        }
        // next_, and whether the words from each token to the end of its clause are all
        // mentions or connectors ("fever, chills, or night sweats").
        last = no_token;
        for (std::size_t t = tokens.size(); t-- > 0;) {
            count_step();
            next_[t] = last;
            const bool listed = owner_[t] != no_token || connectors().contains(tokens[t].term);
            list_from_[t] =
                listed && (last == no_token || tokens[last].sentence_start || list_from_[last]);
            if (tokens[t].kind != TokenKind::Compound) {
                last = t;
            }
        }
    }

    std::vector<bool> run() {
        std::vector<bool> negated(spans_.size(), false);
        for (std::size_t s = 0; s < spans_.size(); ++s) {
            negated[s] =
                negated_in_clause(spans_[s], negated) || continues_list(spans_[s], negated);
        }
        return negated;
    }

    // The same clause and list rules with hypothetical cues anywhere earlier in the sentence.
    std::vector<bool> run_hypothetical() {
        // Whether a walk back from each word, to the start of its sentence, meets a cue.
        // Unlike negation, a condition reaches across commas to the end of its sentence:
        // "see a doctor if you notice blood, weight loss, or pain waking you at night".
        std::vector<bool> cue_from(tokens_.size(), false);
        for (std::size_t t = 0; t < tokens_.size(); ++t) {
            count_step();
            const std::size_t before = previous_[t];
            cue_from[t] = is_hypothetical_cue_ending_at(t) ||
                          (!tokens_[t].new_sentence && before != no_token && cue_from[before]);
        }
        std::vector<bool> hypothetical(spans_.size(), false);
        for (std::size_t s = 0; s < spans_.size(); ++s) {
            const std::size_t first = spans_[s].first;
            const std::size_t before = previous_[first];
            hypothetical[s] =
                (!tokens_[first].new_sentence && before != no_token && cue_from[before]) ||
                continues_list(spans_[s], hypothetical);
        }
        return hypothetical;
    }

  private:
    void count_step() const {
        if (steps_ != nullptr) {
            ++*steps_;
        }
    }

    bool is_cue_ending_at(std::size_t t) const {
        if (single_cues().contains(tokens_[t].term)) {
            return true;
        }
        const std::size_t before = previous_[t];
        return before != no_token && !tokens_[t].sentence_start &&
               is_pair_cue(tokens_[before].term, tokens_[t].term);
    }

    bool is_hypothetical_cue_ending_at(std::size_t t) const {
        if (hypothetical_cues().contains(tokens_[t].term)) {
            return true;
        }
        const std::size_t before = previous_[t];
        return before != no_token && !tokens_[t].sentence_start &&
               is_hypothetical_pair(tokens_[before].term, tokens_[t].term);
    }

    bool is_gap_word(const Token& token) const {
        return token.stopword || fillers().contains(token.term);
    }

    // At most max_cue_gap + 1 words back: bounded work per mention.
    bool negated_in_clause(const TokenSpan& span, const std::vector<bool>& negated) const {
        if (tokens_[span.first].sentence_start) {
            return false;
        }
        std::size_t gap = 0;
        for (std::size_t t = previous_[span.first]; t != no_token; t = previous_[t]) {
            count_step();
            if (owner_[t] != no_token) {
                return negated[owner_[t]] && gap <= max_chain_gap;
            }
            if (is_cue_ending_at(t)) {
                const std::size_t after = next_[t];
                return after == no_token || !pseudo_followers().contains(tokens_[after].term);
            }
            if (tokens_[t].sentence_start || !is_gap_word(tokens_[t]) || ++gap > max_cue_gap) {
                return false;
            }
        }
        return false;
    }

    // Whether span's clause holds nothing but mentions and connectors, and the clause before
    // it ends with a marked mention.
    bool continues_list(const TokenSpan& span, const std::vector<bool>& marked) const {
        count_step();
        const std::size_t start = clause_start_[span.first];
        if (start == no_token || !list_from_[start]) {
            return false;
        }
        const std::size_t before = previous_[start];
        return before != no_token && owner_[before] != no_token && marked[owner_[before]] &&
               spans_[owner_[before]].last == before;
    }

    const std::vector<Token>& tokens_;
    const std::vector<TokenSpan>& spans_;
    std::size_t* steps_;
    std::vector<std::size_t> owner_;
    std::vector<std::size_t> previous_;      // the word before each token (Compounds passed over)
    std::vector<std::size_t> next_;          // the word after each token
    std::vector<std::size_t> clause_start_;  // where a walk back from each token stops
    std::vector<bool> list_from_;            // mentions and connectors only, to the clause end
};

}  // namespace

bool is_negation_cue(std::string_view term) {
    return single_cues().contains(term);
}

std::vector<bool> negated_spans(const std::vector<Token>& tokens,
                                const std::vector<TokenSpan>& spans, std::size_t* steps) {
    return Scope(tokens, spans, steps).run();
}

std::vector<bool> hypothetical_spans(const std::vector<Token>& tokens,
                                     const std::vector<TokenSpan>& spans, std::size_t* steps) {
    return Scope(tokens, spans, steps).run_hypothetical();
}

}  // namespace qaindex::detail
