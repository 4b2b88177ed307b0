// SPDX-License-Identifier: Apache-2.0
// Tests of lib/search/query_builder.cpp at the level of its own functions: specialty and
// symptom values to filter terms, a request's filter to queries, and compose().
#include "search/query_builder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "index/index_reader.hpp"
#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "search/lexicon_index.hpp"
#include "search/search_fixtures.hpp"

namespace {

namespace schema = qaindex::schema;

struct Builder {
    qaindex::IndexWriter writer = qaindex::test::fixture_writer();
    Xapian::Database db = qaindex::detail::writer_database(writer).database;
    qaindex::Analyzer analyzer;
    std::shared_ptr<const qaindex::detail::LexiconIndex> index =
        qaindex::detail::LexiconIndex::of_builtin();
    qaindex::detail::FreeTextAnalyzer free_text{analyzer, qaindex::Lexicon::builtin(), *index};
    qaindex::detail::QueryBuilder builder{analyzer, qaindex::Lexicon::builtin(), free_text};
};

std::set<std::string> terms(const Xapian::Query& query) {
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

}  // namespace

TEST_CASE("specialty_query: any form of a specialty is its one filter term", "[search]") {
    Builder b;
    const std::string neurology = schema::term(schema::kSpecialty, "neurology");
    struct Row {
        const char* value;
        std::optional<std::string> term;
    };
    const Row rows[] = {
        {"Neurology", neurology}, {"neurologist", neurology},  {"Dept. of Neurology", neurology},
        {"neuro", neurology},     {"astrology", std::nullopt}, {"", std::nullopt},
    };
    for (const Row& row : rows) {
        INFO(row.value);
        const auto query = b.builder.specialty_query(row.value, b.db);
        REQUIRE(query.has_value() == row.term.has_value());
        if (query) {
            CHECK(terms(*query) == std::set<std::string>{*row.term});
        }
    }
}

TEST_CASE("symptom_query: a symptom and its narrower ones, or a condition", "[search]") {
    Builder b;
    const qaindex::Lexicon& lexicon = qaindex::Lexicon::builtin();
    const qaindex::Symptom& symptom = lexicon.symptoms().front();
    const auto by_id = b.builder.symptom_query(symptom.id);
    REQUIRE(by_id);
    CHECK(terms(*by_id) ==
          std::set<std::string>{schema::concept_term(schema::kSymptom, symptom.id),
                                schema::concept_term(schema::kSymptomBroader, symptom.id)});
    const auto by_name = b.builder.symptom_query(symptom.name);
    REQUIRE(by_name);
    CHECK(terms(*by_name) == terms(*by_id));
    const qaindex::Condition& condition = lexicon.conditions().front();
    const auto by_condition = b.builder.symptom_query(condition.id);
    REQUIRE(by_condition);
    CHECK(terms(*by_condition) ==
          std::set<std::string>{schema::concept_term(schema::kCondition, condition.id)});
    CHECK_FALSE(b.builder.symptom_query("purple elbows"));
}

TEST_CASE("filters: one query per field, unknown values and reversed dates are usage errors",
          "[search]") {
    Builder b;
    CHECK(b.builder.filters({}, b.db).empty());
    const auto specialty = b.builder.filters({.specialties = {"neurologist", "cardiology"}}, b.db);
    CHECK(terms(specialty.specialty) ==
          std::set<std::string>{schema::term(schema::kSpecialty, "neurology"),
                                schema::term(schema::kSpecialty, "cardiology")});
    CHECK(specialty.symptom.empty());
    CHECK(specialty.rest.empty());
    const auto dated = b.builder.filters({.since = qaindex::Date{2010, 1, 1}}, b.db);
    CHECK(dated.specialty.empty());
    CHECK_FALSE(dated.rest.empty());

    CHECK_THROWS_AS(b.builder.filters({.specialties = {"astrology"}}, b.db), qaindex::UsageError);
    CHECK_THROWS_WITH(b.builder.filters({.symptoms = {"purple elbows"}}, b.db),
                      Catch::Contains("unknown symptom \"purple elbows\""));
    CHECK_THROWS_WITH(
        b.builder.filters({.since = qaindex::Date{2020, 1, 1}, .until = qaindex::Date{2019, 1, 1}},
                          b.db),
        Catch::Contains("before the --since date"));
}

TEST_CASE("compose: scored part, boosts and filters, and a facet leaves its own filter out",
          "[search]") {
    Builder b;
    const auto plan = b.builder.plan("eyelid twitching", b.db, true, false);
    REQUIRE_FALSE(plan.scored.empty());
    const auto filters =
        b.builder.filters({.specialties = {"Neurology"}, .symptoms = {"tinnitus"}}, b.db);
    const std::string neurology = schema::term(schema::kSpecialty, "neurology");
    const auto all = terms(qaindex::detail::QueryBuilder::compose(plan, filters));
    CHECK(all.count(neurology) == 1);
    const auto without_specialty =
        terms(qaindex::detail::QueryBuilder::compose(plan, filters, qaindex::Facet::Specialty));
    CHECK(without_specialty.count(neurology) == 0);
    CHECK(without_specialty.size() < all.size());
    // Nothing to rank and no filter: nothing to run.
    CHECK(qaindex::detail::QueryBuilder::compose(qaindex::detail::QueryPlan{}, {}).empty());
    // A filter alone matches with weight 0.
    const Xapian::Query filter_only =
        qaindex::detail::QueryBuilder::compose(qaindex::detail::QueryPlan{}, filters);
    CHECK(terms(filter_only).count(neurology) == 1);
}

TEST_CASE("plan: query syntax is used where it parses, plain words where it does not", "[search]") {
    Builder b;
    const std::pair<const char*, bool> rows[] = {
        {"title:twitching", false},
        {"facial AND twitching", false},
        {"\"facial twitching\"", false},
        {"\"facial twitching", true},            // unclosed quote
        {"specialty:nonsense twitching", true},  // a value the lexicon does not know
    };
    for (const auto& [text, plain] : rows) {
        INFO(text);
        const auto plan = b.builder.plan(text, b.db, true, false);
        CHECK(plan.plain_words == plain);
        CHECK_FALSE(plan.scored.empty());
    }
}

TEST_CASE("plan: a quoted phrase's words are in the profile the second stage weighs", "[search]") {
    Builder b;
    // A question quoting a term: the quotes make it query syntax, a phrase between free words.
    const auto plan =
        b.builder.plan("What is the \"dawn phenomenon\" in diabetes?", b.db, true, false);
    REQUIRE_FALSE(plan.plain_words);
    std::vector<std::string> stems;
    for (const auto& word : plan.profile.words) {
        stems.push_back(word.stem);
    }
    CHECK(std::count(stems.begin(), stems.end(), "dawn") == 1);
    CHECK(std::count(stems.begin(), stems.end(), "phenomenon") == 1);
    CHECK(std::count(stems.begin(), stems.end(), "diabet") == 1);
    CHECK(std::find(plan.profile.text_words.begin(), plan.profile.text_words.end(), "dawn") !=
          plan.profile.text_words.end());
    const std::pair<std::string, std::string> pair{"dawn", "phenomenon"};
    CHECK(std::find(plan.profile.pairs.begin(), plan.profile.pairs.end(), pair) !=
          plan.profile.pairs.end());

    // A word both quoted and free is one word of the profile.
    const auto twice = b.builder.plan("\"dawn phenomenon\" dawn", b.db, true, false);
    CHECK(std::count_if(twice.profile.words.begin(), twice.profile.words.end(),
                        [](const auto& w) { return w.stem == "dawn"; }) == 1);
}
