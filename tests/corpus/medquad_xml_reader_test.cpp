// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/medquad_xml_reader.cpp: the three MedQuAD layouts, ids, broken XML.
#include "corpus/medquad_xml_reader.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "corpus/collect.hpp"
#include "qaindex/corpus.hpp"
#include "test_support.hpp"

using qaindex::Consultation;
using qaindex::Focus;
using qaindex::Problem;
using qaindex::Reply;

namespace {

qaindex::test::Collected parse(std::string_view text, std::string_view source,
                               std::string_view stem) {
    qaindex::test::Collected collected;
    const std::size_t count = qaindex::parse_medquad_xml(text, source, stem, collected.entry_sink(),
                                                         collected.diagnostic_sink());
    CHECK(count == collected.entries.size());
    return collected;
}

qaindex::test::Collected parse_fixture(const std::string& relative) {
    const auto path = qaindex::test::fixture("corpus/medquad/" + relative);
    return parse(qaindex::test::read_file(path), path.string(), path.stem().string());
}

}  // namespace

TEST_CASE("A MedQuAD Document gives one entry per answered pair", "[corpus][medquad]") {
    const auto got = parse_fixture("3_GHR_QA/0000001.xml");
    const std::string path = qaindex::test::fixture("corpus/medquad/3_GHR_QA/0000001.xml").string();
    REQUIRE(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 2);  // pair 2 has an empty answer

    const Focus focus{.name = "Example syndrome",
                      .synonyms = {"Example disorder", "EXS"},
                      .umls_cuis = {"C0000001", "C0000002"},
                      .semantic_types = {"T019", "T047"},
                      .semantic_group = "Disorders",
                      .categories = {}};
    const Consultation& first = got.entries[0];
    CHECK(first.id.value == "GHR_0000001_Sec1");
    CHECK(first.title == "Example syndrome");
    CHECK(first.question == "What is (are) Example syndrome ?");
    CHECK(first.replies == std::vector<Reply>{{.text = "Example syndrome is a made-up condition "
                                                       "used in tests. It affects the widow's "
                                                       "peak."}});
    CHECK(first.question_type == "information");
    CHECK(first.focus == focus);
    CHECK(first.url == "https://example.org/condition/example-syndrome");
    CHECK(first.language == "en");
    CHECK(first.source == path + ":22");
    CHECK(first.asker == qaindex::Asker{});
    CHECK_FALSE(first.asked.has_value());
    CHECK_FALSE(first.more_info.has_value());
    CHECK(first.similar.empty());
    CHECK(first.related.empty());
    CHECK_FALSE(first.specialty().has_value());

    // Numbered by position (third pair), not by pid (4); the answer is trimmed.
    const Consultation& second = got.entries[1];
    CHECK(second.id.value == "GHR_0000001_Sec3");
    CHECK(second.question_type == "symptoms");
    CHECK(second.replies == std::vector<Reply>{{.text = "Tiredness and\nmild fever."}});
    CHECK(second.source == path + ":30");
}

TEST_CASE("The <doc> and <DiseaseFile> layouts read like <Document>", "[corpus][medquad]") {
    SECTION("NINDS <doc>/<qaPairs>/<pair>") {
        const auto got = parse_fixture("6_NINDS_QA/0000007.xml");
        REQUIRE(got.diagnostics.empty());
        REQUIRE(got.entries.size() == 2);
        CHECK(got.entries[0].id.value == "NINDS_0000007_Sec1");
        CHECK(got.entries[0].title == "Example Palsy");
        CHECK(got.entries[0].question == "what is example palsy ?");
        CHECK(got.entries[0].question_type == "information");
        CHECK(got.entries[0].focus == Focus{.name = "Example Palsy"});
        CHECK(got.entries[0].url == "https://example.org/disorders/example-palsy");
        CHECK(got.entries[1].id.value == "NINDS_0000007_Sec2");
        CHECK(got.entries[1].replies == std::vector<Reply>{{.text = "Rest and physiotherapy."}});
        CHECK(got.entries[1].question_type == "treatment");
    }
    SECTION("CDC <DiseaseFile> with UMLS under the root and pids 1, 2, 5") {
        const auto got = parse_fixture("9_CDC_QA/0000397.xml");
        REQUIRE(got.diagnostics.empty());
        REQUIRE(got.entries.size() == 3);
        CHECK(got.entries[0].id.value == "CDC_0000397_Sec1");
        CHECK(got.entries[1].id.value == "CDC_0000397_Sec2");
        CHECK(got.entries[2].id.value == "CDC_0000397_Sec3");
        CHECK(got.entries[2].question_type == "exams and tests");
        CHECK(got.entries[2].replies[0].text == "Stool tests <b>on three days</b>.");
        CHECK(got.entries[0].focus == Focus{.name = "Parasites - Example"});
    }
    SECTION("MedlinePlus categories") {
        const auto got = parse_fixture("4_MPlus_Health_Topics_QA/0000002.xml");
        REQUIRE(got.entries.size() == 1);
        CHECK(got.entries[0].id.value == "MPlusHealthTopics_0000002_Sec1");
        CHECK(got.entries[0].focus == Focus{.name = "Example Test",
                                            .synonyms = {"EX test"},
                                            .categories = {"Other", "Test"}});
    }
}

