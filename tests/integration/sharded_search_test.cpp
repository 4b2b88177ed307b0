// SPDX-License-Identifier: Apache-2.0
// One index against the same entries in two shards, local and served by stock xapian-tcpsrv:
// the same hits, order, scores and facet counts; a shard that is down is named, never skipped
// unless partial answers are allowed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "integration/tcp_server.hpp"
#include "qaindex/database.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/searcher.hpp"
#include "qaindex/shards.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using qaindex::Facet;
using qaindex::Hit;
using qaindex::SearchRequest;
using qaindex::SearchResults;
using qaindex::SimilarRequest;

// The bundled sample corpus, indexed whole and in two shards.
struct Indexes {
    qaindex::test::ScratchDir scratch{"sharded-search"};
    fs::path one = scratch.path() / "one.db";
    fs::path sharded = scratch.path() / "sharded.db";

    Indexes() {
        qaindex::BuildOptions options;
        options.corpus = qaindex::test::source_dir() / "data" / "corpus";
        options.threads = 2;
        options.database = one;
        (void)qaindex::build_index(options);
        options.database = sharded;
        (void)qaindex::build_shards(options, 2);
    }
    [[nodiscard]] fs::path shard(int i) const {
        return sharded / ("shard-" + std::to_string(i) + "-of-2");
    }
};

SearchRequest with_facets(SearchRequest request) {
    request.facets = {Facet::Specialty, Facet::Symptom};
    return request;
}

// The fixed searches: words, long lay questions, syntax, filters alone and with words, facets
// (a facet whose own filter is set takes a match of its own), paging, Chinese, no expansion.
std::vector<SearchRequest> searches() {
    qaindex::Filter neurology;
    neurology.specialties = {"neurologist"};
    qaindex::Filter recent_women;
    recent_women.since = qaindex::Date{2015, 1, 1};
    recent_women.sex = qaindex::Sex::Female;
    qaindex::Filter headache;
    headache.symptoms = {"headache"};
    return {
        {.text = "eyelid twitching"},
        {.text = "for weeks my eyelid keeps jumping and my hands get pins and needles at night, "
                 "should I worry?"},
        with_facets({.text = "chest pain when climbing stairs"}),
        with_facets({.text = "headache", .filter = neurology}),
        {.text = "\"blurry vision\" OR thirsty"},
        {.text = "specialty:neurology numb"},
        {.text = "", .filter = headache},
        {.text = "pain", .offset = 5, .limit = 10},
        with_facets({.text = "pain", .filter = recent_women}),
        {.text = "眼皮跳"},
        {.text = "cough at night", .expand = false},
        {.text = "I do NOT have a fever but my child coughs at night and wheezes", .explain = true},
    };
}

std::vector<SimilarRequest> similar_requests() {
    return {
        {.id = qaindex::EntryId{"neurology/001_eyelid-twitching"}},
        {.id = qaindex::EntryId{"cardiology/002_chest-pain-climbing-stairs"}, .limit = 10},
        {.id = qaindex::EntryId{"pediatrics/001_child-fever-and-cough"}},
        {.id = qaindex::EntryId{"otolaryngology/007_zh-tinnitus"}},
        {.text = "my face twitches when I am stressed", .limit = 10},
        {.text = "it burns when I pee and I need to go all the time"},
    };
}

// Hits of equal score (to 1e-9) are listed in document id order, and the shards interleave
// document ids: such a run is compared as a set, by sorting it by id. Everything else keeps
// its place.
std::vector<Hit> canonical(std::vector<Hit> hits) {
    for (std::size_t begin = 0; begin < hits.size();) {
        std::size_t end = begin + 1;
        while (end < hits.size() && std::abs(hits[end].score - hits[begin].score) <= 1e-9 &&
               hits[end].asked == hits[begin].asked) {
            ++end;
        }
        std::sort(hits.begin() + static_cast<std::ptrdiff_t>(begin),
                  hits.begin() + static_cast<std::ptrdiff_t>(end),
                  [](const Hit& a, const Hit& b) { return a.id.value < b.id.value; });
        begin = end;
    }
    for (Hit& hit : hits) {
        // Listed in index order, which differs likewise.
        std::sort(hit.duplicates.begin(), hit.duplicates.end(),
                  [](const auto& a, const auto& b) { return a.value < b.value; });
    }
    return hits;
}

