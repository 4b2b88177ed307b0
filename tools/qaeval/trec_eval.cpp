// SPDX-License-Identifier: Apache-2.0
// TREC run and qrels parsing and the ranking-quality metrics qaeval reports.
#include "qaeval/trec_eval.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <system_error>

#include "qaindex/errors.hpp"

namespace qaindex::eval {
namespace {

// Splits a line on runs of spaces and tabs (TREC files use either).
std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t start = line.find_first_not_of(" \t\r", pos);
        if (start == std::string_view::npos) {
            break;
        }
        std::size_t end = line.find_first_of(" \t\r", start);
        if (end == std::string_view::npos) {
            end = line.size();
        }
        fields.push_back(line.substr(start, end - start));
        pos = end;
    }
    return fields;
}

// A line quoted in a message, cut so one bad line of megabytes cannot flood the terminal.
std::string quoted(std::string_view line) {
    constexpr std::size_t kMax = 80;
    if (line.size() > kMax) {
        return "'" + std::string(line.substr(0, kMax)) + "...'";
    }
    return "'" + std::string(line) + "'";
}

[[noreturn]] void fail(std::string_view source, std::size_t line, const std::string& message) {
    throw InputError(std::string(source) + ":" + std::to_string(line) + ": " + message);
}

std::optional<long> parse_integer(std::string_view text) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// Calls body(line_text, line_number) for each non-blank line.
template <typename Body>
void for_each_line(std::string_view text, Body&& body) {
    std::size_t number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        ++number;
        const std::string_view line = text.substr(pos, end - pos);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            body(line, number);
        }
        pos = end + 1;
    }
}

std::string read_whole_file(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw InputError(path.string() + ": is a directory, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const bool exists = std::filesystem::exists(path, error);
        throw InputError(path.string() + (exists ? ": cannot be read" : ": no such file"));
    }
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) {
        throw InputError(path.string() + ": read error");
    }
    return std::move(out).str();
}

double ratio(std::size_t numerator, std::size_t denominator) {
    return denominator == 0 ? 0.0
                            : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

Qrels parse_qrels(std::string_view text, std::string_view source) {
    Qrels qrels;
    for_each_line(text, [&](std::string_view line, std::size_t number) {
        const auto fields = split_fields(line);
        if (fields.size() != 4) {
            fail(source, number,
                 "expected 4 fields 'qid iter docid rel', found " + std::to_string(fields.size()) +
                     " in " + quoted(line));
        }
        const auto grade = parse_integer(fields[3]);
        if (!grade || *grade < -1000000 || *grade > 1000000) {
            fail(source, number,
                 "relevance " + quoted(fields[3]) + " is not an integer in " + quoted(line));
        }
        auto& judged = qrels.judgements[std::string(fields[0])];
        const auto [it, inserted] =
            judged.emplace(std::string(fields[2]), static_cast<int>(*grade));
        if (!inserted) {
            fail(source, number,
                 "document " + quoted(fields[2]) + " is judged twice for query " +
                     quoted(fields[0]));
        }
    });
    return qrels;
}

Run parse_run(std::string_view text, std::string_view source) {
    Run run;
    for_each_line(text, [&](std::string_view line, std::size_t number) {
        const auto fields = split_fields(line);
        if (fields.size() != 6) {
            fail(source, number,
                 "expected 6 fields 'qid Q0 docid rank score tag', found " +
                     std::to_string(fields.size()) + " in " + quoted(line));
        }
        const auto rank = parse_integer(fields[3]);
        if (!rank) {
            fail(source, number,
                 "rank " + quoted(fields[3]) + " is not an integer in " + quoted(line));
        }
        const auto score = parse_number(fields[4]);
        if (!score) {
            fail(source, number,
                 "score " + quoted(fields[4]) + " is not a finite number in " + quoted(line));
        }
        run.results[std::string(fields[0])].push_back(RunLine{
            .docid = std::string(fields[2]), .rank = *rank, .score = *score, .line = number});
    });
    return run;
}

Qrels read_qrels(const std::filesystem::path& path) {
    return parse_qrels(read_whole_file(path), path.string());
}

Run read_run(const std::filesystem::path& path) {
    return parse_run(read_whole_file(path), path.string());
}

std::vector<std::string> ranked_docids(std::vector<RunLine> lines, std::size_t* duplicates) {
    std::sort(lines.begin(), lines.end(), [](const RunLine& a, const RunLine& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        if (a.rank != b.rank) {
            return a.rank < b.rank;
        }
        return a.docid < b.docid;
    });
    std::vector<std::string> ranking;
    ranking.reserve(lines.size());
    std::set<std::string_view> seen;
    std::size_t dropped = 0;
    for (const RunLine& line : lines) {
        if (seen.insert(line.docid).second) {
            ranking.push_back(line.docid);
        } else {
            ++dropped;
        }
    }
    if (duplicates != nullptr) {
        *duplicates = dropped;
    }
    return ranking;
}

Metrics score_query(const std::vector<std::string>& ranking,
                    const std::map<std::string, int, std::less<>>& judgements) {
    std::vector<int> ideal;
    for (const auto& [docid, grade] : judgements) {
        if (grade > 0) {
            ideal.push_back(grade);
        }
    }
    const std::size_t relevant = ideal.size();
    std::sort(ideal.begin(), ideal.end(), std::greater<>());

    Metrics m;
    std::size_t found = 0;
    std::size_t found_5 = 0;
    std::size_t found_10 = 0;
    std::size_t found_100 = 0;
    double precision_sum = 0;
    double dcg = 0;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        const std::size_t rank = i + 1;
        const auto it = judgements.find(ranking[i]);
        const int grade = it == judgements.end() ? 0 : it->second;
        if (grade <= 0) {
            continue;
        }
        ++found;
        precision_sum += ratio(found, rank);
        if (found == 1 && rank <= 10) {
            m.reciprocal_rank_10 = 1.0 / static_cast<double>(rank);
        }
        if (rank == 1) {
            m.recall_1 = ratio(1, relevant);
            m.success_1 = 1;
        }
        found_5 += rank <= 5 ? 1 : 0;
        found_100 += rank <= 100 ? 1 : 0;
        if (rank <= 10) {
            ++found_10;
            dcg += grade / std::log2(static_cast<double>(rank) + 1.0);
        }
    }
    m.average_precision = ratio(1, relevant) * precision_sum;
    m.precision_5 = ratio(found_5, 5);
    m.precision_10 = ratio(found_10, 10);
    m.recall_10 = ratio(found_10, relevant);
    m.recall_100 = ratio(found_100, relevant);
    m.success_10 = found_10 > 0 ? 1.0 : 0.0;
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && i < 10; ++i) {
        idcg += ideal[i] / std::log2(static_cast<double>(i) + 2.0);
    }
    m.ndcg_10 = idcg > 0 ? dcg / idcg : 0.0;
    return m;
}

