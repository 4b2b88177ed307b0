// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/jsonl_reader.cpp: the JSON Lines schema, bad lines, format_json_line().
#include "qaindex/corpus.hpp"

#include <catch2/catch.hpp>

#include "corpus/collect.hpp"
#include "test_support.hpp"

using qaindex::Asker;
using qaindex::Consultation;
using qaindex::Date;
using qaindex::Problem;
using qaindex::Reply;
using qaindex::Sex;

namespace {

qaindex::test::Collected parse(std::string_view text, std::string_view source = "c.jsonl",
                               std::string_view id_base = "c.jsonl") {
    qaindex::test::Collected collected;
    const std::size_t count = qaindex::parse_json_lines(
        text, source, id_base, collected.entry_sink(), collected.diagnostic_sink());
    CHECK(count == collected.entries.size());
    return collected;
}

}  // namespace

TEST_CASE("JSON Lines fixture: ids, flat and listed replies, defaults", "[corpus][jsonl]") {
    const auto path = qaindex::test::fixture("corpus/jsonl/consultations.jsonl");
    const auto got =
        parse(qaindex::test::read_file(path), path.string(), "jsonl/consultations.jsonl");
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 3);

    const Consultation& first = got.entries[0];
    CHECK(first.id.value == "j-1");
    CHECK(first.title == "Night sweats");
    CHECK(first.question == "I wake up soaked in sweat most nights. Should I worry?");
    CHECK(first.asker == Asker{.name = "Lee", .age_group = "50~59", .sex = Sex::Male});
    CHECK(first.asked == Date{2023, 1, 5});
    CHECK(first.replies ==
          std::vector<Reply>{{.doctor = "Lin Meihua",
                              .specialty = "Internal Medicine",
                              .text = "Night sweats have many causes; please see a doctor for "
                                      "blood tests.",
                              .date = Date{2023, 1, 6}}});
    CHECK(first.language == "en");
    CHECK(first.source == path.string() + ":1");
    CHECK_FALSE(first.more_info.has_value());
    CHECK(first.similar.empty());
    CHECK(first.related.empty());
    CHECK_FALSE(first.focus.has_value());
    CHECK_FALSE(first.url.has_value());

    const Consultation& second = got.entries[1];
    CHECK(second.id.value == "jsonl/consultations.jsonl#3");  // line 2 is blank
    CHECK_FALSE(second.title.has_value());
    REQUIRE(second.replies.size() == 2);
    CHECK(second.replies[0] == Reply{.doctor = "Wu Jianguo",
                                     .specialty = "Cardiology",
                                     .text = "Ibuprofen can raise blood pressure; paracetamol "
                                             "is usually safer.",
                                     .date = Date{2023, 2, 1}});
    CHECK(second.replies[1].doctor == "Chen Yi");
    CHECK(second.replies[1].date == Date{2023, 2, 2});
    CHECK(second.specialty() == "Cardiology");
    CHECK(second.language == "en");  // detected: no Han characters
    CHECK(second.source == path.string() + ":3");

    const Consultation& third = got.entries[2];
    CHECK(third.id.value == "42");
    CHECK(third.question == "孩子发烧39度怎么办？");
    CHECK(third.replies == std::vector<Reply>{{.specialty = "儿科"}});
    CHECK(third.language == "zh");
}

TEST_CASE("Every key of the schema is read", "[corpus][jsonl]") {
    const auto got = parse(
        R"({"id":"full","title":"T","question":"Q","asker_name":"N","asker_age":35,)"
        R"("asker_sex":"F","asked":"2020/01/02","reply":"R","doctor":"D","specialty":"S",)"
        R"("replied":"2020.1.3","more_info":"M","similar":[{"title":"ST","question":"SQ",)"
        R"("doctor":"SD","specialty":"SS","reply":"SR"},{"title":"Only"}],)"
        R"j("related":[{"name":"RN","specialty":"RS"},{"name":""},"Face(Neurology)"],)j"
        R"("question_type":"symptoms","focus":{"name":"FN","synonyms":["a","b"],)"
        R"("umls_cuis":["C1"],"semantic_types":["T047"],"semantic_group":"Disorders",)"
        R"("categories":["Disease"]},"url":"https://example.org/q","lang":"en-GB","extra":[1,2]})");
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 1);
    const Consultation& e = got.entries[0];
    CHECK(e.id.value == "full");
    CHECK(e.title == "T");
    CHECK(e.question == "Q");
    CHECK(e.asker == Asker{"N", "35", Sex::Female});
    CHECK(e.asked == Date{2020, 1, 2});
    CHECK(e.replies == std::vector<Reply>{{"D", "S", "R", Date{2020, 1, 3}}});
    CHECK(e.more_info == "M");
    CHECK(e.similar ==
          std::vector<qaindex::SimilarQuestion>{{"ST", "SQ", "SD", "SS", "SR"}, {.title = "Only"}});
    CHECK(e.related == std::vector<qaindex::RelatedTopic>{
                           {"RN", "RS"}, {"", std::nullopt}, {"Face", "Neurology"}});
    CHECK(e.question_type == "symptoms");
    CHECK(e.focus == qaindex::Focus{"FN", {"a", "b"}, {"C1"}, {"T047"}, "Disorders", {"Disease"}});
    CHECK(e.url == "https://example.org/q");
    CHECK(e.language == "en-GB");
}

