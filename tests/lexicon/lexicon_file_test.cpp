// SPDX-License-Identifier: Apache-2.0
// Tests of lexicon loading: the TSV reader and the errors Lexicon::load reports (file:line).
#include "lexicon/lexicon_file.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "qaindex/errors.hpp"
#include "qaindex/lexicon.hpp"
#include "test_support.hpp"

namespace {

constexpr std::array<std::string_view, 2> two_columns = {"clinical", "lay"};

// A copy of the fixture lexicon with one file replaced.
void write_lexicon(const std::filesystem::path& dir, const std::string& file,
                   const std::string& content) {
    for (const char* name : {"symptoms.tsv", "conditions.tsv", "specialties.tsv", "synonyms.tsv"}) {
        std::filesystem::copy_file(qaindex::test::fixture("lexicon") / name, dir / name);
    }
    std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << content;
}

std::string load_error(const std::filesystem::path& dir) {
    try {
        (void)qaindex::Lexicon::load(dir);
    } catch (const qaindex::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("read_tsv skips comments and blank lines and counts lines", "[lexicon]") {
    const std::string text =
        "\xEF\xBB\xBF# comment\n\nclinical\tlay\r\nrenal | nephric \tkidney\n\n# more\n"
        "\thepatic||liver\n";
    const auto rows = qaindex::detail::read_tsv("x.tsv", text, two_columns);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 4);
    CHECK(rows[0].cells == std::vector<std::string>{"renal | nephric", "kidney"});
    CHECK(rows[1].line == 7);
    CHECK(qaindex::detail::split_list(rows[0].cells[0]) ==
          std::vector<std::string>{"renal", "nephric"});
    CHECK(qaindex::detail::split_list(rows[1].cells[1]) ==
          std::vector<std::string>{"hepatic", "liver"});
    CHECK(qaindex::detail::split_list("").empty());
    CHECK(qaindex::detail::split_list(" | ").empty());
}

TEST_CASE("read_tsv reports the file and line of malformed input", "[lexicon]") {
    struct Row {
        std::string text;
        const char* expected;
    };
    const Row rows[] = {
        {"clinical\tlay\nrenal\n", "x.tsv:2: expected 2 tab-separated cells, found 1"},
        {"# c\nclinical\tlay\na\tb\tc\n", "x.tsv:3: expected 2 tab-separated cells, found 3"},
        {"lay\tclinical\n", "x.tsv:1: expected the header \"clinical<TAB>lay\""},
        {"\n\nclinical\n", "x.tsv:3: expected the header"},
        {"", "x.tsv:1: no header line"},
        {"# only a comment\n", "x.tsv:1: no header line"},
        {"clinical\tlay\nrenal\tkid\xffney\n", "x.tsv:2: not valid UTF-8"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        try {
            (void)qaindex::detail::read_tsv("x.tsv", row.text, two_columns);
            FAIL("no error");
        } catch (const qaindex::InputError& error) {
            CHECK_THAT(error.what(), Catch::Contains(row.expected));
        }
    }
}

TEST_CASE("Lexicon::load names the file and line of a malformed row", "[lexicon]") {
    const std::string symptom_header =
        "id\tname\tparent\tspecialties\tclinical\tlay\tmisspellings\tchinese\n";
    const std::string condition_header = "id\tname\tspecialties\tclinical\tlay\tchinese\n";
    struct Row {
        const char* file;
        std::string content;
        const char* expected;
    };
    const Row rows[] = {
        {"symptoms.tsv", "# c\n\n" + symptom_header + "S:1\tfever\t\t\t\t\t\n",
         "symptoms.tsv:4: expected 8 tab-separated cells, found 7"},
        {"symptoms.tsv", "id\tname\n", "symptoms.tsv:1: expected the header"},
        {"symptoms.tsv", symptom_header + "\tfever\t\t\t\t\t\t\n", "symptoms.tsv:2: empty id"},
        {"symptoms.tsv", symptom_header + "S:1\t\t\t\t\t\t\t\n", "symptoms.tsv:2: empty name"},
        {"symptoms.tsv", symptom_header + "S 1\tfever\t\t\t\t\t\t\n",
         "symptoms.tsv:2: id \"S 1\" contains a space"},
        {"symptoms.tsv", symptom_header + "S:1\tfever\t\t\t\t\t\t\nS:1\tcough\t\t\t\t\t\t\n",
         "symptoms.tsv:3: duplicate symptom id \"S:1\""},
        {"symptoms.tsv", symptom_header + "S:1\tfever\tS:9\t\t\t\t\t\n",
         "symptoms.tsv:2: unknown parent symptom \"S:9\""},
        {"symptoms.tsv", symptom_header + "S:1\tfever\tS:2\t\t\t\t\t\nS:2\tcough\tS:1\t\t\t\t\t\n",
         "symptoms.tsv:2: \"S:1\" is its own ancestor"},
        {"symptoms.tsv", symptom_header + "S:1\tfever\t\tPodiatry\t\t\t\t\n",
         "symptoms.tsv:2: unknown specialty \"Podiatry\""},
        {"symptoms.tsv", symptom_header + "S:1\tfever\t\t\t\tthe|a\t\t\n",
         "symptoms.tsv:2: \"the\" has nothing but stop words"},
        {"conditions.tsv", condition_header + "C:1\tflu\t\t\t\t\textra\n",
         "conditions.tsv:2: expected 6 tab-separated cells, found 7"},
        {"conditions.tsv", condition_header + "C:1\tflu\t\t\t\t\nC:1\tgout\t\t\t\t\n",
         "conditions.tsv:3: duplicate condition id \"C:1\""},
        {"specialties.tsv", "name\taliases\tchinese\nNeurology\tneuro\t\nPsychiatry\tneuro\t\n",
         "specialties.tsv:3: \"neuro\" also names Neurology"},
        {"specialties.tsv", "name\taliases\tchinese\nNeurology\t\t\nNeurology\t\t\n",
         "specialties.tsv:3: duplicate specialty \"Neurology\""},
        {"specialties.tsv", "name\taliases\tchinese\nNeurology\tdepartment\t\n",
         "specialties.tsv:2: \"department\" has no words that name a specialty"},
        {"synonyms.tsv", "clinical\tlay\nrenal\tkidney\n | \t|\n",
         "synonyms.tsv:3: empty synonym group"},
        {"synonyms.tsv", "clinical\tlay\nrenal\tkid\xc3\n", "synonyms.tsv:2: not valid UTF-8"},
        {"synonyms.tsv", "", "synonyms.tsv:1: no header line"},
    };
    int case_number = 0;
    for (const Row& row : rows) {
        CAPTURE(row.file, row.content);
        const qaindex::test::ScratchDir dir("lexicon-error-" + std::to_string(case_number++));
        write_lexicon(dir.path(), row.file, row.content);
        const std::string error = load_error(dir.path());
        CHECK_THAT(error, Catch::Contains(row.expected));
        CHECK_THAT(error, Catch::Contains((dir.path() / row.file).string()));
    }
}

TEST_CASE("Lexicon::load reports a missing file", "[lexicon]") {
    const qaindex::test::ScratchDir dir("lexicon-missing");
    write_lexicon(dir.path(), "synonyms.tsv", "clinical\tlay\n");
    std::filesystem::remove(dir.path() / "conditions.tsv");
    CHECK_THAT(load_error(dir.path()), Catch::Contains("conditions.tsv: cannot open"));
    CHECK_THAT(load_error(dir.path() / "nowhere"), Catch::Contains("nowhere"));
}
