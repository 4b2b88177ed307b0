// SPDX-License-Identifier: Apache-2.0
// Tests of the near-duplicate measures behind Similar Q&A.
#include "search/similar.hpp"

#include <catch2/catch.hpp>

using qaindex::detail::DuplicateFilter;
using qaindex::detail::jaccard;
using qaindex::detail::normalised_question;

TEST_CASE("Jaccard similarity of stem sets", "[search]") {
    using Set = std::set<std::string>;
    CHECK(jaccard(Set{}, Set{}) == 0.0);
    CHECK(jaccard(Set{"a"}, Set{}) == 0.0);
    CHECK(jaccard(Set{"a", "b"}, Set{"a", "b"}) == 1.0);
    CHECK(jaccard(Set{"a", "b"}, Set{"b", "c"}) == Approx(1.0 / 3));
    CHECK(jaccard(Set{"a", "b", "c", "d"}, Set{"a", "b", "c", "d", "e"}) == Approx(0.8));
}

TEST_CASE("Questions normalised for equality", "[search]") {
    CHECK(normalised_question("Hello, Doctor!  Why?") == "hello doctor why");
    CHECK(normalised_question("  hello doctor why ") == "hello doctor why");
    CHECK(normalised_question("面部 抽搐?") == "面部 抽搐");
    CHECK(normalised_question("...") == "");
}

TEST_CASE("Near-duplicates: same normalised question or Jaccard at least 0.8", "[search]") {
    using Set = std::set<std::string>;
    DuplicateFilter filter;
    filter.add(Set{"face", "twitch", "month", "eyelid", "trembl"}, "my face twitches");
    struct Case {
        Set stems;
        std::string question;
        bool duplicate;
    };
    const std::vector<Case> cases{
        {{"face", "twitch", "month", "eyelid", "trembl"}, "other words", true},
        {{"face", "twitch", "month", "eyelid"}, "other words", true},  // 4/5 = 0.8
        {{"face", "twitch", "month"}, "other words", false},           // 3/5
        {{"ear", "ring"}, "my face twitches", true},                   // same question
        {{"ear", "ring"}, "", false},
    };
    for (const Case& c : cases) {
        INFO(c.question << " " << c.stems.size());
        CHECK(filter.is_duplicate(c.stems, c.question) == c.duplicate);
    }
}
