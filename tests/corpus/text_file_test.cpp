// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/text_file.cpp: whole-file reads and the binary test.
#include "corpus/text_file.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

TEST_CASE("read_whole_file returns the bytes or says why not", "[corpus][text_file]") {
    const auto page = qaindex::test::fixture("pages/crlf.txt");
    const auto read = qaindex::detail::read_whole_file(page);
    CHECK_FALSE(read.error.has_value());
    CHECK(read.bytes == qaindex::test::read_file(page));

    const auto empty = qaindex::detail::read_whole_file(qaindex::test::fixture("bad/empty.txt"));
    CHECK_FALSE(empty.error.has_value());
    CHECK(empty.bytes.empty());

    const auto missing = qaindex::detail::read_whole_file(qaindex::test::fixture("no/such.txt"));
    REQUIRE(missing.error.has_value());
    CHECK(missing.error->find("No such file") != std::string::npos);

    const auto folder = qaindex::detail::read_whole_file(qaindex::test::fixture("pages"));
    REQUIRE(folder.error.has_value());
    CHECK(folder.error->find("directory") != std::string::npos);
}

TEST_CASE("find_binary_byte finds the first NUL", "[corpus][text_file]") {
    using qaindex::detail::find_binary_byte;
    CHECK(find_binary_byte("plain text\n") == std::string_view::npos);
    CHECK(find_binary_byte(std::string_view("ab\0c\0", 5)) == 2);
    CHECK(find_binary_byte(std::string_view("\0", 1)) == 0);
    CHECK(find_binary_byte("") == std::string_view::npos);
}
