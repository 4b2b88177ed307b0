// SPDX-License-Identifier: Apache-2.0
// Micro-benchmarks of the corpus readers and writers: pages, JSON Lines, MedQuAD XML.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "generator.hpp"
#include "qaindex/corpus.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Fixed inputs: 200 consultations from the built-in vocabulary with seed 42, and the
// reference page when ../shared is present.
struct Inputs {
    std::vector<qaindex::Consultation> entries;
    std::vector<std::string> pages;
    std::string json_lines;
    std::string reference;
    std::string medquad;

    Inputs() {
        const auto vocabulary = qaindex::bench::builtin_vocabulary();
        const qaindex::bench::PageGenerator generator(vocabulary,
                                                      {.seed = 42, .malformed_share = 0});
        for (std::uint64_t i = 0; i < 200; ++i) {
            entries.push_back(generator.consultation(i));
            pages.push_back(qaindex::format_page(entries.back()));
            json_lines += qaindex::format_json_line(entries.back());
            json_lines += '\n';
        }
        const fs::path shared = QAINDEX_SHARED_DIR;
        const fs::path reference_page = shared / "reference/000_9ccf1e5a58cd5c5b.txt";
        if (fs::exists(reference_page))
            reference = read_file(reference_page);
        const fs::path medquad_file = shared / "data/medquad/1_CancerGov_QA/0000001_1.xml";
        if (fs::exists(medquad_file))
            medquad = read_file(medquad_file);
    }
};

const Inputs& inputs() {
    static const Inputs instance;
    return instance;
}

void BM_ParsePage_Reference(benchmark::State& state) {
    const std::string& page = inputs().reference;
    if (page.empty()) {
        state.SkipWithError("reference page not present (../shared)");
        return;
    }
    for (auto _ : state) {
        auto entry = qaindex::parse_page(page, "reference", "reference.txt");
        benchmark::DoNotOptimize(entry);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParsePage_Reference);

void BM_ParsePage_Generated(benchmark::State& state) {
    const auto& pages = inputs().pages;
    std::size_t i = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string& page = pages[i++ % pages.size()];
        auto entry = qaindex::parse_page(page, "gen", "gen.txt");
        benchmark::DoNotOptimize(entry);
        bytes += page.size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParsePage_Generated);

void BM_FormatPage(benchmark::State& state) {
    const auto& entries = inputs().entries;
    std::size_t i = 0;
    for (auto _ : state) {
        auto page = qaindex::format_page(entries[i++ % entries.size()]);
        benchmark::DoNotOptimize(page);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FormatPage);

void BM_ParseJsonLines(benchmark::State& state) {
    const std::string& text = inputs().json_lines;
    std::size_t emitted = 0;
    for (auto _ : state) {
        emitted += qaindex::parse_json_lines(
            text, "gen.jsonl", "gen.jsonl",
            [](qaindex::Consultation&& e) { benchmark::DoNotOptimize(e); });
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(emitted));
}
BENCHMARK(BM_ParseJsonLines);

void BM_FormatJsonLine(benchmark::State& state) {
    const auto& entries = inputs().entries;
    std::size_t i = 0;
    for (auto _ : state) {
        auto line = qaindex::format_json_line(entries[i++ % entries.size()]);
        benchmark::DoNotOptimize(line);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FormatJsonLine);

void BM_ParseMedquadXml(benchmark::State& state) {
    const std::string& xml = inputs().medquad;
    if (xml.empty()) {
        state.SkipWithError("MedQuAD not present (../shared/data/medquad)");
        return;
    }
    std::size_t emitted = 0;
    for (auto _ : state) {
        emitted += qaindex::parse_medquad_xml(
            xml, "0000001_1.xml", "0000001_1",
            [](qaindex::Consultation&& e) { benchmark::DoNotOptimize(e); });
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(emitted));
}
BENCHMARK(BM_ParseMedquadXml);

}  // namespace
