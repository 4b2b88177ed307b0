// SPDX-License-Identifier: Apache-2.0
// Tests of lib/lexicon/negation.cpp: scopes found in linear time, equal to the plain rule.
#include "lexicon/negation.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using qaindex::Token;
using qaindex::TokenKind;
using qaindex::detail::TokenSpan;

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

// The rule of negation.cpp written as its comment states it, walking back from each mention
// to its clause or sentence start (quadratic time): the reference the linear passes must
// equal. Word lists are the subsets the random texts below use.
class Reference {
  public:
    Reference(const std::vector<Token>& tokens, const std::vector<TokenSpan>& spans)
        : tokens_(tokens), spans_(spans), owner_(tokens.size(), none) {
        for (std::size_t s = 0; s < spans.size(); ++s) {
            for (std::size_t t = spans[s].first; t <= spans[s].last; ++t) {
                owner_[t] = s;
            }
        }
    }

    std::vector<bool> negated() const {
        std::vector<bool> marked(spans_.size(), false);
        for (std::size_t s = 0; s < spans_.size(); ++s) {
            marked[s] = negated_in_clause(spans_[s], marked) || continues_list(spans_[s], marked);
        }
        return marked;
    }

    std::vector<bool> hypothetical() const {
        std::vector<bool> marked(spans_.size(), false);
        for (std::size_t s = 0; s < spans_.size(); ++s) {
            marked[s] = hypothetical_in_sentence(spans_[s]) || continues_list(spans_[s], marked);
        }
        return marked;
    }

  private:
    static bool in(std::string_view word, std::initializer_list<std::string_view> words) {
        return std::find(words.begin(), words.end(), word) != words.end();
    }

    std::size_t previous(std::size_t t) const {
        while (t-- > 0) {
            if (tokens_[t].kind != TokenKind::Compound) {
                return t;
            }
        }
        return none;
    }

    std::size_t next(std::size_t t) const {
        while (++t < tokens_.size()) {
            if (tokens_[t].kind != TokenKind::Compound) {
                return t;
            }
        }
        return none;
    }

    bool pair_before(std::size_t t, std::string_view a, std::string_view b) const {
        const std::size_t before = previous(t);
        return before != none && !tokens_[t].sentence_start && tokens_[before].term == a &&
               tokens_[t].term == b;
    }

    bool negated_in_clause(const TokenSpan& span, const std::vector<bool>& marked) const {
        if (tokens_[span.first].sentence_start) {
            return false;
        }
        std::size_t gap = 0;
        for (std::size_t t = previous(span.first); t != none; t = previous(t)) {
            if (owner_[t] != none) {
                return marked[owner_[t]] && gap <= 2;
            }
            if (in(tokens_[t].term, {"no", "not", "denies"}) || pair_before(t, "free", "of")) {
                const std::size_t after = next(t);
                return after == none || !in(tokens_[after].term, {"only", "sure"});
            }
            const bool gap_word = tokens_[t].stopword || in(tokens_[t].term, {"any", "history"});
            if (tokens_[t].sentence_start || !gap_word || ++gap > 3) {
                return false;
            }
        }
        return false;
    }

    bool hypothetical_in_sentence(const TokenSpan& span) const {
        for (std::size_t t = span.first; t != none; t = previous(t)) {
            if (t != span.first &&
                (in(tokens_[t].term, {"if", "unless"}) || pair_before(t, "in", "case"))) {
                return true;
            }
            if (tokens_[t].new_sentence) {
                break;
            }
        }
        return false;
    }

    bool continues_list(const TokenSpan& span, const std::vector<bool>& marked) const {
        std::size_t start = span.first;
        while (!tokens_[start].sentence_start) {
            start = previous(start);
            if (start == none) {
                return false;
            }
        }
        for (std::size_t t = start; t != none; t = next(t)) {
            if (t != start && tokens_[t].sentence_start) {
                break;
            }
            if (owner_[t] == none && !in(tokens_[t].term, {"or", "and", "any"})) {
                return false;
            }
        }
        const std::size_t before = previous(start);
        return before != none && owner_[before] != none && marked[owner_[before]] &&
               spans_[owner_[before]].last == before;
    }

