// SPDX-License-Identifier: Apache-2.0
// Searcher over fixture indexes in memory and on disk: ranking, syntax, filters, facets, Similar
// Q&A.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/lexicon.hpp"
#include "search/search_fixtures.hpp"
#include "search/similar.hpp"

using qaindex::Facet;
using qaindex::SearchRequest;
using qaindex::SearchResults;
using qaindex::test::Backend;
using qaindex::test::FixtureIndex;
using qaindex::test::found;
using qaindex::test::ids;
using qaindex::test::rank_of;

namespace {

std::vector<std::string> sorted(std::vector<std::string> list) {
    std::sort(list.begin(), list.end());
    return list;
}

SearchResults all_matches(qaindex::Searcher& searcher, SearchRequest request) {
    request.offset = 0;
    request.limit = searcher.size();
    request.facets.clear();
    return searcher.search(request);
}

}  // namespace

TEST_CASE("A title match ranks above a reply-only match", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto results = index.searcher().search({.text = "migraine"});
    REQUIRE(found(results, "neuro/migraine-title"));
    REQUIRE(found(results, "neuro/reply-only"));
    CHECK(rank_of(results, "neuro/migraine-title") < rank_of(results, "neuro/reply-only"));
}

TEST_CASE("Query syntax: phrases, AND, OR, NOT, field prefixes", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);

    struct Case {
        std::string query;
        std::vector<std::string> expected;  // exactly these, in any order
    };
    // Without expansion, so that each row tests the operator and nothing else.
    const std::vector<Case> cases{
        {"\"facial twitching\"",
         {"neuro/cheek-twitching", "neuro/facial-twitching", "neuro/facial-twitching-copy"}},
        {"twitching AND eyelid", {"neuro/facial-twitching", "neuro/facial-twitching-copy"}},
        {"tinnitus OR migraine",
         {"ent/tinnitus-clinical", "neuro/migraine-title", "neuro/reply-only"}},
        {"twitching NOT cheek",
         {"derm/facial-cream", "neuro/facial-twitching", "neuro/facial-twitching-copy"}},
        {"twitching AND NOT cheek",
         {"derm/facial-cream", "neuro/facial-twitching", "neuro/facial-twitching-copy"}},
        {"(tinnitus OR migraine) AND antibiotics", {"ent/tinnitus-clinical"}},
        {"title:twitching", {"neuro/cheek-twitching", "neuro/facial-twitching-copy"}},
        {"reply:caffeine", {"neuro/cheek-twitching"}},
        {"reply:coffee", {"neuro/facial-twitching", "neuro/facial-twitching-copy"}},
        {"question:coffee", {}},
        {"title:\"ringing in my ears\"", {"ent/ringing-lay"}},
        {"\"ringing in my ears\"", {"ent/ringing-lay"}},
        {"\"ringing in the ears\"", {}},  // stop words count inside quotes
        {"specialty:cardiology", {"cardio/chest-pain", "cardio/infarction-clinical"}},
        {"specialty:cardiologist stairs", {"cardio/chest-pain"}},
        {"specialty:\"ear nose and throat\"", {"ent/ringing-lay", "ent/tinnitus-clinical"}},
        {"symptom:tinnitus", {"ent/ringing-lay", "ent/tinnitus-clinical"}},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        const auto results =
            index.searcher().search({.text = c.query, .limit = 50, .expand = false});
        CHECK_FALSE(results.plain_words);
        CHECK(sorted(ids(results)) == sorted(c.expected));
        CHECK(results.total == c.expected.size());
    }
}

TEST_CASE("More Info is searched by its words' stems and field, not as exact words or phrases",
          "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    auto entries = qaindex::test::fixture_consultations();
    entries.front().more_info =
        "Blepharospasm is a focal dystonia of the eyelid muscles, like a loose eyelet.";
    FixtureIndex index(backend, entries);
    const std::string id = entries.front().id.value;
    auto finds = [&](const std::string& query) {
        return found(index.searcher().search({.text = query, .limit = 50, .expand = false}), id);
    };
    CHECK(finds("blepharospasm"));
    CHECK(finds("blepharospasms"));
    CHECK(finds("info:dystonia"));
    CHECK_FALSE(finds("reply:dystonia"));
    // Only its stems are indexed: an exact word or a quoted phrase is looked for in the
    // consultation itself.
    CHECK_FALSE(finds("\"dystonia\""));
    CHECK_FALSE(finds("\"focal dystonia\""));
    CHECK(finds("\"facial twitching\""));
    // A word of More Info only is still a word the index holds: no "did you mean eyelid".
    const auto eyelet = index.searcher().search({.text = "eyelet"});
    CHECK_FALSE(eyelet.suggestion);
    CHECK(found(eyelet, id));
}

