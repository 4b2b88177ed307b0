// SPDX-License-Identifier: Apache-2.0
// Tests of the index schema helpers: terms, normalised filter values, stored data round trip.
#include "index/schema.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "qaindex/errors.hpp"

namespace schema = qaindex::schema;

TEST_CASE("Terms follow Xapian's prefix conventions", "[index]") {
    CHECK(schema::term(schema::kSpecialty, "neurology") == "XPneurology");
    CHECK(schema::term(schema::kId, "GHR_0000123_Sec2") == "Q:GHR_0000123_Sec2");
    CHECK(schema::term(schema::kId, "neurology/000") == "Qneurology/000");
    const std::string long_value(400, 'a');
    CHECK(schema::term(schema::kFile, long_value).size() <= 245);
    // A cut never splits a UTF-8 sequence.
    std::string han;
    for (int i = 0; i < 100; ++i) {
        han += "痙";
    }
    const std::string cut = schema::term("XF", han);
    CHECK(cut.size() <= 245);
    CHECK((cut.size() - 2) % 3 == 0);
}

TEST_CASE("Filter values are normalised the same way at index and query time", "[index]") {
    CHECK(schema::slug("Obstetrics and Gynecology") == "obstetrics-and-gynecology");
    CHECK(schema::slug("  Ear, Nose & Throat ") == "ear-nose-throat");
    CHECK(schema::normalise_age_group("10~19") == "10-19");
    CHECK(schema::normalise_age_group("10-19 years") == "10-19");
    CHECK(schema::normalise_age_group("10 to 19") == "10-19");
    CHECK(schema::normalise_age_group("Adult") == "adult");
    CHECK(schema::normalise_doctor("Dr. Ye Boshou") == "ye boshou");
    CHECK(schema::normalise_doctor("Ye Boshou") == "ye boshou");
    CHECK(schema::date_value({2005, 3, 9}) == "20050309");
}

TEST_CASE("File keys stay short enough for terms and metadata keys", "[index]") {
    CHECK(schema::file_key("neurology/a.txt") == "neurology/a.txt");
    const std::string long_path = std::string(300, 'd') + "/x.txt";
    const std::string key = schema::file_key(long_path);
    CHECK(key.size() < 160);
    CHECK(key != schema::file_key(std::string(300, 'd') + "/y.txt"));
}

TEST_CASE("Stored entries round-trip through their JSON form", "[index]") {
    schema::StoredEntry stored;
    stored.entry.id.value = "neurology/000";
    stored.entry.title = "Facial nerve";
    stored.entry.question = "Why does my face twitch?\nSince March.";
    stored.entry.asker = {.name = "Xiao Jie", .age_group = "10~19", .sex = qaindex::Sex::Female};
    stored.entry.asked = qaindex::Date{2005, 3, 9};
    stored.entry.replies.push_back({.doctor = "Ye Boshou",
                                    .specialty = "Neurology",
                                    .text = "Reduce coffee.",
                                    .date = qaindex::Date{2005, 3, 10}});
    stored.entry.replies.push_back({.doctor = std::nullopt, .specialty = std::nullopt,
                                    .text = "第二個回覆", .date = std::nullopt});
    stored.entry.question_type = "symptoms";
    stored.entry.focus = qaindex::Focus{.name = "Bell's palsy",
                                        .synonyms = {"facial palsy"},
                                        .umls_cuis = {"C0376175"},
                                        .semantic_types = {"T047"},
                                        .semantic_group = "Disorders",
                                        .categories = {}};
    stored.entry.source = "corpus/neurology/000.txt";
    stored.entry.language = "en";
    stored.specialty = "Neurology";
    stored.symptoms = {"symp:0000462", "qa:eyelid-twitching"};
    stored.file = "neurology/000.txt";

    const schema::StoredEntry back = schema::decode(schema::encode(stored));
    CHECK(back == stored);
    CHECK_FALSE(back.entry.url.has_value());
    CHECK_FALSE(back.entry.asker.name == std::optional<std::string>{});
}

