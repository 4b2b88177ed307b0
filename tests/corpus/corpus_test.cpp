// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/corpus.cpp: format detection, listing folders, reading files, bad input.
#include "qaindex/corpus.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "corpus/collect.hpp"
#include "qaindex/errors.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using qaindex::CorpusFile;
using qaindex::CorpusFormat;
using qaindex::Problem;
using qaindex::test::Collected;
using qaindex::test::DiagnosticKey;

namespace {

void write(const fs::path& path, std::string_view text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

constexpr std::string_view kGoodPage = "Title\nQuestion\nAsk Date: 2020/01/01\n";

Collected read_all(const std::vector<CorpusFile>& files) {
    Collected collected;
    for (const CorpusFile& file : files) {
        const std::size_t before = collected.entries.size();
        const std::size_t count =
            qaindex::read_corpus_file(file, collected.entry_sink(), collected.diagnostic_sink());
        CHECK(count == collected.entries.size() - before);
    }
    return collected;
}

std::vector<std::string> relatives(const std::vector<CorpusFile>& files) {
    std::vector<std::string> out;
    for (const CorpusFile& file : files) {
        out.push_back(file.relative);
    }
    return out;
}

// The table in tests/data/bad/README.md: file -> expected diagnostic.
std::map<std::string, DiagnosticKey> bad_input_table() {
    std::map<std::string, DiagnosticKey> table;
    const std::map<std::string, Problem> problems = {
        {"invalid-utf8", Problem::InvalidUtf8}, {"binary-file", Problem::BinaryFile},
        {"truncated", Problem::Truncated},      {"malformed", Problem::Malformed},
        {"unreadable", Problem::Unreadable},    {"empty", Problem::Empty}};
    std::istringstream readme(qaindex::test::read_file(qaindex::test::fixture("bad/README.md")));
    std::string line;
    while (std::getline(readme, line)) {
        if (!line.starts_with("| `")) {
            continue;
        }
        std::vector<std::string> cells;
        std::istringstream row(line.substr(1));
        std::string cell;
        while (std::getline(row, cell, '|')) {
            const auto first = cell.find_first_not_of(" `");
            const auto last = cell.find_last_not_of(" `");
            cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
        }
        REQUIRE(cells.size() >= 4);
        const fs::path path = qaindex::test::fixture("bad/" + cells[0]);
        REQUIRE(problems.count(cells[1]) == 1);
        table[cells[0]] =
            DiagnosticKey{path.string(), std::stoul(cells[2]),
                          cells[3].empty() ? std::nullopt : std::optional<std::string>(cells[3]),
                          problems.at(cells[1])};
    }
    return table;
}

}  // namespace

TEST_CASE("Formats have stable names", "[corpus]") {
    CHECK(qaindex::to_string(CorpusFormat::ConsultationPage) == "page");
    CHECK(qaindex::to_string(CorpusFormat::JsonLines) == "jsonl");
    CHECK(qaindex::to_string(CorpusFormat::MedquadXml) == "medquad-xml");
    CHECK(qaindex::to_string(CorpusFormat::ConsultationCsv) == "csv");
}

TEST_CASE("detect_format goes by extension and skips project files", "[corpus]") {
    struct Row {
        const char* path;
        std::optional<CorpusFormat> format;
    };
    const Row rows[] = {
        {"a.txt", CorpusFormat::ConsultationPage},
        {"dir/sub/000_9ccf1e5a58cd5c5b.txt", CorpusFormat::ConsultationPage},
        {"CHEST.TXT", CorpusFormat::ConsultationPage},
        {"x.jsonl", CorpusFormat::JsonLines},
        {"x.ndjson", CorpusFormat::JsonLines},
        {"0000001.xml", CorpusFormat::MedquadXml},
        {"sample.CSV", CorpusFormat::ConsultationCsv},
        {"noticeable_rash.txt", CorpusFormat::ConsultationPage},
        {"readmeister.txt", CorpusFormat::ConsultationPage},
        {"README", std::nullopt},
        {"README.md", std::nullopt},
        {"Readme.txt", std::nullopt},
        {"readme-zh.txt", std::nullopt},
        {"LICENSE.txt", std::nullopt},
        {"Licence", std::nullopt},
        {"LICENSE_MIT.txt", std::nullopt},
        {"COPYING.txt", std::nullopt},
        {"NOTICE.txt", std::nullopt},
        {"PROVENANCE.md", std::nullopt},
        {"provenance.xml", std::nullopt},
        {".hidden.txt", std::nullopt},
        {"dir/.txt", std::nullopt},
        {"notes.md", std::nullopt},
        {"data.json", std::nullopt},
        {"page.txt.bak", std::nullopt},
        {"symp.obo", std::nullopt},
        {"noextension", std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.path);
        CHECK(qaindex::detect_format(row.path) == row.format);
    }
}

TEST_CASE("list_corpus lists consultation files recursively in path order", "[corpus]") {
    const fs::path root = qaindex::test::fixture("corpus");
    std::vector<qaindex::Diagnostic> diagnostics;
    const auto files =
        qaindex::list_corpus(root, [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); });
    CHECK(diagnostics.empty());
    CHECK(relatives(files) == std::vector<std::string>{
                                  "jsonl/consultations.jsonl",
                                  "jsonl/extra.ndjson",
                                  "medquad/3_GHR_QA/0000001.xml",
                                  "medquad/4_MPlus_Health_Topics_QA/0000002.xml",
                                  "medquad/6_NINDS_QA/0000007.xml",
                                  "medquad/9_CDC_QA/0000397.xml",
                                  "pages/CHEST.TXT",
                                  "pages/neurology/facial_twitch.txt",
                                  "pages/noticeable_rash.txt",
                                  "zh/consultations.csv",
                              });
    for (const CorpusFile& file : files) {
        CAPTURE(file.relative);
        CHECK(file.path == root / file.relative);
        CHECK(file.size == fs::file_size(file.path));
        CHECK(file.modified > 0);
        CHECK(qaindex::detect_format(file.path) == file.format);
    }
    CHECK(files[0].format == CorpusFormat::JsonLines);
    CHECK(files[2].format == CorpusFormat::MedquadXml);
    CHECK(files[6].format == CorpusFormat::ConsultationPage);
    CHECK(files[9].format == CorpusFormat::ConsultationCsv);
}

