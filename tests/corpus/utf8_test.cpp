// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/utf8.cpp: validation offsets, the BOM, Han detection.
#include "corpus/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {
constexpr std::size_t npos = std::string_view::npos;
}

TEST_CASE("find_invalid_utf8 points at the first ill-formed byte", "[corpus][utf8]") {
    struct Row {
        const char* name;
        std::string bytes;
        std::size_t offset;
    };
    const std::string ascii_run(21, 'a');
    const Row rows[] = {
        {"empty", "", npos},
        {"ASCII", "Facial nerve", npos},
        {"two-byte", "caf\xC3\xA9", npos},
        {"three-byte Han", "\xE9\xA0\xAD\xE7\x97\x9B", npos},
        {"four-byte", "\xF0\x9F\x98\x80 and \xF0\xA0\x80\x80", npos},
        {"U+10FFFF", "\xF4\x8F\xBF\xBF", npos},
        {"lone continuation", "ab\x80", 2},
        {"bad second byte", "\xC3\x28", 0},
        {"overlong slash", "x\xC0\xAF", 1},
        {"overlong three-byte", "\xE0\x80\xAF", 0},
        {"surrogate", "ok \xED\xA0\x80", 3},
        {"past U+10FFFF", "\xF4\x90\x80\x80", 0},
        {"five-byte lead", "\xF8\x88\x80\x80\x80", 0},
        {"truncated at the end", "\xE4\xBD", 0},
        {"Latin-1 byte", "na\xEFve", 2},
        {"after a long ASCII run", ascii_run + "\xFF", 21},
        {"after ASCII and Han", ascii_run + "\xE9\xA0\xAD" + ascii_run + "\xFE", 45},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        CHECK(qaindex::detail::find_invalid_utf8(row.bytes) == row.offset);
    }
}

TEST_CASE("strip_bom removes only a leading UTF-8 BOM", "[corpus][utf8]") {
    using qaindex::detail::strip_bom;
    CHECK(strip_bom("\xEF\xBB\xBFTitle") == "Title");
    CHECK(strip_bom("Title") == "Title");
    CHECK(strip_bom("T\xEF\xBB\xBF") == "T\xEF\xBB\xBF");
    CHECK(strip_bom("\xEF\xBB") == "\xEF\xBB");
    CHECK(strip_bom("").empty());
}

TEST_CASE("contains_han finds CJK ideographs and nothing else", "[corpus][utf8]") {
    struct Row {
        const char* text;
        bool han;
    };
    const Row rows[] = {
        {"Facial nerve", false},
        {"頭痛與失眠", true},
        {"高血压", true},
        {"Dr. 王大明 reply", true},
        {"こんにちは", false},
        {"한국어", false},
        {"\xF0\xA0\x80\x80", true},
        {"ＡＢＣ", false},
        {"café", false},
        {"", false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(qaindex::detail::contains_han(row.text) == row.han);
    }
}
