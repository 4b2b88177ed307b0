// SPDX-License-Identifier: Apache-2.0
// Tests of lib/lexicon/english_words.cpp: the compiled-in word list.
#include "lexicon/english_words.hpp"

#include <catch2/catch.hpp>

TEST_CASE("is_english_word knows the word list's words and their inflections", "[lexicon]") {
    struct Row {
        const char* word;
        bool known;
    };
    const Row rows[] = {
        {"quote", true},       {"quotes", true},    {"quoted", true},  {"quite", true},
        {"headache", true},    {"ears", true},
        {"fibromalgia", false},  // a misspelling: "Did you mean" may correct it
        {"weekness", false},     {"xyzzyq", false},
        {"Quote", false},        // the list is lower case, as the Analyzer normalises
        {"", false},
    };
    for (const Row& row : rows) {
        INFO(row.word);
        CHECK(qaindex::detail::is_english_word(row.word) == row.known);
    }
}
