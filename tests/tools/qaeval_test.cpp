// SPDX-License-Identifier: Apache-2.0
// qaeval: TREC parsing, ranking order, hand-computed metrics, output forms and exit codes.
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "qaeval/report.hpp"
#include "qaeval/trec_eval.hpp"
#include "qaindex/errors.hpp"
#include "test_support.hpp"

namespace eval = qaindex::eval;

namespace {

// Judgements shared by the tests below.
//  q1: d1 grade 1, d2 grade 0 (a rel=0 line: judged, not relevant), d3 grade 2, d9 grade 1
//      (relevant, never retrieved): 3 relevant documents.
//  q2: only a rel=0 line: no relevant document, so it is not averaged.
//  q3: one relevant document, and the run does not list q3 at all: it scores 0.
constexpr std::string_view kQrels =
    "q1 0 d1 1\n"
    "q1 0 d2 0\n"
    "q1 0 d3 2\n"
    "q1 0 d9 1\n"
    "\n"
    "q2 0 d1 0\n"
    "q3\t0\tx1\t1\n";

// q1's ranking after dropping the repeated d1 (line 5): d2 d1 d5 d3 d6.
// q4 is not in the qrels: ignored.
constexpr std::string_view kRun =
    "q1 Q0 d2 1 9.0 t\n"
    "q1 Q0 d1 2 8.0 t\n"
    "q1 Q0 d5 3 7.0 t\n"
    "q1 Q0 d3 4 6.0 t\n"
    "q1 Q0 d1 5 5.0 t\n"
    "q1 Q0 d6 6 4.0 t\n"
    "q2 Q0 d1 1 3.5 t\n"
    "q4 Q0 d1 1 1.0 t\n";

// log base 2 of a small integer, for the hand-computed discounts.
double lg(int x) {
    return std::log2(static_cast<double>(x));
}

int exit_status(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void write(const std::filesystem::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("parse_qrels keeps every judgement, rel=0 included", "[eval]") {
    const eval::Qrels qrels = eval::parse_qrels(kQrels, "qrels.txt");
    REQUIRE(qrels.judgements.size() == 3);
    CHECK(qrels.judgements.at("q1").size() == 4);
    CHECK(qrels.judgements.at("q1").at("d2") == 0);
    CHECK(qrels.judgements.at("q1").at("d3") == 2);
    CHECK(qrels.judgements.at("q3").at("x1") == 1);
}

TEST_CASE("parse_run keeps file order and line numbers", "[eval]") {
    const eval::Run run = eval::parse_run(kRun, "run.txt");
    REQUIRE(run.results.at("q1").size() == 6);
    CHECK(run.results.at("q1")[4] ==
          eval::RunLine{.docid = "d1", .rank = 5, .score = 5.0, .line = 5});
    CHECK(run.results.at("q4")[0].line == 8);
}

TEST_CASE("Malformed input names the source and line", "[eval]") {
    struct Case {
        std::string_view text;
        std::string_view message;
    };
    const Case run_cases[] = {
        {"q1 Q0 d1 1 2.0 t\nq1 Q0 d2 2 1.0\n", "run.txt:2: expected 6 fields"},
        {"q1 Q0 d1 first 2.0 t\n", "run.txt:1: rank 'first' is not an integer"},
        {"q1 Q0 d1 1 high t\n", "run.txt:1: score 'high' is not a finite number"},
        {"q1 Q0 d1 1 nan t\n", "run.txt:1: score 'nan' is not a finite number"},
        {"\n\nq1 Q0 d1 1 2.0 t extra\n", "run.txt:3: expected 6 fields"},
    };
    for (const Case& c : run_cases) {
        CAPTURE(c.text);
        CHECK_THROWS_WITH(eval::parse_run(c.text, "run.txt"),
                          Catch::Matchers::StartsWith(std::string(c.message)));
        CHECK_THROWS_AS(eval::parse_run(c.text, "run.txt"), qaindex::InputError);
    }
    const Case qrels_cases[] = {
        {"q1 0 d1\n", "qrels.txt:1: expected 4 fields"},
        {"q1 0 d1 1\nq1 0 d2 yes\n", "qrels.txt:2: relevance 'yes' is not an integer"},
        {"q1 0 d1 1.5\n", "qrels.txt:1: relevance '1.5' is not an integer"},
        {"q1 0 d1 1\nq1 0 d1 0\n", "qrels.txt:2: document 'd1' is judged twice"},
    };
    for (const Case& c : qrels_cases) {
        CAPTURE(c.text);
        CHECK_THROWS_WITH(eval::parse_qrels(c.text, "qrels.txt"),
                          Catch::Matchers::StartsWith(std::string(c.message)));
    }
}

TEST_CASE("Missing files are named", "[eval]") {
    const qaindex::test::ScratchDir dir("qaeval-missing");
    const auto missing = dir.path() / "nope.txt";
    CHECK_THROWS_WITH(eval::read_run(missing), Catch::Matchers::Contains("nope.txt: no such file"));
    CHECK_THROWS_WITH(eval::read_qrels(dir.path()), Catch::Matchers::Contains("is a directory"));
}

TEST_CASE("Ranking order: score, then rank field, then docid, and repeats count once", "[eval]") {
    // Scores: d 2.0 first; the three at 1.0 by rank field: b and c share rank 1 (docid order
    // b, c), a has rank 3. The second b (score 0.5) is a repeat: dropped.
    const std::vector<eval::RunLine> lines{
        {.docid = "a", .rank = 3, .score = 1.0}, {.docid = "c", .rank = 1, .score = 1.0},
        {.docid = "b", .rank = 1, .score = 1.0}, {.docid = "d", .rank = 2, .score = 2.0},
        {.docid = "b", .rank = 9, .score = 0.5},
    };
    std::size_t duplicates = 0;
    CHECK(eval::ranked_docids(lines, &duplicates) == std::vector<std::string>{"d", "b", "c", "a"});
    CHECK(duplicates == 1);
    // A repeat placed better than the first listing counts at its better place.
    const std::vector<eval::RunLine> better{{.docid = "x", .rank = 2, .score = 1.0},
                                            {.docid = "y", .rank = 1, .score = 3.0},
                                            {.docid = "x", .rank = 3, .score = 5.0}};
    CHECK(eval::ranked_docids(better) == std::vector<std::string>{"x", "y"});
}

TEST_CASE("Metrics of one query, computed by hand", "[eval]") {
    const eval::Qrels qrels = eval::parse_qrels(kQrels, "qrels.txt");
    const eval::Metrics m =
        eval::score_query({"d2", "d1", "d5", "d3", "d6"}, qrels.judgements.at("q1"));
    // Relevant: d1 (1), d3 (2), d9 (1): R = 3. Found at ranks 2 (d1) and 4 (d3).
    // AP = (1/2 + 2/4) / 3 = 1/3.
    CHECK(m.average_precision == Approx(1.0 / 3.0));
    // First relevant at rank 2.
    CHECK(m.reciprocal_rank_10 == Approx(0.5));
    // DCG@10 = 1/log2(3) + 2/log2(5); ideal grades 2,1,1: 2/log2(2) + 1/log2(3) + 1/log2(4).
    const double dcg = 1 / lg(3) + 2 / lg(5);
    const double idcg = 2 / lg(2) + 1 / lg(3) + 1 / lg(4);
    CHECK(m.ndcg_10 == Approx(dcg / idcg));
    CHECK(m.ndcg_10 == Approx(0.47663).epsilon(1e-4));
    CHECK(m.precision_5 == Approx(2.0 / 5.0));    // d1, d3 in the top 5
    CHECK(m.precision_10 == Approx(2.0 / 10.0));  // divided by 10 though only 5 retrieved
    CHECK(m.recall_1 == 0.0);                     // d2 (rel=0) at rank 1
    CHECK(m.recall_10 == Approx(2.0 / 3.0));
    CHECK(m.recall_100 == Approx(2.0 / 3.0));
    CHECK(m.success_1 == 0.0);
    CHECK(m.success_10 == 1.0);
}

TEST_CASE("Metric table: cut-offs and recall at 1", "[eval]") {
    struct Case {
        std::vector<std::string> ranking;
        std::map<std::string, int, std::less<>> judged;
        eval::Metrics expected;
    };
    std::vector<std::string> deep;  // r at rank 11, s at rank 150
    for (int i = 1; i <= 200; ++i) {
        deep.push_back(i == 11 ? "r" : i == 150 ? "s" : "n" + std::to_string(i));
    }
    const Case cases[] = {
        // Perfect: both relevant on top. AP 1, RR 1, nDCG 1, P@5 2/5, R@1 1/2 (one of two).
        {{"a", "b", "c"},
         {{"a", 1}, {"b", 1}},
         {.average_precision = 1.0,
          .reciprocal_rank_10 = 1.0,
          .ndcg_10 = 1.0,
          .precision_5 = 0.4,
          .precision_10 = 0.2,
          .recall_1 = 0.5,
          .recall_10 = 1.0,
          .recall_100 = 1.0,
          .success_1 = 1.0,
          .success_10 = 1.0}},
        // Graded, swapped: grade 1 at rank 1, grade 3 at rank 2.
        // DCG = 1 + 3/log2(3); IDCG = 3 + 1/log2(3). AP = (1/1 + 2/2) / 2 = 1.
        {{"lo", "hi"},
         {{"lo", 1}, {"hi", 3}},
         {.average_precision = 1.0,
          .reciprocal_rank_10 = 1.0,
          .ndcg_10 = (1 + 3 / lg(3)) / (3 + 1 / lg(3)),
          .precision_5 = 0.4,
          .precision_10 = 0.2,
          .recall_1 = 0.5,
          .recall_10 = 1.0,
          .recall_100 = 1.0,
          .success_1 = 1.0,
          .success_10 = 1.0}},
        // Relevant at rank 11 and 150 only: nothing in the top 10; AP = (1/11 + 2/150) / 2;
        // R@100 = 1/2 (rank 150 is past 100).
        {deep,
         {{"r", 1}, {"s", 1}},
         {.average_precision = (1.0 / 11 + 2.0 / 150) / 2, .recall_100 = 0.5}},
        // Nothing retrieved: all zero.
        {{}, {{"a", 1}}, {}},
        // Negative grade is not relevant and gains nothing.
        {{"neg", "a"},
         {{"neg", -1}, {"a", 1}},
         {.average_precision = 0.5,
          .reciprocal_rank_10 = 0.5,
          .ndcg_10 = 1 / lg(3),
          .precision_5 = 0.2,
          .precision_10 = 0.1,
          .recall_10 = 1.0,
          .recall_100 = 1.0,
          .success_10 = 1.0}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.ranking.size(), c.judged.size());
        const eval::Metrics m = eval::score_query(c.ranking, c.judged);
        for (const eval::MetricField& field : eval::metric_fields()) {
            CAPTURE(field.name);
            CHECK(m.*field.value == Approx(c.expected.*field.value));
        }
    }
}

TEST_CASE("evaluate averages over the queries with a relevant document", "[eval]") {
    const eval::Evaluation e =
        eval::evaluate(eval::parse_qrels(kQrels, "qrels"), eval::parse_run(kRun, "run"));
    // q1 and q3 are scored; q2 has no relevant document; q4 is not judged.
    CHECK(e.queries_scored == 2);
    CHECK(e.queries_without_relevant == 1);
    CHECK(e.queries_missing_from_run == 1);
    CHECK(e.run_queries_not_judged == 1);
    CHECK(e.duplicates == 1);
    CHECK(e.relevant == 4);            // q1: 3, q3: 1
    CHECK(e.retrieved == 5);           // q1's five distinct documents; q2 is not scored
    CHECK(e.relevant_retrieved == 2);  // d1, d3
    REQUIRE(e.queries.size() == 3);
    CHECK(e.queries[1].qid == "q2");
    CHECK_FALSE(e.queries[1].metrics.has_value());
    CHECK(e.queries[1].retrieved == 1);
    REQUIRE(e.queries[2].metrics.has_value());
    CHECK(*e.queries[2].metrics == eval::Metrics{});  // q3: not in the run, all zero
    // Means: q1's value (above) and q3's 0, halved.
    CHECK(e.mean.average_precision == Approx(1.0 / 6.0));
    CHECK(e.mean.reciprocal_rank_10 == Approx(0.25));
    CHECK(e.mean.precision_5 == Approx(0.2));
    CHECK(e.mean.recall_10 == Approx(1.0 / 3.0));
    CHECK(e.mean.success_10 == Approx(0.5));
    CHECK(e.mean.ndcg_10 == Approx(0.47663 / 2).epsilon(1e-4));
}

TEST_CASE("No query with a relevant document: means are zero", "[eval]") {
    const eval::Evaluation e = eval::evaluate(eval::parse_qrels("q 0 d 0\n", "qrels"),
                                              eval::parse_run("q Q0 d 1 1 t\n", "run"));
    CHECK(e.queries_scored == 0);
    CHECK(e.mean == eval::Metrics{});
}

TEST_CASE("Text and JSON output", "[eval]") {
    const eval::Evaluation e =
        eval::evaluate(eval::parse_qrels(kQrels, "qrels"), eval::parse_run(kRun, "run"));
    const std::string text = eval::format_text(e, false);
    CHECK_THAT(text, Catch::Matchers::Contains("num_q           \tall\t2\n"));
    CHECK_THAT(text, Catch::Matchers::Contains("mrr@10          \tall\t0.2500\n"));
    CHECK_THAT(text, Catch::Matchers::Contains("map             \tall\t0.1667\n"));
    CHECK_THAT(text, !Catch::Matchers::Contains("\tq1\t"));
    const std::string per_query = eval::format_text(e, true);
    CHECK_THAT(per_query, Catch::Matchers::Contains("map             \tq1\t0.3333\n"));
    CHECK_THAT(per_query, Catch::Matchers::Contains("num_rel         \tq2\t0\n"));
    CHECK_THAT(per_query, !Catch::Matchers::Contains("map             \tq2"));

    const auto json = nlohmann::json::parse(eval::format_json(e, true));
    CHECK(json["queries_scored"] == 2);
    CHECK(json["mean"]["R@10"].get<double>() == Approx(1.0 / 3.0));
    REQUIRE(json["per_query"].size() == 3);
    CHECK(json["per_query"][0]["metrics"]["ndcg@10"].get<double>() ==
          Approx(0.47663).epsilon(1e-4));
    CHECK(json["per_query"][1]["metrics"].is_null());
    CHECK_FALSE(nlohmann::json::parse(eval::format_json(e, false)).contains("per_query"));
}

TEST_CASE("qaeval exit codes and messages", "[eval][tools]") {
    const qaindex::test::ScratchDir dir("qaeval-cli");
    const auto qrels = dir.path() / "qrels.txt";
    const auto run = dir.path() / "run.txt";
    const auto bad = dir.path() / "bad.txt";
    const auto out = dir.path() / "out.txt";
    const auto err = dir.path() / "err.txt";
    write(qrels, kQrels);
    write(run, kRun);
    write(bad, "q1 Q0 d1 1 2.0 t\nq1 Q0 d2 two 1.0 t\n");
    const std::string tool = QAINDEX_TOOL_QAEVAL;
    const auto invoke = [&](const std::string& args) {
        return exit_status("'" + tool + "' " + args + " >'" + out.string() + "' 2>'" +
                           err.string() + "'");
    };

    CHECK(invoke("'" + qrels.string() + "' '" + run.string() + "' --json") == 0);
    CHECK(nlohmann::json::parse(qaindex::test::read_file(out))["queries_scored"] == 2);
    CHECK_THAT(qaindex::test::read_file(err), Catch::Matchers::Contains("1 line(s) repeat"));

    CHECK(invoke("'" + qrels.string() + "' '" + bad.string() + "'") == 2);
    const std::string message = qaindex::test::read_file(err);
    CHECK_THAT(message, Catch::Matchers::StartsWith("qaeval: error: " + bad.string() +
                                                    ":2: rank 'two' is not an integer"));
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);

    CHECK(invoke("'" + qrels.string() + "' '" + (dir.path() / "none.txt").string() + "'") == 2);
    CHECK_THAT(qaindex::test::read_file(err), Catch::Matchers::Contains("none.txt: no such file"));
    CHECK(invoke("'" + qrels.string() + "'") == 2);  // run file missing from the command line
    CHECK(invoke("--help") == 0);
    CHECK_THAT(qaindex::test::read_file(out),
               Catch::Matchers::Contains("at least one relevant document"));
}
