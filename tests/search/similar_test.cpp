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

TEST_CASE("Near-duplicates: Jaccard at least 0.8 with a kept entry, the first one named",
          "[search]") {
    using Set = std::set<std::string>;
    DuplicateFilter filter;
    filter.add(Set{"ear", "ring", "night"});
    filter.add(Set{"face", "twitch", "month", "eyelid", "trembl"});
    struct Case {
        Set stems;
        std::optional<std::size_t> repeated;
    };
    const std::vector<Case> cases{
        {{"face", "twitch", "month", "eyelid", "trembl"}, 1},
        {{"face", "twitch", "month", "eyelid"}, 1},   // 4/5 = 0.8
        {{"face", "twitch", "month"}, std::nullopt},  // 3/5
        {{"ear", "ring", "night"}, 0},
        {{"ear", "ring"}, std::nullopt},  // 2/3
        {{}, std::nullopt},
    };
    for (const Case& c : cases) {
        INFO(c.stems.size());
        CHECK(filter.repeated(c.stems) == c.repeated);
    }
}
