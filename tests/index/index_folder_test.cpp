// SPDX-License-Identifier: Apache-2.0
// Tests of lib/index/index_folder.cpp: generations and the stub naming the live one, the lock,
// refusing foreign folders, sizes and giving space back.
#include "index/index_folder.hpp"

#include <catch2/catch.hpp>

#include <fstream>

#include "index/index_test_support.hpp"
#include "qaindex/errors.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using qaindex::detail::IndexFolder;
using qaindex::test::write_text;

TEST_CASE("IndexFolder: generations are numbered, published by the stub, stale ones removed",
          "[index][folder]") {
    qaindex::test::ScratchDir scratch("folder-generations");
    const IndexFolder folder(scratch.path() / "db");
    CHECK_FALSE(folder.has_index());
    CHECK_FALSE(folder.live_generation());
    CHECK(folder.live_bytes() == 0);
    const auto lock = folder.lock();  // creates the folder
    CHECK(folder.next_generation() == "gen-000001");

    write_text(folder.root(), "gen-000001/data", "12345");
    CHECK(folder.next_generation() == "gen-000002");
    folder.publish("gen-000001");
    CHECK(folder.live_generation() == "gen-000001");
    CHECK(folder.has_index());
    CHECK(qaindex::test::read_file(folder.root() / "XAPIANDB") == "auto gen-000001\n");
    CHECK(folder.generation_path("gen-000001") == folder.root() / "gen-000001");
    CHECK(folder.live_bytes() == 5);

    write_text(folder.root(), "gen-000007/data", "1");
    CHECK(folder.next_generation() == "gen-000008");  // after every one present
    folder.remove_stale();
    CHECK_FALSE(fs::exists(folder.root() / "gen-000007"));
    CHECK(fs::exists(folder.root() / "gen-000001/data"));
}

TEST_CASE("IndexFolder::live_generation reads only a well-formed stub", "[index][folder]") {
    qaindex::test::ScratchDir scratch("folder-stub");
    const IndexFolder folder(scratch.path());
    const std::pair<const char*, std::optional<std::string>> rows[] = {
        {"auto gen-000003\n", "gen-000003"},
        {"auto gen-000003", "gen-000003"},
        {"glass gen-000003\n", std::nullopt},  // another backend: not ours
        {"auto gen-3\n", std::nullopt},
        {"auto other\n", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& [stub, expected] : rows) {
        INFO(stub);
        write_text(folder.root(), "XAPIANDB", stub);
        CHECK(folder.live_generation() == expected);
    }
}

TEST_CASE("IndexFolder::lock is exclusive until released", "[index][folder]") {
    qaindex::test::ScratchDir scratch("folder-lock");
    const IndexFolder folder(scratch.path() / "db");
    {
        const auto held = folder.lock();
        CHECK_THROWS_WITH(folder.lock(),
                          Catch::Contains("index is being built by another process"));
    }
    CHECK_NOTHROW(folder.lock());
}

TEST_CASE("IndexFolder::check_usable refuses a folder that is not an index's", "[index][folder]") {
    qaindex::test::ScratchDir scratch("folder-usable");
    CHECK_NOTHROW(IndexFolder(scratch.path() / "missing").check_usable());
    CHECK_NOTHROW(IndexFolder(scratch.path()).check_usable());  // empty
    write_text(scratch.path(), "file", "x");
    CHECK_THROWS_WITH(IndexFolder(scratch.path() / "file").check_usable(),
                      Catch::Contains("exists and is not an index folder"));
    CHECK_THROWS_WITH(IndexFolder(scratch.path()).check_usable(),
                      Catch::Contains("holds no qaindex index"));
    write_text(scratch.path(), "db/build.lock", "");
    write_text(scratch.path(), "db/gen-000001/x", "");
    CHECK_NOTHROW(IndexFolder(scratch.path() / "db").check_usable());  // a build's leftovers
}

TEST_CASE("folder_bytes, file_sizes and truncate_to", "[index][folder]") {
    qaindex::test::ScratchDir scratch("folder-sizes");
    CHECK(qaindex::detail::folder_bytes(scratch.path() / "missing") == 0);
    write_text(scratch.path(), "a", "1234");
    write_text(scratch.path(), "sub/b", "12");
    CHECK(qaindex::detail::folder_bytes(scratch.path()) == 6);

    const auto sizes = qaindex::detail::file_sizes(scratch.path());  // directly in it only
    REQUIRE(sizes.size() == 1);
    CHECK(sizes.at(scratch.path() / "a") == 4);
    std::ofstream(scratch.path() / "a", std::ios::app) << "appended";
    CHECK(fs::file_size(scratch.path() / "a") == 12);
    qaindex::detail::truncate_to(sizes);
    CHECK(qaindex::test::read_file(scratch.path() / "a") == "1234");
}

TEST_CASE("require_free_space throws only when the disk lacks the space", "[index][folder]") {
    qaindex::test::ScratchDir scratch("folder-space");
    CHECK_NOTHROW(qaindex::detail::require_free_space(scratch.path(), 1, "a test"));
    CHECK_THROWS_WITH(
        qaindex::detail::require_free_space(scratch.path(), UINTMAX_MAX / 2, "a test"),
        Catch::Contains("not enough disk space: a test needs about"));
}
