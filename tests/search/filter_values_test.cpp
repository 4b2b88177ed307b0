// SPDX-License-Identifier: Apache-2.0
// Tests of the checked Filter values: age groups and language tags.
#include "search/filter_values.hpp"

#include <catch2/catch.hpp>

#include "qaindex/errors.hpp"

using qaindex::detail::filter_age_group;
using qaindex::detail::filter_language;

TEST_CASE("An age-group filter is an age or a range of ages", "[search]") {
    const std::vector<std::pair<std::string, std::string>> good{
        {"30-39", "30-39"},         {"30~39", "30-39"}, {"30 to 39 years", "30-39"},
        {" 10~19 ", "10-19"},       {"35", "35"},       {"0~9", "0-9"},
        {"40-40", "40-40"},
    };
    for (const auto& [in, out] : good) {
        INFO(in);
        CHECK(filter_age_group(in) == out);
    }
    for (const std::string bad : {"", "abc", "99-1", "40-39", "thirties", "30s", "1000",
                                  "30-1000", "-5"}) {
        INFO(bad);
        CHECK_THROWS_AS(filter_age_group(bad), qaindex::UsageError);
    }
    CHECK_THROWS_WITH(filter_age_group("99-1"), Catch::Contains("\"99-1\"") &&
                                                    Catch::Contains("99 > 1"));
}

TEST_CASE("A language filter is a BCP 47 tag, in lower case", "[search]") {
    const std::vector<std::pair<std::string, std::string>> good{
        {"en", "en"}, {"ZH", "zh"}, {"zh-Hant", "zh-hant"}, {"en-GB", "en-gb"},
        {"es-419", "es-419"},
    };
    for (const auto& [in, out] : good) {
        INFO(in);
        CHECK(filter_language(in) == out);
    }
    for (const std::string bad : {"", "e", "en-", "-en", "en--gb", "e\xff", "english language",
                                  "中文", "en_GB", "toolonglanguage", "1en", "en-toolongsubtag"}) {
        INFO(bad);
        CHECK_THROWS_AS(filter_language(bad), qaindex::UsageError);
    }
}
