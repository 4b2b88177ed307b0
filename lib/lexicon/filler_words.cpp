// SPDX-License-Identifier: Apache-2.0
// The words saying when, how often or how much, which phrase matching may pass over.
#include "lexicon/filler_words.hpp"

#include <iterator>
#include <string_view>
#include <unordered_set>

namespace qaindex::detail {

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

}  // namespace qaindex::detail