Evaluation evaluate(const Qrels& qrels, const Run& run) {
    Evaluation evaluation;
    for (const auto& [qid, lines] : run.results) {
        if (!qrels.judgements.contains(qid)) {
            ++evaluation.run_queries_not_judged;
        }
    }
    for (const auto& [qid, judged] : qrels.judgements) {
        QueryResult result{.qid = qid};
        result.relevant = static_cast<std::size_t>(std::count_if(
            judged.begin(), judged.end(), [](const auto& j) { return j.second > 0; }));
        std::vector<std::string> ranking;
        if (const auto it = run.results.find(qid); it != run.results.end()) {
            result.in_run = true;
            ranking = ranked_docids(it->second, &result.duplicates);
        }
        result.retrieved = ranking.size();
        result.relevant_retrieved = static_cast<std::size_t>(
            std::count_if(ranking.begin(), ranking.end(), [&](const std::string& docid) {
                const auto j = judged.find(docid);
                return j != judged.end() && j->second > 0;
            }));
        evaluation.duplicates += result.duplicates;
        if (result.relevant == 0) {
            ++evaluation.queries_without_relevant;
        } else {
            result.metrics = score_query(ranking, judged);
            ++evaluation.queries_scored;
            if (!result.in_run) {
                ++evaluation.queries_missing_from_run;
            }
            evaluation.relevant += result.relevant;
            evaluation.retrieved += result.retrieved;
            evaluation.relevant_retrieved += result.relevant_retrieved;
            for (const MetricField& field : metric_fields()) {
                evaluation.mean.*field.value += (*result.metrics).*field.value;
            }
        }
        evaluation.queries.push_back(std::move(result));
    }
    if (evaluation.queries_scored > 0) {
        for (const MetricField& field : metric_fields()) {
            evaluation.mean.*field.value /= static_cast<double>(evaluation.queries_scored);
        }
    }
    return evaluation;
}

const std::vector<MetricField>& metric_fields() {
    static const std::vector<MetricField> fields{
        {"map", &Metrics::average_precision}, {"mrr@10", &Metrics::reciprocal_rank_10},
        {"ndcg@10", &Metrics::ndcg_10},       {"P@5", &Metrics::precision_5},
        {"P@10", &Metrics::precision_10},     {"R@1", &Metrics::recall_1},
        {"R@10", &Metrics::recall_10},        {"R@100", &Metrics::recall_100},
        {"success@1", &Metrics::success_1},   {"success@10", &Metrics::success_10},
    };
    return fields;
}

}  // namespace qaindex::eval
