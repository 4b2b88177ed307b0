// SPDX-License-Identifier: Apache-2.0
// qaindex_corpus_generator: writes a deterministic synthetic consultation corpus for benchmarks.
#include <CLI/CLI.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "generator.hpp"
#include "qaindex/errors.hpp"

namespace {

namespace fs = std::filesystem;
using qaindex::bench::PageKind;

constexpr std::size_t kPagesPerFolder = 1000;
constexpr const char* kMarker = ".qaindex-generated";

struct Totals {
    std::atomic<std::uint64_t> bytes{0};
    std::atomic<std::uint64_t> files{0};
    std::array<std::atomic<std::uint64_t>, 4> kinds{};
};

void write_file(const fs::path& path, const std::string& bytes) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr)
        throw std::runtime_error("cannot create " + path.string());
    const std::size_t written = std::fwrite(bytes.data(), 1, bytes.size(), file);
    if (std::fclose(file) != 0 || written != bytes.size())
        throw std::runtime_error("cannot write " + path.string());
}

std::string folder_name(std::size_t chunk) {
    std::string name = std::to_string(chunk);
    if (name.size() < 4)
        name.insert(0, 4 - name.size(), '0');
    return name;
}

// Refuses to write into a non-empty folder we did not generate; clears one we did (--force).
void prepare_output(const fs::path& out, bool force, const std::string& command) {
    if (fs::exists(out) && !fs::is_empty(out)) {
        if (!fs::exists(out / kMarker))
            throw qaindex::UsageError(out.string() +
                                      " is not empty and was not made by this generator");
        if (!force)
            throw qaindex::UsageError(out.string() + " exists: pass --force to replace it");
        fs::remove_all(out);
    }
    fs::create_directories(out);
    write_file(out / kMarker, command + "\n");
}

