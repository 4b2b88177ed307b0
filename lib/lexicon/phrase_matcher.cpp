// SPDX-License-Identifier: Apache-2.0
// PhraseMatcher: finds lexicon phrases in analysed text (a trie over stems and Han characters).
#include "lexicon/phrase_matcher.hpp"

#include <algorithm>

#include "lexicon/negation.hpp"

namespace qaindex::detail {
namespace {

constexpr std::size_t max_skipped_tokens = 3;
constexpr std::size_t no_token = static_cast<std::size_t>(-1);

struct Candidate {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t units = 0;
    std::uint32_t node = 0;
};

}  // namespace

bool is_skippable(const Token& token) {
    return token.stopword && !is_negation_cue(token.term);
}

PhraseMatcher::PhraseMatcher() : concepts_(1) {}

std::uint32_t PhraseMatcher::symbol(std::string_view unit) const {
    const auto found = symbols_.find(unit);
    return found == symbols_.end() ? no_symbol : found->second;
}

bool PhraseMatcher::add(const std::vector<Token>& phrase, ConceptRef concept_ref) {
    std::uint32_t node = 0;
    bool any = false;
    for (const Token& token : phrase) {
        if (token.kind == TokenKind::Compound || is_skippable(token)) {
            continue;
        }
        units_of(token, [&](std::string_view unit) {
            auto [symbol_it, added_symbol] = symbols_.try_emplace(
                std::string(unit), static_cast<std::uint32_t>(symbols_.size()));
            auto [edge_it, added_edge] = edges_.try_emplace(
                edge_key(node, symbol_it->second), static_cast<std::uint32_t>(concepts_.size()));
            if (added_edge) {
                concepts_.emplace_back();
            }
            node = edge_it->second;
            any = true;
        });
    }
    if (!any) {
        return false;
    }
    std::vector<ConceptRef>& here = concepts_[node];
    if (std::find(here.begin(), here.end(), concept_ref) == here.end()) {
        here.push_back(concept_ref);
    }
    return true;
}

void PhraseMatcher::add_exact_term(const std::string& term) { exact_terms_.insert(term); }

std::vector<PhraseMatch> PhraseMatcher::find(const std::vector<Token>& tokens) const {
    const std::size_t n = tokens.size();
    // The units of token t are symbols[unit_begin[t] .. unit_begin[t + 1]).
    std::vector<std::uint32_t> symbols;
    std::vector<std::size_t> unit_begin(n + 1, 0);
    symbols.reserve(n);
    for (std::size_t t = 0; t < n; ++t) {
        unit_begin[t] = symbols.size();
        if (tokens[t].kind != TokenKind::Compound && !is_skippable(tokens[t])) {
            units_of(tokens[t], [&](std::string_view unit) { symbols.push_back(symbol(unit)); });
        }
    }
    unit_begin[n] = symbols.size();
    const auto has_units = [&](std::size_t t) { return unit_begin[t + 1] > unit_begin[t]; };

    // The next token with units after t, past at most max_skipped_tokens skippable ones and
    // no clause start.
    const auto next_content = [&](std::size_t t) {
        std::size_t skipped = 0;
        for (std::size_t k = t + 1; k < n; ++k) {
            if (tokens[k].kind == TokenKind::Compound) {
                continue;
            }
            if (tokens[k].sentence_start) {
                return no_token;
            }
            if (has_units(k)) {
                return k;
            }
            if (++skipped > max_skipped_tokens) {
                return no_token;
            }
        }
        return no_token;
    };

    std::vector<Candidate> candidates;
    for (std::size_t start = 0; start < n; ++start) {
        if (!has_units(start)) {
            continue;
        }
        std::uint32_t node = 0;
        std::size_t t = start;
        std::size_t unit = unit_begin[start];
        std::size_t count = 0;
        for (;;) {
            if (symbols[unit] == no_symbol) {
                break;
            }
            const auto edge = edges_.find(edge_key(node, symbols[unit]));
            if (edge == edges_.end()) {
                break;
            }
            node = edge->second;
            ++count;
            // A match may end inside a Han word (眼皮跳 in 眼皮跳动) but never starts inside one.
            if (!concepts_[node].empty()) {
                candidates.push_back({start, t, count, node});
            }
            if (unit + 1 < unit_begin[t + 1]) {
                ++unit;
                continue;
            }
            t = next_content(t);
            if (t == no_token) {
                break;
            }
            unit = unit_begin[t];
        }
    }

    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.units != b.units) {
            return a.units > b.units;
        }
        if (a.last - a.first != b.last - b.first) {
            return a.last - a.first > b.last - b.first;
        }
        return a.first < b.first;
    });
    std::vector<bool> taken(n, false);
    std::vector<PhraseMatch> matches;
    for (const Candidate& candidate : candidates) {
        const auto begin = taken.begin() + static_cast<std::ptrdiff_t>(candidate.first);
        const auto end = taken.begin() + static_cast<std::ptrdiff_t>(candidate.last + 1);
        if (std::find(begin, end, true) != end) {
            continue;
        }
        std::fill(begin, end, true);
        matches.push_back({candidate.first, candidate.last, concepts_[candidate.node]});
    }
    std::sort(matches.begin(), matches.end(),
              [](const PhraseMatch& a, const PhraseMatch& b) { return a.first < b.first; });
    return matches;
}

}  // namespace qaindex::detail
