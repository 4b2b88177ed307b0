// SPDX-License-Identifier: Apache-2.0
// Tests of lib/model/diagnostic.cpp: each Problem's stable name, and how a Diagnostic reads.
#include "qaindex/diagnostic.hpp"

#include <catch2/catch.hpp>

#include <set>

TEST_CASE("Every Problem has its own stable name", "[model]") {
    using qaindex::Problem;
    // These names are BuildReport::skipped_by_reason's keys and printed by `qaindex build`:
    // scripts read them, so they do not change.
    const std::pair<Problem, std::string_view> rows[] = {
        {Problem::InvalidUtf8, "invalid-utf8"}, {Problem::BinaryFile, "binary-file"},
        {Problem::Truncated, "truncated"},      {Problem::Malformed, "malformed"},
        {Problem::Unreadable, "unreadable"},    {Problem::Empty, "empty"},
        {Problem::TooLarge, "too-large"},
    };
    std::set<std::string_view> names;
    for (const auto& [problem, name] : rows) {
        CHECK(qaindex::to_string(problem) == name);
        names.insert(qaindex::to_string(problem));
    }
    CHECK(names.size() == std::size(rows));
}

TEST_CASE("Diagnostic::to_string gives file, then line or record, then the message", "[model]") {
    struct Row {
        std::optional<std::size_t> line;
        std::optional<std::string> record;
        const char* expected;
    };
    const Row rows[] = {
        {std::nullopt, std::nullopt, "in/a.txt: bad"},
        {12, std::nullopt, "in/a.txt:12: bad"},
        {std::nullopt, "QAPair 3", "in/a.txt (QAPair 3): bad"},
        {4, "record 2", "in/a.txt:4 (record 2): bad"},
    };
    for (const Row& row : rows) {
        const qaindex::Diagnostic diagnostic{.file = "in/a.txt",
                                             .line = row.line,
                                             .record = row.record,
                                             .problem = qaindex::Problem::Malformed,
                                             .message = "bad"};
        CHECK(diagnostic.to_string() == row.expected);
    }
}
