// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/text.cpp: line walking, line and column numbers, trimming.
#include "corpus/text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("LineCursor yields lines without their LF or CRLF", "[corpus][text]") {
    struct Row {
        std::string text;
        std::vector<std::string> lines;
    };
    const Row rows[] = {
        {"", {}},
        {"a", {"a"}},
        {"a\n", {"a"}},
        {"a\nb", {"a", "b"}},
        {"a\r\nb\r\n", {"a", "b"}},
        {"\n\n", {"", ""}},
        {"a\rb\n", {"a\rb"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        qaindex::detail::LineCursor cursor(row.text);
        std::vector<std::string> lines;
        std::string_view line;
        std::size_t number = 0;
        while (cursor.next(line, number)) {
            lines.emplace_back(line);
            CHECK(number == lines.size());
        }
        CHECK(lines == row.lines);
    }
}

TEST_CASE("line_at and column_at count from 1", "[corpus][text]") {
    const std::string_view text = "ab\ncd\n\nef";
    struct Row {
        std::size_t offset;
        std::size_t line;
        std::size_t column;
    };
    const Row rows[] = {{0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 2, 1}, {6, 3, 1},
                        {7, 4, 1}, {8, 4, 2}, {9, 4, 3}, {99, 4, 3}};
    for (const Row& row : rows) {
        CAPTURE(row.offset);
        CHECK(qaindex::detail::line_at(text, row.offset) == row.line);
        CHECK(qaindex::detail::column_at(text, row.offset) == row.column);
    }
}

TEST_CASE("trim, non_empty and case-insensitive comparison", "[corpus][text]") {
    using namespace qaindex::detail;
    CHECK(trim(" \t a b \r\n") == "a b");
    CHECK(trim("   ").empty());
    CHECK(non_empty("  x ") == "x");
    CHECK_FALSE(non_empty(" \t").has_value());
    CHECK(equals_icase("README", "ReadMe"));
    CHECK_FALSE(equals_icase("README", "READMEs"));
    CHECK(starts_with_icase("Licence.txt", "LICENCE"));
    CHECK_FALSE(starts_with_icase("LIC", "LICENCE"));
}
