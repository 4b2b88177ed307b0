// SPDX-License-Identifier: Apache-2.0
// Tests of the Matcher: a match split over two threads gives exactly the one-thread result.
#include "search/match.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "index/schema.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/lexicon.hpp"
#include "search/boost_source.hpp"
#include "search/ranking.hpp"
#include "search/search_fixtures.hpp"

using qaindex::detail::Match;
using qaindex::detail::Matcher;
using qaindex::detail::MatchRequest;
using qaindex::detail::MatchResult;
namespace schema = qaindex::schema;

namespace {

std::vector<std::pair<Xapian::docid, double>> pairs(const MatchResult& result) {
    std::vector<std::pair<Xapian::docid, double>> out;
    for (const Match& m : result.matches) {
        out.emplace_back(m.docid, m.weight);
    }
    return out;
}

// What a two-pass match must give: the one-pass order of the whole query (whole), among
// the chosen candidates only, from first, count of them.
std::vector<std::pair<Xapian::docid, double>> among_candidates(
    const MatchResult& whole, const std::vector<Xapian::docid>& chosen, std::size_t first,
    std::size_t count) {
    std::vector<std::pair<Xapian::docid, double>> expected;
    for (const Match& m : whole.matches) {
        if (std::find(chosen.begin(), chosen.end(), m.docid) != chosen.end()) {
            expected.emplace_back(m.docid, m.weight);
        }
    }
    expected.erase(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(first));
    expected.resize(count);
    return expected;
}

Xapian::Query words(std::initializer_list<const char*> stems) {
    std::vector<Xapian::Query> parts;
    for (const char* stem : stems) {
        parts.emplace_back(std::string(schema::kStem) + stem);
    }
    return {Xapian::Query::OP_OR, parts.begin(), parts.end()};
}

// Every match of query, best first, as the Matcher's candidate pass orders them: BM25 without
// document-length normalisation (equal weights in document id order, as Xapian gives them).
MatchResult candidate_order(const Xapian::Database& db, const Xapian::Query& query) {
    namespace r = qaindex::detail::ranking;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(r::kBm25K1, r::kBm25K2, r::kBm25K3,
                                                    r::kCandidateBm25B, r::kBm25MinNormLen));
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    MatchResult out;
    out.estimated = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.matches.push_back({*it, it.get_weight()});
    }
    return out;
}

// The fixture's entries, each also under a second id: equal weights must break by document id.
std::vector<qaindex::Consultation> every_entry_twice() {
    auto entries = qaindex::test::fixture_consultations();
    const std::size_t originals = entries.size();
    for (std::size_t i = 0; i < originals; ++i) {
        auto copy = entries[i];
        copy.id.value += "-again";
        entries.push_back(copy);
    }
    return entries;
}

}  // namespace

TEST_CASE("A match split over two threads equals the one-thread match", "[search]") {
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk, every_entry_twice());
    const Xapian::Database db(index.path().string());
    Matcher split(index.path(), 0);
    Matcher single(std::nullopt);

    const qaindex::Symptom* tinnitus = qaindex::Lexicon::builtin().find_symptom("tinnitus");
    REQUIRE(tinnitus != nullptr);
    const Xapian::Query concept_boost =
        qaindex::detail::boost_query(schema::concept_term(schema::kSymptom, tinnitus->id), 0.3);
    const std::vector<std::string> phrase{"facial", "twitching"};
    const std::vector<Xapian::Query> queries{
        words({"twitch", "ear", "pain", "coffe"}),
        Xapian::Query(Xapian::Query::OP_OR, words({"ring", "ear"}), concept_boost),
        Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end()),
        Xapian::Query(std::string(schema::kStem) + "nothingsuch"),
    };
    for (std::size_t q = 0; q < queries.size(); ++q) {
        for (const bool weighted : {true, false}) {
            for (const Xapian::doccount first : {0U, 3U}) {
                INFO("query " << q << (weighted ? " weighted" : " unweighted") << " from "
                              << first);
                const MatchRequest request{
                    .query = queries[q],
                    .first = first,
                    .count = 5,
                    .check_at_least = db.get_doccount(),
                    .weighted = weighted,
                    .facets = {{schema::kSpecialtySlot, false}, {schema::kSymptomsSlot, true}}};
                const MatchResult one = single.run(db, request);
                const MatchResult two = split.run(db, request);
                CHECK(one.parts == 1);
                CHECK(two.parts == 2);
                CHECK(pairs(two) == pairs(one));
                CHECK(two.facet_counts == one.facet_counts);
                CHECK(two.estimated == one.estimated);
            }
        }
    }
    // Some query above matched something, or the comparison proves little.
    CHECK_FALSE(single.run(db, {.query = queries[0]}).matches.empty());
}

