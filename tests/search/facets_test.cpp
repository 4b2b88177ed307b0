// SPDX-License-Identifier: Apache-2.0
// Tests of lib/search/facets.cpp: FacetSpy and FacetTable against a brute-force count over
// the index, and how raw counts become FacetCounts.
#include "search/facets.hpp"

#include <catch2/catch.hpp>

#include <sstream>

#include "index/index_reader.hpp"
#include "index/schema.hpp"
#include "search/search_fixtures.hpp"

namespace {

std::map<std::string, std::size_t> brute_force(const Xapian::Database& db, Xapian::valueno slot,
                                               bool multiple) {
    std::map<std::string, std::size_t> counts;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const std::string value = db.get_document(*it).get_value(slot);
        if (!multiple) {
            if (!value.empty()) {
                ++counts[value];
            }
            continue;
        }
        std::istringstream lines(value);
        for (std::string line; std::getline(lines, line);) {
            if (!line.empty()) {
                ++counts[line];
            }
        }
    }
    return counts;
}

std::map<std::string, std::size_t> spied(const Xapian::Database& db, Xapian::valueno slot,
                                         bool multiple, const qaindex::detail::FacetTable* table) {
    qaindex::detail::FacetSpy spy(slot, multiple, table);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    return spy.counts();
}

}  // namespace

TEST_CASE("FacetSpy counts every match's values, with or without a FacetTable",
          "[search][facets]") {
    auto writer = qaindex::test::fixture_writer();
    const Xapian::Database db = qaindex::detail::writer_database(writer).database;
    for (const auto& [slot, multiple] : {std::pair(qaindex::schema::kSpecialtySlot, false),
                                         std::pair(qaindex::schema::kSymptomsSlot, true)}) {
        INFO("slot " << slot);
        const auto expected = brute_force(db, slot, multiple);
        REQUIRE_FALSE(expected.empty());
        CHECK(spied(db, slot, multiple, nullptr) == expected);
        const auto table = qaindex::detail::FacetTable::read(db, slot, multiple);
        CHECK(spied(db, slot, multiple, &table) == expected);
        // A docid past the table has no codes.
        CHECK(table.codes(db.get_lastdocid() + 10).empty());
    }
}

TEST_CASE("facet_slot and facet_counts: slot per facet, names, most entries first",
          "[search][facets]") {
    CHECK(qaindex::detail::facet_slot(qaindex::Facet::Specialty) ==
          qaindex::schema::kSpecialtySlot);
    CHECK(qaindex::detail::facet_slot(qaindex::Facet::Symptom) == qaindex::schema::kSymptomsSlot);

    const qaindex::Lexicon& lexicon = qaindex::Lexicon::builtin();
    const qaindex::Symptom& known = lexicon.symptoms().front();
    const auto symptoms = qaindex::detail::facet_counts(
        qaindex::Facet::Symptom, {{"zz-unknown", 2}, {known.id, 3}, {"aa-unknown", 2}}, lexicon);
    CHECK(symptoms.facet == qaindex::Facet::Symptom);
    // Ids become names; ids the lexicon does not know stay; ties by name.
    const std::vector<qaindex::FacetCount> expected = {
        {known.name, 3}, {"aa-unknown", 2}, {"zz-unknown", 2}};
    CHECK(symptoms.counts == expected);

    const auto specialties = qaindex::detail::facet_counts(
        qaindex::Facet::Specialty, {{"Neurology", 1}, {"Cardiology", 4}}, lexicon);
    CHECK(specialties.counts ==
          std::vector<qaindex::FacetCount>{{"Cardiology", 4}, {"Neurology", 1}});
}
