// SPDX-License-Identifier: Apache-2.0
// Micro-benchmarks of text analysis: Analyzer::analyze on English and Chinese, Lexicon matching.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"

namespace {

// Fixed inputs written for this benchmark: a lay question and a reply in the style of the
// reference page, and a Chinese consultation of similar length.
const std::string kEnglish =
    "Hello doctor, for the past two months I have been experiencing occasional involuntary "
    "facial twitching, and my eyelids also tremble slightly. Sometimes the twitching lasts for "
    "a long time, and I also get headaches and ringing in my ears when I am tired. I sleep "
    "badly, drink three cups of coffee a day and feel anxious at work. Last week my left hand "
    "felt numb, like pins and needles, for about an hour. Could you please explain why this is "
    "happening? Do I need an MRI or other further examination? Involuntary facial twitching is "
    "often related to tension, fatigue and caffeine. It is advisable to reduce coffee, keep a "
    "regular sleep schedule and avoid staying up late. If the spasms persist, spread to the "
    "mouth, or come with facial weakness, numbness or changes in vision, a neurological "
    "examination is recommended, possibly with an MRI of the brain and 5 mg of medication.";

const std::string kChinese =
    "医生您好，我最近两个月经常出现面部不自主抽搐，眼皮也会轻微跳动。有时候抽搐持续时间很长，"
    "晚上睡不好，白天觉得头痛和耳鸣。上个星期左手麻木了大约一个小时。请问这是什么原因？"
    "需要做核磁共振或者其他检查吗？面部抽搐常常与紧张、疲劳和咖啡因有关。建议减少咖啡摄入，"
    "保持规律作息，避免熬夜。如果症状持续或者出现面部无力、麻木和视力变化，建议到神经内科就诊。";

void BM_AnalyzeEnglish(benchmark::State& state) {
    qaindex::Analyzer analyzer;
    for (auto _ : state) {
        auto tokens = analyzer.analyze(kEnglish);
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kEnglish.size()));
}
BENCHMARK(BM_AnalyzeEnglish);

void BM_AnalyzeEnglishNoStem(benchmark::State& state) {
    qaindex::Analyzer analyzer(qaindex::AnalyzerOptions{.stem = false});
    for (auto _ : state) {
        auto tokens = analyzer.analyze(kEnglish);
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kEnglish.size()));
}
BENCHMARK(BM_AnalyzeEnglishNoStem);

void BM_AnalyzeChinese(benchmark::State& state) {
    qaindex::Analyzer analyzer;
    for (auto _ : state) {
        auto tokens = analyzer.analyze(kChinese);
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kChinese.size()));
}
BENCHMARK(BM_AnalyzeChinese);

void BM_Normalize(benchmark::State& state) {
    qaindex::Analyzer analyzer;
    for (auto _ : state) {
        auto text = analyzer.normalize(kEnglish);
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kEnglish.size()));
}
BENCHMARK(BM_Normalize);

void BM_FindMentionsEnglish(benchmark::State& state) {
    qaindex::Analyzer analyzer;
    const auto tokens = analyzer.analyze(kEnglish);
    const auto& lexicon = qaindex::Lexicon::builtin();
    for (auto _ : state) {
        auto mentions = lexicon.find_mentions(tokens);
        benchmark::DoNotOptimize(mentions);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(tokens.size()));
}
BENCHMARK(BM_FindMentionsEnglish);

void BM_FindMentionsChinese(benchmark::State& state) {
    qaindex::Analyzer analyzer;
    const auto tokens = analyzer.analyze(kChinese);
    const auto& lexicon = qaindex::Lexicon::builtin();
    for (auto _ : state) {
        auto mentions = lexicon.find_mentions(tokens);
        benchmark::DoNotOptimize(mentions);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(tokens.size()));
}
BENCHMARK(BM_FindMentionsChinese);

// Analysis plus tagging, what the indexer does per field.
void BM_AnalyzeAndTag(benchmark::State& state) {
    qaindex::Analyzer analyzer;
    const auto& lexicon = qaindex::Lexicon::builtin();
    for (auto _ : state) {
        auto mentions = lexicon.find_mentions(analyzer.analyze(kEnglish));
        benchmark::DoNotOptimize(mentions);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kEnglish.size()));
}
BENCHMARK(BM_AnalyzeAndTag);

void BM_LexiconLoad(benchmark::State& state) {
    const std::filesystem::path dir = std::filesystem::path(QAINDEX_SOURCE_DIR) / "data/lexicon";
    if (!std::filesystem::exists(dir / "symptoms.tsv")) {
        state.SkipWithError("data/lexicon not present");
        return;
    }
    for (auto _ : state) {
        auto lexicon = qaindex::Lexicon::load(dir);
        benchmark::DoNotOptimize(lexicon);
    }
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

}  // namespace