TEST_CASE("The matcher splits only large matches, and orders by date on one thread", "[search]") {
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk);
    const Xapian::Database db(index.path().string());
    Matcher matcher(index.path());  // the default threshold: far above 12 entries' postings
    CHECK(matcher.run(db, {.query = words({"twitch"})}).parts == 1);
    Matcher turned_off(index.path(), 0);
    turned_off.set_two_threads(false);
    CHECK(turned_off.run(db, {.query = words({"twitch"})}).parts == 1);

    Matcher split(index.path(), 0);
    const MatchResult newest = split.run(
        db,
        {.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(schema::term(schema::kSpecialty, "neurology")), 0.0),
         .count = 20,
         .newest_first = schema::kAskedSlot});
    CHECK(newest.parts == 1);
    REQUIRE(newest.matches.size() >= 2);
    for (std::size_t i = 1; i < newest.matches.size(); ++i) {
        CHECK(db.get_document(newest.matches[i - 1].docid).get_value(schema::kAskedSlot) >=
              db.get_document(newest.matches[i].docid).get_value(schema::kAskedSlot));
    }
}

TEST_CASE("A costly match with a candidate query ranks the best candidates by the whole query",
          "[search]") {
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk, every_entry_twice());
    const Xapian::Database db(index.path().string());
    const Xapian::Query query = words({"twitch", "ear", "pain", "night", "coffe"});
    const Xapian::Query rarer = words({"twitch", "ear", "coffe"});
    Matcher single(std::nullopt, 0);  // every match is costly; one thread
    const Xapian::doccount all = db.get_doccount();
    const MatchResult whole = single.run(db, {.query = query, .count = all});
    const MatchResult found = candidate_order(db, rarer);
    // The candidates: the rarer words' best ones, fewer than they match.
    const Xapian::doccount candidates = static_cast<Xapian::doccount>(found.matches.size()) - 2;
    REQUIRE(candidates >= 8);
    REQUIRE(whole.matches.size() > found.matches.size());
    std::vector<Xapian::docid> chosen;
    for (std::size_t i = 0; i < candidates; ++i) {
        chosen.push_back(found.matches[i].docid);
    }

    for (const Xapian::doccount first : {0U, 3U}) {
        INFO("from " << first);
        const MatchRequest request{.query = query,
                                   .first = first,
                                   .count = 5,
                                   .candidate_query = rarer,
                                   .candidates = candidates};
        const auto expected = among_candidates(whole, chosen, first, 5);
        const MatchResult two = single.run(db, request);
        CHECK(two.ranked_candidates);
        CHECK(pairs(two) == expected);
        CHECK(two.estimated >= found.estimated);
        // The same candidates read a term at a time (best_candidates), on one thread or two.
        MatchRequest by_terms = request;
        for (const char* stem : {"twitch", "ear", "coffe"}) {
            by_terms.candidate_terms.parts.push_back(
                {.terms = {std::string(schema::kStem) + stem}});
        }
        for (const char* stem : {"pain", "night"}) {
            by_terms.candidate_terms.others.push_back(
                {.terms = {std::string(schema::kStem) + stem}});
        }
        const MatchResult read = single.run(db, by_terms);
        CHECK(read.ranked_candidates);
        CHECK(pairs(read) == expected);
        CHECK(read.estimated >= found.matches.size());
        CHECK(read.estimated <= whole.matches.size() + 1);
        // Split: each half ranks its own best candidates, chosen the same either way.
        Matcher split(index.path(), 0);
        MatchRequest both_halves = by_terms;
        both_halves.first = 0;
        both_halves.count = 3;
        both_halves.candidates = 3;
        MatchRequest by_query = both_halves;
        by_query.candidate_terms = {};
        const MatchResult halves = split.run(db, both_halves);
        CHECK(halves.parts == 2);
        CHECK(halves.ranked_candidates);
        CHECK(pairs(halves) == pairs(split.run(db, by_query)));

        // Turned off, or with a page beyond the candidates, or with too few candidates, or
        // with facets to count: one pass, as if there were no candidate query.
        MatchRequest plain = request;
        plain.candidate_query = Xapian::Query();
        const auto one = pairs(single.run(db, plain));
        CHECK(one != expected);  // the test would prove little otherwise
        Matcher off(std::nullopt, 0);
        off.set_two_passes(false);
        CHECK(pairs(off.run(db, request)) == one);
        MatchRequest beyond = request;
        beyond.first = candidates;
        plain.first = candidates;
        CHECK(pairs(single.run(db, beyond)) == pairs(single.run(db, plain)));
        plain.first = first;
        MatchRequest too_few = request;
        too_few.candidates = static_cast<Xapian::doccount>(found.matches.size()) + 1;
        CHECK(pairs(single.run(db, too_few)) == one);
        MatchRequest counted = request;
        counted.facets = {{schema::kSpecialtySlot, false}};
        plain.facets = counted.facets;
        CHECK(pairs(single.run(db, counted)) == one);
        CHECK(single.run(db, counted).facet_counts == single.run(db, plain).facet_counts);
        Matcher default_threshold(std::nullopt);  // far above these entries' postings
        CHECK(pairs(default_threshold.run(db, request)) == one);
    }
}