TEST_CASE("CorpusFile records size in bytes and mtime in nanoseconds", "[corpus]") {
    const qaindex::test::ScratchDir scratch("corpus-mtime");
    const fs::path page = scratch.path() / "a.txt";
    write(page, kGoodPage);
    const timespec times[2] = {{1'600'000'000, 123'456'789}, {1'600'000'000, 123'456'789}};
    REQUIRE(::utimensat(AT_FDCWD, page.c_str(), times, 0) == 0);
    const auto files = qaindex::list_corpus(scratch.path());
    REQUIRE(files.size() == 1);
    CHECK(files[0].relative == "a.txt");
    CHECK(files[0].size == kGoodPage.size());
    CHECK(files[0].modified == 1'600'000'000'123'456'789);
}

TEST_CASE("Every format of the fixture corpus is read through read_corpus_file", "[corpus]") {
    const auto files = qaindex::list_corpus(qaindex::test::fixture("corpus"));
    const Collected got = read_all(files);
    CHECK(got.diagnostics.empty());
    REQUIRE(got.entries.size() == 19);
    std::set<std::string> ids;
    for (const qaindex::Consultation& entry : got.entries) {
        ids.insert(entry.id.value);
        CHECK_FALSE(entry.question.empty());
        CHECK(entry.source.has_value());
        CHECK(entry.language.has_value());
    }
    CHECK(ids.size() == got.entries.size());
    for (const char* id :
         {"j-1", "jsonl/consultations.jsonl#3", "42", "n-1", "GHR_0000001_Sec1", "GHR_0000001_Sec3",
          "MPlusHealthTopics_0000002_Sec1", "NINDS_0000007_Sec2", "CDC_0000397_Sec3", "pages/CHEST",
          "pages/neurology/facial_twitch", "pages/noticeable_rash", "zh/consultations.csv#1",
          "zh/consultations.csv#4"}) {
        CAPTURE(id);
        CHECK(ids.count(id) == 1);
    }
    const auto page = std::find_if(got.entries.begin(), got.entries.end(), [](const auto& e) {
        return e.id.value == "pages/neurology/facial_twitch";
    });
    REQUIRE(page != got.entries.end());
    CHECK(page->source ==
          (qaindex::test::fixture("corpus") / "pages/neurology/facial_twitch.txt").string());
    CHECK(page->specialty() == "Neurology");
}

