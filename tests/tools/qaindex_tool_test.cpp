// SPDX-License-Identifier: Apache-2.0
// Tests of the `qaindex` tool: output, exit statuses, and a build killed part-way.
#include <catch2/catch.hpp>
#include <signal.h>

#include <chrono>
#include <thread>

#include "index/index_test_support.hpp"
#include "qaindex/database.hpp"
#include "qaindex/searcher.hpp"
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

    const auto second = run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
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

TEST_CASE("qaindex answers bad usage with one line and status 2", "[tools]") {
    qaindex::test::ScratchDir scratch("tool-usage");
    const auto missing = run_tool(kTool, {"build", (scratch.path() / "nowhere").string()});
    CHECK(missing.status == 2);
    CHECK_THAT(missing.err, Catch::Contains("nowhere"));
    CHECK(run_tool(kTool, {"frobnicate"}).status == 2);
    CHECK(run_tool(kTool, {"build", "--no-such-option", "x"}).status == 2);
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
    const auto lenient = run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
    CHECK(lenient.status == 0);
    CHECK_THAT(lenient.err, Catch::Contains("broken.jsonl:1"));
    CHECK_THAT(lenient.out, Catch::Contains("skipped   1 (1 malformed)"));
    const auto strict = run_tool(
        kTool, {"build", (scratch.path() / "corpus").string(), "--db", db, "--strict", "--rebuild"});
    CHECK(strict.status == 1);
    CHECK_THAT(strict.err, Catch::Contains("broken.jsonl:1"));
    CHECK(qaindex::index_stats(db).entries == 2);
}

TEST_CASE("A build killed part-way leaves the previous index intact and searchable", "[tools][slow]") {
    QAINDEX_REQUIRE_SHARED("data/medquad");
    qaindex::test::ScratchDir scratch("tool-kill");
    write_small_corpus(scratch.path() / "corpus");
    const std::string db = (scratch.path() / "db").string();
    REQUIRE(run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db}).status == 0);
    const auto before = qaindex::index_stats(db);

    // Both kinds of build: an incremental update (one Xapian transaction) and a full rebuild
    // (a new generation published at the end).
    for (const bool rebuild : {false, true}) {
        CAPTURE(rebuild);
        std::vector<std::string> args{"build", (qaindex::test::shared_dir() / "data/medquad").string(),
                                      "--db", db};
        if (rebuild) {
            args.emplace_back("--rebuild");
        }
        const pid_t pid = qaindex::test::spawn_tool(kTool, args, scratch.path() / "out",
                                                    scratch.path() / "err");
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
        const auto again = run_tool(kTool, {"build", (scratch.path() / "corpus").string(), "--db", db});
        CHECK(again.status == 0);
        CHECK(qaindex::index_stats(db).entries == before.entries);
    }
}
