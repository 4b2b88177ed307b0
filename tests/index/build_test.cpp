// SPDX-License-Identifier: Apache-2.0
// Tests of build_index(): full and incremental builds, bad input, strictness, atomicity, check.
#include "qaindex/index_writer.hpp"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "index/index_folder.hpp"
#include "index/index_test_support.hpp"
#include "index/schema.hpp"
#include "qaindex/database.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/searcher.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace schema = qaindex::schema;
using qaindex::test::BuiltCorpus;
using qaindex::test::consultation;
using qaindex::test::options_for;
using qaindex::test::write_corpus;
using qaindex::test::write_page;
using qaindex::test::write_text;

Xapian::Database open_index(const fs::path& db) {
    return Xapian::Database(db.string());
}

bool has_entry(const fs::path& db, const std::string& id) {
    return open_index(db).get_termfreq(schema::term(schema::kId, id)) == 1;
}

// Rewrites a file so that the change is seen even within one clock tick.
void touch_later(const fs::path& path) {
    fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("A first build indexes every entry of every format", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-full");
    write_corpus(scratch.path() / "corpus");
    const auto db = scratch.path() / "db";
    const auto report = qaindex::build_index(options_for(scratch.path() / "corpus", db));
    CHECK(report.full);
    CHECK(report.full_reason == "no index yet");
    CHECK(report.files == 4);
    CHECK(report.files_read == 4);
    CHECK(report.read == 5);
    CHECK(report.added == 5);
    CHECK(report.skipped == 0);
    CHECK(report.entries == 5);
    CHECK(report.index_bytes > 0);
    CHECK(has_entry(db, "neurology/001"));
    CHECK(has_entry(db, "j2"));
    CHECK(qaindex::check_index(db).ok());
    // The folder is a Xapian stub plus the live generation; no scratch shards are left.
    std::size_t generations = 0;
    for (const auto& child : fs::directory_iterator(db)) {
        if (child.path().filename().string().starts_with("gen-")) {
            ++generations;
            CHECK(child.path().filename().string().find("shard") == std::string::npos);
        }
    }
    CHECK(generations == 1);
}

TEST_CASE("A full build's spelling table counts each word once per entry", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-spelling");
    const auto corpus = scratch.path() / "corpus";
    // 300 entries, so that both workers' shards hold some: "twitching" in every title, "eyelid"
    // in every third question (twice in it), "myokymia" in replies only.
    for (int i = 0; i < 300; ++i) {
        const std::string id = "neurology/" + std::to_string(i);
        const std::string question =
            i % 3 == 0 ? "My eyelid keeps twitching, the eyelid again." : "My cheek is twitching.";
        write_page(corpus, id + ".txt",
                   consultation(id, "Twitching " + std::to_string(i), question, "Neurology",
                                "Usually benign myokymia."));
    }
    const auto db = scratch.path() / "db";
    REQUIRE(qaindex::build_index(options_for(corpus, db)).added == 300);
    const Xapian::Database index = open_index(db);
    auto frequency = [&](const std::string& word) -> Xapian::doccount {
        for (auto it = index.spellings_begin(); it != index.spellings_end(); ++it) {
            if (*it == word) {
                return it.get_termfreq();
            }
        }
        return 0;
    };
    CHECK(frequency("twitching") == 300);
    CHECK(frequency("eyelid") == 100);
    CHECK(frequency("myokymia") == 0);
    CHECK(index.get_spelling_suggestion("twiching") == "twitching");
}

namespace {

// Sets an environment variable for a scope, then unsets it.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
    ~ScopedEnv() { ::unsetenv(name_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
};

// What a build put in an index, whatever the order of its documents: every term with its
// frequency (ids, words, facets, files), the spelling table, the entry count and average
// length, and the hits (by id, with scores) of a few searches and Similar Q&A.
std::string index_content(const fs::path& db) {
    const Xapian::Database index = open_index(db);
    std::string content = "entries " + std::to_string(index.get_doccount()) + " avg length " +
                          std::to_string(index.get_avlength()) + "\n";
    for (auto it = index.allterms_begin(); it != index.allterms_end(); ++it) {
        content += *it + " " + std::to_string(it.get_termfreq()) + " " +
                   std::to_string(index.get_collection_freq(*it)) + "\n";
    }
    for (auto it = index.spellings_begin(); it != index.spellings_end(); ++it) {
        content += "spelling " + *it + " " + std::to_string(it.get_termfreq()) + "\n";
    }
    auto searcher = qaindex::Searcher::open(db);
    auto add_hits = [&](const std::string& what, const qaindex::SearchResults& results) {
        std::vector<std::string> hits;
        for (const auto& hit : results.hits) {
            char score[32];
            std::snprintf(score, sizeof score, "%.9f", hit.score);
            hits.push_back(hit.id.value + " " + score);
        }
        std::sort(hits.begin(), hits.end());  // ties may come in either order
        content += what + " " + std::to_string(results.total) + ":";
        for (const auto& hit : hits) {
            content += " " + hit;
        }
        content += "\n";
    };
    for (const std::string text :
         {"night sweats", "cough after a fall with dizziness and nausea for days", "sweats 17"}) {
        add_hits(text, searcher.search({.text = text, .limit = 1000, .collapse = false}));
    }
    // (collapse = false: which of two near-duplicates stands for both may follow the order)
    add_hits("similar to n5",
             searcher.similar({.id = qaindex::EntryId{"n5"}, .limit = 1000, .collapse = false}));
    return content;
}

}  // namespace

TEST_CASE("A build in many scratch shards makes the same index as in one per thread",
          "[index][build]") {
    // The build threads start a new scratch shard every kScratchShardEntries entries (50,000);
    // here every 64 (QAINDEX_TEST_SCRATCH_SHARD_ENTRIES), so 900 entries make 14 or more
    // shards (tests/tools/kill_test.cpp counts them), compacted into the same index.
    qaindex::test::ScratchDir scratch("build-rollover");
    const auto corpus = scratch.path() / "corpus";
    std::string lines[2];  // two files, so that both threads read
    for (int i = 0; i < 900; ++i) {
        lines[i % 2] += "{\"id\":\"n" + std::to_string(i) + "\",\"title\":\"Night sweats " +
                        std::to_string(i % 40) + "\",\"question\":\"Night sweats and a cough " +
                        std::to_string(i % 97) +
                        (i % 3 == 0 ? " days after a fall, with dizziness" : "") +
                        (i % 5 == 0 ? " and nausea" : "") + "\",\"reply\":\"See your doctor " +
                        std::to_string(i % 13) + "\",\"specialty\":\"" +
                        (i % 2 == 0 ? "Neurology" : "Pulmonology") + "\"}\n";
    }
    write_text(corpus, "a.jsonl", lines[0]);
    write_text(corpus, "b.jsonl", lines[1]);
    write_corpus(corpus / "pages");

    const auto one = scratch.path() / "one";
    REQUIRE(qaindex::build_index(options_for(corpus, one)).entries == 905);
    const auto many = scratch.path() / "many";
    {
        const ScopedEnv rollover("QAINDEX_TEST_SCRATCH_SHARD_ENTRIES", "64");
        REQUIRE(qaindex::build_index(options_for(corpus, many)).entries == 905);
    }
    CHECK(qaindex::check_index(many).ok());
    const std::string expected = index_content(one);
    CHECK_THAT(expected, Catch::Contains("\nspelling sweats 900\n"));
    CHECK_THAT(expected, Catch::Contains("\nQn5 1 0\n"));
    CHECK(index_content(many) == expected);
    // No scratch shard is left behind.
    for (const auto& child : fs::directory_iterator(many)) {
        CHECK(child.path().filename().string().find("shard") == std::string::npos);
    }
}

TEST_CASE("A second build of an unchanged corpus changes nothing", "[index][build]") {
    const BuiltCorpus built("build-unchanged");
    const auto& corpus = built.corpus;
    const auto& db = built.db;
    const auto revision = open_index(db).get_revision();
    const auto live = qaindex::detail::IndexFolder(db).live_generation();

    const auto report = qaindex::build_index(options_for(corpus, db));
    CHECK_FALSE(report.full);
    CHECK(report.files_read == 0);
    CHECK(report.read == 0);
    CHECK(report.unchanged == 5);
    CHECK(report.added + report.updated + report.deleted == 0);
    CHECK(open_index(db).get_revision() == revision);
    CHECK(qaindex::detail::IndexFolder(db).live_generation() == live);
}

TEST_CASE("Incremental builds follow edits, additions and deletions", "[index][build]") {
    const BuiltCorpus built("build-incremental");
    const auto& corpus = built.corpus;
    const auto& db = built.db;

    // Edit one page, add one, delete one, drop a record from the JSON Lines file.
    write_page(corpus, "neurology/001.txt",
               consultation("neurology/001", "Eyelid twitching", "My left eyelid keeps twitching.",
                            "Neurology", "Usually benign myokymia; cut down on coffee."));
    touch_later(corpus / "neurology/001.txt");
    write_page(corpus, "neurology/002.txt",
               consultation("neurology/002", "Numb hands", "Pins and needles in my hands.",
                            "Neurology", "Check for carpal tunnel syndrome."));
    fs::remove(corpus / "dermatology/001.txt");
    write_text(corpus, "more.jsonl",
               "{\"id\":\"j1\",\"title\":\"Heartburn\",\"question\":\"Burning in my chest after "
               "meals\",\"reply\":\"Acid reflux is likely\",\"specialty\":\"Gastroenterology\"}\n");
    touch_later(corpus / "more.jsonl");

    const auto report = qaindex::build_index(options_for(corpus, db));
    CHECK_FALSE(report.full);
    CHECK(report.files_read == 3);
    CHECK(report.added == 1);      // neurology/002
    CHECK(report.updated == 1);    // neurology/001
    CHECK(report.unchanged == 2);  // cardiology/001 (file unchanged), j1 (re-read, same)
    CHECK(report.deleted == 2);    // dermatology/001 (file gone), j2 (record gone)
    CHECK(report.entries == 4);
    CHECK(has_entry(db, "neurology/002"));
    CHECK_FALSE(has_entry(db, "dermatology/001"));
    CHECK_FALSE(has_entry(db, "j2"));
    CHECK(open_index(db).get_termfreq("left") == 1);
    CHECK(qaindex::check_index(db).ok());

    SECTION("--rebuild starts over and gives the same index") {
        auto options = options_for(corpus, db);
        options.rebuild = true;
        const auto rebuilt = qaindex::build_index(options);
        CHECK(rebuilt.full);
        CHECK(rebuilt.full_reason == "--rebuild");
        CHECK(rebuilt.entries == 4);
        CHECK(qaindex::check_index(db).ok());
    }
}

TEST_CASE("An entry that moves to another file is kept", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-move");
    const auto corpus = scratch.path() / "corpus";
    write_text(corpus, "a.jsonl", "{\"id\":\"x\",\"question\":\"Dry cough for weeks\"}\n");
    write_text(corpus, "b.jsonl", "{\"id\":\"y\",\"question\":\"Sore throat\"}\n");
    const auto db = scratch.path() / "db";
    qaindex::build_index(options_for(corpus, db));
    write_text(corpus, "a.jsonl", "");
    write_text(corpus, "b.jsonl",
               "{\"id\":\"y\",\"question\":\"Sore throat\"}\n"
               "{\"id\":\"x\",\"question\":\"Dry cough for weeks\"}\n");
    touch_later(corpus / "a.jsonl");
    touch_later(corpus / "b.jsonl");
    const auto report = qaindex::build_index(options_for(corpus, db));
    CHECK(report.entries == 2);
    CHECK(has_entry(db, "x"));
    CHECK(qaindex::check_index(db).ok());
}

TEST_CASE("Bad input is reported, counted and skipped, and the rest is indexed", "[index][build]") {
    const auto bad = qaindex::test::fixture("bad");
    REQUIRE(fs::exists(bad));
    qaindex::test::ScratchDir scratch("build-bad");
    const auto corpus = scratch.path() / "corpus";
    write_corpus(corpus);
    fs::copy(bad, corpus / "bad", fs::copy_options::recursive);
    const auto db = scratch.path() / "db";

    std::vector<qaindex::Diagnostic> diagnostics;
    auto options = options_for(corpus, db);
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); };
    const auto report = qaindex::build_index(options);
    CHECK(report.skipped == diagnostics.size());
    CHECK(report.skipped > 0);
    std::size_t by_reason = 0;
    for (const auto& [reason, count] : report.skipped_by_reason) {
        by_reason += count;
    }
    CHECK(by_reason == report.skipped);
    for (const auto& diagnostic : diagnostics) {
        CAPTURE(diagnostic.to_string());
        CHECK(diagnostic.file.find("bad") != std::string::npos);
        CHECK((diagnostic.line.has_value() || diagnostic.record.has_value() ||
               diagnostic.problem == qaindex::Problem::BinaryFile ||
               diagnostic.problem == qaindex::Problem::Unreadable ||
               diagnostic.problem == qaindex::Problem::Empty));
    }
    for (const char* id : {"neurology/001", "cardiology/001", "dermatology/001", "j1", "j2"}) {
        CHECK(has_entry(db, id));
    }
    CHECK(qaindex::check_index(db).ok());
}