TEST_CASE("Lay words find clinical-only entries and the reverse", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    struct Case {
        std::string query;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"ringing in my ears", "ent/tinnitus-clinical"},
        {"tinnitus", "ent/ringing-lay"},
        {"heart attack", "cardio/infarction-clinical"},
        {"eye twitching", "neuro/eyelid-jumping"},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        CHECK(found(index.searcher().search({.text = c.query}), c.expected));
        // Without expansion the other vocabulary is not found.
        CHECK_FALSE(found(index.searcher().search({.text = c.query, .expand = false}), c.expected));
    }
    const auto results = index.searcher().search({.text = "ringing in my ears"});
    CHECK(std::find(results.symptoms.begin(), results.symptoms.end(), "tinnitus") !=
          results.symptoms.end());
    // A word synonym: "heart" also searches "cardiac", which only the infarction entry has.
    const auto heart = index.searcher().search({.text = "heart"});
    CHECK(found(heart, "cardio/infarction-clinical"));
    CHECK_FALSE(heart.expansions.empty());
    CHECK_FALSE(found(index.searcher().search({.text = "heart", .expand = false}),
                      "cardio/infarction-clinical"));
    // The user's own words rank above the synonym.
    CHECK(rank_of(results, "ent/ringing-lay") < rank_of(results, "ent/tinnitus-clinical"));
}

TEST_CASE("A long pasted question finds what a clinician would", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto results = index.searcher().search(
        {.text = "Ears. Hello doctor, I would like to know why I hear a constant ringing in my "
                 "ears since I went to a loud concert three weeks ago. Thank you very much!"});
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.hits.front().id.value == "ent/ringing-lay");
    // Capitals are words, not operators, in a question typed in capitals.
    const auto shouted =
        index.searcher().search({.text = "I HAVE CHEST PAIN AND IT GETS WORSE CLIMBING STAIRS"});
    CHECK_FALSE(shouted.plain_words);
    REQUIRE_FALSE(shouted.hits.empty());
    CHECK(shouted.hits.front().id.value == "cardio/chest-pain");
}

TEST_CASE("Filters restrict results like a brute-force check would", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    auto& searcher = index.searcher();
    const SearchRequest base{.text = "twitching OR pain OR ears OR itchy OR tired", .limit = 50};
    const auto everything = all_matches(searcher, base);
    REQUIRE(everything.hits.size() >= 8);

    struct Case {
        std::string name;
        qaindex::Filter filter;
        std::function<bool(const qaindex::Hit&, const qaindex::Consultation&)> keeps;
    };
    const std::vector<Case> cases{
        {"specialty by an alias",
         {.specialties = {"neurologist"}},
         [](const qaindex::Hit& h, const qaindex::Consultation&) {
             return h.specialty == "Neurology";
         }},
        {"two specialties",
         {.specialties = {"Cardiology", "dermatologist"}},
         [](const qaindex::Hit& h, const qaindex::Consultation&) {
             return h.specialty == "Cardiology" || h.specialty == "Dermatology";
         }},
        {"since",
         {.since = qaindex::Date{2016, 1, 1}},
         [](const qaindex::Hit& h, const qaindex::Consultation&) {
             return h.asked && *h.asked >= qaindex::Date{2016, 1, 1};
         }},
        {"until",
         {.until = qaindex::Date{2011, 6, 14}},
         [](const qaindex::Hit& h, const qaindex::Consultation&) {
             return h.asked && *h.asked <= qaindex::Date{2011, 6, 14};
         }},
        {"since and until",
         {.since = qaindex::Date{2011, 1, 1}, .until = qaindex::Date{2018, 12, 31}},
         [](const qaindex::Hit& h, const qaindex::Consultation&) {
             return h.asked && *h.asked >= qaindex::Date{2011, 1, 1} &&
                    *h.asked <= qaindex::Date{2018, 12, 31};
         }},
        {"sex",
         {.sex = qaindex::Sex::Male},
         [](const qaindex::Hit&, const qaindex::Consultation& c) {
             return c.asker.sex == qaindex::Sex::Male;
         }},
        {"age group written another way",
         {.age_group = "30-39"},
         [](const qaindex::Hit&, const qaindex::Consultation& c) {
             return c.asker.age_group == "30~39";
         }},
        {"symptom",
         {.symptoms = {"tinnitus"}},
         [](const qaindex::Hit& h, const qaindex::Consultation&) {
             return std::find(h.symptoms.begin(), h.symptoms.end(), "tinnitus") != h.symptoms.end();
         }},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        SearchRequest request = base;
        request.filter = c.filter;
        const auto filtered = all_matches(searcher, request);
        std::vector<std::string> expected;
        for (const auto& hit : everything.hits) {
            const auto entry = searcher.entry(hit.id);
            REQUIRE(entry);
            if (c.keeps(hit, *entry)) {
                expected.push_back(hit.id.value);
            }
        }
        CHECK_FALSE(expected.empty());
        CHECK(sorted(ids(filtered)) == sorted(expected));
        CHECK(filtered.total == expected.size());
    }
}

