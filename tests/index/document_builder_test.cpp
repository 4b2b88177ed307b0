// SPDX-License-Identifier: Apache-2.0
// Tests of DocumentBuilder: the terms, values and profile of one consultation.
#include "index/document_builder.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "index/schema.hpp"
#include "qaindex/lexicon.hpp"

namespace schema = qaindex::schema;
using qaindex::detail::DocumentBuilder;

namespace {

bool has_term(const Xapian::Document& document, const std::string& term) {
    auto it = document.termlist_begin();
    it.skip_to(term);
    return it != document.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("A document's profile holds its title and question words, concepts and kinds",
          "[index]") {
    qaindex::Consultation entry;
    entry.id.value = "neuro/1";
    entry.title = "Twitching eyelid";
    entry.question = "What causes my eyelid twitching? I have no headache. How is it treated?";
    entry.replies.push_back({.doctor = "Dr. Ye", .text = "Reduce coffee intake, sleep longer."});
    DocumentBuilder builder(qaindex::Lexicon::builtin());
    const auto built = builder.build(entry, std::nullopt);
    const auto profile = schema::decode_profile(built.document.get_value(schema::kProfileSlot));

    CHECK(profile.title == std::vector<std::string>{"twitch", "eyelid"});
    // Stop words are kept, marked: plain BM25 weighs "what" and "how" too.
    CHECK(profile.question == std::vector<std::string>{"_what", "caus", "_my", "eyelid", "twitch",
                                                       "_i", "_have", "_no", "headach", "_how",
                                                       "_is", "_it", "treat"});
    CHECK(profile.question_length == 13);
    CHECK(profile.reply_length == 5);  // reduce coffee intake sleep longer
    const std::string eyelid = schema::concept_term(schema::kSymptom, "QA:eyelid-twitching");
    CHECK(profile.title_concepts == std::vector<std::string>{eyelid});
    // The question's eyelid twitching again, not its negated headache.
    CHECK(profile.concepts == std::vector<std::string>{eyelid});
    CHECK(profile.kinds == std::vector<std::string>{"treatment", "cause"});

    const std::string key = schema::question_key(entry);
    CHECK(built.document.get_value(schema::kQuestionKeySlot) == key);
    CHECK(has_term(built.document, schema::term(schema::kQuestionKey, key)));
}

TEST_CASE("A long question keeps its first words in the profile and counts them all", "[index]") {
    qaindex::Consultation entry;
    entry.id.value = "long";
    for (std::size_t i = 0; i < schema::EntryProfile::kMaxQuestionWords + 10; ++i) {
        entry.question += "word" + std::to_string(i) + " ";
    }
    DocumentBuilder builder(qaindex::Lexicon::builtin());
    const auto profile = schema::decode_profile(
        builder.build(entry, std::nullopt).document.get_value(schema::kProfileSlot));
    CHECK(profile.title.empty());
    CHECK(profile.question.size() == schema::EntryProfile::kMaxQuestionWords);
    CHECK(profile.question.front() == "word0");
    CHECK(profile.question_length == schema::EntryProfile::kMaxQuestionWords + 10);
}