TEST_CASE("Each bad file leaves an existing index unchanged", "[index][build]") {
    const auto bad = qaindex::test::fixture("bad");
    REQUIRE(fs::exists(bad));
    for (const auto& file : fs::directory_iterator(bad)) {
        if (!file.is_regular_file() || file.path().extension() == ".md") {
            continue;
        }
        CAPTURE(file.path().filename().string());
        const BuiltCorpus built("build-bad-one");
        const auto& corpus = built.corpus;
        const auto& db = built.db;
        const auto before = open_index(db).get_doccount();

        fs::copy_file(file.path(), corpus / file.path().filename());
        std::vector<qaindex::Diagnostic> diagnostics;
        auto options = options_for(corpus, db);
        options.on_diagnostic = [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); };
        const auto report = qaindex::build_index(options);
        REQUIRE_FALSE(diagnostics.empty());
        CHECK_THAT(diagnostics.front().file, Catch::Contains(file.path().filename().string()));
        CHECK(report.deleted == 0);
        CHECK(report.updated == 0);
        // Some bad files still hold good records (a JSON Lines file with one bad line).
        CHECK(open_index(db).get_doccount() == before + report.added);
        CHECK(qaindex::check_index(db).ok());

        SECTION("and strict mode fails on it without touching the index") {
            const auto revision = open_index(db).get_revision();
            fs::last_write_time(
                corpus / file.path().filename(),
                fs::last_write_time(corpus / file.path().filename()) + std::chrono::seconds(5));
            auto strict = options_for(corpus, db);
            strict.strict = true;
            CHECK_THROWS_AS(qaindex::build_index(strict), qaindex::InputError);
            CHECK(open_index(db).get_revision() == revision);
            strict.rebuild = true;
            CHECK_THROWS_AS(qaindex::build_index(strict), qaindex::InputError);
            CHECK(open_index(db).get_revision() == revision);
            CHECK(qaindex::check_index(db).ok());
        }
    }
}