TEST_CASE("A parent symptom filter finds entries with its narrower symptoms", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    // facial twitching's parent is muscle twitching in the lexicon.
    const qaindex::Symptom* facial = qaindex::Lexicon::builtin().find_symptom("facial twitching");
    REQUIRE(facial != nullptr);
    REQUIRE(facial->parent);
    const auto narrow = index.searcher().search(
        {.text = "", .filter = {.symptoms = {"facial twitching"}}, .limit = 50});
    const auto broad = index.searcher().search(
        {.text = "", .filter = {.symptoms = {*facial->parent}}, .limit = 50});
    REQUIRE_FALSE(narrow.hits.empty());
    for (const auto& id : ids(narrow)) {
        CHECK(found(broad, id));
    }
}

TEST_CASE("Facet counts equal a brute-force count and ignore their own filter", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    auto& searcher = index.searcher();

    auto brute_force = [&](const SearchRequest& request, Facet facet) {
        std::map<std::string, std::size_t> counts;
        for (const auto& hit : all_matches(searcher, request).hits) {
            if (facet == Facet::Specialty) {
                if (hit.specialty) {
                    ++counts[*hit.specialty];
                }
            } else {
                for (const auto& symptom :
                     std::set<std::string>(hit.symptoms.begin(), hit.symptoms.end())) {
                    ++counts[symptom];
                }
            }
        }
        return counts;
    };
    auto as_map = [](const qaindex::FacetCounts& facet) {
        std::map<std::string, std::size_t> counts;
        for (const auto& count : facet.counts) {
            counts[count.value] = count.count;
        }
        return counts;
    };

    const std::vector<std::string> queries{"twitching", "pain OR ears OR twitching",
                                           "ringing in my ears"};
    for (const std::string& query : queries) {
        INFO(query);
        SearchRequest request{
            .text = query, .limit = 2, .facets = {Facet::Specialty, Facet::Symptom}};
        const auto results = searcher.search(request);
        REQUIRE(results.facets.size() == 2);
        CHECK(as_map(results.facets[0]) == brute_force(request, Facet::Specialty));
        CHECK(as_map(results.facets[1]) == brute_force(request, Facet::Symptom));
        // Counts come most first.
        for (const auto& facet : results.facets) {
            for (std::size_t i = 1; i < facet.counts.size(); ++i) {
                CHECK(facet.counts[i - 1].count >= facet.counts[i].count);
            }
        }

        // With a specialty filter: the specialty facet is that of the unfiltered query, the
        // symptom facet that of the filtered one.
        SearchRequest filtered = request;
        filtered.filter.specialties = {"Neurology"};
        const auto narrowed = searcher.search(filtered);
        CHECK(as_map(narrowed.facets[0]) == brute_force(request, Facet::Specialty));
        CHECK(as_map(narrowed.facets[1]) == brute_force(filtered, Facet::Symptom));

        SearchRequest by_symptom = request;
        by_symptom.filter.symptoms = {"muscle twitching"};
        const auto symptom_narrowed = searcher.search(by_symptom);
        CHECK(as_map(symptom_narrowed.facets[1]) == brute_force(request, Facet::Symptom));
        CHECK(as_map(symptom_narrowed.facets[0]) == brute_force(by_symptom, Facet::Specialty));
    }
}

TEST_CASE("Snippets highlight the words as written", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto results =
        index.searcher().search({.text = "twitches", .limit = 20, .expand = false});
    REQUIRE_FALSE(results.hits.empty());
    std::set<std::string> highlighted;
    for (const auto& hit : results.hits) {
        INFO(hit.id.value << ": " << hit.snippet.text);
        CHECK_FALSE(hit.snippet.highlights.empty());
        std::size_t previous_end = 0;
        for (const auto& h : hit.snippet.highlights) {
            REQUIRE(h.begin < h.end);
            REQUIRE(h.end <= hit.snippet.text.size());
            CHECK(h.begin >= previous_end);
            previous_end = h.end;
            highlighted.insert(hit.snippet.text.substr(h.begin, h.end - h.begin));
        }
    }
    // "twitches" was searched; the texts say "twitching", "Twitching" and "twitches".
    CHECK(highlighted.count("twitching") == 1);
    CHECK(highlighted.count("twitches") == 1);
    for (const auto& word : highlighted) {
        CHECK((word.starts_with("twitch") || word.starts_with("Twitch")));
    }
}

TEST_CASE("Did you mean: the lexicon's misspellings everywhere, the spelling table on disk",
          "[integration]") {
    {
        FixtureIndex memory(Backend::Memory);
        const auto results = memory.searcher().search({.text = "facial twiching"});
        CHECK(results.suggestion == "facial twitching");
        CHECK(found(results, "neuro/cheek-twitching"));  // searched as corrected
        CHECK_FALSE(memory.searcher().search({.text = "climbin stairs"}).suggestion);
    }
    FixtureIndex disk(Backend::Disk);
    CHECK(disk.searcher().search({.text = "facial twiching"}).suggestion == "facial twitching");
    CHECK(disk.searcher().search({.text = "climbin stairs"}).suggestion == "climbing stairs");
    CHECK_FALSE(disk.searcher().search({.text = "climbing stairs"}).suggestion);
}

