// SPDX-License-Identifier: Apache-2.0
// Tests of lib/lexicon/filler_words.cpp: the words phrase matching may pass over.
#include "lexicon/filler_words.hpp"

#include <catch2/catch.hpp>

TEST_CASE("is_filler: words of when, how often or how much, as words only", "[lexicon]") {
    using qaindex::TokenKind;
    struct Row {
        const char* term;
        TokenKind kind;
        bool filler;
    };
    const Row rows[] = {
        {"keeps", TokenKind::Word, true},      {"started", TokenKind::Word, true},
        {"always", TokenKind::Word, true},     {"constantly", TokenKind::Word, true},
        {"suddenly", TokenKind::Word, true},   {"severely", TokenKind::Word, true},
        {"twitching", TokenKind::Word, false}, {"eyelid", TokenKind::Word, false},
        {"keep", TokenKind::Compound, false},  // only words are passed over
        {"总是", TokenKind::Han, false},       {"", TokenKind::Word, false},
    };
    for (const Row& row : rows) {
        INFO(row.term);
        const qaindex::Token token{.term = row.term, .stem = row.term, .kind = row.kind};
        CHECK(qaindex::detail::is_filler(token) == row.filler);
    }
}