void check_same(const SearchResults& whole, const SearchResults& sharded) {
    const std::vector<Hit> expected = canonical(whole.hits);
    const std::vector<Hit> got = canonical(sharded.hits);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("hit " << i + 1 << ": " << expected[i].id.value);
        CHECK(got[i].id == expected[i].id);
        CHECK(got[i].score == Approx(expected[i].score).margin(1e-9).epsilon(0));
        Hit a = got[i];
        Hit b = expected[i];
        a.score = b.score = 0;
        if (a.explanation && b.explanation &&
            a.explanation->parts.size() == b.explanation->parts.size()) {
            for (std::size_t p = 0; p < a.explanation->parts.size(); ++p) {
                CHECK(a.explanation->parts[p].value ==
                      Approx(b.explanation->parts[p].value).margin(1e-9).epsilon(0));
                a.explanation->parts[p].value = b.explanation->parts[p].value = 0;
            }
        }
        CHECK(a == b);  // snippet, explanation, duplicates ... all the same
    }
    CHECK(sharded.total == whole.total);
    CHECK(sharded.facets == whole.facets);
    CHECK(sharded.suggestion == whole.suggestion);
    CHECK(sharded.symptoms == whole.symptoms);
    CHECK(sharded.conditions == whole.conditions);
    CHECK(sharded.expansions == whole.expansions);
    CHECK(sharded.plain_words == whole.plain_words);
}

void check_same_answers(qaindex::Searcher& whole, qaindex::Searcher& sharded,
                        const std::vector<SearchRequest>& requests) {
    CHECK(sharded.size() == whole.size());
    for (const SearchRequest& request : requests) {
        INFO("search \"" << request.text << "\" offset " << request.offset);
        const SearchResults expected = whole.search(request);
        REQUIRE_FALSE(expected.hits.empty());
        check_same(expected, sharded.search(request));
    }
    for (const SimilarRequest& request : similar_requests()) {
        INFO("similar " << (request.id ? request.id->value : request.text));
        const SearchResults expected = whole.similar(request);
        REQUIRE_FALSE(expected.hits.empty());
        check_same(expected, sharded.similar(request));
    }
    const qaindex::EntryId id{"neurology/001_eyelid-twitching"};
    CHECK(sharded.related({.id = id}) == whole.related({.id = id}));
    CHECK(sharded.entry(id) == whole.entry(id));
}

// index_stats() of a shard list is that of the one index, but for where it is, its size and
// the time of its build.
void check_same_stats(const fs::path& one, const fs::path& list) {
    qaindex::IndexStats expected = qaindex::index_stats(one);
    qaindex::IndexStats got = qaindex::index_stats(list);
    CHECK(got.path == list);
    REQUIRE(got.last_build);
    expected.path = got.path;
    expected.bytes = got.bytes;
    expected.last_build = got.last_build;
    CHECK(got == expected);
}

std::string error_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const qaindex::Error& error) {
        return error.what();
    }
    return "";
}

fs::path write_list(const fs::path& file, const std::string& text) {
    std::ofstream(file) << text;
    return file;
}

}  // namespace