TEST_CASE("Did you mean never corrects a real English word the index lacks", "[integration]") {
    FixtureIndex disk(Backend::Disk);
    // "stars" is a word, not a typo of the indexed "stairs"; "cheeks" of "cheek" neither.
    for (const char* text : {"stars at night", "twinkling stars", "rosy cheeks"}) {
        INFO(text);
        CHECK_FALSE(disk.searcher().search({.text = text}).suggestion);
    }
    // A word no dictionary holds still is.
    CHECK(disk.searcher().search({.text = "stiars at night"}).suggestion == "stairs at night");
    // A long real word the index lacks is searched as its nearest indexed spelling too,
    // without a suggestion: "infraction" finds "infarction".
    const auto near = disk.searcher().search({.text = "infraction"});
    CHECK_FALSE(near.suggestion);
    CHECK(found(near, "cardio/infarction-clinical"));
}

TEST_CASE("An entry misspelling a word as the query does weighs as one using the word meant",
          "[integration]") {
    // Searched on its own, the rare misspelling would weigh far more than the word meant.
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    auto entries = qaindex::test::fixture_consultations();
    for (const std::string word : {"twiching", "twitching"}) {
        entries.push_back(qaindex::test::consultation(
            "neuro/muscles-" + word, "Muscles jumping after the gym",
            "My calves and arms keep " + word + " for hours after I lift weights. Is it ALS?",
            "Neurology", "Xu Mingde",
            "Benign fasciculations after exercise are common and harmless; rest and drink water.",
            {2019, 2, 21}));
    }
    FixtureIndex index(backend, entries);
    const auto results = index.searcher().search({.text = "twiching calves"});
    CHECK(results.suggestion == "twitching calves");
    const std::size_t misspelt = rank_of(results, "neuro/muscles-twiching");
    const std::size_t spelt = rank_of(results, "neuro/muscles-twitching");
    REQUIRE(misspelt < results.hits.size());
    REQUIRE(spelt < results.hits.size());
    CHECK(results.hits[misspelt].score == Approx(results.hits[spelt].score));
    // The word is highlighted as written in either.
    CHECK(results.hits[misspelt].snippet.highlights.size() ==
          results.hits[spelt].snippet.highlights.size());
}

TEST_CASE("A listed misspelling the index holds more often than its correction is not corrected",
          "[integration]") {
    std::vector<qaindex::Consultation> entries;
    for (int i = 0; i < 3; ++i) {
        entries.push_back(qaindex::test::consultation(
            "twiching/" + std::to_string(i), "Calves keep twiching",
            "My calves keep twiching after running, day " + std::to_string(i) + ".", "Neurology",
            "Xu Mingde", "Rest.", {2019, 2, 21}));
    }
    entries.push_back(qaindex::test::consultation(
        "twitching/0", "Calves keep twitching", "My calves keep twitching after running.",
        "Neurology", "Xu Mingde", "Rest.", {2019, 2, 21}));
    FixtureIndex index(Backend::Memory, entries);
    const auto results = index.searcher().search({.text = "twiching calves"});
    CHECK_FALSE(results.suggestion);
    FixtureIndex usual(Backend::Memory);  // where "twitching" is the usual spelling
    CHECK(usual.searcher().search({.text = "twiching calves"}).suggestion == "twitching calves");
}

TEST_CASE("A query the syntax cannot take is searched as plain words", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    for (const std::string query :
         {"\"facial twitching", "facial AND", "OR twitching cheek", "title: twitching cheek",
          "specialty:nonsense twitching cheek"}) {
        INFO(query);
        const auto results = index.searcher().search({.text = query});
        CHECK(results.plain_words);
        CHECK(found(results, "neuro/cheek-twitching"));
    }
}

TEST_CASE("Bad requests throw the documented errors", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    auto& searcher = index.searcher();
    CHECK_THROWS_AS(searcher.search({.text = ""}), qaindex::UsageError);
    CHECK_THROWS_AS(searcher.search({.text = "  \n "}), qaindex::UsageError);
    CHECK_THROWS_AS(searcher.search({.text = "?!"}), qaindex::QueryError);
    CHECK_THROWS_WITH(searcher.search({.text = "x", .filter = {.specialties = {"astrology"}}}),
                      Catch::Contains("astrology") && Catch::Contains("Neurology"));
    CHECK_THROWS_AS(searcher.search({.text = "x", .filter = {.specialties = {"astrology"}}}),
                    qaindex::UsageError);
    CHECK_THROWS_AS(searcher.search({.text = "x", .filter = {.symptoms = {"purple elbows"}}}),
                    qaindex::UsageError);
    CHECK_THROWS_AS(searcher.search({.text = "x",
                                     .filter = {.since = qaindex::Date{2020, 1, 1},
                                                .until = qaindex::Date{2019, 1, 1}}}),
                    qaindex::UsageError);
    CHECK_THROWS_AS(searcher.similar({.id = qaindex::EntryId{"no/such"}}), qaindex::UsageError);
    CHECK_THROWS_AS(searcher.similar({.text = " "}), qaindex::UsageError);
    // An id and text: which one was meant is not guessed (the text used to be ignored).
    CHECK_THROWS_WITH(
        searcher.similar(
            {.id = qaindex::EntryId{"neuro/facial-twitching"}, .text = "eyelid twitching"}),
        Catch::Contains("neuro/facial-twitching") && Catch::Contains("give one or the other"));
    CHECK_THROWS_AS(searcher.related({.id = qaindex::EntryId{"no/such"}}), qaindex::UsageError);
    CHECK_FALSE(searcher.entry(qaindex::EntryId{"no/such"}));
}