TEST_CASE("Without a source attribute the folder names the source", "[corpus][medquad]") {
    const std::string xml =
        "<?xml version=\"1.0\"?>\n<doc docid=\"0000009\">\n<doctitle-focus>F</doctitle-focus>\n"
        "<qaPairs>\n<pair pid=\"1\"><question qtype=\"information\">what is f?</question>"
        "<answer>F is f.</answer></pair>\n</qaPairs>\n</doc>\n";
    const auto got = parse(xml, "medquad/6_NINDS_QA/0000009.xml", "0000009");
    REQUIRE(got.entries.size() == 1);
    CHECK(got.entries[0].id.value == "NINDS_0000009_Sec1");
    CHECK_FALSE(got.entries[0].url.has_value());

    struct Row {
        const char* folder;
        const char* source;
    };
    const Row rows[] = {
        {"6_NINDS_QA", "NINDS"},
        {"8_NHLBI_QA_XML", "NHLBI"},
        {"10_MPlus_ADAM_QA", "MPlus_ADAM"},
        {"custom", "custom"},
        {"", "MedQuAD"},
        {".", "MedQuAD"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.folder);
        CHECK(qaindex::detail::medquad_source_from_folder(row.folder) == row.source);
    }
}

TEST_CASE("Broken MedQuAD files yield a diagnostic naming file and line", "[corpus][medquad]") {
    struct Row {
        const char* name;
        std::string text;
        std::size_t line;
        Problem problem;
    };
    const Row rows[] = {
        {"mismatched end tag",
         "<?xml version=\"1.0\"?>\n<Document source=\"X\">\n<QAPairs>\n<QAPair>\n"
         "<Answer>a</Anwser>\n</QAPair>\n</QAPairs>\n</Document>\n",
         5, Problem::Malformed},
        {"ends inside an element", "<Document source=\"X\">\n<QAPairs>\n<QAPair>\n", 3,
         Problem::Malformed},
        {"not XML", "question,answer\n", 1, Problem::Malformed},
        {"empty file", "", 1, Problem::Malformed},
        {"another root element", "<?xml version=\"1.0\"?>\n\n<RQE><pair/></RQE>\n", 3,
         Problem::Malformed},
        {"no QAPairs", "<Document source=\"X\">\n<Focus>F</Focus>\n</Document>\n", 1,
         Problem::Malformed},
        {"invalid UTF-8", "<Document source=\"X\">\n<Focus>\xFF</Focus>\n</Document>\n", 2,
         Problem::InvalidUtf8},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        const auto got = parse(row.text, "dir/x.xml", "x");
        CHECK(got.entries.empty());
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(got.diagnostics[0].file == "dir/x.xml");
        CHECK(got.diagnostics[0].line == row.line);
        CHECK(got.diagnostics[0].problem == row.problem);
    }
}

TEST_CASE("An answered pair without a question is skipped, its siblings read",
          "[corpus][medquad]") {
    const std::string xml =
        "<Document source=\"X\">\n<QAPairs>\n"
        "<QAPair><Question qtype=\"a\">Q1</Question><Answer>A1</Answer></QAPair>\n"
        "<QAPair><Answer>A2</Answer></QAPair>\n"
        "<QAPair><Question qtype=\"a\"> </Question><Answer>A3</Answer></QAPair>\n"
        "<QAPair><Question>Q4</Question><Answer>A4</Answer></QAPair>\n"
        "</QAPairs>\n</Document>\n";
    const auto got = parse(xml, "x.xml", "x");
    REQUIRE(got.entries.size() == 2);
    CHECK(got.entries[0].id.value == "X_x_Sec1");
    CHECK(got.entries[1].id.value == "X_x_Sec4");
    CHECK_FALSE(got.entries[1].question_type.has_value());
    CHECK_FALSE(got.entries[1].title.has_value());
    CHECK_FALSE(got.entries[1].focus.has_value());
    REQUIRE(got.diagnostics.size() == 2);
    CHECK(qaindex::test::key_of(got.diagnostics[0]) ==
          qaindex::test::DiagnosticKey{"x.xml", 4, "QAPair 2", Problem::Malformed});
    CHECK(qaindex::test::key_of(got.diagnostics[1]) ==
          qaindex::test::DiagnosticKey{"x.xml", 5, "QAPair 3", Problem::Empty});
}