TEST_CASE("A corpus with records but not one good one publishes nothing", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-all-bad");
    const auto corpus = scratch.path() / "corpus";
    const auto db = scratch.path() / "db";
    write_text(corpus, "broken.jsonl", "{not json\n{\"id\":\"a\"}\n");
    write_text(corpus, "cut.txt", "Title only\n");
    std::vector<qaindex::Diagnostic> diagnostics;
    auto options = options_for(corpus, db);
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); };
    CHECK_THROWS_WITH(qaindex::build_index(options),
                      Catch::Contains("no entry could be read (3 records or files skipped)"));
    CHECK(diagnostics.size() == 3);  // each reported, then the build fails
    CHECK_THROWS_AS(qaindex::index_stats(db), qaindex::IndexError);  // nothing published

    // Over an existing index, incremental or full: it stays as it was.
    const auto good = scratch.path() / "good";
    write_corpus(good);
    const auto built = qaindex::build_index(options_for(good, db));
    REQUIRE(built.entries > 0);
    const auto revision = open_index(db).get_revision();
    for (const bool rebuild : {false, true}) {
        INFO(rebuild);
        fs::remove_all(good);
        write_text(good, "broken.jsonl", "{not json\n");
        auto again = options_for(good, db);
        again.rebuild = rebuild;
        CHECK_THROWS_AS(qaindex::build_index(again), qaindex::InputError);
        CHECK(open_index(db).get_doccount() == built.entries);
        CHECK(open_index(db).get_revision() == revision);
    }
    // An empty corpus is no error: there was nothing to read.
    fs::remove_all(good);
    fs::create_directories(good);
    CHECK(qaindex::build_index(options_for(good, db)).entries == 0);
}

