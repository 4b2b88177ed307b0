// SPDX-License-Identifier: Apache-2.0
// Micro-benchmarks of Searcher: short and long queries, filters with facets, Similar Q&A.
#include <benchmark/benchmark.h>

#include <array>
#include <string>
#include <vector>

#include "generator.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/searcher.hpp"

namespace {

constexpr std::uint64_t kEntries = 3000;

// Fixed index: 3,000 consultations from the built-in vocabulary with seed 11, in memory.
// Searchers over a writer must stay on the writer's thread: benchmarks here run on one thread.
struct Fixture {
    qaindex::IndexWriter writer = qaindex::IndexWriter::in_memory();
    qaindex::Searcher searcher;

    Fixture() : searcher(build(writer)) {}

    static qaindex::Searcher build(qaindex::IndexWriter& writer) {
        const auto vocabulary = qaindex::bench::builtin_vocabulary();
        const qaindex::bench::PageGenerator generator(vocabulary,
                                                      {.seed = 11, .malformed_share = 0});
        for (std::uint64_t i = 0; i < kEntries; ++i)
            writer.add_or_replace(generator.consultation(i));
        writer.commit();
        return qaindex::Searcher::open(writer);
    }
};

qaindex::Searcher& searcher() {
    static Fixture fixture;
    return fixture.searcher;
}

const std::array<const char*, 12> kTwoWord = {
    "facial twitching", "chest pain",    "blurred vision",     "knee swelling",
    "ringing ears",     "itchy rash",    "stomach ache",       "blood pressure",
    "hair loss",        "heavy periods", "frequent urination", "night sweats"};

const std::array<const char*, 4> kLongLay = {
    "hello doctor for the past two weeks my face keeps twitching around the left eye and it gets "
    "worse when I am tired or drink coffee, should I be worried and do I need a scan",
    "my mother is 70 and she has been coughing at night for a month, sometimes she is out of "
    "breath on the stairs and her ankles are swollen, what could this be",
    "I have an itchy red rash on my arms that comes back every summer after I sweat, creams from "
    "the pharmacy help a little but it always returns, what kind of doctor should I see",
    "since last year I get a burning feeling in my chest after dinner and a sour taste in my "
    "mouth when I lie down, is this reflux and do I need a camera test"};

void BM_SearchTwoWord(benchmark::State& state) {
    auto& s = searcher();
    std::size_t i = 0;
    for (auto _ : state) {
        auto results = s.search({.text = kTwoWord[i++ % kTwoWord.size()], .limit = 10});
        benchmark::DoNotOptimize(results);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SearchTwoWord)->Unit(benchmark::kMicrosecond);

void BM_SearchTwoWordNoExpansion(benchmark::State& state) {
    auto& s = searcher();
    std::size_t i = 0;
    for (auto _ : state) {
        qaindex::SearchRequest request{.text = kTwoWord[i++ % kTwoWord.size()], .limit = 10};
        request.expand = false;
        auto results = s.search(request);
        benchmark::DoNotOptimize(results);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SearchTwoWordNoExpansion)->Unit(benchmark::kMicrosecond);

void BM_SearchLongLay(benchmark::State& state) {
    auto& s = searcher();
    std::size_t i = 0;
    for (auto _ : state) {
        auto results = s.search({.text = kLongLay[i++ % kLongLay.size()], .limit = 10});
        benchmark::DoNotOptimize(results);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SearchLongLay)->Unit(benchmark::kMicrosecond);

void BM_SearchFilteredFaceted(benchmark::State& state) {
    auto& s = searcher();
    std::size_t i = 0;
    for (auto _ : state) {
        qaindex::SearchRequest request{.text = kTwoWord[i++ % kTwoWord.size()], .limit = 10};
        request.filter.specialties = {"Neurology", "Dermatology", "Cardiology"};
        request.filter.since = qaindex::Date{2012, 1, 1};
        request.filter.sex = qaindex::Sex::Female;
        request.facets = {qaindex::Facet::Specialty, qaindex::Facet::Symptom};
        auto results = s.search(request);
        benchmark::DoNotOptimize(results);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SearchFilteredFaceted)->Unit(benchmark::kMicrosecond);

void BM_SimilarToEntry(benchmark::State& state) {
    auto& s = searcher();
    std::uint64_t i = 0;
    for (auto _ : state) {
        qaindex::SimilarRequest request;
        request.id = qaindex::EntryId{"gen/" + std::to_string((i++ * 7919) % kEntries)};
        auto results = s.similar(request);
        benchmark::DoNotOptimize(results);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SimilarToEntry)->Unit(benchmark::kMicrosecond);

void BM_SimilarToText(benchmark::State& state) {
    auto& s = searcher();
    std::size_t i = 0;
    for (auto _ : state) {
        qaindex::SimilarRequest request;
        request.text = kLongLay[i++ % kLongLay.size()];
        auto results = s.similar(request);
        benchmark::DoNotOptimize(results);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SimilarToText)->Unit(benchmark::kMicrosecond);

}  // namespace
