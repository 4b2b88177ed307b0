// SPDX-License-Identifier: Apache-2.0
// Searcher requests at their limits: 64-bit offsets and limits, filter values, whole entries.
#include <catch2/catch.hpp>

#include "qaindex/database.hpp"
#include "qaindex/errors.hpp"
#include "search/search_fixtures.hpp"

using qaindex::test::Backend;
using qaindex::test::FixtureIndex;

TEST_CASE("Offsets and limits are sizes: past 2^32 they are not cut to 32 bits",
          "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    auto& searcher = index.searcher();
    const auto first = searcher.search({.text = "twitching"});
    REQUIRE(first.hits.size() >= 2);
    for (const std::size_t offset :
         {std::size_t{1} << 32, (std::size_t{1} << 32) + 1, std::size_t(-1), searcher.size()}) {
        INFO(offset);
        const auto page = searcher.search({.text = "twitching", .offset = offset});
        CHECK(page.hits.empty());
        CHECK(page.total == first.total);
    }
    const auto second = searcher.search({.text = "twitching", .offset = 1, .limit = std::size_t(-1)});
    REQUIRE(second.hits.size() == first.total - 1);
    CHECK(second.hits.front().id == first.hits[1].id);
    const auto similar =
        searcher.similar({.id = qaindex::EntryId{"neuro/facial-twitching"}, .limit = std::size_t(-1)});
    CHECK_FALSE(similar.hits.empty());
    CHECK(searcher.related(qaindex::EntryId{"neuro/facial-twitching"}, std::size_t(-1)).size() > 0);
}

TEST_CASE("Filter values are checked: age groups, languages", "[integration]") {
    FixtureIndex index(Backend::Memory);
    auto& searcher = index.searcher();
    const auto search = [&](qaindex::Filter filter) {
        return searcher.search({.text = "twitching", .filter = std::move(filter)});
    };
    CHECK_FALSE(search({.age_group = "10~19"}).hits.empty());
    CHECK_FALSE(search({.age_group = "10-19 years"}).hits.empty());
    CHECK_FALSE(search({.language = "EN"}).hits.empty());
    CHECK_THROWS_AS(search({.age_group = "abc"}), qaindex::UsageError);
    CHECK_THROWS_AS(search({.age_group = "99-1"}), qaindex::UsageError);
    CHECK_THROWS_AS(search({.language = "e\xff"}), qaindex::UsageError);
    CHECK_THROWS_AS(search({.language = "en_GB"}), qaindex::UsageError);
    CHECK_THROWS_AS(searcher.similar({.text = "twitching", .filter = {.age_group = "old"}}),
                    qaindex::UsageError);
}

TEST_CASE("An entry is stored whole: More Info and the page's own lists", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    auto entries = qaindex::test::fixture_consultations();
    entries[0].more_info = "Facial twitching\n1. Causes: stress.";
    entries[0].similar.push_back({.title = "Cheek twitching",
                                  .question_excerpt = "My cheek...",
                                  .doctor = "Jiang Junyi",
                                  .specialty = "Neurology",
                                  .reply_excerpt = "Sleep well."});
    entries[0].related.push_back({.name = "Facial Twitching", .specialty = "Neurology"});
    FixtureIndex index(backend, entries);
    for (const auto& entry : entries) {
        INFO(entry.id.value);
        const auto stored = index.searcher().entry(entry.id);
        REQUIRE(stored.has_value());
        CHECK(*stored == entry);
    }
    CHECK_FALSE(index.searcher().entry(qaindex::EntryId{"no/such"}).has_value());
    if (backend == Backend::Disk) {
        std::vector<qaindex::Consultation> all;
        qaindex::for_each_entry(index.path(),
                                [&](qaindex::Consultation&& entry) { all.push_back(entry); });
        REQUIRE(all.size() == entries.size());
        for (std::size_t i = 1; i < all.size(); ++i) {
            CHECK(all[i - 1].id.value < all[i].id.value);  // in id order
        }
        for (const auto& entry : all) {
            CHECK(entry == *index.searcher().entry(entry.id));
        }
    }
}
