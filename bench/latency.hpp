// SPDX-License-Identifier: Apache-2.0
// Latency statistics and query-file reading shared by the query drivers (qaindex and baseline).
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace qaindex::bench {

/// Summary of per-query latencies.
struct LatencySummary {
    std::size_t queries = 0;  ///< timed queries (all repetitions)
    double median_ms = 0;
    double p95_ms = 0;
    double p99_ms = 0;
    double mean_ms = 0;
    double max_ms = 0;
    double queries_per_second = 0;  ///< timed queries / total timed wall time
    double mean_hits = 0;           ///< hits returned per query, averaged
    std::size_t errors = 0;         ///< queries the engine rejected (timed, zero hits)
};

/// The q-quantile (0..1) of sorted values, nearest-rank.
inline double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1];
}

/// Summarises latencies in milliseconds; hits is the total number of hits returned.
inline LatencySummary summarise(std::vector<double> millis, std::size_t hits) {
    LatencySummary s;
    s.queries = millis.size();
    if (millis.empty())
        return s;
    std::sort(millis.begin(), millis.end());
    double total = 0;
    for (const double m : millis)
        total += m;
    s.median_ms = quantile(millis, 0.5);
    s.p95_ms = quantile(millis, 0.95);
    s.p99_ms = quantile(millis, 0.99);
    s.mean_ms = total / static_cast<double>(millis.size());
    s.max_ms = millis.back();
    s.queries_per_second = total > 0 ? 1000.0 * static_cast<double>(millis.size()) / total : 0;
    s.mean_hits = static_cast<double>(hits) / static_cast<double>(millis.size());
    return s;
}

/// Prints a summary as text or as one JSON object (tool and mode label the run).
inline void print_summary(const LatencySummary& s, const std::string& tool, const std::string& mode,
                          bool json) {
    if (json) {
        std::printf(
            "{\"tool\": \"%s\", \"mode\": \"%s\", \"queries\": %zu, \"median_ms\": %.4f, "
            "\"p95_ms\": %.4f, \"p99_ms\": %.4f, \"mean_ms\": %.4f, \"max_ms\": %.4f, "
            "\"queries_per_second\": %.1f, \"mean_hits\": %.2f, \"errors\": %zu}\n",
            tool.c_str(), mode.c_str(), s.queries, s.median_ms, s.p95_ms, s.p99_ms, s.mean_ms,
            s.max_ms, s.queries_per_second, s.mean_hits, s.errors);
        return;
    }
    std::printf(
        "%s %s: %zu queries, median %.3f ms, p95 %.3f ms, p99 %.3f ms, mean %.3f ms, "
        "max %.3f ms, %.1f queries/s, %.1f hits/query, %zu errors\n",
        tool.c_str(), mode.c_str(), s.queries, s.median_ms, s.p95_ms, s.p99_ms, s.mean_ms, s.max_ms,
        s.queries_per_second, s.mean_hits, s.errors);
}

/// The non-empty, non-comment ('#') lines of a query file. Throws std::runtime_error if it
/// cannot be read or holds no query.
inline std::vector<std::string> read_queries(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read query file " + path.string());
    std::vector<std::string> queries;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        queries.push_back(line);
    }
    if (queries.empty())
        throw std::runtime_error("no queries in " + path.string());
    return queries;
}

/// Times run(query) for every query, warmup untimed passes then repeat timed passes.
/// run returns the number of hits. Returns the summary.
template <typename Run>
LatencySummary time_queries(const std::vector<std::string>& queries, unsigned warmup,
                            unsigned repeat, Run&& run) {
    for (unsigned pass = 0; pass < warmup; ++pass) {
        for (const auto& q : queries)
            static_cast<void>(run(q));
    }
    std::vector<double> millis;
    millis.reserve(queries.size() * repeat);
    std::size_t hits = 0;
    for (unsigned pass = 0; pass < repeat; ++pass) {
        for (const auto& q : queries) {
            const auto start = std::chrono::steady_clock::now();
            hits += run(q);
            const auto stop = std::chrono::steady_clock::now();
            millis.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        }
    }
    return summarise(std::move(millis), hits);
}

}  // namespace qaindex::bench
