// SPDX-License-Identifier: Apache-2.0
// Negation of lexicon mentions: "no fever", "denies chest pain", 没有发烧 (rule in negation.cpp).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"

namespace qaindex::detail {

/// Tokens [first, last] (indexes into the analysed tokens) of one matched mention.
struct TokenSpan {
    std::size_t first = 0;
    std::size_t last = 0;
};

/// Whether a term on its own negates what follows it ("no", "denies", "without", 没有, 未).
/// Phrase matching never skips these even though some are stop words: "pain not in the
/// chest" is no "chest pain".
[[nodiscard]] bool is_negation_cue(std::string_view term);

/// For spans in text order, without overlaps: whether each is negated. Time is linear in
/// the number of tokens and spans; when steps is given, the tokens looked at are added to
/// it (tests check the work stays linear however many mentions a clause holds).
[[nodiscard]] std::vector<bool> negated_spans(const std::vector<Token>& tokens,
                                              const std::vector<TokenSpan>& spans,
                                              std::size_t* steps = nullptr);

/// For spans in text order, without overlaps: whether each is in a hypothetical clause
/// ("if you notice weakness", 如果出现胸痛). Linear time, steps as for negated_spans().
[[nodiscard]] std::vector<bool> hypothetical_spans(const std::vector<Token>& tokens,
                                                   const std::vector<TokenSpan>& spans,
                                                   std::size_t* steps = nullptr);

}  // namespace qaindex::detail
