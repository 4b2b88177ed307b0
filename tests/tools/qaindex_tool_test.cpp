// SPDX-License-Identifier: Apache-2.0
// Tests of the `qaindex` tool: output, exit statuses, and a build killed part-way.
#include <signal.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "index/index_test_support.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/database.hpp"
#include "qaindex/searcher.hpp"
#include "qaindex/version.hpp"
#include "tools/run_tool.hpp"

namespace {

namespace fs = std::filesystem;
using qaindex::test::run_tool;

const std::string kTool = QAINDEX_TOOL_QAINDEX;

void write_small_corpus(const fs::path& root) {
    using qaindex::test::consultation;
    qaindex::test::write_page(root, "a.txt",
                              consultation("a", "Headache", "Throbbing headache every morning.",
                                           "Neurology", "Keep a headache diary."));
    qaindex::test::write_page(root, "b.txt",
                              consultation("b", "Heartburn", "Burning chest after dinner.",
                                           "Gastroenterology", "Avoid late meals."));
}

}  // namespace

TEST_CASE("qaindex build prints a summary and is incremental", "[tools]") {
    qaindex::test::ScratchDir scratch("tool-build");
    write_small_corpus(scratch.path() / "corpus");
    const std::string db = (scratch.path() / "db").string();
    const auto first = run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
    CAPTURE(first.out, first.err);
    REQUIRE(first.status == 0);
    CHECK_THAT(first.out, Catch::Contains("Full build of " + db + " (no index yet)"));
    CHECK_THAT(first.out, Catch::Contains("2 read, 2 added, 0 updated, 0 unchanged, 0 deleted"));
    CHECK_THAT(first.out, Catch::Contains("entries/s"));
    // Not a terminal: no progress bar escape sequences on stderr.
    CHECK(first.err.find('\r') == std::string::npos);

    const auto second =
        run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
    REQUIRE(second.status == 0);
    CHECK_THAT(second.out, Catch::Contains("Incremental update"));
    CHECK_THAT(second.out, Catch::Contains("0 added, 0 updated, 2 unchanged"));

    const auto stats = run_tool(kTool, {"stats", "--db", db});
    REQUIRE(stats.status == 0);
    CHECK_THAT(stats.out, Catch::Contains("Entries    2"));
    CHECK_THAT(stats.out, Catch::Contains("Neurology"));

    const auto check = run_tool(kTool, {"check", "--db", db});
    CHECK(check.status == 0);
    CHECK_THAT(check.out, Catch::Contains("OK (2 entries checked)"));

    const auto removed = run_tool(kTool, {"delete", "a", "--db", db});
    CHECK(removed.status == 0);
    CHECK(qaindex::index_stats(db).entries == 1);
    CHECK(run_tool(kTool, {"check", "--db", db}).status == 0);
    const auto unknown = run_tool(kTool, {"delete", "zzz", "--db", db});
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, Catch::Contains("no entry with id zzz"));
}

TEST_CASE("An entry deleted from an unchanged file stays deleted, and check says so", "[tools]") {
    qaindex::test::ScratchDir scratch("tool-delete");
    const auto corpus = scratch.path() / "corpus";
    write_small_corpus(corpus);
    const std::string db = (scratch.path() / "db").string();
    REQUIRE(run_tool(kTool, {"build", corpus.string(), "--db", db}).status == 0);
    REQUIRE(run_tool(kTool, {"delete", "a", "--db", db}).status == 0);

    const auto again = run_tool(kTool, {"build", corpus.string(), "--db", db});
    REQUIRE(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains("0 added, 0 updated, 1 unchanged"));
    CHECK(qaindex::index_stats(db).entries == 1);
    const auto check = run_tool(kTool, {"check", "--db", db});
    CHECK(check.status == 0);  // a note, not a problem
    CHECK_THAT(check.out, Catch::Contains("note: " + (corpus / "a.txt").string() +
                                          " still holds 1 entry deleted with `qaindex delete` "
                                          "(a): builds keep them out while it is unchanged"));
    CHECK_THAT(check.out, Catch::Contains("OK (1 entries checked)"));

    // Once the file changes, the next build reads it again and the entry is back.
    std::filesystem::last_write_time(
        corpus / "a.txt",
        std::filesystem::last_write_time(corpus / "a.txt") + std::chrono::seconds(5));
    CHECK_THAT(run_tool(kTool, {"check", "--db", db}).out,
               Catch::Contains("has changed since 1 entry deleted"));
    const auto changed = run_tool(kTool, {"build", corpus.string(), "--db", db});
    REQUIRE(changed.status == 0);
    CHECK(qaindex::index_stats(db).entries == 2);
    const auto clean = run_tool(kTool, {"check", "--db", db});
    CHECK(clean.status == 0);
    CHECK(clean.out.find("note:") == std::string::npos);
}

