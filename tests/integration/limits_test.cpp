// SPDX-License-Identifier: Apache-2.0
// Tests of qaindex/limits.hpp and where it is enforced: corpus readers, IndexWriter, Searcher.
#include "qaindex/limits.hpp"

#include <catch2/catch.hpp>

#include <fstream>

#include "corpus/collect.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/searcher.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using qaindex::Consultation;
using qaindex::kMaxEntryBytes;
using qaindex::kMaxFieldBytes;
using qaindex::kMaxQueryBytes;

namespace {

Consultation entry_with_question(std::size_t bytes) {
    Consultation entry;
    entry.id.value = "long";
    entry.question = std::string(bytes, 'a');
    return entry;
}

}  // namespace

TEST_CASE("exceeds_limits names the field over 1 MiB, or the entry over 4 MiB", "[limits]") {
    CHECK(kMaxFieldBytes == 1048576);
    CHECK(kMaxEntryBytes == 4 * kMaxFieldBytes);
    CHECK(kMaxQueryBytes == 65536);
    CHECK_FALSE(qaindex::exceeds_limits(entry_with_question(kMaxFieldBytes)));
    const auto question = qaindex::exceeds_limits(entry_with_question(kMaxFieldBytes + 1));
    REQUIRE(question);
    CHECK(*question ==
          "the question is 1,048,577 bytes; a field may hold at most 1,048,576 bytes (1 MiB)");

    Consultation replies = entry_with_question(10);
    replies.replies.push_back({.text = std::string(kMaxFieldBytes + 1, 'r')});
    CHECK_THAT(qaindex::exceeds_limits(replies).value_or(""), Catch::StartsWith("the reply is"));

    Consultation many = entry_with_question(10);
    for (int i = 0; i < 4; ++i) {
        many.replies.push_back({.text = std::string(kMaxFieldBytes, 'r')});
    }
    CHECK_THAT(qaindex::exceeds_limits(many).value_or(""),
               Catch::Contains("together") && Catch::Contains("4 MiB"));

    CHECK_FALSE(qaindex::query_too_long(std::string(kMaxQueryBytes, 'q')));
    CHECK(qaindex::query_too_long(std::string(kMaxQueryBytes + 1, 'q')) ==
          "the query is 65,537 bytes; the longest accepted is 65,536 bytes (64 KiB)");
}

TEST_CASE("A corpus record over the limits is reported with its line and skipped", "[limits]") {
    const qaindex::test::ScratchDir scratch("limits-corpus");
    const fs::path path = scratch.path() / "big.jsonl";
    std::ofstream(path) << "{\"id\":\"a\",\"question\":\"short\"}\n"
                        << "{\"id\":\"b\",\"question\":\"" << std::string(kMaxFieldBytes + 1, 'x')
                        << "\"}\n"
                        << "{\"id\":\"c\",\"question\":\"short too\"}\n";
    const auto files = qaindex::list_corpus(path);
    REQUIRE(files.size() == 1);
    qaindex::test::Collected got;
    CHECK(qaindex::read_corpus_file(files[0], got.entry_sink(), got.diagnostic_sink()) == 2);
    REQUIRE(got.entries.size() == 2);
    CHECK(got.entries[1].id.value == "c");
    REQUIRE(got.diagnostics.size() == 1);
    CHECK(qaindex::test::key_of(got.diagnostics[0]) ==
          qaindex::test::DiagnosticKey{path.string(), 2, std::nullopt, qaindex::Problem::TooLarge});
    CHECK_THAT(got.diagnostics[0].message, Catch::Contains("the question is 1,048,577 bytes"));
    CHECK(qaindex::to_string(qaindex::Problem::TooLarge) == "too-large");

    SECTION("and a page, by its file") {
        const fs::path page = scratch.path() / "big.txt";
        std::ofstream(page) << "Title\n" << std::string(kMaxFieldBytes + 1, 'q')
                            << "\nAsk Date: 2020/01/01\n";
        qaindex::test::Collected one;
        CHECK(qaindex::read_corpus_file(qaindex::list_corpus(page).at(0), one.entry_sink(),
                                        one.diagnostic_sink()) == 0);
        REQUIRE(one.diagnostics.size() == 1);
        CHECK(one.diagnostics[0].problem == qaindex::Problem::TooLarge);
        CHECK_FALSE(one.diagnostics[0].line.has_value());
    }
}

TEST_CASE("IndexWriter refuses an entry over the limits, Searcher a query over 64 KiB",
          "[limits]") {
    auto writer = qaindex::IndexWriter::in_memory();
    CHECK_THROWS_AS(writer.add_or_replace(entry_with_question(kMaxFieldBytes + 1)),
                    qaindex::InputError);
    CHECK(writer.size() == 0);
    writer.add_or_replace(entry_with_question(kMaxFieldBytes));
    CHECK(writer.size() == 1);

    auto searcher = qaindex::Searcher::open(writer);
    std::string query;
    while (query.size() < kMaxQueryBytes) {
        query += "headache ";
    }
    query.resize(kMaxQueryBytes);
    CHECK_NOTHROW(searcher.search({.text = query}));
    query += 'x';
    CHECK_THROWS_WITH(searcher.search({.text = query}),
                      Catch::StartsWith("the query is 65,537 bytes"));
    CHECK_THROWS_AS(searcher.search({.text = query}), qaindex::UsageError);
    qaindex::SimilarRequest similar;
    similar.text = query;
    CHECK_THROWS_AS(searcher.similar(similar), qaindex::UsageError);
}
