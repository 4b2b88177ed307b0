// SPDX-License-Identifier: Apache-2.0
// TREC run and qrels parsing and the ranking-quality metrics qaeval reports.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::eval {

/// Relevance judgements: query id -> document id -> grade. A grade above 0 is relevant;
/// 0 (or a negative grade) is judged not relevant. Grades are the gains of nDCG.
struct Qrels {
    std::map<std::string, std::map<std::string, int, std::less<>>, std::less<>> judgements;

    bool operator==(const Qrels&) const = default;
};

/// One line of a run: a document retrieved for a query.
struct RunLine {
    std::string docid;
    long rank = 0;         ///< the rank field as written
    double score = 0;      ///< the score field
    std::size_t line = 0;  ///< 1-based line in the run file, for messages

    bool operator==(const RunLine&) const = default;
};

/// A run: query id -> the documents retrieved for it, in file order.
struct Run {
    std::map<std::string, std::vector<RunLine>, std::less<>> results;

    bool operator==(const Run&) const = default;
};

/// Parses qrels text, one judgement per line: "qid iter docid rel" (iter is ignored, rel an
/// integer). Blank lines are skipped. source names the input in messages. Throws
/// qaindex::InputError "source:line: ..." for a malformed line or a second judgement of the
/// same (qid, docid).
[[nodiscard]] Qrels parse_qrels(std::string_view text, std::string_view source);

/// Parses TREC run text, one retrieved document per line: "qid Q0 docid rank score tag"
/// (the second and sixth fields are not checked; rank is an integer, score a number).
/// Blank lines are skipped. Throws qaindex::InputError "source:line: ..." for a malformed line.
[[nodiscard]] Run parse_run(std::string_view text, std::string_view source);

/// Reads and parses a qrels file. Throws qaindex::InputError naming the file if it cannot
/// be read, or file and line for a malformed line.
[[nodiscard]] Qrels read_qrels(const std::filesystem::path& path);

/// Reads and parses a run file; errors as read_qrels().
[[nodiscard]] Run read_run(const std::filesystem::path& path);

/// The documents of one query's run in evaluation order: score descending; equal scores by
/// the rank field ascending, then docid ascending (byte order). Of a docid listed more than
/// once only its first place in that order is kept. duplicates, if given, receives the
/// number of lines dropped so.
[[nodiscard]] std::vector<std::string> ranked_docids(std::vector<RunLine> lines,
                                                     std::size_t* duplicates = nullptr);

/// The metrics of one query (or their mean over queries).
struct Metrics {
    double average_precision = 0;   ///< "map": mean over relevant docs of precision at its rank
    double reciprocal_rank_10 = 0;  ///< "mrr@10": 1/rank of the first relevant doc in the top 10
    double ndcg_10 = 0;             ///< "ndcg@10": linear gain, log2(rank+1) discount
    double precision_5 = 0;         ///< "P@5": relevant docs in the top 5, divided by 5
    double precision_10 = 0;        ///< "P@10"
    double recall_1 = 0;            ///< "R@1": share of the relevant docs found at rank 1
    double recall_10 = 0;           ///< "R@10": share of the relevant docs found in the top 10
    double recall_100 = 0;          ///< "R@100"
    double success_1 = 0;           ///< "success@1": 1 if a relevant doc is at rank 1
    double success_10 = 0;          ///< "success@10": 1 if any relevant doc is in the top 10

    bool operator==(const Metrics&) const = default;
};

/// The outcome for one query of the qrels.
struct QueryResult {
    std::string qid;
    std::size_t relevant = 0;            ///< judged relevant (grade > 0)
    std::size_t retrieved = 0;           ///< distinct docids in the run for it
    std::size_t relevant_retrieved = 0;  ///< of those, judged relevant
    std::size_t duplicates = 0;          ///< run lines dropped as repeated docids
    bool in_run = false;                 ///< the run lists this query at all
    /// Its metrics; nullopt when it has no relevant document (then it is not averaged).
    std::optional<Metrics> metrics;

    bool operator==(const QueryResult&) const = default;
};

/// Everything qaeval reports.
struct Evaluation {
    /// Every query of the qrels, sorted by qid.
    std::vector<QueryResult> queries;
    /// Mean of each metric over the queries with at least one relevant document, including
    /// those the run does not list (they score 0): trec_eval's -c convention.
    Metrics mean;
    std::size_t queries_scored = 0;            ///< queries averaged in mean
    std::size_t queries_without_relevant = 0;  ///< in the qrels, no grade above 0: skipped
    std::size_t queries_missing_from_run = 0;  ///< scored queries the run does not list
    std::size_t run_queries_not_judged = 0;    ///< run queries absent from the qrels: ignored
    std::size_t relevant = 0;                  ///< sum over scored queries
    std::size_t retrieved = 0;                 ///< sum over scored queries
    std::size_t relevant_retrieved = 0;        ///< sum over scored queries
    std::size_t duplicates = 0;  ///< run lines dropped as repeated docids, all queries

    bool operator==(const Evaluation&) const = default;
};

/// The metrics of one ranking (docids in order, distinct) against one query's judgements.
/// Requires at least one grade above 0 in judgements.
[[nodiscard]] Metrics score_query(const std::vector<std::string>& ranking,
                                  const std::map<std::string, int, std::less<>>& judgements);

/// Scores run against qrels.
[[nodiscard]] Evaluation evaluate(const Qrels& qrels, const Run& run);

/// One metric's name as printed ("map", "mrr@10", ...) and its value in a Metrics.
struct MetricField {
    std::string_view name;
    double Metrics::*value;
};

/// The metrics in the order qaeval prints them.
[[nodiscard]] const std::vector<MetricField>& metric_fields();

}  // namespace qaindex::eval
