// SPDX-License-Identifier: Apache-2.0
// qaeval: scores a TREC run against TREC qrels (MAP, MRR@10, nDCG@10, P@k, R@k).
#include <fmt/core.h>

#include <filesystem>

#include "common/cli.hpp"
#include "qaeval/report.hpp"
#include "qaeval/trec_eval.hpp"
#include "qaindex/errors.hpp"

namespace {

constexpr const char* kDescription =
    "Scores a TREC run ('qid Q0 docid rank score tag' lines) against TREC qrels "
    "('qid 0 docid rel' lines; rel > 0 is relevant and is the gain of nDCG).\n"
    "Metrics: map, mrr@10, ndcg@10, P@5, P@10, R@1, R@10, R@100, success@1, success@10.\n"
    "Means are taken over the queries of the qrels with at least one relevant document, "
    "as trec_eval does; such a query missing from the run counts 0 (trec_eval -c). "
    "Queries with no relevant document are not averaged; run queries absent from the qrels "
    "are ignored.\n"
    "Order within a query: score descending; equal scores by the rank field, then docid "
    "(byte order). A docid repeated within a query counts once, at its best place.";

}  // namespace

int main(int argc, char** argv) {
    namespace cli = qaindex::cli;
    CLI::App app{kDescription, "qaeval"};
    std::filesystem::path qrels_path;
    std::filesystem::path run_path;
    bool per_query = false;
    bool json = false;
    app.add_option("qrels", qrels_path, "TREC qrels file")->required();
    app.add_option("run", run_path, "TREC run file")->required();
    app.add_flag("-q,--per-query", per_query, "also print each query's figures");
    app.add_flag("--json", json, "print one JSON object instead of text");

    return cli::run(app, argc, argv, [&] {
        qaindex::eval::Evaluation evaluation;
        try {
            evaluation = qaindex::eval::evaluate(qaindex::eval::read_qrels(qrels_path),
                                                 qaindex::eval::read_run(run_path));
        } catch (const qaindex::InputError& e) {
            // A malformed or missing input file is the caller's mistake: exit 2.
            throw qaindex::UsageError(e.what());
        }
        if (evaluation.duplicates > 0) {
            fmt::print(stderr,
                       "qaeval: warning: {}: {} line(s) repeat a docid of the same query; "
                       "only its best-placed line counts\n",
                       run_path.string(), evaluation.duplicates);
        }
        if (evaluation.run_queries_not_judged > 0) {
            fmt::print(stderr, "qaeval: warning: {}: {} query id(s) are not in {}: ignored\n",
                       run_path.string(), evaluation.run_queries_not_judged, qrels_path.string());
        }
        fmt::print("{}", json ? qaindex::eval::format_json(evaluation, per_query)
                              : qaindex::eval::format_text(evaluation, per_query));
        return cli::kOk;
    });
}