TEST_CASE("list_corpus takes a single file as its root", "[corpus]") {
    const fs::path page = qaindex::test::fixture("pages/cardiology.txt");
    const auto files = qaindex::list_corpus(page);
    REQUIRE(files.size() == 1);
    CHECK(files[0].path == page);
    CHECK(files[0].relative == "cardiology.txt");
    CHECK(files[0].format == CorpusFormat::ConsultationPage);
    const Collected got = read_all(files);
    REQUIRE(got.entries.size() == 1);
    CHECK(got.entries[0].id.value == "cardiology");

    CHECK_THROWS_AS(qaindex::list_corpus(qaindex::test::fixture("corpus/README.md")),
                    qaindex::InputError);
    CHECK_THROWS_AS(qaindex::list_corpus(qaindex::test::fixture("no/such/folder")),
                    qaindex::InputError);
    try {
        (void)qaindex::list_corpus(qaindex::test::fixture("no/such/folder"));
    } catch (const qaindex::InputError& error) {
        CHECK(std::string(error.what()).find("no/such/folder") != std::string::npos);
    }
}

TEST_CASE("read_corpus_file reports the bytes parsed record by record", "[corpus]") {
    qaindex::test::ScratchDir scratch("corpus-progress");
    std::string jsonl = "\xEF\xBB\xBF";  // a byte-order mark counts as bytes read too
    std::string csv = "department,title,ask,answer\r\n";
    for (int i = 0; i < 50; ++i) {
        jsonl += "{\"id\":\"e" + std::to_string(i) + "\",\"question\":\"Cough number " +
                 std::to_string(i) + "?\"}\n";
        csv += "Internal Medicine,Cough " + std::to_string(i) + ",\"Why do I cough,\ndoctor?\",Rest.\r\n";
        if (i == 20) {
            jsonl += "{not json\n\n";  // a bad line and a blank one move progress on as well
        }
    }
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"big.jsonl", jsonl},
                                     std::pair<std::string, std::string>{"big.csv", csv}}) {
        INFO(name);
        std::ofstream(scratch.path() / name, std::ios::binary) << text;
        const auto files = qaindex::list_corpus(scratch.path() / name);
        REQUIRE(files.size() == 1);
        std::vector<std::uintmax_t> seen;
        const std::size_t read = qaindex::read_corpus_file(
            files.front(), {}, {}, [&](std::uintmax_t bytes) { seen.push_back(bytes); });
        CHECK(read == 50);
        REQUIRE(seen.size() >= 50);
        CHECK(seen.front() < text.size() / 10);  // the first record, not the whole file
        CHECK(seen.back() == text.size());
        CHECK(std::is_sorted(seen.begin(), seen.end()));
        CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());  // each once
    }
    // A page is one record: its size, once, at the end.
    const auto page = qaindex::list_corpus(qaindex::test::fixture("pages/cardiology.txt"));
    std::vector<std::uintmax_t> seen;
    (void)qaindex::read_corpus_file(page.front(), {}, {},
                                    [&](std::uintmax_t bytes) { seen.push_back(bytes); });
    CHECK(seen == std::vector<std::uintmax_t>{page.front().size});
}

