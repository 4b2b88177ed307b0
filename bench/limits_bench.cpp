// SPDX-License-Identifier: Apache-2.0
// qaindex_limits_bench: time to index one record, and to answer one question, made of n bytes
// of repeated symptom words, for n from 1 KiB to the documented limits and past them
// (docs/reliability.md). Time should grow about linearly with n.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/searcher.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Lay and clinical symptom words with the negations, conditions and lists the tagger looks at:
// the worst case the issue found ("headache" repeated) and a mix.
std::string symptom_text(std::size_t bytes, bool mixed) {
    static const std::vector<std::string> phrases = {
        "headache",          "no fever",         "dizziness",          "if you notice numbness",
        "pins and needles",  "chest pain",       "nausea, vomiting or diarrhea",
        "my eyelid keeps jumping", "not sure if it is a migraine", "shortness of breath"};
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i) {
        text += mixed ? phrases[i % phrases.size()] : std::string("headache");
        text += mixed && i % 7 == 6 ? ". " : " ";
    }
    text.resize(bytes);
    return text;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

template <typename F>
double median_seconds(unsigned repeat, F&& run) {
    std::vector<double> seconds;
    for (unsigned i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        run();
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    return median(seconds);
}

std::string label(std::size_t bytes) {
    return bytes >= (1U << 20) ? std::to_string(bytes >> 20) + " MiB"
                               : std::to_string(bytes >> 10) + " KiB";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times indexing one record and answering one question of 1 KiB to 1 MiB "
                 "of repeated symptom words (median of --repeat runs)."};
    fs::path scratch = fs::temp_directory_path() / "qaindex-limits-bench";
    fs::path corpus;
    unsigned repeat = 3;
    bool mixed = false;
    std::vector<std::size_t> sizes = {1U << 10, 10U << 10, 64U << 10, 100U << 10, 1U << 20};
    app.add_option("--scratch", scratch, "Scratch folder (replaced)")->capture_default_str();
    app.add_option("--corpus", corpus, "Corpus the questions are asked of (data/corpus)");
    app.add_option("--repeat", repeat, "Runs per figure")->capture_default_str();
    app.add_option("--sizes", sizes, "Bytes of text")->capture_default_str();
    app.add_flag("--mixed", mixed, "A mix of symptom phrases instead of 'headache' repeated");
    CLI11_PARSE(app, argc, argv);
    if (corpus.empty()) {
        corpus = fs::path(QAINDEX_SOURCE_DIR) / "data/corpus";
    }

    try {
        fs::remove_all(scratch);
        fs::create_directories(scratch);
        const fs::path db = scratch / "db";
        qaindex::build_index({.corpus = corpus, .database = db});
        auto searcher = qaindex::Searcher::open(db);

        std::cout << "| bytes | build one record s | search s | Similar Q&A for the text s |\n"
                  << "|---|---|---|---|\n";
        for (const std::size_t bytes : sizes) {
            const std::string text = symptom_text(bytes, mixed);
            // One record whose question is the text, indexed as `qaindex build` does: read,
            // analysed, written, compacted and published.
            const fs::path record = scratch / "record";
            fs::remove_all(record);
            fs::create_directories(record);
            qaindex::Consultation entry;
            entry.id.value = "long";
            entry.title = "Long record";
            entry.question = text;
            std::ofstream(record / "long.jsonl") << qaindex::format_json_line(entry) << '\n';
            std::string build = "-";
            try {
                std::size_t skipped = 0;
                const double s = median_seconds(repeat, [&] {
                    const auto report = qaindex::build_index({.corpus = record,
                                                              .database = scratch / "one",
                                                              .rebuild = true});
                    skipped = report.skipped;
                });
                std::ostringstream out;
                out << std::fixed << std::setprecision(3) << s << (skipped > 0 ? " (skipped)" : "");
                build = out.str();
            } catch (const qaindex::Error& e) {
                build = std::string("error: ") + e.what();
            }
            const auto timed = [&](auto&& run) -> std::string {
                try {
                    std::ostringstream out;
                    out << std::fixed << std::setprecision(3) << median_seconds(repeat, run);
                    return out.str();
                } catch (const qaindex::UsageError&) {
                    return "refused (over kMaxQueryBytes)";
                }
            };
            const std::string search = timed([&] {
                (void)searcher.search({.text = text, .limit = 10});
            });
            const std::string similar = timed([&] {
                qaindex::SimilarRequest request;
                request.text = text;
                (void)searcher.similar(request);
            });
            std::cout << "| " << label(bytes) << " | " << build << " | " << search << " | "
                      << similar << " |\n"
                      << std::flush;
        }
        fs::remove_all(scratch);
    } catch (const std::exception& e) {
        std::cerr << "qaindex_limits_bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
