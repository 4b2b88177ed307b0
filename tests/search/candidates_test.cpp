// SPDX-License-Identifier: Apache-2.0
// Tests of best_candidates: read a term at a time, the same weights and order as Xapian gives.
#include "search/candidates.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "index/schema.hpp"
#include "qaindex/lexicon.hpp"
#include "search/boost_source.hpp"
#include "search/ranking.hpp"
#include "search/search_fixtures.hpp"

using qaindex::detail::best_candidates;
using qaindex::detail::Candidate;
using qaindex::detail::Candidates;
using qaindex::detail::CandidateTerms;
using qaindex::detail::ScoredPart;
namespace schema = qaindex::schema;

namespace {

std::string stem(const char* word) {
    return std::string(schema::kStem) + word;
}

std::string field_stem(std::string_view field, const char* word) {
    return std::string(schema::kStem) + std::string(field) + word;
}

// The Xapian query terms stands for, as QueryBuilder composes it.
Xapian::Query equivalent(const CandidateTerms& terms) {
    auto query_of = [](const ScoredPart& part) {
        if (part.boolean) {
            return qaindex::detail::boost_query(part.terms.at(0), part.factor);
        }
        const Xapian::Query terms_query =
            part.terms.size() == 1
                ? Xapian::Query(part.terms[0])
                : Xapian::Query(Xapian::Query::OP_SYNONYM, part.terms.begin(), part.terms.end());
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, terms_query, part.factor);
    };
    std::vector<Xapian::Query> parts;
    for (const ScoredPart& part : terms.parts) {
        parts.push_back(query_of(part));
    }
    std::vector<Xapian::Query> boosts;
    for (const ScoredPart& boost : terms.boosts) {
        boosts.push_back(query_of(boost));
    }
    Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    if (!boosts.empty()) {
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                              Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
    }
    for (const std::string& term : terms.excluded) {
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(term));
    }
    return query;
}

// Every match of query by Xapian's matcher with the candidate pass's weighting.
std::vector<Candidate> xapian_order(const Xapian::Database& db, const Xapian::Query& query) {
    namespace r = qaindex::detail::ranking;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(r::kBm25K1, r::kBm25K2, r::kBm25K3,
                                                    r::kCandidateBm25B, r::kBm25MinNormLen));
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    std::vector<Candidate> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.push_back({*it, it.get_weight()});
    }
    return out;
}

void check_same(const std::vector<Candidate>& got, const std::vector<Candidate>& expected) {
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("rank " << i);
        CHECK(got[i].docid == expected[i].docid);
        CHECK(got[i].weight == Approx(expected[i].weight).epsilon(1e-9));
    }
}

}  // namespace

TEST_CASE("Candidates read a term at a time weigh and rank as Xapian's matcher does", "[search]") {
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk);
    const Xapian::Database db(index.path().string());
    const qaindex::Symptom* tinnitus = qaindex::Lexicon::builtin().find_symptom("tinnitus");
    REQUIRE(tinnitus != nullptr);

    CandidateTerms terms;
    terms.parts = {
        {.terms = {stem("twitch")}, .factor = 1.5},
        {.terms = {stem("coffe")}},
        {.terms = {field_stem(schema::kTitle, "ear"), field_stem(schema::kQuestion, "ear")}},
        {.terms = {field_stem(schema::kTitle, "migrain"), field_stem(schema::kQuestion, "migrain")},
         .factor = 0.5},
        {.terms = {schema::concept_term(schema::kSymptom, tinnitus->id)},
         .factor = qaindex::detail::ranking::kConceptBoost,
         .boolean = true},
    };
    terms.boosts = {
        {.terms = {schema::term(schema::kSpecialty, "neurology")}, .factor = 0.6, .boolean = true}};
    const Xapian::docid last = db.get_lastdocid();

    SECTION("every match, over the whole index") {
        const std::vector<Candidate> expected = xapian_order(db, equivalent(terms));
        REQUIRE(expected.size() >= 6);  // or the comparison proves little
        const Candidates got = best_candidates(db, terms, db.get_doccount(), 1, last);
        CHECK(got.matched == expected.size());
        check_same(got.best, expected);
    }
    SECTION("the best few of a range of ids") {
        const Xapian::docid first = 3;
        const Xapian::docid range_last = last - 2;
        std::vector<Candidate> expected;
        for (const Candidate& c : xapian_order(db, equivalent(terms))) {
            if (c.docid >= first && c.docid <= range_last) {
                expected.push_back(c);
            }
        }
        const auto in_range = static_cast<Xapian::doccount>(expected.size());
        REQUIRE(in_range >= 4);
        expected.resize(3);
        const Candidates got = best_candidates(db, terms, 3, first, range_last);
        CHECK(got.matched == in_range);
        check_same(got.best, expected);
    }
    SECTION("without the excluded entry") {
        terms.excluded = {schema::term(schema::kId, "neuro/facial-twitching")};
        const std::vector<Candidate> expected = xapian_order(db, equivalent(terms));
        const Candidates got = best_candidates(db, terms, db.get_doccount(), 1, last);
        check_same(got.best, expected);
        const Xapian::docid excluded = *db.postlist_begin(terms.excluded[0]);
        for (const Candidate& c : got.best) {
            CHECK(c.docid != excluded);
        }
    }
    SECTION("none for an empty range or none wanted") {
        CHECK(best_candidates(db, terms, 5, 4, 3).best.empty());
        CHECK(best_candidates(db, terms, 0, 1, last).best.empty());
    }
}

TEST_CASE("The match estimate adds the common parts to the matched candidates", "[search]") {
    const qaindex::test::FixtureIndex index(qaindex::test::Backend::Disk);
    const Xapian::Database db(index.path().string());
    const double documents = db.get_doccount();
    CandidateTerms terms;
    terms.parts = {{.terms = {stem("twitch")}}};
    CHECK(qaindex::detail::estimated_matches(db, terms, 3) == 3);
    terms.others = {{.terms = {stem("tire")}}};
    const double tired = db.get_termfreq(stem("tire"));
    REQUIRE(tired > 0);
    // Independent: 3 + tired - 3 * tired / documents.
    const auto expected = static_cast<Xapian::doccount>(3 + tired - 3 * tired / documents + 0.5);
    CHECK(qaindex::detail::estimated_matches(db, terms, 3) == expected);
    terms.others.push_back({.terms = {stem("nothingsuch")}});
    CHECK(qaindex::detail::estimated_matches(db, terms, 3) == expected);
    CHECK(qaindex::detail::estimated_matches(db, terms, db.get_doccount()) == db.get_doccount());
}
