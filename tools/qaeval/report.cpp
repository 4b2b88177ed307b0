// SPDX-License-Identifier: Apache-2.0
// qaeval's two output forms of an Evaluation: trec_eval-like text and JSON.
#include "qaeval/report.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <iterator>
#include <nlohmann/json.hpp>

namespace qaindex::eval {
namespace {

void append_count(std::string& out, std::string_view name, std::string_view qid,
                  std::size_t value) {
    fmt::format_to(std::back_inserter(out), "{:<16}\t{}\t{}\n", name, qid, value);
}

void append_metrics(std::string& out, std::string_view qid, const Metrics& metrics) {
    for (const MetricField& field : metric_fields()) {
        fmt::format_to(std::back_inserter(out), "{:<16}\t{}\t{:.4f}\n", field.name, qid,
                       metrics.*field.value);
    }
}

nlohmann::ordered_json metrics_json(const Metrics& metrics) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const MetricField& field : metric_fields()) {
        object[std::string(field.name)] = metrics.*field.value;
    }
    return object;
}

}  // namespace

std::string format_text(const Evaluation& evaluation, bool per_query) {
    std::string out;
    if (per_query) {
        for (const QueryResult& query : evaluation.queries) {
            append_count(out, "num_ret", query.qid, query.retrieved);
            append_count(out, "num_rel", query.qid, query.relevant);
            append_count(out, "num_rel_ret", query.qid, query.relevant_retrieved);
            if (query.metrics) {
                append_metrics(out, query.qid, *query.metrics);
            }
        }
    }
    append_count(out, "num_q", "all", evaluation.queries_scored);
    append_count(out, "num_q_no_rel", "all", evaluation.queries_without_relevant);
    append_count(out, "num_q_not_in_run", "all", evaluation.queries_missing_from_run);
    append_count(out, "num_ret", "all", evaluation.retrieved);
    append_count(out, "num_rel", "all", evaluation.relevant);
    append_count(out, "num_rel_ret", "all", evaluation.relevant_retrieved);
    append_metrics(out, "all", evaluation.mean);
    return out;
}

std::string format_json(const Evaluation& evaluation, bool per_query) {
    nlohmann::ordered_json root = nlohmann::ordered_json::object();
    root["queries_scored"] = evaluation.queries_scored;
    root["queries_without_relevant"] = evaluation.queries_without_relevant;
    root["queries_missing_from_run"] = evaluation.queries_missing_from_run;
    root["run_queries_not_judged"] = evaluation.run_queries_not_judged;
    root["relevant"] = evaluation.relevant;
    root["retrieved"] = evaluation.retrieved;
    root["relevant_retrieved"] = evaluation.relevant_retrieved;
    root["duplicates"] = evaluation.duplicates;
    root["mean"] = metrics_json(evaluation.mean);
    if (per_query) {
        nlohmann::ordered_json queries = nlohmann::ordered_json::array();
        for (const QueryResult& query : evaluation.queries) {
            nlohmann::ordered_json object = nlohmann::ordered_json::object();
            object["qid"] = query.qid;
            object["relevant"] = query.relevant;
            object["retrieved"] = query.retrieved;
            object["relevant_retrieved"] = query.relevant_retrieved;
            object["duplicates"] = query.duplicates;
            object["in_run"] = query.in_run;
            object["metrics"] = query.metrics ? metrics_json(*query.metrics) : nullptr;
            queries.push_back(std::move(object));
        }
        root["per_query"] = std::move(queries);
    }
    return root.dump(2) + "\n";
}

}  // namespace qaindex::eval
