// SPDX-License-Identifier: Apache-2.0
// qaindex_eval_run: runs queries.tsv through qaindex's search or Similar Q&A; writes a TREC run.
#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "common/cli.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/search.hpp"
#include "qaindex/searcher.hpp"
#include "trec_io.hpp"

int main(int argc, char** argv) {
    namespace cli = qaindex::cli;
    CLI::App app{
        "Runs each query of queries.tsv ('qid<TAB>text') through an index and writes "
        "a TREC run ('qid Q0 docid rank score tag') to standard output. A query that "
        "fails is reported on stderr and gets no lines (qaeval scores it 0).",
        "qaindex_eval_run"};
    std::filesystem::path database;
    std::filesystem::path queries_path;
    std::string mode = "search";
    std::size_t limit = 100;
    std::string tag;
    bool one_thread = false;
    bool one_pass = false;
    bool no_collapse = false;
    std::filesystem::path features_path;
    app.add_option("--db", database, "index folder")->required();
    app.add_option("--queries", queries_path, "queries.tsv")->required();
    app.add_option("--mode", mode, "search: Searcher::search(); similar-to: Searcher::similar()")
        ->check(CLI::IsMember({"search", "similar-to"}));
    app.add_option("--limit", limit, "results per query (default 100)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000}));
    app.add_option("--tag", tag, "run tag, the sixth field (default: qaindex-MODE)");
    app.add_flag("--one-thread", one_thread,
                 "match on one thread (Searcher::set_two_threads(false))");
    app.add_flag("--no-collapse", no_collapse,
                 "every entry a hit of its own (collapse = false); with collapse (the default) "
                 "a hit's duplicates follow it in the run, at its score");
    app.add_option("--features", features_path,
                   "also write each hit's score parts (explain) to this file: a header "
                   "'qid docid brevity name...', then one tab-separated row per hit: the "
                   "query's brevity and each part's value (qaindex_fit_ranking reads it)");
    app.add_flag("--one-pass", one_pass,
                 "rank every match of a costly query (Searcher::set_two_passes(false)): the "
                 "reference that two passes are compared with");

    return cli::run(app, argc, argv, [&] {
        if (tag.empty()) {
            tag = "qaindex-" + mode;
        }
        std::vector<qaindex::bench::Query> queries;
        try {
            queries = qaindex::bench::read_queries(queries_path);
        } catch (const std::runtime_error& e) {
            throw qaindex::UsageError(e.what());
        }
        auto searcher = qaindex::Searcher::open(database);
        searcher.set_two_threads(!one_thread);
        searcher.set_two_passes(!one_pass);
        std::FILE* features = nullptr;
        if (!features_path.empty()) {
            features = std::fopen(features_path.c_str(), "w");
            if (features == nullptr) {
                throw qaindex::UsageError(features_path.string() + ": cannot write");
            }
        }
        bool header_written = false;
        const bool explain = features != nullptr;
        std::size_t failed = 0;
        for (const auto& query : queries) {
            qaindex::SearchResults results;
            try {
                if (mode == "search") {
                    results = searcher.search(qaindex::SearchRequest{.text = query.text,
                                                                     .limit = limit,
                                                                     .explain = explain,
                                                                     .collapse = !no_collapse});
                } else {
                    results = searcher.similar(qaindex::SimilarRequest{.text = query.text,
                                                                       .limit = limit,
                                                                       .explain = explain,
                                                                       .collapse = !no_collapse});
                }
            } catch (const qaindex::Error& e) {
                fmt::print(stderr, "qaindex_eval_run: query {}: {}\n", query.qid, e.what());
                ++failed;
                continue;
            }
            std::size_t rank = 0;
            for (const qaindex::Hit& hit : results.hits) {
                // A collapsed hit's duplicates are on the page with it: listed right after it.
                if (rank < limit) {
                    qaindex::bench::write_run_line(stdout, query.qid, hit.id.value, ++rank,
                                                   hit.score, tag);
                }
                for (const qaindex::EntryId& duplicate : hit.duplicates) {
                    if (rank < limit) {
                        qaindex::bench::write_run_line(stdout, query.qid, duplicate.value, ++rank,
                                                       hit.score, tag);
                    }
                }
                if (features == nullptr || !hit.explanation || hit.explanation->parts.empty()) {
                    continue;
                }
                if (!header_written) {
                    std::fputs("qid\tdocid\tbrevity", features);
                    for (const qaindex::ScorePart& part : hit.explanation->parts) {
                        fmt::print(features, "\t{}", part.name);
                    }
                    std::fputs("\n", features);
                    header_written = true;
                }
                fmt::print(features, "{}\t{}\t{:.6g}", query.qid, hit.id.value,
                           hit.explanation->brevity);
                for (const qaindex::ScorePart& part : hit.explanation->parts) {
                    fmt::print(features, "\t{:.6g}", part.value);
                }
                std::fputs("\n", features);
            }
        }
        if (features != nullptr) {
            std::fclose(features);
        }
        if (failed > 0) {
            fmt::print(stderr, "qaindex_eval_run: {} of {} queries failed\n", failed,
                       queries.size());
        }
        return cli::kOk;
    });
}
