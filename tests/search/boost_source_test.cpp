// SPDX-License-Identifier: Apache-2.0
// Tests of lib/search/boost_source.cpp: TermBoostSource weighs each document holding its term
// by the term's idf, and nothing else.
#include "search/boost_source.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

namespace {

// Ten documents; "XSa" on 1, 4, 7 and 10, "XSb" on every one, "XSc" on none.
Xapian::WritableDatabase tagged_database() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 1; i <= 10; ++i) {
        Xapian::Document document;
        document.add_term("word");
        if (i % 3 == 1) {
            document.add_boolean_term("XSa");
        }
        document.add_boolean_term("XSb");
        db.add_document(document);
    }
    return db;
}

std::map<Xapian::docid, double> run(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::map<Xapian::docid, double> out;
    const Xapian::MSet match = enquire.get_mset(0, 100);
    for (auto it = match.begin(); it != match.end(); ++it) {
        out[*it] = it.get_weight();
    }
    return out;
}

}  // namespace

TEST_CASE("TermBoostSource::idf is BM25's idf, never below 0.1", "[search]") {
    struct Row {
        double documents;
        double frequency;
        double expected;
    };
    const Row rows[] = {
        {10, 3, std::log(7.5 / 3.5)},
        {1000, 1, std::log(999.5 / 1.5)},
        {10, 5, 0.1},   // log 1 = 0: floored
        {10, 10, 0.1},  // negative: floored
    };
    for (const Row& row : rows) {
        INFO(row.documents << " documents, " << row.frequency << " with the term");
        CHECK(qaindex::detail::TermBoostSource::idf(row.documents, row.frequency) ==
              Approx(row.expected));
    }
}

TEST_CASE("A boost query matches the term's documents, each weighted idf x factor", "[search]") {
    const auto db = tagged_database();
    const double idf = qaindex::detail::TermBoostSource::idf(10, 4);
    const auto a = run(db, qaindex::detail::boost_query("XSa", 2.0));
    REQUIRE(a.size() == 4);
    for (const Xapian::docid docid : {1U, 4U, 7U, 10U}) {
        INFO(docid);
        REQUIRE(a.count(docid) == 1);
        CHECK(a.at(docid) == Approx(2.0 * idf));
    }
    CHECK(run(db, qaindex::detail::boost_query("XSb", 1.0)).size() == 10);
    CHECK(run(db, qaindex::detail::boost_query("XSc", 1.0)).empty());

    // With AND_MAYBE it reorders what the words match and matches nothing itself.
    const auto maybe = run(db, Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query("XSc"),
                                             qaindex::detail::boost_query("XSa", 1.0)));
    CHECK(maybe.empty());
}

TEST_CASE("A TermBoostSource rebuilds from its serialised form, as another thread does",
          "[search]") {
    const qaindex::detail::TermBoostSource source("XSa");
    CHECK(source.serialise() == "XSa");
    std::unique_ptr<qaindex::detail::TermBoostSource> copy(source.unserialise("XSa"));
    CHECK(copy->serialise() == "XSa");
    CHECK(copy->name() == "qaindex::TermBoostSource");
    const auto db = tagged_database();
    copy->init(db);
    CHECK(copy->get_termfreq_est() == 4);
    CHECK(copy->get_weight() == Approx(qaindex::detail::TermBoostSource::idf(10, 4)));
    std::vector<Xapian::docid> seen;
    for (copy->next(0); !copy->at_end(); copy->next(0)) {
        seen.push_back(copy->get_docid());
    }
    CHECK(seen == std::vector<Xapian::docid>{1, 4, 7, 10});
}