TEST_CASE("Opening a missing or foreign index throws IndexError", "[integration]") {
    qaindex::test::ScratchDir scratch("search-missing");
    CHECK_THROWS_AS(qaindex::Searcher::open(scratch.path() / "nothing"), qaindex::IndexError);
    CHECK_THROWS_AS(qaindex::Searcher::open(scratch.path()), qaindex::IndexError);
}

TEST_CASE("A filter alone lists entries newest first", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto results =
        index.searcher().search({.filter = {.specialties = {"Neurology"}}, .limit = 50});
    REQUIRE(results.hits.size() == 4);
    for (std::size_t i = 1; i < results.hits.size(); ++i) {
        CHECK(*results.hits[i - 1].asked >= *results.hits[i].asked);
    }
}

TEST_CASE("Paging: offset and limit cut one ranking", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const SearchRequest request{.text = "twitching OR pain OR ears", .limit = 50};
    const auto all = ids(index.searcher().search(request));
    REQUIRE(all.size() >= 4);
    SearchRequest page = request;
    page.offset = 2;
    page.limit = 2;
    const auto second = index.searcher().search(page);
    CHECK(ids(second) == std::vector<std::string>(all.begin() + 2, all.begin() + 4));
    CHECK(second.total == all.size());
}

TEST_CASE("Explain names the matched words by field, synonyms and symptoms", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto results = index.searcher().search({.text = "ringing in my ears", .explain = true});
    const auto it = std::find_if(results.hits.begin(), results.hits.end(),
                                 [](const auto& h) { return h.id.value == "ent/ringing-lay"; });
    REQUIRE(it != results.hits.end());
    REQUIRE(it->explanation);
    const auto& matched = it->explanation->matched;
    auto has = [&](const std::string& term, const std::string& field) {
        return std::any_of(matched.begin(), matched.end(),
                           [&](const auto& m) { return m.term == term && m.field == field; });
    };
    CHECK(has("ring", "title"));
    CHECK(has("ring", "question"));
    CHECK(has("ear", "title"));
    CHECK(it->explanation->symptoms == std::vector<std::string>{"tinnitus"});

    const auto clinical = std::find_if(results.hits.begin(), results.hits.end(), [](const auto& h) {
        return h.id.value == "ent/tinnitus-clinical";
    });
    REQUIRE(clinical != results.hits.end());
    REQUIRE(clinical->explanation);
    // Found through the concept the indexer tagged it with, not through a shared word.
    CHECK(clinical->explanation->symptoms == std::vector<std::string>{"tinnitus"});

    const auto heart = index.searcher().search({.text = "heart rehabilitation", .explain = true});
    const auto cardiac = std::find_if(heart.hits.begin(), heart.hits.end(), [](const auto& h) {
        return h.id.value == "cardio/infarction-clinical";
    });
    REQUIRE(cardiac != heart.hits.end());
    REQUIRE(cardiac->explanation);
    CHECK_FALSE(cardiac->explanation->synonyms.empty());
}

TEST_CASE("Similar Q&A: never the entry itself, no near-duplicates", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    auto& searcher = index.searcher();
    qaindex::Analyzer analyzer;
    auto stems_of = [&](const qaindex::EntryId& id) {
        const auto entry = searcher.entry(id);
        REQUIRE(entry);
        return qaindex::detail::text_stems(analyzer,
                                           entry->title.value_or("") + "\n" + entry->question);
    };
    for (const auto& entry : qaindex::test::fixture_consultations()) {
        INFO(entry.id.value);
        const auto results = searcher.similar({.id = entry.id, .limit = 5});
        CHECK(results.hits.size() <= 5);
        CHECK_FALSE(found(results, entry.id.value));
        // No two of the entry and its neighbours are near-duplicates.
        std::vector<std::set<std::string>> seen{stems_of(entry.id)};
        for (const auto& hit : results.hits) {
            const auto stems = stems_of(hit.id);
            for (const auto& other : seen) {
                CHECK(qaindex::detail::jaccard(stems, other) < 0.8);
            }
            seen.push_back(stems);
        }
    }
    const auto facial = searcher.similar({.id = qaindex::EntryId{"neuro/facial-twitching"}});
    CHECK_FALSE(found(facial, "neuro/facial-twitching-copy"));
    REQUIRE_FALSE(facial.hits.empty());
    CHECK(facial.hits.front().id.value == "neuro/cheek-twitching");
    CHECK(facial.hits.front().question_excerpt.size() <= 210);
    CHECK(facial.hits.front().doctor == "Jiang Junyi");
    CHECK(facial.hits.front().specialty == "Neurology");
    CHECK(facial.hits.front().reply_excerpt);

    const auto copy = searcher.similar({.id = qaindex::EntryId{"neuro/facial-twitching-copy"}});
    CHECK_FALSE(found(copy, "neuro/facial-twitching"));
    CHECK(searcher.similar({.id = qaindex::EntryId{"neuro/facial-twitching"}, .limit = 1})
              .hits.size() == 1);
}

