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
    // Stop words: Snowball's English list (with "no" and "not": negation cues are found by
    // the lexicon among the tokens kept), consultation filler, Chinese function words. Not:
    // content words, and terms not normalised (case-folded).
    const Row rows[] = {
        {"the", true},        {"and", true},     {"my", true},     {"no", true},
        {"not", true},        {"doctor", true},  {"hello", true},  {"thanks", true},
        {"please", true},     {"的", true},      {"了", true},     {"医生", true},
        {"twitching", false}, {"eyelid", false}, {"fever", false}, {"眼皮", false},
        {"The", false},       {"", false},
    };
    for (const Row& row : rows) {
        INFO(row.term);
        CHECK(qaindex::detail::is_stopword(row.term) == row.stop);
    }
}
