// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/csv_reader.cpp: RFC 4180 records, consultation columns, bad records.
#include "corpus/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <map>

#include "corpus/collect.hpp"
#include "qaindex/corpus.hpp"
#include "test_support.hpp"

using qaindex::Consultation;
using qaindex::Problem;
using qaindex::Reply;
using qaindex::detail::CsvError;

namespace {

qaindex::test::Collected parse(std::string_view text, std::string_view source = "c.csv") {
    qaindex::test::Collected collected;
    const std::size_t count = qaindex::parse_consultation_csv(
        text, source, "c.csv", collected.entry_sink(), collected.diagnostic_sink());
    CHECK(count == collected.entries.size());
    return collected;
}

}  // namespace

TEST_CASE("CsvScanner splits RFC 4180 records", "[corpus][csv]") {
    struct Record {
        std::vector<std::string> fields;
        std::size_t line;
        CsvError error = CsvError::None;
    };
    struct Row {
        const char* name;
        std::string text;
        std::vector<Record> records;
    };
    const Row rows[] = {
        {"plain", "a,b\nc,d\n", {{{"a", "b"}, 1}, {{"c", "d"}, 2}}},
        {"no final newline", "a,b\nc,d", {{{"a", "b"}, 1}, {{"c", "d"}, 2}}},
        {"CRLF", "a,b\r\nc,d\r\n", {{{"a", "b"}, 1}, {{"c", "d"}, 2}}},
        {"empty fields", ",\na,,\n", {{{"", ""}, 1}, {{"a", "", ""}, 2}}},
        {"quoted comma and quote", "\"a,b\",\"say \"\"hi\"\"\"\n", {{{"a,b", "say \"hi\""}, 1}}},
        {"embedded newlines",
         "\"line 1\nline 2\",x\r\n\"a\r\nb\",y\nz,w\n",
         {{{"line 1\nline 2", "x"}, 1}, {{"a\nb", "y"}, 3}, {{"z", "w"}, 5}}},
        {"blank lines between records", "\n\na\n\r\n\nb\n", {{{"a"}, 3}, {{"b"}, 6}}},
        {"quote inside an unquoted field", "5\" tall,x\n", {{{"5\" tall", "x"}, 1}}},
        {"empty quoted field", "\"\",x\n", {{{"", "x"}, 1}}},
        {"unterminated quote, then a good record",
         "a,\"b\nc,d\n",
         {{{"a", ""}, 1, CsvError::UnterminatedQuote}, {{"c", "d"}, 2}}},
        {"text after a closing quote",
         "\"a\"b,c\nd,e\n",
         {{{"a"}, 1, CsvError::TextAfterQuote}, {{"d", "e"}, 2}}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        qaindex::detail::CsvScanner scanner(row.text);
        qaindex::detail::CsvRecord record;
        std::size_t i = 0;
        while (scanner.next(record)) {
            CAPTURE(i);
            REQUIRE(i < row.records.size());
            CHECK(record.line == row.records[i].line);
            CHECK(record.error == row.records[i].error);
            if (record.error == CsvError::None) {
                CHECK(record.fields == row.records[i].fields);
            }
            ++i;
        }
        CHECK(i == row.records.size());
    }
}

TEST_CASE("A consultation CSV maps department, title, ask and answer", "[corpus][csv]") {
    const auto path = qaindex::test::fixture("corpus/zh/consultations.csv");
    qaindex::test::Collected got;
    qaindex::parse_consultation_csv(qaindex::test::read_file(path), path.string(),
                                    "zh/consultations.csv", got.entry_sink(),
                                    got.diagnostic_sink());
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 4);

    const Consultation& first = got.entries[0];
    CHECK(first.id.value == "zh/consultations.csv#1");
    CHECK(first.title == "头晕怎么办");
    CHECK(first.question == "最近经常头晕，\n尤其是早上起床时。");
    CHECK(first.replies ==
          std::vector<Reply>{{.specialty = "神经科", .text = "建议测量血压，必要时做头颅检查。"}});
    CHECK(first.specialty() == "神经科");
    CHECK(first.language == "zh");
    CHECK(first.source == path.string() + ":2");
    CHECK(first.asker == qaindex::Asker{});
    CHECK_FALSE(first.asked.has_value());
    CHECK_FALSE(first.url.has_value());

    const Consultation& second = got.entries[1];
    CHECK(second.id.value == "zh/consultations.csv#2");
    CHECK(second.question == "心慌，胸闷，是心脏病吗？");
    CHECK(second.replies[0].text == "可能是心律失常，建议做\"心电图\"检查。");
    CHECK(second.source == path.string() + ":4");

    CHECK_FALSE(got.entries[2].title.has_value());
    CHECK(got.entries[2].question == "饭后胃胀");
    CHECK(got.entries[3].replies == std::vector<Reply>{{.specialty = "内分泌科"}});
    CHECK(got.entries[3].source == path.string() + ":6");
}

