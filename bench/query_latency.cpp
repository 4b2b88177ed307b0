// SPDX-License-Identifier: Apache-2.0
// qaindex_query_latency: times a query file against a qaindex index through the public Searcher
// API.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <string>

#include "latency.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/searcher.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    CLI::App app{
        "Times each query of a file with qaindex's Searcher: median, p95, p99, queries/s."};
    fs::path database;
    fs::path queries_file;
    std::string mode = "search";
    unsigned warmup = 0;
    unsigned repeat = 1;
    std::size_t limit = 10;
    bool facets = false;
    bool no_expand = false;
    bool one_thread = false;
    bool one_pass = false;
    bool json = false;
    app.add_option("--db", database, "Index folder")->required();
    app.add_option("--queries", queries_file, "One query per line ('#' comments)")->required();
    app.add_option("--mode", mode,
                   "search: text queries; similar: Similar Q&A of each line as an entry id "
                   "(qaquery --similar); similar-to: Similar Q&A for each line as new text "
                   "(qaquery --similar-to)")
        ->check(CLI::IsMember({"search", "similar", "similar-to"}))
        ->capture_default_str();
    app.add_option("--warmup", warmup, "Untimed passes first")->capture_default_str();
    app.add_option("--repeat", repeat, "Timed passes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--limit", limit, "Hits per query")->capture_default_str();
    app.add_flag("--facets", facets, "Also count specialty and symptom facets (search mode)");
    app.add_flag("--no-expand", no_expand, "Turn off synonym expansion (search mode)");
    app.add_flag("--one-thread", one_thread,
                 "Match on one thread (Searcher::set_two_threads(false))");
    app.add_flag("--one-pass", one_pass,
                 "Rank every match of a costly query (Searcher::set_two_passes(false))");
    app.add_flag("--json", json, "Print one JSON object");
    CLI11_PARSE(app, argc, argv);

    try {
        const auto queries = qaindex::bench::read_queries(queries_file);
        auto searcher = qaindex::Searcher::open(database);
        searcher.set_two_threads(!one_thread);
        searcher.set_two_passes(!one_pass);
        std::size_t errors = 0;
        auto summary =
            qaindex::bench::time_queries(queries, warmup, repeat, [&](const std::string& q) {
                try {
                    if (mode == "search") {
                        qaindex::SearchRequest request{.text = q, .limit = limit};
                        request.expand = !no_expand;
                        if (facets)
                            request.facets = {qaindex::Facet::Specialty, qaindex::Facet::Symptom};
                        return searcher.search(request).hits.size();
                    }
                    qaindex::SimilarRequest request{.limit = limit};
                    if (mode == "similar") {
                        request.id = qaindex::EntryId{q};
                    } else {
                        request.text = q;
                    }
                    return searcher.similar(request).hits.size();
                } catch (const qaindex::UsageError& e) {
                    // An id that is not in the index (a broken page) or a query the engine
                    // refuses: counted, reported, and the run goes on.
                    if (errors++ == 0)
                        std::cerr << "qaindex_query_latency: " << e.what() << '\n';
                    return std::size_t{0};
                }
            });
        summary.errors = errors;
        std::string label = mode;
        if (facets)
            label += "+facets";
        if (one_thread)
            label += "+one-thread";
        if (one_pass)
            label += "+one-pass";
        qaindex::bench::print_summary(summary, "qaindex", label, json);
        return 0;
    } catch (const qaindex::UsageError& e) {
        std::cerr << "qaindex_query_latency: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "qaindex_query_latency: error: " << e.what() << '\n';
        return 1;
    }
}
