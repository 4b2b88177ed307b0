// SPDX-License-Identifier: Apache-2.0
// Tests of lib/lexicon/english_words.cpp: the compiled-in word list.
#include "lexicon/english_words.hpp"

#include <catch2/catch.hpp>

TEST_CASE("is_english_word knows the word list's words and their inflections", "[lexicon]") {
    struct Row {
        const char* word;
        bool known;
    };
    // Not in the list: misspellings ("Did you mean" may correct them), and words not lower
    // case (the list is lower case, as the Analyzer normalises).
    const Row rows[] = {
        {"quote", true},        {"quotes", true},    {"quoted", true},
        {"quite", true},        {"headache", true},  {"ears", true},
        {"fibromalgia", false}, {"weekness", false}, {"xyzzyq", false},
        {"Quote", false},       {"", false},
    };
    for (const Row& row : rows) {
        INFO(row.word);
        CHECK(qaindex::detail::is_english_word(row.word) == row.known);
    }
}