TEST_CASE("Deeply nested markup in an answer or a focus is read without recursion",
          "[corpus][medquad]") {
    // 200,000 nested <b> overflowed the stack in append_text() and collect(): the whole build
    // aborted with no diagnostic. The walk is iterative now, so depth costs no stack.
    constexpr std::size_t depth = 200000;
    std::string open;
    std::string close;
    for (std::size_t i = 0; i < depth; ++i) {
        open += "<b>";
        close += "</b>";
    }
    const std::string xml =
        "<Document source=\"X\">\n<Focus>F</Focus>\n<FocusAnnotations><Synonyms>" + open +
        "<Synonym>deep synonym</Synonym>" + close +
        "</Synonyms></FocusAnnotations>\n<QAPairs>\n"
        "<QAPair><Question>Q1</Question><Answer>" +
        open + "deep answer" + close + " tail" +
        "</Answer></QAPair>\n"
        "</QAPairs>\n</Document>\n";
    const auto got = parse(xml, "deep.xml", "deep");
    CHECK(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 1);
    REQUIRE(got.entries[0].replies.size() == 1);
    CHECK(got.entries[0].replies[0].text == "deep answer tail");
    REQUIRE(got.entries[0].focus.has_value());
    CHECK(got.entries[0].focus->synonyms == std::vector<std::string>{"deep synonym"});
}

TEST_CASE("Text and named elements are gathered in document order at any depth",
          "[corpus][medquad]") {
    const std::string xml =
        "<Document source=\"X\">\n<Focus>F</Focus>\n<FocusAnnotations><Synonyms>"
        "<Synonym>one</Synonym><g><Synonym>two <i>and</i> a half</Synonym><h/></g>"
        "<Synonym><Synonym>three</Synonym></Synonym><Synonym> </Synonym>"
        "</Synonyms></FocusAnnotations>\n<QAPairs>\n"
        "<QAPair><Question>Q<![CDATA[ 1]]></Question><Answer>a<b>b<i>c</i><e/>d</b>"
        "<![CDATA[e]]><!-- not text -->f</Answer></QAPair>\n"
        "</QAPairs>\n</Document>\n";
    const auto got = parse(xml, "order.xml", "order");
    REQUIRE(got.entries.size() == 1);
    CHECK(got.entries[0].question == "Q 1");
    CHECK(got.entries[0].replies[0].text == "abcdef");
    REQUIRE(got.entries[0].focus.has_value());
    CHECK(got.entries[0].focus->synonyms ==
          std::vector<std::string>{"one", "two and a half", "three"});
}

TEST_CASE("All of MedQuAD reads into 16,423 entries with unique ids", "[corpus][medquad][shared]") {
    QAINDEX_REQUIRE_SHARED("data/medquad");
    const auto files = qaindex::list_corpus(qaindex::test::shared_dir() / "data/medquad");
    CHECK(files.size() == 11274);  // LICENSE.txt and PROVENANCE.md are not corpus files
    std::size_t entries = 0;
    std::size_t answered_without_text = 0;
    std::set<std::string> ids;
    std::vector<qaindex::Diagnostic> diagnostics;
    for (const qaindex::CorpusFile& file : files) {
        REQUIRE(file.format == qaindex::CorpusFormat::MedquadXml);
        qaindex::read_corpus_file(
            file,
            [&](Consultation&& entry) {
                ++entries;
                ids.insert(entry.id.value);
                if (entry.replies.size() != 1 || entry.replies[0].text.empty() ||
                    entry.question.empty()) {
                    ++answered_without_text;
                }
            },
            [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); });
    }
    CHECK(entries == 16423);
    CHECK(ids.size() == entries);
    CHECK(answered_without_text == 0);
    CHECK(diagnostics.empty());
    CHECK(ids.count("GHR_0000001_Sec1") == 1);
    CHECK(ids.count("NINDS_0000007_Sec1") == 1);
    CHECK(ids.count("CDC_0000397_Sec1") == 1);
}