TEST_CASE("Build progress counts a big file's bytes as they are read", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-progress");
    std::string jsonl;
    for (int i = 0; i < 2000; ++i) {
        jsonl += "{\"id\":\"e" + std::to_string(i) +
                 "\",\"question\":\"My knee hurts when I climb " + "stairs, number " +
                 std::to_string(i) + ".\"}\n";
    }
    write_text(scratch.path() / "corpus", "all.jsonl", jsonl);
    std::vector<qaindex::BuildProgress> seen;
    auto options = options_for(scratch.path() / "corpus", scratch.path() / "db");
    options.on_progress = [&](const qaindex::BuildProgress& p) { seen.push_back(p); };
    REQUIRE(qaindex::build_index(options).entries == 2000);
    REQUIRE_FALSE(seen.empty());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i].bytes_total == jsonl.size());
        CHECK(seen[i].bytes_done <= seen[i].bytes_total);
        if (i > 0) {
            CHECK(seen[i].bytes_done >= seen[i - 1].bytes_done);
        }
        // Bytes and entries move together: no report of all entries at 0 bytes.
        CHECK((seen[i].entries == 0 || seen[i].bytes_done > 0));
    }
    CHECK(seen.back().bytes_done == jsonl.size());
}

TEST_CASE("Strict mode reports the first problem once, as its error", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-strict-once");
    const auto corpus = scratch.path() / "corpus";
    write_corpus(corpus);
    write_text(corpus, "broken.jsonl", "{not json\n");
    std::vector<qaindex::Diagnostic> diagnostics;
    auto options = options_for(corpus, scratch.path() / "db");
    options.strict = true;
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); };
    CHECK_THROWS_WITH(qaindex::build_index(options), Catch::Contains("broken.jsonl:1"));
    CHECK(diagnostics.empty());
}

