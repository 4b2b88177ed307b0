// SPDX-License-Identifier: Apache-2.0
// Tests of the shard list parser, the stable id hash and its split, and I/N selections.
#include "index/shard_list.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>

#include "qaindex/errors.hpp"
#include "qaindex/shards.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using qaindex::detail::ShardList;
using qaindex::detail::ShardSpec;

// The message of the UsageError parsing text throws ("" if it parses).
std::string parse_error(const std::string& text) {
    try {
        (void)ShardList::parse(text, "/srv/site/shards.txt");
    } catch (const qaindex::UsageError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("A shard list names folders and tcp servers, one per line, with comments",
          "[index][shards]") {
    const ShardList list = ShardList::parse(
        "# shards of the site\n"
        "\n"
        "shard-1-of-3\n"
        "   /data/qaindex/shard 2   # a folder whose name has a space\n"
        "tcp 10.0.0.7 33333\n"
        "tcp\tsearch-3.example.org  4001  30\r\n"
        "../other#not-a-comment\n",
        "/srv/site/shards.txt");
    REQUIRE(list.shards.size() == 5);
    CHECK(list.any_remote());

    CHECK(list.shards[0].kind == ShardSpec::Kind::Folder);
    CHECK(list.shards[0].folder == fs::path("/srv/site/shard-1-of-3"));  // relative to the list
    CHECK(list.shards[0].where == "/srv/site/shards.txt:3");
    CHECK(list.shards[1].folder == fs::path("/data/qaindex/shard 2"));
    CHECK(list.shards[1].where == "/srv/site/shards.txt:4");

    CHECK(list.shards[2].kind == ShardSpec::Kind::Tcp);
    CHECK(list.shards[2].host == "10.0.0.7");
    CHECK(list.shards[2].port == 33333);
    CHECK(list.shards[2].timeout_seconds == 0);
    CHECK(list.shards[2].describe() == "tcp 10.0.0.7 33333 (/srv/site/shards.txt:5)");

    CHECK(list.shards[3].host == "search-3.example.org");
    CHECK(list.shards[3].port == 4001);
    CHECK(list.shards[3].timeout_seconds == 30);

    // '#' starts a comment only at the start of a line or after a space.
    CHECK(list.shards[4].folder == fs::path("/srv/other#not-a-comment"));

    CHECK_FALSE(ShardList::parse("a\nb\n", "/x/list").any_remote());
}

TEST_CASE("A bad shard list line is an error naming the file and line", "[index][shards]") {
    struct Case {
        std::string text;
        std::string expected;  // part of the message
    };
    const std::vector<Case> cases{
        {"shard-1\ntcp 10.0.0.7\n", "/srv/site/shards.txt:2: `tcp 10.0.0.7`: a tcp shard is"},
        {"tcp\n", "/srv/site/shards.txt:1: `tcp`: a tcp shard is"},
        {"tcp host 1 2 3\n", "shards.txt:1: `tcp host 1 2 3`"},
        {"# x\ntcp host port\n", "shards.txt:2: port \"port\" is not a number from 1 to 65535"},
        {"tcp host 0\n", "shards.txt:1: port \"0\""},
        {"tcp host 65536\n", "shards.txt:1: port \"65536\""},
        {"tcp host -1\n", "shards.txt:1: port \"-1\""},
        {"tcp host 80 0\n", "shards.txt:1: timeout \"0\" is not a number of seconds"},
        {"tcp host 80 soon\n", "shards.txt:1: timeout \"soon\""},
        {"a\n\nb\n./a\n", "shards.txt:4: shard named twice (first at /srv/site/shards.txt:1)"},
        {"tcp h 80\ntcp h 80 5\n",
         "shards.txt:2: shard named twice (first at /srv/site/shards.txt:1)"},
        {"", "/srv/site/shards.txt: names no shard"},
        {"# only comments\n\n   \n", "/srv/site/shards.txt: names no shard"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK_THAT(parse_error(c.text), Catch::Contains(c.expected));
    }
    // The same host on another port is another shard.
    CHECK(parse_error("tcp h 80\ntcp h 81\n").empty());
}

TEST_CASE("A shard list is read from its file, and a folder of shards names its SHARDS file",
          "[index][shards]") {
    qaindex::test::ScratchDir scratch("shard-list");
    const fs::path file = scratch.path() / "list.txt";
    std::ofstream(file) << "one\ntcp localhost 4000\n";
    const ShardList list = ShardList::read(file);
    REQUIRE(list.shards.size() == 2);
    CHECK(list.shards[0].folder == (scratch.path() / "one").lexically_normal());

    CHECK(qaindex::detail::shard_list_file(file) == file);
    CHECK(qaindex::is_shard_list(file));
    const fs::path folder = scratch.path() / "site";
    fs::create_directories(folder);
    CHECK_FALSE(qaindex::is_shard_list(folder));
    std::ofstream(folder / "SHARDS") << "shard-1-of-1\n";
    CHECK(qaindex::detail::shard_list_file(folder) == folder / "SHARDS");
    CHECK_FALSE(qaindex::is_shard_list(scratch.path() / "missing"));

    CHECK_THROWS_AS(ShardList::read(scratch.path() / "missing"), qaindex::IndexError);
}

TEST_CASE("The id hash is FNV-1a 64 and splits ids stably and evenly", "[index][shards]") {
    // Published FNV-1a 64-bit test vectors.
    CHECK(qaindex::stable_id_hash("") == 0xcbf29ce484222325ULL);
    CHECK(qaindex::stable_id_hash("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(qaindex::stable_id_hash("foobar") == 0x85944171f73967e8ULL);

    // Fixed for good: these ids sit in these shards on any machine, in any release.
    using qaindex::EntryId;
    using qaindex::shard_of;
    const std::uint64_t eyelid = qaindex::stable_id_hash("neurology/001_eyelid-twitching");
    for (const std::size_t shards : {1U, 2U, 3U, 4U, 7U, 16U}) {
        CHECK(shard_of(EntryId{"neurology/001_eyelid-twitching"}, shards) == eyelid % shards);
    }
    CHECK(shard_of(EntryId{"a"}, 4) == 0xaf63dc4c8601ec8cULL % 4);
    CHECK(shard_of(EntryId{"foobar"}, 3) == 0x85944171f73967e8ULL % 3);
    CHECK(shard_of(EntryId{"anything"}, 1) == 0);
    // Ids alike in the bytes the index keeps of them are one id: one shard. Those bytes of
    // an id starting with a capital letter are one fewer (the id term's ':').
    for (const std::string& start : {std::string(300, 'x'), "X" + std::string(299, 'x')}) {
        for (std::size_t shards = 2; shards <= 9; ++shards) {
            CHECK(shard_of(EntryId{start + "first"}, shards) ==
                  shard_of(EntryId{start + "second"}, shards));
        }
    }
    std::size_t apart = 0;  // while ids differing early are spread as any others
    for (std::size_t shards = 2; shards <= 9; ++shards) {
        apart += shard_of(EntryId{"first" + std::string(300, 'x')}, shards) !=
                 shard_of(EntryId{"second" + std::string(300, 'x')}, shards);
    }
    CHECK(apart > 0);
    CHECK_THROWS_AS(shard_of(EntryId{"a"}, 0), qaindex::UsageError);

    // Ids as the generator writes them ("0000/0000042_<hex>") spread evenly over 4 shards.
    std::map<std::size_t, int> counts;
    char id[32];
    for (int i = 0; i < 10000; ++i) {
        std::snprintf(id, sizeof id, "%04d/%07d_%016x", i / 1000, i,
                      static_cast<unsigned>(i) * 2654435761U);
        ++counts[shard_of(EntryId{id}, 4)];
    }
    REQUIRE(counts.size() == 4);
    for (const auto& [shard, n] : counts) {
        INFO("shard " << shard);
        CHECK(n > 2300);
        CHECK(n < 2700);
    }
}

TEST_CASE("A shard selection is written and read as I/N", "[index][shards]") {
    const qaindex::ShardSelection second = qaindex::parse_shard_selection("2/4");
    CHECK(second.index == 1);
    CHECK(second.count == 4);
    CHECK(qaindex::to_string(second) == "2/4");
    CHECK(qaindex::parse_shard_selection("1/1") == qaindex::ShardSelection{});
    for (const std::string bad : {"0/4", "5/4", "2", "2/", "/4", "a/b", "2/4x", "-1/4", ""}) {
        INFO(bad);
        CHECK_THROWS_WITH(qaindex::parse_shard_selection(bad), Catch::Contains("write I/N"));
    }
}