TEST_CASE("Two local shards answer as one index of the same entries", "[integration][shards]") {
    const Indexes indexes;
    auto whole = qaindex::Searcher::open(indexes.one);
    auto sharded = qaindex::Searcher::open(indexes.sharded);  // the folder's SHARDS list

    std::vector<SearchRequest> requests = searches();
    // The shards' spelling tables together are the index's: a misspelling is corrected alike.
    requests.push_back({.text = "migrane with aura"});
    check_same_answers(whole, sharded, requests);
    check_same_stats(indexes.one, indexes.sharded);
    CHECK(qaindex::index_stats(indexes.sharded).bytes > 0);

    const SearchResults results = sharded.search({.text = "eyelid twitching"});
    REQUIRE(results.shards);
    CHECK(results.shards->listed == 2);
    CHECK(results.shards->remote == 0);
    CHECK(results.shards->unavailable.empty());
    CHECK_THAT(results.shards->matcher, Catch::Contains("Xapian's own matcher"));
    CHECK_FALSE(whole.search({.text = "eyelid twitching"}).shards);

    // A list naming only one of the two shards a build made is refused unless partial
    // answers are allowed.
    const fs::path half = write_list(indexes.scratch.path() / "half.txt",
                                     indexes.shard(1).string() + "\n" + "# the other is away\n");
    CHECK_THAT(error_of([&] { (void)qaindex::Searcher::open(half); }),
               Catch::Contains("names 1 of the 2 shards"));
    const fs::path twice =
        write_list(indexes.scratch.path() / "twice.txt",
                   indexes.shard(1).string() + "\n" +
                       (indexes.shard(1) / ".." / "shard-1-of-2/").string() + "\n");
    CHECK_THAT(error_of([&] { (void)qaindex::Searcher::open(twice); }),
               Catch::Contains("twice.txt:2: shard named twice"));

    // reopen() reads the list again: a list switched to another build's shards (a new
    // generation served elsewhere) is followed.
    const fs::path switched =
        write_list(indexes.scratch.path() / "switched.txt",
                   indexes.shard(1).string() + "\n" + indexes.shard(2).string() + "\n");
    auto following = qaindex::Searcher::open(switched);
    CHECK(following.size() == whole.size());
    qaindex::BuildOptions options;
    options.corpus = qaindex::test::source_dir() / "data" / "corpus" / "neurology";
    options.threads = 2;
    options.database = indexes.scratch.path() / "neurology.db";
    const std::size_t neurology = qaindex::build_shards(options, 2).total.entries;
    REQUIRE(neurology > 0);
    REQUIRE(neurology < whole.size());
    write_list(switched, (options.database / "shard-1-of-2").string() + "\n" +
                             (options.database / "shard-2-of-2").string() + "\n");
    CHECK(following.size() == whole.size());  // until reopened
    following.reopen();
    CHECK(following.size() == neurology);
    const SearchResults neurology_hits = following.search({.text = "pain", .limit = 50});
    REQUIRE_FALSE(neurology_hits.hits.empty());
    for (const Hit& hit : neurology_hits.hits) {
        CHECK(hit.id.value.find('/') == std::string::npos);  // ids relative to neurology/
    }
}

