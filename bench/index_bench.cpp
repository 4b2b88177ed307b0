// SPDX-License-Identifier: Apache-2.0
// Micro-benchmarks of IndexWriter on an in-memory index: add, replace, commit.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "generator.hpp"
#include "qaindex/index_writer.hpp"

namespace {

// Fixed inputs: 1,000 consultations from the built-in vocabulary with seed 7 (5% Chinese).
const std::vector<qaindex::Consultation>& entries() {
    static const std::vector<qaindex::Consultation> list = [] {
        const auto vocabulary = qaindex::bench::builtin_vocabulary();
        const qaindex::bench::PageGenerator generator(vocabulary,
                                                      {.seed = 7, .malformed_share = 0});
        std::vector<qaindex::Consultation> out;
        for (std::uint64_t i = 0; i < 1000; ++i)
            out.push_back(generator.consultation(i));
        return out;
    }();
    return list;
}

// Each iteration adds a new entry (a fresh id every time).
void BM_AddNew(benchmark::State& state) {
    auto writer = qaindex::IndexWriter::in_memory();
    const auto& list = entries();
    std::size_t i = 0;
    for (auto _ : state) {
        qaindex::Consultation entry = list[i % list.size()];
        state.PauseTiming();
        entry.id.value += "-" + std::to_string(i);
        state.ResumeTiming();
        writer.add_or_replace(entry);
        ++i;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_AddNew);

// Each iteration replaces one of 1,000 existing entries.
void BM_Replace(benchmark::State& state) {
    auto writer = qaindex::IndexWriter::in_memory();
    const auto& list = entries();
    for (const auto& entry : list)
        writer.add_or_replace(entry);
    writer.commit();
    std::size_t i = 0;
    for (auto _ : state) {
        writer.add_or_replace(list[i++ % list.size()]);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Replace);

// Adds all 1,000 entries to a new in-memory index and commits.
void BM_Add1000AndCommit(benchmark::State& state) {
    const auto& list = entries();
    for (auto _ : state) {
        auto writer = qaindex::IndexWriter::in_memory();
        for (const auto& entry : list)
            writer.add_or_replace(entry);
        writer.commit();
        benchmark::DoNotOptimize(writer.size());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(list.size()));
}
BENCHMARK(BM_Add1000AndCommit)->Unit(benchmark::kMillisecond);

}  // namespace