TEST_CASE("Duplicate ids are reported and the first one kept", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-duplicates");
    const auto corpus = scratch.path() / "corpus";
    write_text(corpus, "a.jsonl",
               "{\"id\":\"x\",\"question\":\"first\"}\n"
               "{\"id\":\"x\",\"question\":\"second\"}\n");
    std::vector<qaindex::Diagnostic> diagnostics;
    auto options = options_for(corpus, scratch.path() / "db");
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); };
    const auto report = qaindex::build_index(options);
    CHECK(report.entries == 1);
    CHECK(report.skipped == 1);
    REQUIRE(diagnostics.size() == 1);
    CHECK_THAT(diagnostics.front().message, Catch::Contains("duplicate entry id x"));
    CHECK(open_index(scratch.path() / "db").get_termfreq("first") == 1);
}

TEST_CASE("Of two entries with one id, the first in corpus order is kept whatever the timing",
          "[index][build]") {
    // a.jsonl sorts first but reaches its "x" late: its first line is bad, and reporting it
    // waits, so the thread reading b.jsonl has claimed "x" long before. The first read used to
    // win; the first in corpus order (paths, then lines) does now, in full and incremental
    // builds alike.
    qaindex::test::ScratchDir scratch("build-duplicate-order");
    const auto corpus = scratch.path() / "corpus";
    write_text(corpus, "a.jsonl",
               "not json\n"
               "{\"id\":\"x\",\"question\":\"alpha question\"}\n"
               "{\"id\":\"a2\",\"question\":\"second of a\"}\n");
    write_text(corpus, "b.jsonl",
               "{\"id\":\"x\",\"question\":\"beta question\"}\n"
               "{\"id\":\"b2\",\"question\":\"second of b\"}\n");
    const auto db = scratch.path() / "db";
    std::vector<qaindex::Diagnostic> diagnostics;
    auto options = options_for(corpus, db);
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) {
        diagnostics.push_back(d);
        if (d.problem != qaindex::Problem::Malformed || d.message.find("duplicate") == 0) {
            return;
        }
        if (d.file.ends_with("a.jsonl") && d.line == 1u) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    };
    for (const bool rebuild : {true, false}) {
        CAPTURE(rebuild);
        diagnostics.clear();
        options.rebuild = rebuild;
        if (!rebuild) {
            touch_later(corpus / "a.jsonl");
            touch_later(corpus / "b.jsonl");
        }
        const auto report = qaindex::build_index(options);
        CHECK(report.entries == 3);
        CHECK(report.skipped == 2);
        const auto index = open_index(db);
        CHECK(index.get_termfreq(schema::term(schema::kId, "x")) == 1);
        CHECK(index.get_termfreq("alpha") == 1);
        CHECK(index.get_termfreq("beta") == 0);
        std::vector<std::string> duplicates;
        for (const auto& d : diagnostics) {
            if (d.message.find("duplicate") != std::string::npos) {
                duplicates.push_back(d.file);
            }
        }
        CHECK(duplicates == std::vector<std::string>{(corpus / "b.jsonl").string()});
        CHECK(qaindex::check_index(db).ok());
    }
}