TEST_CASE("qaindex answers bad usage with one line and status 2", "[tools]") {
    qaindex::test::ScratchDir scratch("tool-usage");
    const auto missing = run_tool(kTool, {"build", (scratch.path() / "nowhere").string()});
    CHECK(missing.status == 2);
    CHECK_THAT(missing.err, Catch::Contains("nowhere"));
    CHECK(run_tool(kTool, {"frobnicate"}).status == 2);
    CHECK(run_tool(kTool, {"build", "--no-such-option", "x"}).status == 2);
    const auto threads = run_tool(kTool, {"build", scratch.path().string(), "--threads", "5000"});
    CHECK(threads.status == 2);
    CHECK_THAT(threads.err, Catch::Contains("--threads"));
    CHECK(run_tool(kTool, {}).status == 2);
    const auto no_index = run_tool(kTool, {"stats", "--db", (scratch.path() / "none").string()});
    CHECK(no_index.status == 1);
    CHECK_THAT(no_index.err, Catch::Contains("no index here"));
}

TEST_CASE("qaindex build --strict fails at the first bad record", "[tools]") {
    qaindex::test::ScratchDir scratch("tool-strict");
    write_small_corpus(scratch.path() / "corpus");
    qaindex::test::write_text(scratch.path() / "corpus", "broken.jsonl", "{not json\n");
    const std::string db = (scratch.path() / "db").string();
    const auto lenient =
        run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
    CHECK(lenient.status == 0);
    CHECK_THAT(lenient.err, Catch::Contains("broken.jsonl:1"));
    CHECK_THAT(lenient.out, Catch::Contains("skipped   1 (1 malformed)"));
    const auto strict = run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db,
                                         "--strict", "--rebuild"});
    CHECK(strict.status == 1);
    CHECK_THAT(strict.err, Catch::Contains("broken.jsonl:1"));
    // Reported once, as the error: not also as a skipped record.
    CHECK(strict.err.find("broken.jsonl:1") == strict.err.rfind("broken.jsonl:1"));
    CHECK(strict.err.find("skipped") == std::string::npos);
    CHECK(qaindex::index_stats(db).entries == 2);

    qaindex::test::write_text(scratch.path() / "bad-only", "broken.jsonl", "{not json\n");
    const auto bad_only =
        run_tool(kTool, {"build", (scratch.path() / "bad-only").string(), "--db", db + "-2"});
    CHECK(bad_only.status == 1);
    CHECK_THAT(bad_only.err, Catch::Contains("no entry could be read"));
    CHECK_FALSE(std::filesystem::exists(db + "-2/XAPIANDB"));
}

