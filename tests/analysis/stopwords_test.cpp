// SPDX-License-Identifier: Apache-2.0
// Tests of lib/analysis/stopwords.cpp: English, consultation filler and Chinese function words.
#include "analysis/stopwords.hpp"

#include <catch2/catch.hpp>

TEST_CASE("is_stopword knows English, consultation filler and Chinese function words",
          "[analysis]") {
    struct Row {
        const char* term;
        bool stop;
    };
    const Row rows[] = {
        {"the", true},     {"and", true},      {"my", true},  // Snowball's English list
        {"doctor", true},  {"hello", true},    {"thanks", true}, {"please", true},  // filler
        {"的", true},      {"了", true},       {"医生", true},    // Chinese function words
        {"twitching", false}, {"eyelid", false}, {"fever", false}, {"眼皮", false},
        {"no", true},      {"not", true},      // Snowball's; negation cues are found by the
                                               // lexicon, in the tokens kept
        {"The", false},    // only normalised (case-folded) terms are looked up
        {"", false},
    };
    for (const Row& row : rows) {
        INFO(row.term);
        CHECK(qaindex::detail::is_stopword(row.term) == row.stop);
    }
}