    const std::vector<Token>& tokens_;
    const std::vector<TokenSpan>& spans_;
    std::vector<std::size_t> owner_;
};

Token word(std::string term, bool clause = false, bool sentence = false) {
    Token token;
    token.term = term;
    token.stem = std::move(term);
    token.stopword = token.term == "the" || token.term == "a" || token.term == "in" ||
                     token.term == "of" || token.term == "and" || token.term == "or" ||
                     token.term == "if" || token.term == "no" || token.term == "not";
    token.sentence_start = clause || sentence;
    token.new_sentence = sentence;
    return token;
}

}  // namespace

TEST_CASE("Negation and hypothetical scopes equal the plain rule on random texts",
          "[lexicon][negation]") {
    // Words of every role: cues (single and pairs), fillers, pseudo-followers, connectors,
    // hypothetical cues (single and pair), stop words and plain words.
    const std::array<std::string_view, 20> vocabulary = {
        "no",  "not", "denies", "free", "of",   "any", "history", "only", "sure",  "or",
        "and", "if",  "unless", "in",   "case", "the", "a",       "pain", "hurts", "cough"};
    std::mt19937 random(20261207);
    for (int round = 0; round < 3000; ++round) {
        const std::size_t length = 1 + random() % 40;
        std::vector<Token> tokens;
        for (std::size_t i = 0; i < length; ++i) {
            const std::size_t boundary = random() % 10;
            Token token = word(std::string(vocabulary[random() % vocabulary.size()]),
                               i == 0 || boundary == 0, i == 0 || boundary == 1);
            if (i > 0 && random() % 12 == 0) {
                token.kind = TokenKind::Compound;  // "xray" after "x" "ray": passed over
            }
            tokens.push_back(std::move(token));
        }
        std::vector<TokenSpan> spans;
        for (std::size_t t = 0; t < length;) {
            if (random() % 3 == 0) {
                const std::size_t last = std::min(length - 1, t + random() % 3);
                spans.push_back({t, last});
                t = last + 1;
            }
            t += 1 + random() % 2;
        }
        const Reference reference(tokens, spans);
        CAPTURE(round);
        REQUIRE(qaindex::detail::negated_spans(tokens, spans) == reference.negated());
        REQUIRE(qaindex::detail::hypothetical_spans(tokens, spans) == reference.hypothetical());
    }
}

TEST_CASE("Scopes take linear work however many mentions a clause holds", "[lexicon][negation]") {
    // One sentence of 20,000 mentions ("if headache headache ... "), and a list of as many
    // across commas: walking back to the sentence start from each mention took quadratic time
    // (a 45 KB record of repeated "headache" took 53 s to index).
    constexpr std::size_t mentions = 20000;
    for (const bool commas : {false, true}) {
        CAPTURE(commas);
        std::vector<Token> tokens{word("if", true, true), word("no")};
        std::vector<TokenSpan> spans;
        for (std::size_t i = 0; i < mentions; ++i) {
            spans.push_back({tokens.size(), tokens.size()});
            tokens.push_back(word("headache", commas && i > 0));
        }
        std::size_t steps = 0;
        const std::vector<bool> negated = qaindex::detail::negated_spans(tokens, spans, &steps);
        const std::vector<bool> hypothetical =
            qaindex::detail::hypothetical_spans(tokens, spans, &steps);
        CHECK(steps <= 10 * (tokens.size() + spans.size()));
        // What the rule says: the first is negated and the negation runs down the chain or
        // the list; all are after "if" in the same sentence.
        CHECK(std::count(negated.begin(), negated.end(), true) ==
              static_cast<std::ptrdiff_t>(mentions));
        CHECK(std::count(hypothetical.begin(), hypothetical.end(), true) ==
              static_cast<std::ptrdiff_t>(mentions));
    }
}
