// SPDX-License-Identifier: Apache-2.0
// Tests of lib/search/related.cpp: topic names, a topic's usual specialty, and an entry's
// topics counted against a brute-force count over the index.
#include "search/related.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "index/index_reader.hpp"
#include "index/schema.hpp"
#include "search/search_fixtures.hpp"

TEST_CASE("title_case upper-cases the ASCII letter starting each word", "[search]") {
    const std::pair<const char*, const char*> rows[] = {
        {"facial twitching", "Facial Twitching"},
        {"ringing in the ears", "Ringing In The Ears"},
        {"x-ray pain", "X-Ray Pain"},
        {"Already Upper", "Already Upper"},
        {"耳鸣 ringing", "耳鸣 Ringing"},
        {"", ""},
    };
    for (const auto& [text, expected] : rows) {
        INFO(text);
        CHECK(qaindex::detail::title_case(text) == expected);
    }
}

TEST_CASE("related_topics counts each shared topic's entries and names its specialty", "[search]") {
    auto writer = qaindex::test::fixture_writer();
    const Xapian::Database db = qaindex::detail::writer_database(writer).database;
    const qaindex::Lexicon& lexicon = qaindex::Lexicon::builtin();

    const auto docid_of = [&](const std::string& id) {
        const std::string term = qaindex::schema::term(qaindex::schema::kId, id);
        return *db.postlist_begin(term);
    };
    const auto stored =
        qaindex::schema::decode(db.get_document(docid_of("neuro/facial-twitching")).get_data());
    const auto topics = qaindex::detail::related_topics(db, stored, lexicon, 10);

    // Brute force: every symptom and condition of the entry held by another entry too.
    std::multiset<std::pair<std::string, std::size_t>> expected;
    const auto expect = [&](std::string_view prefix, const std::string& id,
                            const std::string& name) {
        const auto entries = db.get_termfreq(qaindex::schema::concept_term(prefix, id));
        if (entries > 1) {
            expected.emplace(qaindex::detail::title_case(name), entries);
        }
    };
    for (const std::string& id : stored.symptoms) {
        expect(qaindex::schema::kSymptom, id, lexicon.find_symptom(id)->name);
    }
    for (const std::string& id : stored.conditions) {
        expect(qaindex::schema::kCondition, id, lexicon.find_condition(id)->name);
    }
    REQUIRE_FALSE(expected.empty());
    std::multiset<std::pair<std::string, std::size_t>> got;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        got.emplace(topics[i].topic, topics[i].entries);
        if (i > 0) {
            CHECK(topics[i - 1].entries >= topics[i].entries);  // most entries first
        }
    }
    CHECK(got == expected);
    CHECK(qaindex::detail::related_topics(db, stored, lexicon, 1).size() == 1);
    CHECK(qaindex::detail::related_topics(db, stored, lexicon, 0).empty());
}

TEST_CASE("usual_specialty: the lexicon's specialty most entries of the topic are filed under",
          "[search]") {
    auto writer = qaindex::test::fixture_writer();
    const Xapian::Database db = qaindex::detail::writer_database(writer).database;
    const std::string term = qaindex::schema::term(qaindex::schema::kSpecialty, "neurology");
    // Every entry holding the term is filed under Neurology: of the two offered, it wins.
    CHECK(qaindex::detail::usual_specialty(db, term, {"Dermatology", "Neurology"}) == "Neurology");
    // Of specialties no entry of the topic has, the lexicon's first.
    CHECK(qaindex::detail::usual_specialty(db, term, {"Cardiology", "Dermatology"}) ==
          "Cardiology");
}
