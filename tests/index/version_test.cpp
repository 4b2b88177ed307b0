// SPDX-License-Identifier: Apache-2.0
// Tests of version() and version_info(): the library's version and what it links.
#include "qaindex/version.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <regex>

#include "index/schema.hpp"

TEST_CASE("version() is the headers' QAINDEX_VERSION, made of the three numbers", "[index]") {
    CHECK(qaindex::version() == QAINDEX_VERSION);
    const std::string expected = std::to_string(QAINDEX_VERSION_MAJOR) + "." +
                                 std::to_string(QAINDEX_VERSION_MINOR) + "." +
                                 std::to_string(QAINDEX_VERSION_PATCH);
    CHECK(qaindex::version() == expected);
}

TEST_CASE("version_info() names the schema, Xapian and ICU versions linked", "[index]") {
    const qaindex::VersionInfo info = qaindex::version_info();
    CHECK(info.qaindex == QAINDEX_VERSION);
    CHECK(info.schema == qaindex::schema::kVersion);
    CHECK(info.xapian == Xapian::version_string());
    CHECK(std::regex_match(info.icu, std::regex(R"(\d+\.\d+(\.\d+)*)")));
    const std::string text = qaindex::version_text("qaquery");
    CHECK(text == "qaquery " + info.qaindex + "\nindex schema " + info.schema + ", Xapian " +
                      info.xapian + ", ICU " + info.icu);
}