TEST_CASE("Incremental builds keep the first of an id in corpus order, the other comes back",
          "[index][build]") {
    qaindex::test::ScratchDir scratch("build-duplicate-incremental");
    const auto corpus = scratch.path() / "corpus";
    const auto db = scratch.path() / "db";
    const auto holds = [&](const std::string& word) { return open_index(db).get_termfreq(word); };
    const auto build = [&] {
        const auto report = qaindex::build_index(options_for(corpus, db));
        CHECK(qaindex::check_index(db).ok());
        CHECK(open_index(db).get_termfreq(schema::term(schema::kId, "x")) == 1);
        return report;
    };
    write_text(corpus, "m.jsonl", "{\"id\":\"x\",\"question\":\"middle\"}\n");
    build();
    CHECK(holds("middle") == 1);

    SECTION("an earlier file brings the id: it wins over the indexed entry") {
        write_text(corpus, "a.jsonl", "{\"id\":\"x\",\"question\":\"early\"}\n");
        const auto report = build();
        CHECK(report.entries == 1);
        CHECK(report.skipped == 1);
        CHECK(holds("early") == 1);
        CHECK(holds("middle") == 0);
        SECTION("and once it goes, the other comes back") {
            write_text(corpus, "a.jsonl", "{\"id\":\"y\",\"question\":\"other\"}\n");
            touch_later(corpus / "a.jsonl");
            const auto again = build();
            CHECK(again.entries == 2);
            CHECK(holds("middle") == 1);
            CHECK(holds("early") == 0);
        }
    }
    SECTION("a later file brings the id: the indexed entry stays") {
        write_text(corpus, "z.jsonl", "{\"id\":\"x\",\"question\":\"late\"}\n");
        const auto report = build();
        CHECK(report.entries == 1);
        CHECK(report.skipped == 1);
        CHECK(holds("middle") == 1);
        CHECK(holds("late") == 0);
        SECTION("and once the first goes, the later one comes in") {
            fs::remove(corpus / "m.jsonl");
            build();
            CHECK(holds("late") == 1);
        }
    }
}

