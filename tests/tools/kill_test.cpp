// SPDX-License-Identifier: Apache-2.0
// Kills at every phase of a build: `qaindex build` stopped by kill -9 where the test hook
// QAINDEX_TEST_PAUSE_AT (lib/index/pause_point.hpp) holds it; the index stays sound.
#include <signal.h>
#include <catch2/catch.hpp>

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

// 2 pages and 250 JSON Lines entries: enough for shard commits (every 100 entries) and for
// several chunks (128 entries) between the threads.
constexpr std::size_t kOldEntries = 252;
constexpr std::size_t kNewEntries = 254;

void write_old_corpus(const fs::path& root) {
    using qaindex::test::consultation;
    qaindex::test::write_page(root, "a.txt",
                              consultation("a", "Headache", "Throbbing headache every morning.",
                                           "Neurology", "Keep a headache diary."));
    qaindex::test::write_page(root, "b.txt",
                              consultation("b", "Heartburn", "Burning chest after dinner.",
                                           "Gastroenterology", "Avoid late meals."));
    std::string lines;
    for (std::size_t i = 0; i < 250; ++i) {
        lines += "{\"id\":\"j" + std::to_string(i) + "\",\"question\":\"Dizziness and nausea " +
                 std::to_string(i) + " days after a fall\",\"reply\":\"See a neurologist\"}\n";
    }
    qaindex::test::write_text(root, "many.jsonl", lines);
}

void write_new_files(const fs::path& root) {
    using qaindex::test::consultation;
    qaindex::test::write_page(root, "c.txt",
                              consultation("c", "Rash", "Itchy red rash on both arms.",
                                           "Dermatology", "Probably eczema."));
    qaindex::test::write_page(root, "d.txt",
                              consultation("d", "Cough", "Dry cough for three weeks.",
                                           "Pulmonology", "A chest X-ray would help."));
}

// Waits until the build's stderr says it paused; false if it ended or took over a minute.
bool wait_for_pause(pid_t pid, const fs::path& err, const std::string& phase) {
    const std::string marker = "paused at " + phase + " ";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < deadline) {
        if (qaindex::test::read_file(err).find(marker) != std::string::npos) {
            return true;
        }
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace

TEST_CASE("kill -9 at every build phase leaves a sound, searchable index", "[tools][kill]") {
    struct Phase {
        const char* name;
        bool rebuild;         // a full build (new generation) rather than an update
        std::size_t entries;  // what the index holds after the kill
    };
    const Phase phase =
        GENERATE(Phase{"reading", true, kOldEntries}, Phase{"writing-shards", true, kOldEntries},
                 Phase{"compacting", true, kOldEntries}, Phase{"publishing", true, kOldEntries},
                 Phase{"published", true, kNewEntries}, Phase{"reading", false, kOldEntries},
                 Phase{"updating", false, kOldEntries}, Phase{"committing", false, kOldEntries});
    CAPTURE(phase.name, phase.rebuild);
    qaindex::test::ScratchDir scratch("tool-kill-phase");
    const fs::path corpus = scratch.path() / "corpus";
    const std::string db = (scratch.path() / "db").string();
    write_old_corpus(corpus);
    REQUIRE(run_tool(kTool, {"build", corpus.string(), "--db", db}).status == 0);
    REQUIRE(qaindex::index_stats(db).entries == kOldEntries);

    write_new_files(corpus);
    std::vector<std::string> args{"build", corpus.string(), "--db", db, "--threads", "2"};
    if (phase.rebuild) {
        args.emplace_back("--rebuild");
    }
    const fs::path err = scratch.path() / "err";
    const pid_t pid =
        qaindex::test::spawn_tool(kTool, args, scratch.path() / "out", err,
                                  {std::string("QAINDEX_TEST_PAUSE_AT=") + phase.name});
    REQUIRE(pid > 0);
    const bool paused = wait_for_pause(pid, err, phase.name);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO(qaindex::test::read_file(err));
    REQUIRE(paused);
    REQUIRE(WIFSIGNALED(status));

    const auto check = qaindex::check_index(db);
    CAPTURE(check.problems);
    CHECK(check.ok());
    CHECK(qaindex::index_stats(db).entries == phase.entries);
    auto searcher = qaindex::Searcher::open(db);
    const auto results = searcher.search({.text = "throbbing headache", .limit = 5});
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.hits.front().id.value == "a");

    // The next build takes the lock again (the killed one's died with it), clears what the
    // killed one left, and ends with the new corpus.
    const auto again = run_tool(kTool, {"build", corpus.string(), "--db", db});
    CAPTURE(again.err);
    CHECK(again.status == 0);
    CHECK(qaindex::index_stats(db).entries == kNewEntries);
    CHECK(qaindex::check_index(db).ok());
    std::size_t generations = 0;
    for (const auto& child : fs::directory_iterator(db)) {
        if (child.path().filename().string().starts_with("gen-")) {
            ++generations;
        }
    }
    CHECK(generations == 1);
}

TEST_CASE("A full build writes a new scratch shard every so many entries and a kill leaves none",
          "[tools][kill]") {
    // QAINDEX_TEST_SCRATCH_SHARD_ENTRIES=64 stands for kScratchShardEntries (lib/index/build.cpp):
    // 1,000 entries come in chunks of 128, so each chunk starts a new shard; held where the
    // compaction begins, the build has written 8 or more (one per thread before the change).
    qaindex::test::ScratchDir scratch("tool-kill-rollover");
    const fs::path corpus = scratch.path() / "corpus";
    const std::string db = (scratch.path() / "db").string();
    write_old_corpus(corpus);
    REQUIRE(run_tool(kTool, {"build", corpus.string(), "--db", db}).status == 0);
    std::string lines;
    for (std::size_t i = 0; i < 1000; ++i) {
        lines += "{\"id\":\"r" + std::to_string(i) + "\",\"question\":\"Blurred vision " +
                 std::to_string(i) + " mornings\"}\n";
    }
    qaindex::test::write_text(corpus, "more.jsonl", lines);

    const fs::path err = scratch.path() / "err";
    const pid_t pid = qaindex::test::spawn_tool(
        kTool, {"build", corpus.string(), "--db", db, "--threads", "2", "--rebuild"},
        scratch.path() / "out", err,
        {"QAINDEX_TEST_PAUSE_AT=compacting", "QAINDEX_TEST_SCRATCH_SHARD_ENTRIES=64"});
    REQUIRE(pid > 0);
    const bool paused = wait_for_pause(pid, err, "compacting");
    std::size_t scratch_shards = 0;
    for (const auto& child : fs::directory_iterator(db)) {
        scratch_shards += child.path().filename().string().find(".shard-") != std::string::npos;
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO(qaindex::test::read_file(err));
    REQUIRE(paused);
    CHECK(scratch_shards >= 8);
    CHECK(qaindex::check_index(db).ok());
    CHECK(qaindex::index_stats(db).entries == kOldEntries);

    const auto again = run_tool(kTool, {"build", corpus.string(), "--db", db});
    CAPTURE(again.err);
    CHECK(again.status == 0);
    CHECK(qaindex::index_stats(db).entries == kOldEntries + 1000);
    for (const auto& child : fs::directory_iterator(db)) {
        CHECK(child.path().filename().string().find(".shard-") == std::string::npos);
    }
}
