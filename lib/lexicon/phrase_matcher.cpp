// SPDX-License-Identifier: Apache-2.0
// PhraseMatcher: finds lexicon phrases in analysed text (a trie over stems and Han characters).
#include "lexicon/phrase_matcher.hpp"

#include <algorithm>

#include "lexicon/negation.hpp"

namespace qaindex::detail {
namespace {

constexpr std::size_t max_skipped_tokens = 3;
constexpr std::size_t max_passed_fillers = 2;
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

bool is_filler(const Token& token) {
    static constexpr std::string_view words[] = {
        "keep",         "keeps",       "kept",       "keeping",    "start",    "starts",
        "started",      "starting",    "begin",      "begins",     "began",    "begun",
        "continue",     "continues",   "continued",  "continuing", "always",   "constantly",
        "continuously", "continually", "still",      "sometimes",  "often",    "frequently",
        "occasionally", "usually",     "repeatedly", "regularly",  "randomly", "suddenly",
        "recently",     "slightly",    "quite",      "extremely",  "terribly", "severely",
    };
    static const std::unordered_set<std::string_view> set(std::begin(words), std::end(words));
    return token.kind == TokenKind::Word && set.contains(token.term);
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

void PhraseMatcher::add_exact_term(const std::string& term) {
    exact_terms_.insert(term);
}

void PhraseMatcher::write(BinaryWriter& out) const {
    std::vector<std::pair<std::string, std::uint32_t>> symbols(symbols_.begin(), symbols_.end());
    std::sort(symbols.begin(), symbols.end());
    out.count(symbols.size());
    for (const auto& [unit, id] : symbols) {
        out.str(unit);
        out.u32(id);
    }
    std::vector<std::string> exact(exact_terms_.begin(), exact_terms_.end());
    std::sort(exact.begin(), exact.end());
    out.strings(exact);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> edges(edges_.begin(), edges_.end());
    std::sort(edges.begin(), edges.end());
    out.count(edges.size());
    for (const auto& [key, node] : edges) {
        out.u64(key);
        out.u32(node);
    }
    out.list(concepts_, [](BinaryWriter& w, const std::vector<ConceptRef>& refs) {
        w.list(refs, [](BinaryWriter& w2, const ConceptRef& ref) {
            w2.u8(ref.kind == ConceptKind::Symptom ? 0 : 1);
            w2.u32(ref.index);
        });
    });
}

PhraseMatcher PhraseMatcher::read(BinaryReader& in) {
    PhraseMatcher matcher;
    std::size_t size = in.count();
    matcher.symbols_.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        std::string unit = in.str();
        matcher.symbols_.emplace(std::move(unit), in.u32());
    }
    for (std::string& term : in.strings()) {
        matcher.exact_terms_.insert(std::move(term));
    }
    size = in.count();
    matcher.edges_.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        const std::uint64_t key = in.u64();
        matcher.edges_.emplace(key, in.u32());
    }
    matcher.concepts_ = in.list([](BinaryReader& r) {
        return r.list([](BinaryReader& r2) {
            const ConceptKind kind = r2.u8() == 0 ? ConceptKind::Symptom : ConceptKind::Condition;
            return ConceptRef{kind, r2.u32()};
        });
    });
    return matcher;
}

std::vector<PhraseMatch> PhraseMatcher::find(const std::vector<Token>& tokens) const {
    const std::size_t n = tokens.size();
    // The units of token t are symbols[unit_begin[t] .. unit_begin[t + 1]).
    std::vector<std::uint32_t> symbols;
    std::vector<std::size_t> unit_begin(n + 1, 0);
    std::vector<bool> filler(n, false);
    symbols.reserve(n);
    for (std::size_t t = 0; t < n; ++t) {
        unit_begin[t] = symbols.size();
        if (tokens[t].kind != TokenKind::Compound && !is_skippable(tokens[t])) {
            units_of(tokens[t], [&](std::string_view unit) { symbols.push_back(symbol(unit)); });
            filler[t] = is_filler(tokens[t]);
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

    const auto only_compounds_between = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from + 1; k < to; ++k) {
            if (tokens[k].kind != TokenKind::Compound) {
                return false;
            }
        }
        return true;
    };

    struct Walk {
        std::uint32_t node = 0;
        std::size_t t = 0;
        std::size_t unit = 0;
        std::size_t count = 0;
        std::size_t fillers = 0;
    };
    std::vector<Walk> walks;
    std::vector<Candidate> candidates;
    for (std::size_t start = 0; start < n; ++start) {
        if (!has_units(start)) {
            continue;
        }
        // Walks of the trie from start. A filler word (is_filler) forks the walk: one branch
        // takes it as a unit of the phrase, the other passes over it, so that "eyelid keeps
        // jumping" finds "eyelid jumping" although "eyelid keeps twitching" is a phrase too.
        walks.push_back({.t = start, .unit = unit_begin[start]});
        while (!walks.empty()) {
            Walk walk = walks.back();
            walks.pop_back();
            for (;;) {
                // Never at the phrase's start: passing over it there is the next start.
                if (walk.t != start && walk.unit == unit_begin[walk.t] &&
                    walk.fillers < max_passed_fillers && filler[walk.t]) {
                    // Only right before the next word: "keeps twitching", not "keep the eye
                    // moist".
                    const std::size_t next = next_content(walk.t);
                    if (next != no_token && only_compounds_between(walk.t, next)) {
                        walks.push_back(
                            {walk.node, next, unit_begin[next], walk.count, walk.fillers + 1});
                    }
                }
                if (symbols[walk.unit] == no_symbol) {
                    break;
                }
                const auto edge = edges_.find(edge_key(walk.node, symbols[walk.unit]));
                if (edge == edges_.end()) {
                    break;
                }
                walk.node = edge->second;
                ++walk.count;
                // A match may end inside a Han word (眼皮跳 in 眼皮跳动) but never starts inside
                // one.
                if (!concepts_[walk.node].empty()) {
                    candidates.push_back({start, walk.t, walk.count, walk.node});
                }
                if (walk.unit + 1 < unit_begin[walk.t + 1]) {
                    ++walk.unit;
                    continue;
                }
                walk.t = next_content(walk.t);
                if (walk.t == no_token) {
                    break;
                }
                walk.unit = unit_begin[walk.t];
            }
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