fs::path first_existing(std::initializer_list<fs::path> candidates) {
    for (const auto& path : candidates) {
        if (!path.empty() && fs::exists(path))
            return path;
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Writes a synthetic consultation corpus (pages or JSON Lines), the same for a given seed."};
    std::size_t count = 0;
    std::uint64_t seed = 1;
    fs::path out;
    bool jsonl = false;
    std::size_t records_per_file = 100'000;
    qaindex::bench::GeneratorOptions options;
    fs::path vocabulary_dir;
    fs::path chinese_path;
    fs::path lexicon_dir;
    std::size_t max_tokens = 12'000'000;
    unsigned threads = 1;
    bool force = false;
    bool json = false;
    app.add_option("--count", count, "Consultations to write (10 to 2,000,000)")
        ->required()
        ->check(CLI::Range(std::size_t{10}, std::size_t{2'000'000}));
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    app.add_option("--out", out, "Output folder (created; must be empty or made by this tool)")
        ->required();
    app.add_flag("--jsonl", jsonl, "Write JSON Lines files instead of pages");
    app.add_option("--records-per-file", records_per_file, "Records per JSON Lines file")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--malformed-share", options.malformed_share, "Share of broken pages")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--chinese-share", options.chinese_share, "Share of Chinese consultations")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--typo-rate", options.typo_rate,
                   "Share of question words misspelt (0: none; 0.003 grows the vocabulary)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 0.5));
    app.add_option(
        "--vocabulary", vocabulary_dir,
        "Corpus to learn English from (default: ../shared/data/medquad, else data/corpus; "
        "'builtin': built-in paragraphs)");
    app.add_option("--chinese", chinese_path,
                   "Chinese CSV or folder to sample (default: ../shared/data/zh-consultations; "
                   "'builtin': built-in sentences)");
    app.add_option("--lexicon", lexicon_dir,
                   "Folder with symptoms.tsv (default: data/lexicon; 'builtin': built-in list)");
    app.add_option("--max-learn-tokens", max_tokens, "Cap on English tokens learned")
        ->capture_default_str();
    app.add_option("--threads", threads, "Writer threads (output does not depend on it)")
        ->capture_default_str()
        ->check(CLI::Range(1U, 64U));
    app.add_flag("--force", force, "Replace an output folder made by an earlier run");
    app.add_flag("--json", json, "Print the summary as one JSON object on stdout");
    CLI11_PARSE(app, argc, argv);

    try {
        std::string command;
        for (int i = 0; i < argc; ++i)
            command += (i ? " " : "") + std::string(argv[i]);
        prepare_output(out, force, command);

        const fs::path shared = QAINDEX_SHARED_DIR;
        const fs::path source = QAINDEX_SOURCE_DIR;
        qaindex::bench::VocabularySources sources;
        // "builtin" (or an empty default with nothing found) selects the built-in material.
        const auto choose = [](const fs::path& given, std::initializer_list<fs::path> defaults) {
            if (given == "builtin")
                return fs::path();
            if (!given.empty()) {
                if (!fs::exists(given))
                    throw qaindex::UsageError(given.string() + " does not exist");
                return given;
            }
            return first_existing(defaults);
        };
        sources.english = choose(vocabulary_dir, {shared / "data/medquad", source / "data/corpus"});
        sources.chinese = choose(chinese_path, {shared / "data/zh-consultations"});
        sources.lexicon = choose(lexicon_dir, {source / "data/lexicon"});
        sources.max_tokens = max_tokens;

        const auto t0 = std::chrono::steady_clock::now();
        std::size_t source_problems = 0;
        const auto vocabulary = qaindex::bench::learn_vocabulary(
            sources, [&](const qaindex::Diagnostic&) { ++source_problems; });
        const auto t1 = std::chrono::steady_clock::now();
        const double learn_seconds = std::chrono::duration<double>(t1 - t0).count();
        std::cerr << "learned " << vocabulary.english.tokens_learned() << " tokens, "
                  << vocabulary.english.vocabulary_size() << " words from "
                  << vocabulary.english_origin << "; " << vocabulary.symptoms.size()
                  << " symptoms from " << vocabulary.lexicon_origin << "; "
                  << vocabulary.chinese.size() << " Chinese departments from "
                  << vocabulary.chinese_origin << " (" << source_problems
                  << " source records skipped) in " << learn_seconds << " s\n";

        const qaindex::bench::PageGenerator generator(vocabulary, options);
        const std::size_t per_chunk = jsonl ? records_per_file : kPagesPerFolder;
        const std::size_t chunks = (count + per_chunk - 1) / per_chunk;
        std::atomic<std::size_t> next_chunk{0};
        Totals totals;
        std::mutex error_mutex;
        std::string error;

        auto work = [&] {
            try {
                for (std::size_t chunk = next_chunk++; chunk < chunks; chunk = next_chunk++) {
                    const std::size_t first = chunk * per_chunk;
                    const std::size_t last = std::min(count, first + per_chunk);
                    if (jsonl) {
                        std::string text;
                        for (std::size_t i = first; i < last; ++i) {
                            text += generator.json_line(i);
                            text += '\n';
                            totals.kinds[static_cast<std::size_t>(generator.kind(i))]++;
                        }
                        write_file(out / ("part-" + folder_name(chunk) + ".jsonl"), text);
                        totals.bytes += text.size();
                        totals.files++;
                        continue;
                    }
                    const fs::path folder = out / folder_name(chunk);
                    fs::create_directories(folder);
                    for (std::size_t i = first; i < last; ++i) {
                        const std::string page = generator.page(i);
                        write_file(folder / generator.file_name(i), page);
                        totals.bytes += page.size();
                        totals.files++;
                        totals.kinds[static_cast<std::size_t>(generator.kind(i))]++;
                    }
                }
            } catch (const std::exception& e) {
                const std::lock_guard lock(error_mutex);
                if (error.empty())
                    error = e.what();
                next_chunk = chunks;
            }
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(work);
        work();
        for (auto& thread : pool)
            thread.join();
        if (!error.empty())
            throw std::runtime_error(error);
        // The marker's second line says the folder is whole: an interrupted run leaves only
        // the first, and run_bench.sh generates such a folder again instead of reusing it.
        std::ofstream(out / kMarker, std::ios::app) << "complete " << count << " consultations\n";
        const double write_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();

        const double mb = static_cast<double>(totals.bytes.load()) / 1e6;
        const auto kind_count = [&](PageKind k) {
            return totals.kinds[static_cast<std::size_t>(k)].load();
        };
        if (json) {
            std::printf(
                "{\"count\": %zu, \"seed\": %llu, \"format\": \"%s\", \"files\": %llu, "
                "\"bytes\": %llu, \"valid\": %llu, \"truncated\": %llu, "
                "\"invalid_utf8\": %llu, \"binary\": %llu, \"learn_seconds\": %.3f, "
                "\"write_seconds\": %.3f, \"entries_per_second\": %.1f, \"mb_per_second\": %.2f}\n",
                count, static_cast<unsigned long long>(seed), jsonl ? "jsonl" : "page",
                static_cast<unsigned long long>(totals.files.load()),
                static_cast<unsigned long long>(totals.bytes.load()),
                static_cast<unsigned long long>(kind_count(PageKind::Valid)),
                static_cast<unsigned long long>(kind_count(PageKind::Truncated)),
                static_cast<unsigned long long>(kind_count(PageKind::InvalidUtf8)),
                static_cast<unsigned long long>(kind_count(PageKind::Binary)), learn_seconds,
                write_seconds, static_cast<double>(count) / write_seconds, mb / write_seconds);
        }
        std::cerr << "wrote " << count << " consultations (" << kind_count(PageKind::Truncated)
                  << " truncated, " << kind_count(PageKind::InvalidUtf8) << " invalid UTF-8, "
                  << kind_count(PageKind::Binary) << " binary) in " << totals.files.load()
                  << " files, " << mb << " MB, in " << write_seconds << " s ("
                  << static_cast<double>(count) / write_seconds << " entries/s, "
                  << mb / write_seconds << " MB/s)\n";
        return 0;
    } catch (const qaindex::UsageError& e) {
        std::cerr << "qaindex_corpus_generator: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "qaindex_corpus_generator: error: " << e.what() << '\n';
        return 1;
    }
}