TEST_CASE("The candidate pass ranks without document length and the second pass with it",
          "[search]") {
    // Two documents hold the rarer word: a short one once, a long one twice. BM25 with length
    // normalisation prefers the short one; without it, the long one. With one candidate, the
    // long one is the candidate, and it is weighed as one pass weighs it.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::string twitch = std::string(schema::kStem) + "twitch";
    const std::string pain = std::string(schema::kStem) + "pain";
    Xapian::Document brief;
    brief.add_term(twitch);
    brief.add_term(pain);
    const Xapian::docid short_one = db.add_document(brief);
    Xapian::Document story;
    story.add_term(twitch, 2);
    for (int i = 0; i < 200; ++i) {
        story.add_term(std::string(schema::kStem) + "word" + std::to_string(i));
    }
    const Xapian::docid long_one = db.add_document(story);
    for (int i = 0; i < 10; ++i) {
        Xapian::Document other;
        other.add_term(pain);
        other.add_term(std::string(schema::kStem) + "other");
        db.add_document(other);
    }
    db.commit();

    const Xapian::Query rarer(twitch);
    const Xapian::Query query(Xapian::Query::OP_OR, rarer, Xapian::Query(pain));
    Matcher single(std::nullopt, 0);  // every match is costly
    const MatchResult normalised = single.run(db, {.query = rarer, .count = 2});
    REQUIRE(normalised.matches.size() == 2);
    CHECK(normalised.matches.front().docid == short_one);
    CHECK(candidate_order(db, rarer).matches.front().docid == long_one);

    const MatchResult whole = single.run(db, {.query = query, .count = db.get_doccount()});
    const auto long_in_whole = std::find_if(whole.matches.begin(), whole.matches.end(),
                                            [&](const Match& m) { return m.docid == long_one; });
    REQUIRE(long_in_whole != whole.matches.end());
    CHECK(whole.matches.front().docid != long_one);

    const MatchResult two =
        single.run(db, {.query = query, .count = 1, .candidate_query = rarer, .candidates = 1});
    CHECK(two.ranked_candidates);
    REQUIRE(two.matches.size() == 1);
    CHECK(two.matches.front().docid == long_one);
    CHECK(two.matches.front().weight == Approx(long_in_whole->weight));
}

TEST_CASE("A split match ranks each half's best candidates by the whole query", "[search]") {
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk, every_entry_twice());
    const Xapian::Database db(index.path().string());
    const Xapian::Query query = words({"twitch", "ear", "pain", "night", "coffe"});
    const Xapian::Query rarer = words({"twitch", "ear", "coffe"});
    Matcher single(std::nullopt, 0);
    Matcher split(index.path(), 0);  // every match is costly; two threads
    const Xapian::doccount all = db.get_doccount();
    const MatchResult whole = single.run(db, {.query = query, .count = all});
    const MatchResult found = candidate_order(db, rarer);

    // The halves are the document ids up to the middle one and those after it. Each half's
    // candidates: its best matches of the rarer words, one fewer than it has.
    const Xapian::docid middle = db.get_lastdocid() / 2;
    auto in_first_half = [&](const Match& m) { return m.docid <= middle; };
    const auto first_half =
        std::count_if(found.matches.begin(), found.matches.end(), in_first_half);
    const auto second_half = static_cast<std::ptrdiff_t>(found.matches.size()) - first_half;
    const auto candidates = static_cast<Xapian::doccount>(std::min(first_half, second_half) - 1);
    REQUIRE(candidates >= 4);
    std::vector<Xapian::docid> chosen;
    std::size_t taken[2] = {0, 0};
    for (const Match& m : found.matches) {
        std::size_t& half = taken[in_first_half(m) ? 0 : 1];
        if (half < candidates) {
            chosen.push_back(m.docid);
            ++half;
        }
    }

    for (const Xapian::doccount first : {0U, 2U}) {
        INFO("from " << first);
        const MatchRequest request{.query = query,
                                   .first = first,
                                   .count = 2,
                                   .candidate_query = rarer,
                                   .candidates = candidates};
        // Among both halves' candidates.
        const auto expected = among_candidates(whole, chosen, first, 2);
        const MatchResult two = split.run(db, request);
        CHECK(two.parts == 2);
        CHECK(two.ranked_candidates);
        CHECK(pairs(two) == expected);
        CHECK(two.estimated >= found.estimated);
    }
    // The order differs from the whole query's, or the comparison proves little.
    auto top = pairs(whole);
    top.resize(4);
    const MatchRequest four{
        .query = query, .count = 4, .candidate_query = rarer, .candidates = candidates};
    CHECK(pairs(split.run(db, four)) != top);
}