TEST_CASE("Symlinks are followed once and dangling ones reported", "[corpus]") {
    const qaindex::test::ScratchDir scratch("corpus-links");
    const fs::path root = scratch.path();
    write(root / "real/a.txt", kGoodPage);
    write(root / "real/deeper/b.txt", kGoodPage);
    write(scratch.path() / "../corpus-links-outside.txt", kGoodPage);
    fs::create_directory_symlink(root / "real", root / "alias");  // same folder twice
    fs::create_directory_symlink(root, root / "real/loop");       // a cycle
    fs::create_symlink(root / "real/a.txt", root / "again.txt");  // same file twice
    fs::create_symlink(root / "../corpus-links-outside.txt", root / "outside.txt");
    fs::create_symlink(root / "missing.txt", root / "dangling.txt");  // reported
    fs::create_symlink(root / "missing.md", root / "dangling.md");    // not a corpus file
    std::vector<qaindex::Diagnostic> diagnostics;
    const auto files =
        qaindex::list_corpus(root, [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); });
    fs::remove(scratch.path() / "../corpus-links-outside.txt");
    CHECK(relatives(files) ==
          std::vector<std::string>{"outside.txt", "real/a.txt", "real/deeper/b.txt"});
    REQUIRE(diagnostics.size() == 1);
    CHECK(qaindex::test::key_of(diagnostics[0]) == DiagnosticKey{(root / "dangling.txt").string(),
                                                                 std::nullopt, std::nullopt,
                                                                 Problem::Unreadable});
}

TEST_CASE("Files and folders whose names are not UTF-8 are reported and skipped", "[corpus]") {
    // A Latin-1 name gave an index that failed its own check: the id and the file key hold
    // the raw bytes, the stored JSON data U+FFFD in their place.
    const qaindex::test::ScratchDir scratch("corpus-names");
    const fs::path root = scratch.path();
    write(root / "good.txt", kGoodPage);
    write(root / "caf\xE9.txt", kGoodPage);
    write(root / "caf\xE9.png", "not a corpus file: no word about it");
    write(root / "d\xFCsseldorf/inner.jsonl", "{\"id\":\"x\",\"question\":\"q\"}\n");
    write(root / "\xE4rzte\xE4.txt", kGoodPage);
    std::vector<qaindex::Diagnostic> diagnostics;
    const auto files =
        qaindex::list_corpus(root, [&](const qaindex::Diagnostic& d) { diagnostics.push_back(d); });
    CHECK(relatives(files) == std::vector<std::string>{"good.txt"});
    std::map<std::string, std::string> messages;
    for (const auto& diagnostic : diagnostics) {
        CHECK(diagnostic.problem == Problem::InvalidUtf8);
        messages[diagnostic.file] = diagnostic.message;
    }
    REQUIRE(diagnostics.size() == 3);
    CHECK_THAT(messages[(root / "caf\xE9.txt").string()], Catch::Contains("caf\\xE9.txt"));
    CHECK_THAT(messages[(root / "d\xFCsseldorf").string()], Catch::Contains("d\\xFCsseldorf"));
    CHECK_THAT(messages[(root / "\xE4rzte\xE4.txt").string()],
               Catch::Contains("\\xE4rzte\\xE4.txt"));

    SECTION("a single file given as the corpus, too") {
        std::vector<qaindex::Diagnostic> single;
        CHECK(qaindex::list_corpus(root / "caf\xE9.txt", [&](const qaindex::Diagnostic& d) {
                  single.push_back(d);
              }).empty());
        REQUIRE(single.size() == 1);
        CHECK(single[0].problem == Problem::InvalidUtf8);
    }
}

TEST_CASE("Unreadable files yield one diagnostic and no entry", "[corpus][bad]") {
    const qaindex::test::ScratchDir scratch("corpus-unreadable");
    fs::create_directories(scratch.path() / "x.txt");
    fs::create_symlink(scratch.path() / "gone.txt", scratch.path() / "dangling.txt");
    for (const char* name : {"x.txt", "dangling.txt"}) {
        CAPTURE(name);
        const CorpusFile file{.path = scratch.path() / name,
                              .relative = name,
                              .format = CorpusFormat::ConsultationPage};
        Collected got;
        CHECK(qaindex::read_corpus_file(file, got.entry_sink(), got.diagnostic_sink()) == 0);
        CHECK(got.entries.empty());
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(qaindex::test::key_of(got.diagnostics[0]) ==
              DiagnosticKey{file.path.string(), std::nullopt, std::nullopt, Problem::Unreadable});
        CHECK_FALSE(got.diagnostics[0].message.empty());
    }
}