TEST_CASE("Columns are found by header name", "[corpus][csv]") {
    const auto got = parse(
        "\xEF\xBB\xBF"
        "Ask,Answer,Extra\nQ1,A1,x\n");
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 1);
    CHECK(got.entries[0].question == "Q1");
    CHECK(got.entries[0].replies == std::vector<Reply>{{.text = "A1"}});
    CHECK_FALSE(got.entries[0].title.has_value());
}

TEST_CASE("A bad CSV record is reported at its first line and skipped", "[corpus][csv]") {
    const std::string header = "department,title,ask,answer\n";
    const std::string good = "科,T,Q,A\n";
    struct Row {
        const char* name;
        std::string record;
        Problem problem;
    };
    const Row rows[] = {
        {"too many fields", "科,T,Q,A,extra\n", Problem::Malformed},
        {"too few fields", "科,T,Q\n", Problem::Malformed},
        {"text after a closing quote", "科,\"T\"x,Q,A\n", Problem::Malformed},
        {"blank ask", "科,T,  ,A\n", Problem::Empty},
        {"invalid UTF-8", "科,T,\"Q\n\xE5\x8C\",A\n", Problem::InvalidUtf8},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        const auto got = parse(header + good + row.record + good, "dir/c.csv");
        REQUIRE(got.diagnostics.size() == 1);
        const auto key = qaindex::test::key_of(got.diagnostics[0]);
        CHECK(key == qaindex::test::DiagnosticKey{"dir/c.csv", 3, "record 2", row.problem});
        REQUIRE(got.entries.size() == 2);
        CHECK(got.entries[0].id.value == "c.csv#1");
        CHECK(got.entries[1].id.value == "c.csv#3");  // record numbers do not shift
    }
    SECTION("an unterminated quote costs its own line only") {
        const auto got = parse(header + good + "科,T,\"Q runs on,A\n" + good);
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(qaindex::test::key_of(got.diagnostics[0]) ==
              qaindex::test::DiagnosticKey{"c.csv", 3, "record 2", Problem::Malformed});
        CHECK(got.entries.size() == 2);
    }
}

TEST_CASE("A CSV without the ask column or without any record", "[corpus][csv]") {
    struct Row {
        const char* text;
        Problem problem;
    };
    const Row rows[] = {
        {"", Problem::Empty},
        {"\n\n", Problem::Empty},
        {"department,title,question,answer\n科,T,Q,A\n", Problem::Malformed},
        {"\"department,title,ask,answer\n", Problem::Malformed},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const auto got = parse(row.text);
        CHECK(got.entries.empty());
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(got.diagnostics[0].problem == row.problem);
        CHECK(got.diagnostics[0].line == 1u);
    }
    CHECK(parse("department,title,ask,answer\n").diagnostics.empty());
}

TEST_CASE("Invalid UTF-8 in the CSV header is reported like a record's, and the file skipped",
          "[corpus][csv]") {
    // A bad byte in a column name lost that column without a word ("title" below): the
    // header is checked as records are, with file and line.
    const std::string bad_title = "department,ti\xE9tle,ask,answer\n";
    const std::vector<std::string> texts = {bad_title + "科,T,Q,A\n", "\n\n" + bad_title,
                                            "department,title,\"a\nsk\xFF\",answer\n"};
    for (const std::string& text : texts) {
        CAPTURE(text);
        const auto got = parse(text, "dir/h.csv");
        CHECK(got.entries.empty());
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(qaindex::test::key_of(got.diagnostics[0]) ==
              qaindex::test::DiagnosticKey{"dir/h.csv", text.starts_with("\n") ? 3u : 1u,
                                           std::nullopt, Problem::InvalidUtf8});
        CHECK_THAT(got.diagnostics[0].message,
                   Catch::Contains("header") && Catch::Contains("field"));
    }
}

TEST_CASE("The zh-consultations sample reads into 7,644 entries", "[corpus][csv][shared]") {
    QAINDEX_REQUIRE_SHARED("data/zh-consultations/internal-medicine-sample.csv");
    const auto files = qaindex::list_corpus(qaindex::test::shared_dir() /
                                            "data/zh-consultations/internal-medicine-sample.csv");
    REQUIRE(files.size() == 1);
    std::size_t count = 0;
    std::map<std::string, std::size_t> by_department;
    std::vector<qaindex::Diagnostic> diagnostics;
    const std::size_t emitted = qaindex::read_corpus_file(
        files[0],
        [&](Consultation&& entry) {
            ++count;
            CHECK_FALSE(entry.question.empty());
            ++by_department[entry.specialty().value_or("")];
        },
        [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); });
    CHECK(emitted == 7644);
    CHECK(count == 7644);
    CHECK(diagnostics.empty());
    CHECK(by_department["神经科"] == 1104);
    CHECK(by_department["心血管科"] == 1080);
    CHECK(by_department["消化科"] == 1414);
    CHECK(by_department["内分泌科"] == 558);
    CHECK(by_department.count("") == 0);
}