TEST_CASE("Ids that share their first 240 bytes are one id to the index", "[index][build]") {
    // The id term holds an id's first 240 bytes: two longer ids alike that far were two
    // documents with one id term, which `qaindex check` rejects.
    qaindex::test::ScratchDir scratch("build-long-ids");
    const auto corpus = scratch.path() / "corpus";
    const std::string stem(300, 'i');
    const auto line = [&](const char* suffix, const char* question) {
        return "{\"id\":\"" + stem + suffix + "\",\"question\":\"" + question + "\"}\n";
    };
    write_text(corpus, "a.jsonl", line("1", "first") + line("2", "second"));
    write_text(corpus, "b.jsonl", line("3", "third"));
    const auto db = scratch.path() / "db";
    const auto report = qaindex::build_index(options_for(corpus, db));
    CHECK(report.entries == 1);
    CHECK(report.skipped == 2);
    CHECK(open_index(db).get_termfreq("first") == 1);
    CHECK(qaindex::check_index(db).ok());
}

TEST_CASE("A file whose name is not UTF-8 is reported and skipped, the index stays sound",
          "[index][build]") {
    qaindex::test::ScratchDir scratch("build-names");
    const auto corpus = scratch.path() / "corpus";
    write_corpus(corpus);
    write_page(corpus, "neurology/caf\xE9.txt",
               consultation("x", "Headache", "My head hurts.", "Neurology", "Rest."));
    write_text(corpus, "d\xFCsseldorf.jsonl", "{\"question\":\"Sore throat\"}\n");
    const auto db = scratch.path() / "db";
    std::vector<qaindex::Diagnostic> diagnostics;
    auto options = options_for(corpus, db);
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); };
    const auto report = qaindex::build_index(options);
    CHECK(report.entries == 5);
    CHECK(report.skipped == 2);
    CHECK(report.skipped_by_reason.at("invalid-utf8") == 2);
    REQUIRE(diagnostics.size() == 2);
    CHECK(qaindex::check_index(db).ok());
}

TEST_CASE("A build that fails for want of space gives the disk back", "[index][build][disk]") {
    // A child process may write files no larger than a limit (RLIMIT_FSIZE, so writes past it
    // fail as on a full disk): its build fails. An update's failed transaction used to leave
    // its blocks in the live tables, so the space stayed taken; a full build's scratch shards
    // were always removed, also when each thread wrote several (a new one every 100 entries).
    const auto [rebuild, rollover] =
        GENERATE(table<bool, bool>({{false, false}, {true, false}, {true, true}}));
    CAPTURE(rebuild, rollover);
    const BuiltCorpus built("build-disk");
    const auto& corpus = built.corpus;
    const auto& db = built.db;
    std::string lines;
    for (int i = 0; i < 3000; ++i) {
        lines += "{\"id\":\"n" + std::to_string(i) + "\",\"question\":\"Night sweats " +
                 std::to_string(i) + " and a cough\",\"reply\":\"See your doctor " +
                 std::to_string(i * 7) + "\"}\n";
    }
    write_text(corpus, "new.jsonl", lines);
    const auto live = qaindex::detail::IndexFolder(db).live_generation();
    REQUIRE(live);
    const std::uintmax_t postings = fs::file_size(db / *live / "postlist.glass");
    const std::uintmax_t before = qaindex::detail::folder_bytes(db);
    const auto tables = qaindex::detail::file_sizes(db / *live);
    const auto revision = open_index(db).get_revision();

    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        if (rollover) {
            ::setenv("QAINDEX_TEST_SCRATCH_SHARD_ENTRIES", "100", 1);
        }
        const rlim_t limit = postings + 8192;  // one more block of postings
        const struct rlimit cap { limit, limit };
        ::setrlimit(RLIMIT_FSIZE, &cap);
        int code = 1;
        try {
            auto options = options_for(corpus, db);
            options.rebuild = rebuild;
            qaindex::build_index(options);
        } catch (const qaindex::IndexError&) {
            code = 3;
        } catch (...) {
            code = 4;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 3);  // the build failed with IndexError

    const std::uintmax_t after = qaindex::detail::folder_bytes(db);
    CAPTURE(before, after);
    CHECK(after <= before + before / 50);  // within 2%
    for (const auto& [path, size] : tables) {
        CAPTURE(path);
        CHECK(fs::file_size(path) == size);  // each table as it was
    }
    CHECK(open_index(db).get_revision() == revision);
    CHECK(open_index(db).get_doccount() == 5);
    CHECK(qaindex::check_index(db).ok());
    // With room again, the next build goes through.
    CHECK(qaindex::build_index(options_for(corpus, db)).entries == 3005);
    CHECK(qaindex::check_index(db).ok());
}