TEST_CASE("Two shards served by xapian-tcpsrv answer as one index, and a shard down is named",
          "[integration][shards][remote]") {
    if (qaindex::test::tcpsrv_program().empty()) {
        // CI installs it (tools/setup-debian.sh: xapian-tools); never pass silently.
        std::cout << "QAINDEX-SKIPPED: xapian-tcpsrv (Debian package xapian-tools) is not "
                     "installed\n";
        return;
    }
    const Indexes indexes;
    qaindex::test::TcpServer first(indexes.shard(1));
    qaindex::test::TcpServer second(indexes.shard(2));
    const std::string second_name = "tcp 127.0.0.1 " + std::to_string(second.port());
    const fs::path list = write_list(indexes.scratch.path() / "remote.txt",
                                     "# two shards on loopback\n"
                                     "tcp 127.0.0.1 " +
                                         std::to_string(first.port()) + "\n" + second_name + "\n");
    auto whole = qaindex::Searcher::open(indexes.one);
    {
        auto remote = qaindex::Searcher::open(list);
        check_same_answers(whole, remote, searches());
        check_same_stats(indexes.one, list);

        const SearchResults results = remote.search({.text = "eyelid twitching", .explain = true});
        REQUIRE(results.shards);
        CHECK(results.shards->listed == 2);
        CHECK(results.shards->remote == 2);
        CHECK_THAT(results.shards->matcher, Catch::Contains("no spelling table over TCP"));

        // What differs over TCP: no spelling table, so a word no entry holds is not
        // corrected from it (the local shards corrected "migrane" above).
        CHECK(whole.search({.text = "migrane with aura"}).suggestion);
        CHECK_FALSE(remote.search({.text = "migrane with aura"}).suggestion);

        // A shard that stops answering is named; no partial answer.
        second.stop();
        const std::string error =
            error_of([&] { (void)remote.search({.text = "eyelid twitching"}); });
        CHECK_THAT(error, Catch::Contains("shard 2 of 2, " + second_name + " (" + list.string() +
                                          ":3) does not answer"));
        CHECK_THAT(error, Catch::Contains("search \"eyelid twitching\""));
    }

    // Down when opening: named, unless partial answers are allowed.
    CHECK_THAT(error_of([&] { (void)qaindex::Searcher::open(list); }),
               Catch::Contains("shard 2 of 2, " + second_name + " (" + list.string() +
                               ":3) cannot be opened") &&
                   Catch::Contains("allow-partial"));
    auto partial = qaindex::Searcher::open(list, qaindex::SearcherOptions{.allow_partial = true});
    const SearchResults results = partial.search({.text = "pain", .limit = 50});
    REQUIRE(results.shards);
    REQUIRE(results.shards->unavailable.size() == 1);
    CHECK_THAT(results.shards->unavailable.front(), Catch::Contains(second_name));
    REQUIRE_FALSE(results.hits.empty());
    for (const Hit& hit : results.hits) {
        CHECK(qaindex::shard_of(hit.id, 2) == 0);  // all from the first shard
    }
    CHECK(partial.size() < whole.size());

    // A shard lost during a partial session is left out too; with none left, an error.
    {
        qaindex::test::TcpServer again(indexes.shard(2));
        const fs::path both =
            write_list(indexes.scratch.path() / "both.txt",
                       "tcp 127.0.0.1 " + std::to_string(first.port()) + "\ntcp 127.0.0.1 " +
                           std::to_string(again.port()) + "\n");
        auto searcher =
            qaindex::Searcher::open(both, qaindex::SearcherOptions{.allow_partial = true});
        CHECK(searcher.size() == whole.size());
        again.stop();
        const SearchResults left = searcher.search({.text = "pain"});
        REQUIRE(left.shards);
        CHECK(left.shards->unavailable.size() == 1);
        CHECK_FALSE(left.hits.empty());
        first.stop();
        CHECK_THAT(error_of([&] { (void)searcher.search({.text = "pain"}); }),
                   Catch::Contains("does not answer"));
    }

    // xapian-tcpsrv closes a connection idle longer than --idle-timeout (a minute by
    // default): the next search connects again rather than calling the shards down.
    {
        qaindex::test::TcpServer one(indexes.shard(1), {"--idle-timeout", "200"});
        qaindex::test::TcpServer two(indexes.shard(2), {"--idle-timeout", "200"});
        const fs::path idle =
            write_list(indexes.scratch.path() / "idle.txt",
                       "tcp 127.0.0.1 " + std::to_string(one.port()) + "\ntcp 127.0.0.1 " +
                           std::to_string(two.port()) + "\n");
        auto searcher = qaindex::Searcher::open(idle);
        const SearchResults before = searcher.search({.text = "eyelid twitching"});
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        const SearchResults after = searcher.search({.text = "eyelid twitching"});
        REQUIRE_FALSE(before.hits.empty());
        CHECK(canonical(after.hits) == canonical(before.hits));
        REQUIRE(after.shards);
        CHECK(after.shards->unavailable.empty());
    }
}