TEST_CASE("A file without read permission yields an Unreadable diagnostic", "[corpus][bad]") {
    if (::geteuid() == 0) {
        std::cout << "QAINDEX-SKIPPED: running as root, which can read a file with mode 000\n";
        return;
    }
    const qaindex::test::ScratchDir scratch("corpus-mode000");
    const fs::path page = scratch.path() / "locked.txt";
    write(page, kGoodPage);
    fs::permissions(page, fs::perms::none);
    Collected got;
    const auto files = qaindex::list_corpus(scratch.path());
    REQUIRE(files.size() == 1);
    CHECK(qaindex::read_corpus_file(files[0], got.entry_sink(), got.diagnostic_sink()) == 0);
    REQUIRE(got.diagnostics.size() == 1);
    CHECK(got.diagnostics[0].problem == Problem::Unreadable);
    fs::permissions(page, fs::perms::owner_all);
}

TEST_CASE("Each file in tests/data/bad yields exactly its diagnostic", "[corpus][bad]") {
    const auto table = bad_input_table();
    REQUIRE(table.size() == 12);
    std::set<std::string> on_disk;
    for (const auto& entry : fs::directory_iterator(qaindex::test::fixture("bad"))) {
        if (entry.path().filename() != "README.md") {
            on_disk.insert(entry.path().filename().string());
        }
    }
    std::set<std::string> listed;
    for (const auto& [name, expected] : table) {
        listed.insert(name);
        CAPTURE(name);
        const auto files = qaindex::list_corpus(qaindex::test::fixture("bad/" + name));
        REQUIRE(files.size() == 1);
        Collected got;
        CHECK(qaindex::read_corpus_file(files[0], got.entry_sink(), got.diagnostic_sink()) == 0);
        CHECK(got.entries.empty());
        REQUIRE(got.diagnostics.size() == 1);
        CHECK(qaindex::test::key_of(got.diagnostics[0]) == expected);
        CHECK_FALSE(got.diagnostics[0].message.empty());
        INFO(got.diagnostics[0].to_string());
    }
    CHECK(listed == on_disk);
}

TEST_CASE("Bad files cost only themselves: the rest of the corpus is read", "[corpus][bad]") {
    const qaindex::test::ScratchDir scratch("corpus-bad-mix");
    fs::create_directories(scratch.path() / "bad");
    for (const auto& entry : fs::directory_iterator(qaindex::test::fixture("bad"))) {
        fs::copy_file(entry.path(), scratch.path() / "bad" / entry.path().filename(),
                      fs::copy_options::none);
    }
    write(scratch.path() / "a_first.txt", kGoodPage);
    write(scratch.path() / "good/mixed.jsonl",
          "{\"question\": \"Q1\"}\n{\"question\": \"bad \xFF\"}\n{\"question\": \"Q3\"}\n");
    write(scratch.path() / "z_last.txt", kGoodPage);
    fs::create_directories(scratch.path() / "folder.txt");  // a folder, though named like a page
    const auto files = qaindex::list_corpus(scratch.path());
    CHECK(files.size() == 12 + 3);  // README.md is not a corpus file
    const Collected got = read_all(files);
    CHECK(got.diagnostics.size() == 12 + 1);
    std::set<std::string> ids;
    for (const auto& entry : got.entries) {
        ids.insert(entry.id.value);
    }
    CHECK(ids ==
          std::set<std::string>{"a_first", "good/mixed.jsonl#1", "good/mixed.jsonl#3", "z_last"});
}

TEST_CASE("A throwing sink stops reading and leaves no half state", "[corpus]") {
    struct Stop {};
    const auto files = qaindex::list_corpus(qaindex::test::fixture("corpus"));
    for (const CorpusFile& file : files) {
        CAPTURE(file.relative);
        int calls = 0;
        const qaindex::EntrySink stop_at_first = [&](qaindex::Consultation&&) {
            ++calls;
            throw Stop{};
        };
        CHECK_THROWS_AS(qaindex::read_corpus_file(file, stop_at_first, {}), Stop);
        CHECK(calls == 1);
        // Nothing is left over from the interrupted read: reading again gives everything.
        Collected again;
        CHECK(qaindex::read_corpus_file(file, again.entry_sink(), again.diagnostic_sink()) > 0);
        CHECK(again.diagnostics.empty());
    }

    const auto table = bad_input_table();
    for (const auto& [name, expected] : table) {
        CAPTURE(name);
        const auto bad = qaindex::list_corpus(qaindex::test::fixture("bad/" + name));
        const qaindex::DiagnosticSink strict = [](const qaindex::Diagnostic&) { throw Stop{}; };
        CHECK_THROWS_AS(qaindex::read_corpus_file(bad[0], {}, strict), Stop);
    }

    const qaindex::test::ScratchDir scratch("corpus-strict-list");
    fs::create_symlink(scratch.path() / "missing.txt", scratch.path() / "dangling.txt");
    const qaindex::DiagnosticSink strict = [](const qaindex::Diagnostic&) { throw Stop{}; };
    CHECK_THROWS_AS(qaindex::list_corpus(scratch.path(), strict), Stop);
}

