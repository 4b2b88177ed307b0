// SPDX-License-Identifier: Apache-2.0
// Tests of lib/analysis/icu_text.cpp: normalisation, segmentation with byte offsets, the
// Traditional -> Simplified fold and invalid UTF-8, one IcuText reused as an Analyzer does.
#include "analysis/icu_text.hpp"

#include <catch2/catch.hpp>

#include <regex>

using qaindex::detail::IcuText;
using qaindex::detail::SegmentKind;

TEST_CASE("IcuText::normalize_text folds case, width, accents and apostrophes", "[analysis]") {
    IcuText icu;
    struct Row {
        const char* text;
        bool fold_han;
        const char* expected;
    };
    const Row rows[] = {
        {"Eyelid TWITCHING", false, "eyelid twitching"},
        {"Café naïve", false, "cafe naive"},                     // Latin accents removed
        {"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", false, "abc"},  // full-width ＡＢＣ
        {"Straße", false, "strasse"},                            // case folding, not lower-casing
        {"It\xE2\x80\x99s", false, "it's"},                      // ’ typed as '
        {"頭痛", true, "头痛"},                                  // Traditional -> Simplified
        {"頭痛", false, "頭痛"},
        {"", false, ""},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(icu.normalize_text(row.text, row.fold_han) == row.expected);
    }
}

TEST_CASE("IcuText::load splits words, gaps and Han, with offsets into the UTF-8", "[analysis]") {
    IcuText icu;
    const std::string text = "Eyelid twitching, 5mg 眼皮跳";
    icu.load(text, true);
    std::vector<std::pair<SegmentKind, std::string>> seen;
    for (const auto& segment : icu.segments()) {
        const std::size_t begin = icu.byte_offset(segment.begin);
        const std::size_t end = icu.byte_offset(segment.end);
        REQUIRE(begin <= end);
        REQUIRE(end <= text.size());
        seen.emplace_back(segment.kind, text.substr(begin, end - begin));
    }
    REQUIRE(seen.size() >= 7);
    CHECK(seen[0] == std::pair(SegmentKind::Word, std::string("Eyelid")));
    CHECK(seen[1] == std::pair(SegmentKind::Gap, std::string(" ")));
    CHECK(seen[2] == std::pair(SegmentKind::Word, std::string("twitching")));
    CHECK(seen[3] == std::pair(SegmentKind::Gap, std::string(", ")));  // merged
    CHECK(seen[4] == std::pair(SegmentKind::Word, std::string("5mg")));
    CHECK(seen[5] == std::pair(SegmentKind::Gap, std::string(" ")));
    std::string han;
    for (std::size_t i = 6; i < seen.size(); ++i) {
        CHECK(seen[i].first == SegmentKind::Ideo);
        han += seen[i].second;
    }
    CHECK(han == "眼皮跳");

    // Reused for the next text, as an Analyzer reuses it.
    icu.load("ok", false);
    REQUIRE(icu.segments().size() == 1);
    CHECK(icu.byte_offset(icu.segments()[0].end) == 2);
}

TEST_CASE("IcuText::load replaces invalid UTF-8 and keeps offsets in the input", "[analysis]") {
    IcuText icu;
    const std::string text =
        "ab\xFF"
        "cd";
    icu.load(text, false);
    // U+FFFD stands for the bad byte: "ab", U+FFFD, "cd" are 5 UTF-16 units for 5 bytes.
    CHECK(icu.units()[2] == u'\uFFFD');
    CHECK(icu.byte_offset(2) == 2);
    CHECK(icu.byte_offset(3) == 3);
    CHECK(icu.byte_offset(5) == text.size());
    std::string normalised;
    icu.normalize(0, 2, normalised);
    CHECK(normalised == "ab");
}

TEST_CASE("icu_version names the ICU linked", "[analysis]") {
    CHECK(std::regex_match(qaindex::detail::icu_version(), std::regex(R"(\d+\.\d+(\.\d+)*)")));
}