TEST_CASE("Similar Q&A of an entry credits its own specialty, not its symptoms' usual ones",
          "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    // An ophthalmology entry whose symptom (eyelid twitching) is usually neurology's.
    const auto results = index.searcher().similar(
        {.id = qaindex::EntryId{"neuro/eyelid-jumping"}, .limit = 20, .explain = true});
    bool neurology_seen = false;
    for (const auto& hit : results.hits) {
        INFO(hit.id.value);
        REQUIRE(hit.explanation);
        if (hit.specialty == "Neurology") {
            neurology_seen = true;
            CHECK_FALSE(hit.explanation->specialty);
        }
    }
    CHECK(neurology_seen);
    // A new question has no specialty of its own: its symptoms' usual ones are credited.
    const auto text = index.searcher().search(
        {.text = "my eyelid keeps twitching", .limit = 20, .explain = true});
    CHECK(std::any_of(text.hits.begin(), text.hits.end(), [](const auto& hit) {
        return hit.specialty == "Neurology" && hit.explanation->specialty;
    }));
}

TEST_CASE("Similar Q&A for a new question", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto results = index.searcher().similar(
        {.text = "Hello, my face keeps twitching when I am tired. Should I worry?", .limit = 3});
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.hits.front().id.value == "neuro/cheek-twitching");
    // Not both of two near-duplicates.
    CHECK_FALSE((found(results, "neuro/facial-twitching") &&
                 found(results, "neuro/facial-twitching-copy")));
    // A new question asked before is best answered by the entry that asked it: it comes
    // first, its near-twin listed under it.
    const auto first = qaindex::test::fixture_consultations().front();
    const auto same =
        index.searcher().similar({.text = first.title.value() + "\n" + first.question});
    REQUIRE_FALSE(same.hits.empty());
    const auto& top = same.hits.front();
    CHECK((top.id.value == "neuro/facial-twitching" ||
           top.id.value == "neuro/facial-twitching-copy"));
    const std::string twin = top.id.value == "neuro/facial-twitching"
                                 ? "neuro/facial-twitching-copy"
                                 : "neuro/facial-twitching";
    CHECK(top.duplicates == std::vector<qaindex::EntryId>{qaindex::EntryId{twin}});
    CHECK(top.duplicate_count == 1);
}