TEST_CASE("Mutated inputs never crash or throw: they yield entries or diagnostics",
          "[corpus][bad]") {
    // Fixed seed: the same mutations on every run.
    std::uint32_t state = 20240601;
    const auto next = [&state](std::uint32_t bound) {
        state = state * 1664525U + 1013904223U;
        return (state >> 8U) % bound;
    };
    const std::string_view inserts[] = {"\n",
                                        "\r\n",
                                        "\"",
                                        ",",
                                        "<",
                                        "</",
                                        ">",
                                        "{",
                                        "}",
                                        "\xFF",
                                        std::string_view("\0", 1),
                                        "Ask Date:",
                                        "Dr. X reply Y\n",
                                        "Reply Date:",
                                        "\xE9\xA0",
                                        "&amp"};
    struct Sample {
        const char* fixture;
        CorpusFormat format;
    };
    const Sample samples[] = {
        {"pages/cardiology.txt", CorpusFormat::ConsultationPage},
        {"corpus/jsonl/consultations.jsonl", CorpusFormat::JsonLines},
        {"corpus/medquad/3_GHR_QA/0000001.xml", CorpusFormat::MedquadXml},
        {"corpus/medquad/9_CDC_QA/0000397.xml", CorpusFormat::MedquadXml},
        {"corpus/zh/consultations.csv", CorpusFormat::ConsultationCsv},
    };
    for (const Sample& sample : samples) {
        CAPTURE(sample.fixture);
        const std::string original =
            qaindex::test::read_file(qaindex::test::fixture(sample.fixture));
        for (int round = 0; round < 200; ++round) {
            std::string text = original;
            const std::uint32_t edits = 1 + next(4);
            for (std::uint32_t e = 0; e < edits && !text.empty(); ++e) {
                const std::size_t at = next(static_cast<std::uint32_t>(text.size()));
                switch (next(3)) {
                    case 0:
                        text.resize(at);
                        break;
                    case 1:
                        text.erase(at, 1 + next(40));
                        break;
                    default:
                        text.insert(at, inserts[next(std::size(inserts))]);
                        break;
                }
            }
            Collected got;
            const auto check = [&] {
                switch (sample.format) {
                    case CorpusFormat::ConsultationPage:
                        if (auto entry =
                                qaindex::parse_page(text, "x", "x.txt", got.diagnostic_sink())) {
                            got.entries.push_back(std::move(*entry));
                        }
                        break;
                    case CorpusFormat::JsonLines:
                        (void)qaindex::parse_json_lines(text, "x.jsonl", "x", got.entry_sink(),
                                                        got.diagnostic_sink());
                        break;
                    case CorpusFormat::MedquadXml:
                        (void)qaindex::parse_medquad_xml(text, "d/x.xml", "x", got.entry_sink(),
                                                         got.diagnostic_sink());
                        break;
                    case CorpusFormat::ConsultationCsv:
                        (void)qaindex::parse_consultation_csv(text, "x.csv", "x", got.entry_sink(),
                                                              got.diagnostic_sink());
                        break;
                }
            };
            REQUIRE_NOTHROW(check());
            for (const qaindex::Diagnostic& d : got.diagnostics) {
                CHECK_FALSE(d.file.empty());
                CHECK(d.line.has_value());
            }
            for (const qaindex::Consultation& entry : got.entries) {
                CHECK_FALSE(entry.id.value.empty());
                CHECK_FALSE(entry.question.empty());
                CHECK(entry.title != std::optional<std::string>(""));
            }
        }
    }
}