TEST_CASE("A build checks free space before it writes anything", "[index][build][disk]") {
    // A sparse file of 2 TiB takes no space, but a build of it would need some 24 TiB.
    qaindex::test::ScratchDir scratch("build-space");
    const auto corpus = scratch.path() / "corpus";
    const auto db = scratch.path() / "db";
    write_corpus(corpus);
    const bool update = GENERATE(false, true);
    CAPTURE(update);
    if (update) {
        qaindex::build_index(options_for(corpus, db));
    }
    const std::uintmax_t before = qaindex::detail::folder_bytes(db);
    { std::ofstream(corpus / "huge.jsonl") << "{\"question\":\"x\"}\n"; }
    std::error_code error;
    fs::resize_file(corpus / "huge.jsonl", std::uintmax_t{2} << 40, error);
    if (error) {
        std::cout << "QAINDEX-SKIPPED: the file system takes no 2 TiB sparse file: "
                  << error.message() << '\n';
        return;
    }
    CHECK_THROWS_WITH(qaindex::build_index(options_for(corpus, db)),
                      Catch::Contains("not enough disk space") && Catch::Contains(db.string()));
    CHECK(qaindex::detail::folder_bytes(db) == before);
    std::size_t generations = 0;
    for (const auto& child : fs::directory_iterator(db)) {
        if (child.path().filename().string().starts_with("gen-")) {
            ++generations;
        }
    }
    CHECK(generations == (update ? 1U : 0U));
    fs::remove(corpus / "huge.jsonl");
}

TEST_CASE("A build while another writer holds the index gets a clear error", "[index][build]") {
    const BuiltCorpus built("build-locked");
    const auto& corpus = built.corpus;
    const auto& db = built.db;
    auto writer = qaindex::IndexWriter::open(db);
    try {
        (void)qaindex::build_index(options_for(corpus, db));
        FAIL("build ran while the index was locked");
    } catch (const qaindex::IndexError& error) {
        CHECK_THAT(error.what(), Catch::Contains("being built by another process"));
    }
}

TEST_CASE("A build into a folder that is not an index is refused", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-foreign");
    const auto corpus = scratch.path() / "corpus";
    write_corpus(corpus);
    write_text(scratch.path() / "home", "thesis.tex", "precious");
    CHECK_THROWS_AS(qaindex::build_index(options_for(corpus, scratch.path() / "home")),
                    qaindex::IndexError);
    CHECK(fs::exists(scratch.path() / "home" / "thesis.tex"));
}

TEST_CASE("A missing corpus is an error naming it", "[index][build]") {
    qaindex::test::ScratchDir scratch("build-missing");
    try {
        (void)qaindex::build_index(options_for(scratch.path() / "nowhere", scratch.path() / "db"));
        FAIL("no error");
    } catch (const qaindex::Error& error) {
        CHECK_THAT(error.what(), Catch::Contains("nowhere"));
    }
}

TEST_CASE("A build with another lexicon starts over", "[index][build]") {
    const BuiltCorpus built("build-lexicon");
    const auto& corpus = built.corpus;
    const auto& db = built.db;

    const qaindex::Lexicon other = qaindex::Lexicon::load(qaindex::test::fixture("lexicon"));
    REQUIRE(other.fingerprint() != qaindex::Lexicon::builtin().fingerprint());
    auto options = options_for(corpus, db);
    options.writer.lexicon = &other;
    const auto report = qaindex::build_index(options);
    CHECK(report.full);
    CHECK(report.full_reason == "lexicon changed since the last build");
    CHECK(report.entries == 5);
    CHECK(qaindex::index_stats(db).lexicon_fingerprint == other.fingerprint());
    // Built with the same lexicon again: incremental, nothing to do.
    CHECK_FALSE(qaindex::build_index(options).full);
}