TEST_CASE("A build killed part-way leaves the previous index intact and searchable",
          "[tools][slow]") {
    QAINDEX_REQUIRE_SHARED("data/medquad");
    qaindex::test::ScratchDir scratch("tool-kill");
    write_small_corpus(scratch.path() / "corpus");
    const std::string db = (scratch.path() / "db").string();
    REQUIRE(run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db}).status ==
            0);
    const auto before = qaindex::index_stats(db);

    // Both kinds of build: an incremental update (one Xapian transaction) and a full rebuild
    // (a new generation published at the end).
    for (const bool rebuild : {false, true}) {
        CAPTURE(rebuild);
        std::vector<std::string> args{
            "build", (qaindex::test::shared_dir() / "data/medquad").string(), "--db", db};
        if (rebuild) {
            args.emplace_back("--rebuild");
        }
        const pid_t pid =
            qaindex::test::spawn_tool(kTool, args, scratch.path() / "out", scratch.path() / "err");
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) {
            WARN("the build finished before it could be killed; nothing was interrupted");
        }
        const auto after = qaindex::index_stats(db);
        CHECK(after.entries == before.entries);
        CHECK(after.last_build == before.last_build);
        CHECK(qaindex::check_index(db).ok());
        auto searcher = qaindex::Searcher::open(db);
        const auto results = searcher.search({.text = "throbbing headache", .limit = 5});
        REQUIRE_FALSE(results.hits.empty());
        CHECK(results.hits.front().id.value == "a");
        // A new build takes the lock again: the killed one's lock died with it.
        const auto again =
            run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
        CHECK(again.status == 0);
        CHECK(qaindex::index_stats(db).entries == before.entries);
    }
}

TEST_CASE("every tool prints its version, the schema's, Xapian's and ICU's", "[tools]") {
    std::vector<std::pair<std::string, std::string>> tools{{"qaindex", kTool}};
#ifdef QAINDEX_QAQUERY
    tools.emplace_back("qaquery", QAINDEX_QAQUERY);
#endif
#ifdef QAINDEX_TOOL_QAEVAL
    tools.emplace_back("qaeval", QAINDEX_TOOL_QAEVAL);
#endif
    for (const auto& [name, path] : tools) {
        INFO(name);
        const auto run = run_tool(path, {"--version"});
        CHECK(run.status == 0);
        CHECK(run.out == qaindex::version_text(name) + "\n");
        CHECK_THAT(run.out, Catch::StartsWith(name + " " QAINDEX_VERSION "\nindex schema "));
        CHECK_THAT(run.out, Catch::Contains(", Xapian 1.4"));
        CHECK_THAT(run.out, Catch::Contains(", ICU "));
    }
}

TEST_CASE("qaindex takes --db before or after its command, and stats --json", "[tools]") {
    qaindex::test::ScratchDir scratch("tool-db-first");
    write_small_corpus(scratch.path() / "corpus");
    const std::string db = (scratch.path() / "db").string();
    REQUIRE(run_tool(kTool, {"--db", db, "build", (scratch.path() / "corpus").string()}).status ==
            0);
    const auto before = run_tool(kTool, {"--db", db, "stats"});
    const auto after = run_tool(kTool, {"stats", "--db", db});
    CHECK(before.status == 0);
    CHECK(before.out == after.out);
    CHECK_THAT(before.out, Catch::Contains("Entries    2"));
    const auto empty = run_tool(kTool, {"--db", "", "stats"});
    CHECK(empty.status == 2);
    CHECK_THAT(empty.err, Catch::Contains("--db: an empty path names no index folder"));

    const auto json = run_tool(kTool, {"stats", "--db", db, "--json", "--top", "3"});
    REQUIRE(json.status == 0);
    const auto stats = nlohmann::json::parse(json.out);
    const auto expected = qaindex::index_stats(db, 3);
    CHECK(stats["path"] == db);
    CHECK(stats["entries"] == 2);
    CHECK(stats["bytes"] == expected.bytes);
    CHECK(stats["last_build"] == *expected.last_build);
    CHECK(stats["lexicon"] == expected.lexicon_fingerprint);
    REQUIRE(stats["specialties"].size() == 2);
    CHECK(stats["specialties"][0]["count"] == 1);
    CHECK(stats["top_symptoms"].size() <= 3);
    CHECK(stats["entries_with_symptoms"] == expected.entries_with_symptoms);
    const auto bad_top = run_tool(kTool, {"stats", "--db", db, "--top", "-1"});
    CHECK(bad_top.status == 2);
    CHECK_THAT(bad_top.err, Catch::Contains("--top"));
}