TEST_CASE("Stored data keeps More Info and the page's lists on a line decode() does not read",
          "[index]") {
    schema::StoredEntry stored;
    stored.entry.id.value = "neuro/1";
    stored.entry.question = "Why does my face twitch?";
    stored.entry.more_info = "Facial twitching\n1. Causes\nStress and \"caffeine\".";
    stored.entry.similar.push_back({.title = "Cheek twitching",
                                    .question_excerpt = "My cheek...",
                                    .doctor = "Ye Boshou",
                                    .specialty = std::nullopt,
                                    .reply_excerpt = "Sleep more."});
    stored.entry.similar.push_back({.title = "Eyelid", .question_excerpt = std::nullopt,
                                    .doctor = std::nullopt, .specialty = "Neurology",
                                    .reply_excerpt = std::nullopt});
    stored.entry.related.push_back({.name = "Facial Twitching", .specialty = "Neurology"});
    stored.entry.related.push_back({.name = "", .specialty = std::nullopt});
    stored.specialty = "Neurology";

    const std::string data = schema::encode(stored);
    CHECK(std::count(data.begin(), data.end(), '\n') == 1);
    CHECK(schema::decode_whole(data) == stored);
    schema::StoredEntry first_line = stored;
    first_line.entry.more_info.reset();
    first_line.entry.similar.clear();
    first_line.entry.related.clear();
    CHECK(schema::decode(data) == first_line);

    // An entry with none of them is one line, read alike by both.
    const std::string one_line = schema::encode(first_line);
    CHECK(one_line.find('\n') == std::string::npos);
    CHECK(schema::decode_whole(one_line) == first_line);
}

TEST_CASE("Corrupt stored data is an IndexError", "[index]") {
    CHECK_THROWS_AS(schema::decode("{not json"), qaindex::IndexError);
    CHECK_THROWS_AS(schema::decode("{\"title\":\"no id\"}"), qaindex::IndexError);
    CHECK_THROWS_AS(schema::decode_whole("{\"id\":\"a\",\"question\":\"q\"}\n{not json"),
                    qaindex::IndexError);
    CHECK_NOTHROW(schema::decode("{\"id\":\"a\",\"question\":\"q\"}\n{not json"));
}

TEST_CASE("The content hash changes with any indexed field", "[index]") {
    qaindex::Consultation a;
    a.id.value = "x";
    a.question = "q";
    qaindex::Consultation b = a;
    CHECK(schema::content_hash(a) == schema::content_hash(b));
    b.more_info = "longer article";
    CHECK(schema::content_hash(a) != schema::content_hash(b));
    b = a;
    b.related.push_back({.name = "Face", .specialty = "Neurology"});
    CHECK(schema::content_hash(a) != schema::content_hash(b));
}

TEST_CASE("Entry profiles round-trip through their value form", "[index]") {
    schema::EntryProfile profile{.title = {"facial", "nerv"},
                                 .question = {"face", "twitch", "month"},
                                 .question_length = 40,
                                 .reply_length = 120,
                                 .title_concepts = {"XSqa:facial-twitching"},
                                 .concepts = {"XSqa:facial-twitching", "XCbell's palsy"},
                                 .kinds = {"cause", "treatment"}};
    CHECK(schema::decode_profile(schema::encode_profile(profile)) == profile);
    const schema::EntryProfile empty;
    CHECK(schema::decode_profile(schema::encode_profile(empty)) == empty);
}

TEST_CASE("A corrupt entry profile is an IndexError", "[index]") {
    // Empty, too few lines, the format before this one, bad counts, a line short.
    for (const char* bad : {"", "2\n", "1\na\nb\n1 2\n\n\n\n", "2\na\nb\nx 2\n\n\n\n",
                            "2\na\nb\n12\n\n\n\n", "2\na\nb\n1 2\n\n\n"}) {
        INFO(bad);
        CHECK_THROWS_AS(schema::decode_profile(bad), qaindex::IndexError);
    }
}

TEST_CASE("Questions are keyed by their normalised title and question", "[index]") {
    CHECK(schema::normalised_text("What is (are) Glaucoma ?") == "what is are glaucoma");
    CHECK(schema::normalised_text("  hello doctor why ") == "hello doctor why");
    CHECK(schema::normalised_text("面部 抽搐?") == "面部 抽搐");
    CHECK(schema::normalised_text("...") == "");

    qaindex::Consultation a;
    a.title = "Glaucoma";
    a.question = "What are the treatments for Glaucoma ?";
    qaindex::Consultation b = a;
    b.id.value = "other";
    b.question = "what are the TREATMENTS for glaucoma?";
    b.replies.push_back({.text = "another source's answer"});
    CHECK(schema::question_key(a) == schema::question_key(b));
    qaindex::Consultation c = a;
    c.title = "Glaucoma, open-angle";
    CHECK(schema::question_key(a) != schema::question_key(c));
    qaindex::Consultation d = a;
    d.question = "What are the treatments for glaucoma after laser surgery?";
    CHECK(schema::question_key(a) != schema::question_key(d));
}
