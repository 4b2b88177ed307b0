// SPDX-License-Identifier: Apache-2.0
// Tests of sharded builds: build_index() of one shard, build_shards() of all and their list.
#include "qaindex/shards.hpp"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "index/index_test_support.hpp"
#include "index/schema.hpp"
#include "index/shard_list.hpp"
#include "qaindex/errors.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace schema = qaindex::schema;
using qaindex::test::consultation;
using qaindex::test::write_page;
using qaindex::test::write_text;

constexpr int kPages = 12;

std::string page_name(int i) {
    return "pages/" + std::to_string(100 + i) + ".txt";
}

// kPages pages, a JSON Lines file of two entries and one broken record.
void write_corpus(const fs::path& root) {
    for (int i = 0; i < kPages; ++i) {
        write_page(root, page_name(i),
                   consultation("e" + std::to_string(i), "Headache number " + std::to_string(i),
                                "My head hurts every morning, day " + std::to_string(i) + ".",
                                "Neurology", "Probably tension headache."));
    }
    write_text(root, "more.jsonl",
               "{\"id\":\"j1\",\"title\":\"Heartburn\",\"question\":\"Burning in my chest\","
               "\"reply\":\"Acid reflux is likely\",\"specialty\":\"Gastroenterology\"}\n"
               "{\"id\":\"j2\",\"title\":\"Tinnitus\",\"question\":\"Ringing in my ears\","
               "\"reply\":\"See an ENT\",\"specialty\":\"Otolaryngology\"}\n"
               "{\"id\": \"broken\", \"title\": \n");
}

// Entry ids in the index at db, by the id term.
std::set<std::string> ids_in(const fs::path& db) {
    const Xapian::Database database(db.string());
    std::set<std::string> out;
    const std::string prefix(schema::kId);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        out.insert((*it).substr(prefix.size()));
    }
    return out;
}

std::string shard_record(const fs::path& db) {
    return Xapian::Database(db.string()).get_metadata(std::string(schema::kMetaShard));
}

qaindex::BuildOptions options_for(const fs::path& corpus, const fs::path& db) {
    qaindex::BuildOptions options;
    options.corpus = corpus;
    options.database = db;
    options.threads = 2;
    return options;
}