TEST_CASE("qaindex export writes JSON Lines that a build reads back to the same entries",
          "[tools]") {
    qaindex::test::ScratchDir scratch("tool-export");
    // The sample corpus: More Info articles, the pages' own Similar Q&A and Related FAQ,
    // two replies, Chinese pages.
    const std::string corpus = std::string(QAINDEX_SOURCE_DIR) + "/data/corpus";
    const std::string db = (scratch.path() / "db").string();
    REQUIRE(run_tool(kTool, {"build", corpus, "--db", db, "-q"}).status == 0);
    const auto exported = run_tool(kTool, {"export", "--db", db});
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    CHECK(exported.err.empty());

    std::vector<qaindex::Consultation> read_back;
    qaindex::parse_json_lines(
        exported.out, "export.jsonl", "export.jsonl",
        [&](qaindex::Consultation&& entry) { read_back.push_back(std::move(entry)); },
        [](const qaindex::Diagnostic& d) { FAIL(d.to_string()); });
    std::map<std::string, qaindex::Consultation> original;
    for (const auto& file : qaindex::list_corpus(corpus)) {
        qaindex::read_corpus_file(
            file, [&](qaindex::Consultation&& entry) { original[entry.id.value] = entry; }, {});
    }
    REQUIRE(read_back.size() == original.size());
    std::size_t with_more_info = 0;
    for (auto& entry : read_back) {
        INFO(entry.id.value);
        REQUIRE(original.count(entry.id.value) == 1);
        qaindex::Consultation expected = original[entry.id.value];
        expected.source = entry.source;  // where each was read from
        CHECK(entry == expected);
        if (entry.more_info) {
            ++with_more_info;
        }
    }
    CHECK(with_more_info > 0);

    // Build the export, export that: the same bytes.
    qaindex::test::write_text(scratch.path(), "entries.jsonl", exported.out);
    const std::string db2 = (scratch.path() / "db2").string();
    REQUIRE(
        run_tool(kTool, {"build", (scratch.path() / "entries.jsonl").string(), "--db", db2, "-q"})
            .status == 0);
    const auto again = run_tool(kTool, {"export", "--db", db2});
    REQUIRE(again.status == 0);
    CHECK(again.out == exported.out);
    CHECK(qaindex::index_stats(db2).entries == original.size());
}

TEST_CASE(
    "qaindex build --shards and stats of the list work, the commands of one index refuse a list",
    "[tools][shards]") {
    qaindex::test::ScratchDir scratch("qaindex-tool-shards");
    write_small_corpus(scratch.path() / "corpus");
    const std::string corpus = (scratch.path() / "corpus").string();
    const std::string db = (scratch.path() / "shards.db").string();
    const auto built = run_tool(kTool, {"build", corpus, "--db", db, "--shards", "2", "-q"});
    INFO(built.err);
    REQUIRE(built.status == 0);
    CHECK(built.out.find("  list      " + db + "/SHARDS") != std::string::npos);
    const auto stats = run_tool(kTool, {"stats", "--db", db, "--json"});
    REQUIRE(stats.status == 0);
    CHECK(nlohmann::json::parse(stats.out).at("entries") == 2);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"check", "--db", db},
                                                 {"export", "--db", db},
                                                 {"delete", "a", "--db", db},
                                                 {"build", corpus, "--db", db}}) {
        INFO(args.front());
        const auto refused = run_tool(kTool, args);
        CHECK(refused.status == 2);
        CHECK(refused.err.find(db + " is a shard list: `qaindex " + args.front() + "`") !=
              std::string::npos);
    }
    // Each shard is an ordinary index.
    CHECK(run_tool(kTool, {"check", "--db", db + "/shard-1-of-2"}).status == 0);
    CHECK(run_tool(kTool, {"stats", "--db", db, "--json"}).out == stats.out);  // nothing changed
}
