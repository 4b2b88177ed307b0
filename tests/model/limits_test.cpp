// SPDX-License-Identifier: Apache-2.0
// Tests of lib/model/limits.cpp's own functions: which field exceeds_limits() names, the
// entry's total, the query's length, and the sizes as people read them. Where the limits are
// enforced (readers, IndexWriter, Searcher): tests/integration/limits_test.cpp.
#include "qaindex/limits.hpp"

#include <catch2/catch.hpp>

#include <functional>

using qaindex::Consultation;
using qaindex::kMaxFieldBytes;

TEST_CASE("exceeds_limits names the field that is too large", "[model][limits]") {
    const std::string big(kMaxFieldBytes + 1, 'x');
    struct Row {
        const char* name;  // as the message names it
        std::function<void(Consultation&)> set;
    };
    const Row rows[] = {
        {"id", [&](Consultation& c) { c.id.value = big; }},
        {"title", [&](Consultation& c) { c.title = big; }},
        {"question", [&](Consultation& c) { c.question = big; }},
        {"asker name", [&](Consultation& c) { c.asker.name = big; }},
        {"age group", [&](Consultation& c) { c.asker.age_group = big; }},
        {"reply doctor", [&](Consultation& c) { c.replies.push_back({.doctor = big}); }},
        {"reply specialty", [&](Consultation& c) { c.replies.push_back({.specialty = big}); }},
        {"reply", [&](Consultation& c) { c.replies.push_back({.text = big}); }},
        {"More Info article", [&](Consultation& c) { c.more_info = big; }},
        {"Similar Q&A title", [&](Consultation& c) { c.similar.push_back({.title = big}); }},
        {"Related FAQ topic", [&](Consultation& c) { c.related.push_back({.name = big}); }},
        {"question type", [&](Consultation& c) { c.question_type = big; }},
        {"focus", [&](Consultation& c) { c.focus = qaindex::Focus{.name = big}; }},
        {"focus annotation",
         [&](Consultation& c) {
             c.focus = qaindex::Focus{.synonyms = {"ok", big}};
         }},
        {"source", [&](Consultation& c) { c.source = big; }},
        {"url", [&](Consultation& c) { c.url = big; }},
        {"language", [&](Consultation& c) { c.language = big; }},
    };
    for (const Row& row : rows) {
        INFO(row.name);
        Consultation entry{.id = {"id-1"}, .question = "short"};
        row.set(entry);
        const auto problem = qaindex::exceeds_limits(entry);
        REQUIRE(problem);
        CHECK(*problem == "the " + std::string(row.name) + " is 1,048,577 bytes; a field may " +
                              "hold at most 1,048,576 bytes (1 MiB)");
    }
}

TEST_CASE("exceeds_limits: a field at the limit passes, fields over 4 MiB together do not",
          "[model][limits]") {
    CHECK_FALSE(qaindex::exceeds_limits(
        Consultation{.id = {"id-1"}, .question = std::string(kMaxFieldBytes, 'q')}));
    // The id's 4 bytes and the question make 1 MiB; three replies of 1 MiB make 4 MiB in all.
    Consultation entry{.id = {"id-1"}, .question = std::string(kMaxFieldBytes - 4, 'q')};
    for (int i = 0; i < 3; ++i) {
        entry.replies.push_back({.text = std::string(kMaxFieldBytes, 'r')});
    }
    CHECK_FALSE(qaindex::exceeds_limits(entry));
    entry.replies.push_back({.text = "one more"});
    CHECK(qaindex::exceeds_limits(entry) ==
          "the fields hold 4,194,312 bytes together; an entry may hold at most 4,194,304 bytes "
          "(4 MiB)");
}

TEST_CASE("query_too_long gives the query's size and the limit in KiB", "[model][limits]") {
    CHECK_FALSE(qaindex::query_too_long(""));
    CHECK_FALSE(qaindex::query_too_long(std::string(qaindex::kMaxQueryBytes, 'q')));
    CHECK(qaindex::query_too_long(std::string(qaindex::kMaxQueryBytes + 1000, 'q')) ==
          "the query is 66,536 bytes; the longest accepted is 65,536 bytes (64 KiB)");
}
