// SPDX-License-Identifier: Apache-2.0
// Tests of lib/search/lexicon_index.cpp on the fixture lexicon: a concept's forms, which words
// name it, word synonyms, misspellings, and the compiled form read back equal.
#include "search/lexicon_index.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "test_support.hpp"

namespace {

using qaindex::ConceptKind;
using qaindex::detail::LexiconIndex;

const qaindex::Lexicon& fixture_lexicon() {
    static const qaindex::Lexicon lexicon =
        qaindex::Lexicon::load(qaindex::test::fixture("lexicon"));
    return lexicon;
}

}  // namespace

TEST_CASE("LexiconIndex: every form of a concept, and the words that name it", "[search]") {
    const auto index = LexiconIndex::build(fixture_lexicon());
    const auto* forms = index->concept_forms(ConceptKind::Symptom, "SYMP:0000504");
    REQUIRE(forms != nullptr);
    std::set<std::string> texts;
    for (const auto& form : *forms) {
        texts.insert(form.text);
    }
    // headache: its name, clinical and lay names, and Chinese form (folded to Simplified).
    for (const char* text : {"headache", "cephalalgia", "head pain", "my head hurts"}) {
        INFO(text);
        CHECK(texts.count(text) == 1);
    }
    CHECK(index->concept_forms(ConceptKind::Symptom, "SYMP:nope") == nullptr);
    CHECK(index->concept_forms(ConceptKind::Condition, "QA:migraine") != nullptr);

    struct Row {
        const char* content_key;
        const char* terms;
        bool names;
    };
    const Row rows[] = {
        {"headach", "headache", true},        // a form's stems
        {"head pain", "head pain", true},     // a lay form
        {"headach", "headach", true},         // the misspelling, word for word
        {"chest pain", "chest pain", false},  // another symptom's form
        {"head", "head", false},              // part of a form
    };
    for (const Row& row : rows) {
        INFO(row.content_key << " / " << row.terms);
        CHECK(index->names_concept(ConceptKind::Symptom, "SYMP:0000504", row.content_key,
                                   row.terms) == row.names);
    }
}

TEST_CASE("LexiconIndex: word synonym groups by key, misspellings, known words", "[search]") {
    const auto index = LexiconIndex::build(fixture_lexicon());
    const auto* renal = index->groups_of("renal");
    REQUIRE(renal != nullptr);
    REQUIRE(renal->size() == 1);
    std::set<std::string> group;
    for (const auto& phrase : index->group(renal->front())) {
        group.insert(phrase.text);
    }
    CHECK(group == std::set<std::string>{"renal", "kidney"});
    CHECK(index->groups_of("spleen") == nullptr);
    CHECK(index->longest_phrase() >= 2);  // "x-ray image"

    REQUIRE(index->correction("headach") != nullptr);
    CHECK(*index->correction("headach") == "headache");
    CHECK(index->correction("headache") == nullptr);
    CHECK(index->knows_word("headache"));
    CHECK(index->knows_word("kidney"));
    CHECK_FALSE(index->knows_word("headach"));
}

TEST_CASE("LexiconIndex written and read back answers the same", "[search]") {
    const auto built = LexiconIndex::build(fixture_lexicon());
    qaindex::detail::BinaryWriter out;
    built->write(out);
    const std::string bytes = out.bytes();  // outlives the index read from it
    qaindex::detail::BinaryReader in(bytes);
    const auto read = LexiconIndex::read(in);
    for (const auto& symptom : fixture_lexicon().symptoms()) {
        INFO(symptom.id);
        const auto* a = built->concept_forms(ConceptKind::Symptom, symptom.id);
        const auto* b = read->concept_forms(ConceptKind::Symptom, symptom.id);
        REQUIRE((a == nullptr) == (b == nullptr));
        if (a != nullptr) {
            CHECK(*a == *b);
        }
    }
    CHECK(read->longest_phrase() == built->longest_phrase());
    CHECK(*read->groups_of("renal") == *built->groups_of("renal"));
    // The same bytes again: write() does not depend on how the index was made.
    qaindex::detail::BinaryWriter again;
    read->write(again);
    CHECK(again.bytes() == bytes);
}