TEST_CASE("Entries asking the same question are one hit that names the others", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    using qaindex::test::consultation;
    auto entries = qaindex::test::fixture_consultations();
    // One FAQ published by three sources, with their own answers and specialties.
    for (const char* source : {"a", "b", "c"}) {
        entries.push_back(
            consultation(std::string("glaucoma/treatments-") + source, "Glaucoma",
                         source == std::string("b") ? "what are the TREATMENTS for glaucoma?"
                                                    : "What are the treatments for Glaucoma ?",
                         source == std::string("c") ? "Neurology" : "Ophthalmology", "Dr. Eye",
                         std::string("Eye drops lower the eye pressure (source ") + source + ").",
                         {2015, 1, 1}));
    }
    entries.push_back(consultation(
        "glaucoma/laser", "Glaucoma", "Is there treatment after laser surgery for glaucoma?",
        "Ophthalmology", "Dr. Eye", "Drops may still be needed.", {2016, 1, 1}));
    FixtureIndex index(backend, entries);
    auto& searcher = index.searcher();
    const std::vector<std::string> copies{"glaucoma/treatments-a", "glaucoma/treatments-b",
                                          "glaucoma/treatments-c"};
    auto is_copy = [&](const std::string& id) {
        return std::find(copies.begin(), copies.end(), id) != copies.end();
    };

    SearchRequest request{.text = "treatments for glaucoma", .limit = 10};
    request.facets = {Facet::Specialty};
    const SearchResults collapsed = searcher.search(request);
    const auto list = ids(collapsed);
    CHECK(std::count_if(list.begin(), list.end(), is_copy) == 1);
    CHECK(found(collapsed, "glaucoma/laser"));
    for (const qaindex::Hit& hit : collapsed.hits) {
        INFO(hit.id.value);
        if (is_copy(hit.id.value)) {
            std::vector<std::string> named{hit.id.value};
            for (const auto& other : hit.duplicates) {
                named.push_back(other.value);
            }
            CHECK(sorted(named) == copies);
            CHECK(hit.duplicate_count == 2);
        } else {
            CHECK(hit.duplicates.empty());
            CHECK(hit.duplicate_count == 0);
        }
    }

    // Without collapsing, each is a hit; facet counts and the total count every entry
    // either way.
    request.collapse = false;
    const SearchResults each = searcher.search(request);
    const auto all = ids(each);
    CHECK(std::count_if(all.begin(), all.end(), is_copy) == 3);
    CHECK(each.total == collapsed.total);
    CHECK(each.facets == collapsed.facets);
    for (const qaindex::Hit& hit : each.hits) {
        CHECK(hit.duplicates.empty());
    }

    // Pages are cut from the collapsed list.
    request.collapse = true;
    request.limit = 1;
    for (std::size_t offset = 0; offset < collapsed.hits.size(); ++offset) {
        request.offset = offset;
        const auto page = searcher.search(request);
        REQUIRE(page.hits.size() == 1);
        CHECK(page.hits.front().id == collapsed.hits[offset].id);
    }

    // Similar Q&A of one copy lists neither other copy: they ask its own question.
    const auto similar = searcher.similar({.id = qaindex::EntryId{"glaucoma/treatments-a"}});
    CHECK_FALSE(std::any_of(similar.hits.begin(), similar.hits.end(),
                            [&](const auto& hit) { return is_copy(hit.id.value); }));
    CHECK(found(similar, "glaucoma/laser"));
    // For a new question it is one hit naming the others.
    const auto text = searcher.similar({.text = "What are the treatments for glaucoma?"});
    REQUIRE_FALSE(text.hits.empty());
    CHECK(is_copy(text.hits.front().id.value));
    CHECK(text.hits.front().duplicate_count == 2);

    // No entry is shown twice, as a hit or under one.
    auto shown_once = [](const SearchResults& results) {
        std::vector<std::string> shown;
        for (const qaindex::Hit& hit : results.hits) {
            shown.push_back(hit.id.value);
            for (const auto& other : hit.duplicates) {
                shown.push_back(other.value);
            }
        }
        const auto all_shown = sorted(shown);
        return std::adjacent_find(all_shown.begin(), all_shown.end()) == all_shown.end();
    };
    for (const auto& entry : entries) {
        INFO(entry.id.value);
        CHECK(shown_once(searcher.similar({.id = entry.id, .limit = 20})));
        CHECK(shown_once(searcher.similar({.text = entry.question, .limit = 20})));
        CHECK(shown_once(searcher.search({.text = entry.question, .limit = 20})));
    }
}

TEST_CASE("Hits cut on two threads equal those cut on one", "[integration]") {
    FixtureIndex index(Backend::Disk);
    qaindex::Searcher& two = index.searcher();
    qaindex::Searcher one = qaindex::Searcher::open(index.path());
    one.set_two_threads(false);
    std::size_t most = 0;
    for (const std::string text :
         {"facial twitching", "pain", "ringing in my ears at night",
          "my eyelid keeps jumping after coffee, is it serious?",
          "twitching OR pain OR tired OR itchy OR ringing OR chest OR rash OR cough"}) {
        INFO(text);
        for (const bool explain : {false, true}) {
            const SearchRequest request{.text = text, .limit = 12, .explain = explain};
            const SearchResults expected = one.search(request);
            most = std::max(most, expected.hits.size());
            CHECK(two.search(request) == expected);
            const qaindex::SimilarRequest similar{.text = text, .limit = 8, .explain = explain};
            CHECK(two.similar(similar) == one.similar(similar));
        }
    }
    for (const qaindex::Consultation& entry : qaindex::test::fixture_consultations()) {
        const qaindex::SimilarRequest similar{.id = entry.id, .limit = 8};
        CHECK(two.similar(similar) == one.similar(similar));
    }
    CHECK(most >= 6);  // a page long enough to be cut on two threads
}

TEST_CASE("Related FAQ lists shared topics with their usual specialty", "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend);
    const auto related =
        index.searcher().related({.id = qaindex::EntryId{"neuro/facial-twitching"}});
    const auto topic = std::find_if(related.begin(), related.end(),
                                    [](const auto& r) { return r.topic == "Facial Twitching"; });
    REQUIRE(topic != related.end());
    CHECK(topic->specialty == "Neurology");
    // The entry, its copy and the cheek question are tagged with it.
    CHECK(topic->entries == 3);
    for (std::size_t i = 1; i < related.size(); ++i) {
        CHECK(related[i - 1].entries >= related[i].entries);
    }
    for (const auto& r : related) {
        CHECK(r.entries >= 2);
    }
    CHECK(index.searcher()
              .related({.id = qaindex::EntryId{"neuro/facial-twitching"}, .limit = 1})
              .size() == 1);
}