TEST_CASE("Null and empty strings are absent, blank lines and CRLF are harmless",
          "[corpus][jsonl]") {
    const auto got = parse(
        "\xEF\xBB\xBF\r\n"
        R"({"question":"Q","title":"","url":null,"reply":"","doctor":null})"
        "\r\n   \r\n"
        R"({"question":"Q2"})"
        "\r\n");
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 2);
    CHECK_FALSE(got.entries[0].title.has_value());
    CHECK_FALSE(got.entries[0].url.has_value());
    CHECK(got.entries[0].replies.empty());
    CHECK(got.entries[0].id.value == "c.jsonl#2");
    CHECK(got.entries[1].id.value == "c.jsonl#4");
    CHECK(got.entries[1].question == "Q2");
}

TEST_CASE("A malformed line is reported with its number and skipped", "[corpus][jsonl]") {
    struct Row {
        const char* line;
        Problem problem;
    };
    const Row rows[] = {
        {R"(not json)", Problem::Malformed},
        {R"({"question": "unfinished")", Problem::Malformed},
        {R"(["question", "Q"])", Problem::Malformed},
        {R"("just a string")", Problem::Malformed},
        {R"(12)", Problem::Malformed},
        {R"({"title": "no question"})", Problem::Malformed},
        {R"({"question": 5})", Problem::Malformed},
        {R"({"question": "  "})", Problem::Empty},
        {R"({"question": "Q", "title": ["T"]})", Problem::Malformed},
        {R"({"question": "Q", "id": 1.5})", Problem::Malformed},
        {R"({"question": "Q", "asked": "2021/02/30"})", Problem::Malformed},
        {R"({"question": "Q", "asked": "yesterday"})", Problem::Malformed},
        {R"({"question": "Q", "replied": 20210101})", Problem::Malformed},
        {R"({"question": "Q", "asker_sex": "other"})", Problem::Malformed},
        {R"({"question": "Q", "replies": {"text": "R"}})", Problem::Malformed},
        {R"({"question": "Q", "replies": ["R"]})", Problem::Malformed},
        {R"({"question": "Q", "replies": [{"text": "R", "date": "2020-13-01"}]})",
         Problem::Malformed},
        {R"({"question": "Q", "reply": "R", "replies": [{"text": "R2"}]})", Problem::Malformed},
        {R"({"question": "Q", "similar": [{"question": "no title"}]})", Problem::Malformed},
        {R"({"question": "Q", "related": [3]})", Problem::Malformed},
        {R"({"question": "Q", "focus": "F"})", Problem::Malformed},
        {R"({"question": "Q", "focus": {"synonyms": "a"}})", Problem::Malformed},
        {"{\"question\": \"Q \xE4\xBD\"}", Problem::InvalidUtf8},
    };
    for (const Row& row : rows) {
        CAPTURE(row.line);
        // The bad line sits between two good ones: only it is lost.
        const std::string text = std::string(R"({"id": "before", "question": "A"})") + "\n\n" +
                                 row.line + "\n" + R"({"id": "after", "question": "B"})";
        const auto got = parse(text, "dir/c.jsonl");
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(got.diagnostics[0].file == "dir/c.jsonl");
        CHECK(got.diagnostics[0].line == 3u);
        CHECK(got.diagnostics[0].problem == row.problem);
        CHECK_FALSE(got.diagnostics[0].message.empty());
        REQUIRE(got.entries.size() == 2);
        CHECK(got.entries[0].id.value == "before");
        CHECK(got.entries[1].id.value == "after");
    }
}

TEST_CASE("format_json_line round-trips consultations from every reader", "[corpus][jsonl]") {
    std::vector<Consultation> entries;
    {
        const std::string page =
            qaindex::test::read_file(qaindex::test::fixture("pages/cardiology.txt"));
        entries.push_back(*qaindex::parse_page(page, "pages/cardiology", "cardiology.txt"));
        const std::string zh =
            qaindex::test::read_file(qaindex::test::fixture("pages/zh_traditional.txt"));
        entries.push_back(*qaindex::parse_page(zh, "pages/zh", "zh.txt"));
        const std::string two =
            qaindex::test::read_file(qaindex::test::fixture("pages/two_doctors.txt"));
        entries.push_back(*qaindex::parse_page(two, "pages/two", "two.txt"));
    }
    Consultation medquad;
    medquad.id.value = "GHR_0000001_Sec1";
    medquad.title = "Example syndrome";
    medquad.question = "What is (are) Example syndrome ?";
    medquad.replies = {Reply{.text = "A \"quoted\"\nanswer\twith\\escapes"}};
    medquad.question_type = "information";
    medquad.focus =
        qaindex::Focus{"Example syndrome", {"EXS"}, {"C0000001"}, {"T047"}, "Disorders", {}};
    medquad.url = "https://example.org/x";
    medquad.language = "en";
    entries.push_back(medquad);

    std::string text;
    for (const Consultation& entry : entries) {
        const std::string line = qaindex::format_json_line(entry);
        CHECK(line.find('\n') == std::string::npos);
        text += line + "\n";
    }
    const auto got = parse(text, "round.jsonl");
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        CAPTURE(i);
        Consultation expected = entries[i];
        expected.source = "round.jsonl:" + std::to_string(i + 1);
        CHECK(got.entries[i] == expected);
    }
}

TEST_CASE("format_json_line writes the documented keys", "[corpus][jsonl]") {
    Consultation entry;
    entry.id.value = "x";
    entry.question = "Q";
    entry.asked = Date{2005, 3, 9};
    entry.replies = {
        Reply{.doctor = "D", .specialty = "S", .text = "R", .date = Date{2005, 3, 10}}};
    entry.language = "en";
    CHECK(qaindex::format_json_line(entry) ==
          R"({"id":"x","question":"Q","asked":"2005-03-09","reply":"R","doctor":"D",)"
          R"("specialty":"S","replied":"2005-03-10","lang":"en"})");
}
