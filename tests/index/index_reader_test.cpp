// SPDX-License-Identifier: Apache-2.0
// The index module's read API: the live generation, the schema check, reopening, and the
// database behind a writer, as the search module and `qaindex stats`/`check` use them.
#include "index/index_reader.hpp"

#include <xapian.h>
#include <catch2/catch.hpp>

#include "index/index_test_support.hpp"
#include "index/schema.hpp"
#include "qaindex/database.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/searcher.hpp"
#include "test_support.hpp"

namespace {

using qaindex::test::consultation;

// An index folder at path holding the given entries, committed.
void write_index(const std::filesystem::path& path, std::initializer_list<const char*> ids) {
    auto writer = qaindex::IndexWriter::open(path);
    for (const char* id : ids) {
        writer.add_or_replace(consultation(id, "Eyelid twitching", "My eyelid twitches.",
                                           "Neurology", "Sleep more."));
    }
    writer.commit();
}

// Marks the live generation of the index at path as written by another schema version.
void set_schema(const std::filesystem::path& path, const std::string& version) {
    Xapian::WritableDatabase db(qaindex::detail::live_generation_path(path).string(),
                                Xapian::DB_OPEN);
    db.set_metadata(std::string(qaindex::schema::kMetaSchema), version);
    db.commit();
}

}  // namespace

TEST_CASE("live_generation_path names the generation the stub names, or says there is none",
          "[index][reader]") {
    qaindex::test::ScratchDir scratch("reader-live");
    const auto db = scratch.path() / "db";
    CHECK_THROWS_WITH(qaindex::detail::live_generation_path(db),
                      Catch::Contains("no index here") && Catch::Contains(db.string()));
    write_index(db, {"a"});
    const auto live = qaindex::detail::live_generation_path(db);
    CHECK(live.parent_path() == db);
    CHECK(live.filename().string().starts_with("gen-"));
    CHECK(Xapian::Database(live.string()).get_doccount() == 1);
}

TEST_CASE("open_index_folder checks the schema version, and has_current_schema says why",
          "[index][reader]") {
    qaindex::test::ScratchDir scratch("reader-schema");
    const auto db = scratch.path() / "db";
    write_index(db, {"a", "b"});
    CHECK(qaindex::detail::has_current_schema(qaindex::detail::open_index_folder(db)));
    CHECK(qaindex::detail::open_index_folder(db).get_doccount() == 2);

    set_schema(db, "0");
    CHECK_FALSE(qaindex::detail::has_current_schema(
        Xapian::Database(qaindex::detail::live_generation_path(db).string())));
    // The same message from every way in: the read API, the searcher, the writer.
    const std::string message = db.string() + ": not a qaindex index of schema version " +
                                std::string(qaindex::schema::kVersion) +
                                "; rebuild it with `qaindex build CORPUS --rebuild`";
    CHECK_THROWS_AS(qaindex::detail::open_index_folder(db), qaindex::IndexError);
    CHECK_THROWS_WITH(qaindex::detail::open_index_folder(db), message);
    CHECK_THROWS_WITH(qaindex::Searcher::open(db), message);
    CHECK_THROWS_WITH(qaindex::IndexWriter::open(db), message);
    // `qaindex check` reports it as a problem instead.
    const auto report = qaindex::check_index(db);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.problems.front(), Catch::Contains("schema version is '0'"));
}

TEST_CASE("reopen_index finds a generation published after opening, or reopens a writer's",
          "[index][reader]") {
    qaindex::test::ScratchDir scratch("reader-reopen");
    const auto db_path = scratch.path() / "db";
    write_index(db_path, {"a"});
    const std::optional<std::filesystem::path> folder = db_path;
    Xapian::Database db = qaindex::detail::open_index_folder(db_path);
    REQUIRE(db.get_doccount() == 1);

    // A full build publishes a new generation; the old one is left to those reading it.
    qaindex::BuildOptions options;
    qaindex::test::write_page(
        scratch.path() / "corpus", "one.txt",
        consultation("x", "Headache", "My head aches.", "Neurology", "Rest."));
    qaindex::test::write_page(scratch.path() / "corpus", "two.txt",
                              consultation("y", "Cough", "I cough.", "Pulmonology", "Drink."));
    options.corpus = scratch.path() / "corpus";
    options.database = db_path;
    options.rebuild = true;
    qaindex::build_index(options);
    qaindex::detail::reopen_index(db, folder);
    CHECK(db.get_doccount() == 2);

    // Without a folder (a writer's database), Xapian's reopen().
    auto writer = qaindex::IndexWriter::in_memory();
    Xapian::Database memory = qaindex::detail::writer_database(writer).database;
    writer.add_or_replace(consultation("m", "Rash", "A rash.", "Dermatology", "Cream."));
    qaindex::detail::reopen_index(memory, std::nullopt);
    CHECK(memory.get_doccount() == 1);
}

TEST_CASE("writer_database is the writer's own database, its name and lexicon", "[index][reader]") {
    auto memory = qaindex::IndexWriter::in_memory();
    memory.add_or_replace(consultation("a", "Rash", "A rash.", "Dermatology", "Cream."));
    const auto in_memory = qaindex::detail::writer_database(memory);
    CHECK(in_memory.database.get_doccount() == 1);  // uncommitted, yet seen
    CHECK(in_memory.name == "(in memory)");
    CHECK(in_memory.lexicon == &qaindex::Lexicon::builtin());
    CHECK_FALSE(in_memory.on_disk);

    qaindex::test::ScratchDir scratch("reader-writer");
    auto disk = qaindex::IndexWriter::open(scratch.path() / "db");
    const auto on_disk = qaindex::detail::writer_database(disk);
    CHECK(on_disk.name == (scratch.path() / "db").string());
    CHECK(on_disk.on_disk);
}
