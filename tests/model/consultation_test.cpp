// SPDX-License-Identifier: Apache-2.0
// Tests of the consultation model: dates, sexes, the filed specialty, diagnostics.
#include "qaindex/consultation.hpp"

#include <catch2/catch.hpp>

#include "qaindex/diagnostic.hpp"

using qaindex::Date;

TEST_CASE("Date::parse reads the forms consultation sources use", "[model]") {
    struct Row {
        const char* text;
        std::optional<Date> expected;
    };
    const Row rows[] = {
        {"2005/03/09", Date{2005, 3, 9}},  {"2005-03-09", Date{2005, 3, 9}},
        {"2005.3.9", Date{2005, 3, 9}},    {" 2024/12/31 ", Date{2024, 12, 31}},
        {"2024/02/29", Date{2024, 2, 29}}, {"2023/02/29", std::nullopt},
        {"2005/13/01", std::nullopt},      {"2005/00/10", std::nullopt},
        {"2005/03-09", std::nullopt},      {"05/03/09", std::nullopt},
        {"2005/03/09x", std::nullopt},     {"", std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(Date::parse(row.text) == row.expected);
    }
}

TEST_CASE("Date formats as ISO 8601 and orders by time", "[model]") {
    CHECK(Date{2005, 3, 9}.to_string() == "2005-03-09");
    CHECK(Date{2005, 3, 9} < Date{2005, 3, 10});
    CHECK(Date{2004, 12, 31} < Date{2005, 1, 1});
}

TEST_CASE("parse_sex accepts English and Chinese forms", "[model]") {
    CHECK(qaindex::parse_sex("female") == qaindex::Sex::Female);
    CHECK(qaindex::parse_sex("Male") == qaindex::Sex::Male);
    CHECK(qaindex::parse_sex("F") == qaindex::Sex::Female);
    CHECK(qaindex::parse_sex("女") == qaindex::Sex::Female);
    CHECK(qaindex::parse_sex("男") == qaindex::Sex::Male);
    CHECK_FALSE(qaindex::parse_sex("unknown").has_value());
    CHECK(qaindex::to_string(qaindex::Sex::Female) == "female");
}

TEST_CASE("A consultation is filed under its first reply's specialty", "[model]") {
    qaindex::Consultation entry;
    CHECK_FALSE(entry.specialty().has_value());
    entry.replies.push_back({.doctor = "A", .specialty = std::nullopt, .text = "x"});
    entry.replies.push_back({.doctor = "B", .specialty = "Neurology", .text = "y"});
    CHECK(entry.specialty() == "Neurology");
}

TEST_CASE("A diagnostic names the file and the line or record", "[model]") {
    qaindex::Diagnostic with_line{.file = "corpus/a.jsonl",
                                  .line = 7,
                                  .record = std::nullopt,
                                  .problem = qaindex::Problem::Malformed,
                                  .message = "not JSON"};
    CHECK(with_line.to_string() == "corpus/a.jsonl:7: not JSON");
    qaindex::Diagnostic with_record{.file = "x.xml",
                                    .line = std::nullopt,
                                    .record = "QAPair 3",
                                    .problem = qaindex::Problem::Empty,
                                    .message = "no question"};
    CHECK(with_record.to_string() == "x.xml (QAPair 3): no question");
    CHECK(qaindex::to_string(qaindex::Problem::InvalidUtf8) == "invalid-utf8");
}