void touch_later(const fs::path& path) {
    fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("build_shards splits a corpus by the id hash into indexes and writes their list",
          "[index][shards]") {
    qaindex::test::ScratchDir scratch("shards-build");
    const fs::path corpus = scratch.path() / "corpus";
    const fs::path root = scratch.path() / "site.db";
    write_corpus(corpus);

    qaindex::BuildOptions options = options_for(corpus, root);
    std::vector<std::string> diagnostics;
    options.on_diagnostic = [&](const qaindex::Diagnostic& d) {
        diagnostics.push_back(d.to_string());
    };
    const qaindex::ShardedBuildReport report = qaindex::build_shards(options, 3);

    // Every entry in exactly the shard its id hashes to.
    REQUIRE(report.shards.size() == 3);
    std::set<std::string> all;
    for (std::size_t i = 0; i < 3; ++i) {
        const fs::path shard = root / ("shard-" + std::to_string(i + 1) + "-of-3");
        INFO(shard);
        const std::set<std::string> ids = ids_in(shard);
        for (const std::string& id : ids) {
            CHECK(qaindex::shard_of(qaindex::EntryId{id}, 3) == i);
            CHECK(all.insert(id).second);
        }
        CHECK(report.shards[i].entries == ids.size());
        CHECK(report.shards[i].added == ids.size());
        CHECK(report.shards[i].other_shards == kPages + 2 - ids.size());
        CHECK(shard_record(shard) == std::to_string(i + 1) + "/3");
    }
    CHECK(all.size() == kPages + 2);
    CHECK(report.total.entries == kPages + 2);
    CHECK(report.total.added == kPages + 2);
    CHECK(report.total.read == kPages + 2);  // one pass's reading, not three
    CHECK(report.total.files == kPages + 1);
    // The broken record is reported once, not once per shard.
    CHECK(diagnostics.size() == 1);
    CHECK(report.total.skipped == 1);
    CHECK(report.total.full);

    // The list names the three shards, and is what --db accepts.
    CHECK(report.list == root / "SHARDS");
    CHECK(qaindex::is_shard_list(root));
    const auto list = qaindex::detail::ShardList::read(report.list);
    REQUIRE(list.shards.size() == 3);
    CHECK(list.shards[1].folder == (root / "shard-2-of-3").lexically_normal());

    // An incremental update touches only the shard of the entry that changed.
    write_page(corpus, page_name(4),
               consultation("e4", "Headache changed", "Now it hurts at night.", "Neurology",
                            "See a neurologist."));
    touch_later(corpus / page_name(4));
    const std::size_t changed_shard = qaindex::shard_of(qaindex::EntryId{"pages/104"}, 3);
    diagnostics.clear();
    const qaindex::ShardedBuildReport update = qaindex::build_shards(options, 3);
    CHECK_FALSE(update.total.full);
    CHECK(update.total.updated == 1);
    CHECK(update.total.entries == kPages + 2);
    for (std::size_t i = 0; i < 3; ++i) {
        INFO("shard " << i);
        CHECK(update.shards[i].updated == (i == changed_shard ? 1U : 0U));
    }
    CHECK(ids_in(root / ("shard-" + std::to_string(changed_shard + 1) + "-of-3"))
              .count("pages/104") == 1);
}

TEST_CASE("build_shards to another count needs --rebuild, then replaces the shards",
          "[index][shards]") {
    qaindex::test::ScratchDir scratch("shards-recount");
    const fs::path corpus = scratch.path() / "corpus";
    const fs::path root = scratch.path() / "site.db";
    write_corpus(corpus);
    qaindex::BuildOptions options = options_for(corpus, root);
    (void)qaindex::build_shards(options, 2);

    CHECK_THROWS_WITH(qaindex::build_shards(options, 3),
                      Catch::Contains("holds 2 shards; --shards 3 moves entries") &&
                          Catch::Contains("--rebuild"));
    CHECK(fs::exists(root / "shard-2-of-2"));  // untouched

    options.rebuild = true;
    const auto report = qaindex::build_shards(options, 3);
    CHECK(report.total.entries == kPages + 2);
    CHECK_FALSE(fs::exists(root / "shard-1-of-2"));
    CHECK_FALSE(fs::exists(root / "shard-2-of-2"));
    CHECK(qaindex::detail::ShardList::read(root / "SHARDS").shards.size() == 3);

    CHECK_THROWS_AS(qaindex::build_shards(options, 0), qaindex::UsageError);
}

TEST_CASE("build_shards refuses a folder holding an unsharded index or other files",
          "[index][shards]") {
    qaindex::test::ScratchDir scratch("shards-refuse");
    const fs::path corpus = scratch.path() / "corpus";
    write_corpus(corpus);
    const fs::path single = scratch.path() / "single.db";
    (void)qaindex::build_index(options_for(corpus, single));
    CHECK_THROWS_WITH(qaindex::build_shards(options_for(corpus, single), 2),
                      Catch::Contains("holds an unsharded index"));

    const fs::path other = scratch.path() / "other";
    write_text(other, "notes.txt", "mine");
    CHECK_THROWS_WITH(qaindex::build_shards(options_for(corpus, other), 2),
                      Catch::Contains("holds no qaindex shards"));
    CHECK(fs::exists(other / "notes.txt"));
}

TEST_CASE("build_index of one shard keeps its entries and remembers which shard it holds",
          "[index][shards]") {
    qaindex::test::ScratchDir scratch("shard-one");
    const fs::path corpus = scratch.path() / "corpus";
    const fs::path db = scratch.path() / "shard.db";
    write_corpus(corpus);
    qaindex::BuildOptions options = options_for(corpus, db);
    options.shard = qaindex::ShardSelection{.index = 1, .count = 2};
    const qaindex::BuildReport first = qaindex::build_index(options);
    CHECK(first.entries + first.other_shards == kPages + 2);
    CHECK(first.other_shards > 0);
    for (const std::string& id : ids_in(db)) {
        CHECK(qaindex::shard_of(qaindex::EntryId{id}, 2) == 1);
    }
    CHECK(shard_record(db) == "2/2");

    // The same selection again: incremental, nothing to do.
    CHECK_FALSE(qaindex::build_index(options).full);

    // Another selection, or none, starts over and says why.
    options.shard = qaindex::ShardSelection{.index = 0, .count = 2};
    const qaindex::BuildReport other = qaindex::build_index(options);
    CHECK(other.full);
    CHECK(other.full_reason == "the index held shard 2/2, now shard 1/2");
    CHECK(other.entries + first.entries == kPages + 2);
    options.shard.reset();
    const qaindex::BuildReport whole = qaindex::build_index(options);
    CHECK(whole.full_reason == "the index held shard 1/2, now the whole corpus");
    CHECK(whole.entries == kPages + 2);
    CHECK(shard_record(db).empty());

    options.shard = qaindex::ShardSelection{.index = 2, .count = 2};
    CHECK_THROWS_AS(qaindex::build_index(options), qaindex::UsageError);
}
