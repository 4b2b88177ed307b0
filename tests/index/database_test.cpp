// SPDX-License-Identifier: Apache-2.0
// Tests of lib/index/database.cpp: where the index lives, stats, export and check.
#include "qaindex/database.hpp"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <cstdlib>

#include "index/index_reader.hpp"
#include "index/index_test_support.hpp"
#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/lexicon.hpp"

namespace fs = std::filesystem;
using qaindex::test::BuiltCorpus;

TEST_CASE("check_index finds broken invariants", "[index][build]") {
    const BuiltCorpus built("build-check");
    const auto& db = built.db;
    REQUIRE(qaindex::check_index(db).ok());
    {
        // A document written behind qaindex's back: no id term, no stored data.
        Xapian::WritableDatabase raw(db.string(), Xapian::DB_OPEN);
        Xapian::Document stray;
        stray.add_term("stray");
        raw.add_document(stray);
        raw.commit();
    }
    const auto report = qaindex::check_index(db);
    CHECK_FALSE(report.ok());
    CHECK(report.entries_checked == 6);
    CHECK_THAT(report.problems.front(), Catch::Contains("0 id terms"));
}

TEST_CASE("stats lists specialties and symptoms with counts", "[index][build]") {
    const BuiltCorpus built("build-stats");
    const auto& db = built.db;
    const auto stats = qaindex::index_stats(db);
    CHECK(stats.entries == 5);
    CHECK(stats.specialties.size() == 5);
    CHECK(stats.last_build.has_value());
    CHECK(stats.lexicon_fingerprint == qaindex::Lexicon::builtin().fingerprint());
    std::size_t total = 0;
    for (const auto& specialty : stats.specialties) {
        total += specialty.count;
    }
    CHECK(total == 5);
    CHECK_FALSE(stats.top_symptoms.empty());
    CHECK(stats.entries_with_symptoms > 0);
    CHECK(stats.entries_with_symptoms <= stats.entries);
    CHECK_THROWS_AS(qaindex::index_stats(built.scratch.path() / "nothing"), qaindex::IndexError);
}

TEST_CASE("database_path: --db, then QAINDEX_DB, then ./qaindex.db", "[index]") {
    CHECK(qaindex::database_path(fs::path("given")) == fs::path("given"));
    ::setenv("QAINDEX_DB", "/from/env", 1);
    CHECK(qaindex::database_path() == fs::path("/from/env"));
    ::setenv("QAINDEX_DB", "", 1);  // set but empty: as if unset
    CHECK(qaindex::database_path() == fs::path("qaindex.db"));
    ::unsetenv("QAINDEX_DB");
    CHECK(qaindex::database_path() == fs::path("qaindex.db"));
    // An empty path given (`--db ""`) names nothing: it is not the default.
    CHECK_THROWS_AS(qaindex::database_path(fs::path()), qaindex::UsageError);
}

TEST_CASE("for_each_entry gives every entry once, whole, in id term order", "[index]") {
    const BuiltCorpus built("database-export");
    std::vector<qaindex::Consultation> entries;
    qaindex::for_each_entry(
        built.db, [&](qaindex::Consultation&& entry) { entries.push_back(std::move(entry)); });
    std::vector<std::string> ids;
    for (const auto& entry : entries) {
        ids.push_back(entry.id.value);
    }
    CHECK(ids == std::vector<std::string>{"cardiology/001", "dermatology/001", "j1", "j2",
                                          "neurology/001"});
    CHECK(entries.front().question == "My heart races at night.");
    CHECK(entries.front().specialty() == "Cardiology");
    CHECK_THROWS_AS(
        qaindex::for_each_entry(built.scratch.path() / "nothing", [](qaindex::Consultation&&) {}),
        qaindex::IndexError);
}

TEST_CASE("check_index compares the manifest with the entries", "[index]") {
    const BuiltCorpus built("database-manifest");
    {
        Xapian::WritableDatabase live(qaindex::detail::live_generation_path(built.db).string(),
                                      Xapian::DB_OPEN);
        live.set_metadata(std::string(qaindex::schema::kMetaFile) + "more.jsonl", "1 1 7");
        live.commit();
    }
    const auto report = qaindex::check_index(built.db);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.problems.front(),
               Catch::Contains("manifest says more.jsonl holds 7 entries, the index has 2"));
}