TEST_CASE("Facet counts through a facet table equal those read from the values", "[search]") {
    auto entries = qaindex::test::fixture_consultations();
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk, entries);
    const qaindex::detail::FacetSlot specialty{schema::kSpecialtySlot, false};
    const qaindex::detail::FacetSlot symptoms{schema::kSymptomsSlot, true};

    // The table itself: every document's values, in order, none beyond the last document.
    {
        const Xapian::Database db(index.path().string());
        const auto table = qaindex::detail::FacetTable::read(db, schema::kSymptomsSlot, true);
        std::size_t with_values = 0;
        for (Xapian::docid docid = 1; docid <= db.get_lastdocid(); ++docid) {
            std::string joined;
            for (const std::uint32_t code : table.codes(docid)) {
                joined += (joined.empty() ? "" : "\n") + table.values()[code];
            }
            CHECK(joined == db.get_document(docid).get_value(schema::kSymptomsSlot));
            with_values += joined.empty() ? 0U : 1U;
        }
        CHECK(with_values > 2);
        CHECK(table.codes(db.get_lastdocid() + 1).empty());
    }

    for (const Xapian::doccount min_postings : {0U, 1'000'000U}) {  // two threads, then one
        INFO("split from " << min_postings);
        Matcher matcher(index.path(), min_postings);
        Matcher fresh(std::nullopt);  // no folder: never keeps a table
        const MatchRequest request{.query = words({"twitch", "ear", "pain", "head"}),
                                   .count = 3,
                                   .check_at_least = 1000,
                                   .facets = {specialty, symptoms}};
        const Xapian::Database db(index.path().string());
        const MatchResult read = fresh.run(db, request);
        REQUIRE(read.facet_counts.size() == 2);
        REQUIRE_FALSE(read.facet_counts[1].empty());
        // Matcher::kFacetTableAfter counts read values, the next ones go through tables.
        for (unsigned i = 0; i < Matcher::kFacetTableAfter + 2; ++i) {
            INFO("count " << i);
            const MatchResult counted = matcher.run(db, request);
            CHECK(counted.facet_counts == read.facet_counts);
            CHECK(pairs(counted) == pairs(read));
            CHECK(matcher.facet_tables() == (i + 1 >= Matcher::kFacetTableAfter ? 2U : 0U));
        }
        CHECK(fresh.facet_tables() == 0);
    }

    // A new revision (an entry added) is counted from a new table.
    Matcher matcher(index.path(), 0);
    const MatchRequest request{
        .query = words({"twitch"}), .check_at_least = 1000, .facets = {symptoms}};
    Xapian::Database db(index.path().string());
    std::vector<std::map<std::string, std::size_t>> before;
    for (unsigned i = 0; i < Matcher::kFacetTableAfter + 1; ++i) {
        before = matcher.run(db, request).facet_counts;
    }
    {
        qaindex::IndexWriter writer = qaindex::IndexWriter::open(index.path());
        auto extra = entries.front();
        extra.id.value += "-extra";
        writer.add_or_replace(extra);
        writer.commit();
    }
    db = Xapian::Database(index.path().string());
    REQUIRE(matcher.facet_tables() == 1);
    const MatchResult after = matcher.run(db, request);
    CHECK(matcher.facet_tables() == 0);  // the old revision's table is dropped
    const MatchResult expected = Matcher(std::nullopt).run(db, request);
    CHECK(after.facet_counts == expected.facet_counts);
    CHECK(after.facet_counts != before);  // the added entry is counted
    for (unsigned i = 0; i < Matcher::kFacetTableAfter + 1; ++i) {
        CHECK(matcher.run(db, request).facet_counts == expected.facet_counts);
    }
    CHECK(matcher.facet_tables() == 1);
}