TEST_CASE("A Related FAQ topic keeps the lexicon's specialty whatever a few entries say",
          "[integration]") {
    // Both entries sharing "bloodshot eye" are filed under Neurology; the lexicon says the
    // topic belongs to Ophthalmology, and the corpus can only choose among the lexicon's.
    std::vector<qaindex::Consultation> entries = {
        qaindex::test::consultation("neuro/red-eyes-headache", "Headache with red eyes",
                                    "Every afternoon I get a headache and my eyes are bloodshot.",
                                    "Neurology", "Lin Wenhao", "Rest your eyes and sleep more.",
                                    {2015, 2, 3}),
        qaindex::test::consultation("neuro/red-eyes-migraine", "Migraine and bloodshot eyes",
                                    "During a migraine my eyes turn red and bloodshot.",
                                    "Neurology", "Lin Wenhao",
                                    "Migraine can come with red eyes; keep a diary.", {2016, 4, 5}),
    };
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    FixtureIndex index(backend, entries);
    const auto related =
        index.searcher().related({.id = qaindex::EntryId{"neuro/red-eyes-headache"}});
    const auto topic = std::find_if(related.begin(), related.end(),
                                    [](const auto& r) { return r.topic == "Bloodshot Eye"; });
    REQUIRE(topic != related.end());
    CHECK(topic->entries == 2);
    CHECK(topic->specialty == "Ophthalmology");
}

TEST_CASE("A searcher on a folder moves to a new generation after a full rebuild",
          "[integration]") {
    qaindex::test::ScratchDir scratch("search-generation");
    const auto corpus = scratch.path() / "corpus.jsonl";
    const auto db = scratch.path() / "db";
    auto write_corpus = [&](const std::string& lines) {
        std::ofstream(corpus, std::ios::trunc) << lines;
    };
    write_corpus(R"({"id": "a", "question": "Why does my eyelid twitch?"})"
                 "\n");
    qaindex::build_index({.corpus = corpus, .database = db, .rebuild = true, .threads = 1});
    auto searcher = qaindex::Searcher::open(db);
    REQUIRE(searcher.size() == 1);

    write_corpus(R"({"id": "a", "question": "Why does my eyelid twitch?"})"
                 "\n"
                 R"({"id": "b", "question": "Ringing in my ears after a concert"})"
                 "\n"
                 R"({"id": "c", "question": "Tinnitus at night"})"
                 "\n");
    qaindex::build_index({.corpus = corpus, .database = db, .rebuild = true, .threads = 1});
    // Until reopened, the searcher answers from the generation it opened (or reopens itself
    // if that one is gone); afterwards it sees the new one.
    CHECK_NOTHROW(searcher.search({.text = "eyelid"}));
    searcher.reopen();
    CHECK(searcher.size() == 3);
    CHECK(found(searcher.search({.text = "tinnitus"}), "c"));
}

TEST_CASE("A searcher on a folder follows a rebuild published under it", "[integration]") {
    qaindex::test::ScratchDir scratch("search-reopen");
    const auto db = scratch.path() / "db";
    auto entries = qaindex::test::fixture_consultations();
    {
        auto writer = qaindex::IndexWriter::open(db);
        writer.add_or_replace(entries.front());
        writer.commit();
    }
    auto searcher = qaindex::Searcher::open(db);
    CHECK(searcher.size() == 1);
    {
        auto writer = qaindex::IndexWriter::open(db);
        for (const auto& entry : entries) {
            writer.add_or_replace(entry);
        }
        writer.commit();
    }
    searcher.reopen();
    CHECK(searcher.size() == entries.size());
    CHECK(found(searcher.search({.text = "tinnitus"}), "ent/tinnitus-clinical"));
}

TEST_CASE("A symptom named in English finds Chinese consultations and the reverse",
          "[integration]") {
    const Backend backend = GENERATE(Backend::Memory, Backend::Disk);
    INFO(qaindex::test::to_string(backend));
    using qaindex::test::consultation;
    FixtureIndex index(
        backend, {consultation("zh/headache", "头痛三天了怎么办", "我头痛三天了，吃药也没用。",
                               "神经内科", "王医生", "建议去医院检查。", {2019, 3, 1}),
                  consultation("en/headache", "Headache every morning",
                               "I wake up with a headache every morning.", "Neurology", "Ye Boshou",
                               "Check your blood pressure.", {2019, 3, 2}),
                  consultation("en/rash", "Itchy rash", "An itchy rash on my arm.", "Dermatology",
                               "Xu Lihua", "Use a mild cream.", {2019, 3, 3})});
    CHECK(ids(index.searcher().search({.text = "headache"})) ==
          std::vector<std::string>{"en/headache", "zh/headache"});
    CHECK(ids(index.searcher().search({.text = "头痛"})) ==
          std::vector<std::string>{"zh/headache", "en/headache"});
    // The Chinese department name is a specialty the lexicon knows.
    CHECK(index.searcher().search({.text = "头痛"}).hits.front().specialty == "Neurology");
}
