// SPDX-License-Identifier: Apache-2.0
// qaindex_fit_ranking: fits the second stage's weights (data/ranking/weights.tsv) on feature
// dumps of fitting sets, by coordinate ascent.
//
// Each set is a feature dump written by `qaindex_eval_run --features FILE --no-collapse` (one
// row per hit: qid, docid, the query's brevity, then every feature of lib/search/scoring.hpp),
// the set's qrels and its main measure (mrr@10, map or ndcg@10). A use (search or similar) has
// weights for short questions and for long ones, blended by the query's brevity b: its score
// is sum(short_i x b x f_i) + sum(long_i x (1 - b) x f_i), linear in the 2n weights, so both
// sets are fitted at once on the 2n columns b x f and (1 - b) x f. They are fitted by
// coordinate ascent (Metzler and Croft, 2007) on the mean, over the sets, of the log of each
// set's measure relative to the first stage alone (first_stage 1 for both lengths, the rest
// 0), where a set that falls below the first stage counts kFallPenalty times: a gain on one
// set must not be bought with a loss on another. Deterministic: a fixed column order and step
// list.
//
// Sets given with --check instead of --set are held out: never fitted on, reported beside the
// fitting sets with a paired randomisation test of the change, and --write refuses to write
// weights under which one of them falls below the first stage alone beyond noise (p < 0.05).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr double kSteps[] = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0};
constexpr int kMaxPasses = 40;
constexpr double kFallPenalty = 3.0;

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, separator)) {
        cells.push_back(cell);
    }
    if (!line.empty() && line.back() == separator) {
        cells.emplace_back();
    }
    return cells;
}

using Grades = std::map<std::string, int>;

std::map<std::string, Grades> read_qrels(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot be read");
    }
    std::map<std::string, Grades> qrels;
    std::string qid, zero, docid;
    int grade = 0;
    while (in >> qid >> zero >> docid >> grade) {
        qrels[qid][docid] = grade;
    }
    return qrels;
}

struct Query {
    std::string qid;
    // One row per candidate, in the dump's order: b x f, then (1 - b) x f.
    std::vector<std::vector<double>> features;
    std::vector<double> first_stage;  // each candidate's first_stage feature (ties)
    std::vector<int> grades;
    std::size_t relevant = 0;  // in the qrels, found or not
    double ideal_dcg = 0;
};

struct FitSet {
    std::string name;
    std::string measure;
    std::vector<std::string> names;  // the features, n (the columns are 2n)
    std::size_t judged = 0;          // queries with a relevant document (the measure's denominator)
    std::vector<Query> queries;      // those whose candidates hold a relevant one
};

FitSet read_set(const std::string& name, const std::filesystem::path& features,
                const std::filesystem::path& qrels_path, const std::string& measure) {
    if (measure != "mrr@10" && measure != "map" && measure != "ndcg@10") {
        throw std::runtime_error("unknown measure " + measure + " (mrr@10, map, ndcg@10)");
    }
    FitSet set{.name = name, .measure = measure};
    const auto qrels = read_qrels(qrels_path);
    std::ifstream in(features);
    if (!in) {
        throw std::runtime_error(features.string() + ": cannot be read");
    }
    std::string line;
    std::getline(in, line);
    const auto header = split(line, '\t');
    if (header.size() < 5 || header[0] != "qid" || header[1] != "docid" || header[2] != "brevity" ||
        header[3] != "first_stage") {
        throw std::runtime_error(features.string() +
                                 ": not a feature dump (qid, docid, brevity, first_stage, ...)");
    }
    set.names.assign(header.begin() + 3, header.end());
    std::map<std::string, Query> by_qid;
    std::size_t number = 1;
    while (std::getline(in, line)) {
        ++number;
        const auto cells = split(line, '\t');
        if (cells.size() != header.size()) {
            throw std::runtime_error(fmt::format("{}:{}: {} cells, expected {}", features.string(),
                                                 number, cells.size(), header.size()));
        }
        Query& query = by_qid[cells[0]];
        query.qid = cells[0];
        const double brevity = std::stod(cells[2]);
        std::vector<double> row(2 * set.names.size());
        for (std::size_t i = 0; i < set.names.size(); ++i) {
            const double value = std::stod(cells[i + 3]);
            row[i] = brevity * value;
            row[i + set.names.size()] = (1 - brevity) * value;
        }
        query.features.push_back(std::move(row));
        query.first_stage.push_back(std::stod(cells[3]));
        const auto grades = qrels.find(cells[0]);
        int grade = 0;
        if (grades != qrels.end()) {
            const auto it = grades->second.find(cells[1]);
            grade = it == grades->second.end() ? 0 : it->second;
        }
        query.grades.push_back(grade);
    }
    for (const auto& [qid, grades] : qrels) {
        std::vector<int> positive;
        for (const auto& [docid, grade] : grades) {
            if (grade > 0) {
                positive.push_back(grade);
            }
        }
        if (positive.empty()) {
            continue;
        }
        ++set.judged;
        const auto it = by_qid.find(qid);
        if (it == by_qid.end() || std::none_of(it->second.grades.begin(), it->second.grades.end(),
                                               [](int g) { return g > 0; })) {
            continue;
        }
        Query query = std::move(it->second);
        query.relevant = positive.size();
        std::sort(positive.rbegin(), positive.rend());
        for (std::size_t i = 0; i < positive.size() && i < 10; ++i) {
            query.ideal_dcg += positive[i] / std::log2(static_cast<double>(i) + 2);
        }
        set.queries.push_back(std::move(query));
    }
    return set;
}

double measure(const Query& query, const std::vector<double>& weights, const std::string& name) {
    const std::size_t n = query.features.size();
    std::vector<double> score(n);
    for (std::size_t i = 0; i < n; ++i) {
        score[i] =
            std::inner_product(weights.begin(), weights.end(), query.features[i].begin(), 0.0);
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    // Ties keep the first stage's order, then the dump's.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (score[a] != score[b]) {
            return score[a] > score[b];
        }
        return query.first_stage[a] > query.first_stage[b];
    });
    if (name == "mrr@10") {
        for (std::size_t r = 0; r < n && r < 10; ++r) {
            if (query.grades[order[r]] > 0) {
                return 1.0 / static_cast<double>(r + 1);
            }
        }
        return 0;
    }
    if (name == "map") {
        double total = 0;
        std::size_t found = 0;
        for (std::size_t r = 0; r < n; ++r) {
            if (query.grades[order[r]] > 0) {
                ++found;
                total += static_cast<double>(found) / static_cast<double>(r + 1);
            }
        }
        return total / static_cast<double>(query.relevant);
    }
    double dcg = 0;
    for (std::size_t r = 0; r < n && r < 10; ++r) {
        dcg += std::max(0, query.grades[order[r]]) / std::log2(static_cast<double>(r) + 2);
    }
    return query.ideal_dcg > 0 ? dcg / query.ideal_dcg : 0;
}

double value(const FitSet& set, const std::vector<double>& weights,
             const std::function<bool(const std::string&)>& keep, std::size_t judged) {
    if (judged == 0) {
        return 0;
    }
    double total = 0;
    for (const Query& query : set.queries) {
        if (keep(query.qid)) {
            total += measure(query, weights, set.measure);
        }
    }
    return total / static_cast<double>(judged);
}

// Two-sided p-value of a paired randomisation test of the mean of diffs (per-query
// differences; queries missing from diffs differ by 0): 20,000 rounds of random signs, a fixed
// seed.
double randomisation_p(const std::vector<double>& diffs) {
    const double observed = std::abs(std::accumulate(diffs.begin(), diffs.end(), 0.0));
    if (observed < 1e-12) {
        return 1.0;
    }
    std::mt19937_64 random(20261207);
    constexpr int kRounds = 20000;
    int as_large = 0;
    for (int round = 0; round < kRounds; ++round) {
        double sum = 0;
        for (const double d : diffs) {
            sum += (random() & 1U) != 0 ? d : -d;
        }
        as_large += std::abs(sum) >= observed - 1e-12 ? 1 : 0;
    }
    return static_cast<double>(as_large + 1) / (kRounds + 1);
}

struct Fold {
    std::function<bool(const std::string&)> keep;
    std::vector<std::size_t> judged;  // per set
};

double objective(const std::vector<FitSet>& sets, const std::vector<double>& base,
                 const std::vector<double>& weights, const Fold& fold) {
    double total = 0;
    for (std::size_t s = 0; s < sets.size(); ++s) {
        const double v = value(sets[s], weights, fold.keep, fold.judged[s]);
        const double ratio = std::log(std::max(v, 1e-9) / std::max(base[s], 1e-9));
        total += ratio >= 0 ? ratio : kFallPenalty * ratio;
    }
    return total / static_cast<double>(sets.size());
}

// Features the fit may weigh (all when empty; first_stage always), for short questions and for
// long ones.
std::vector<std::string> g_only;
std::vector<std::string> g_only_long;
// Which weights the fit changes: "both", "short" or "long"; the others keep their start.
std::string g_lengths = "both";
// Where the fit starts: the first stage alone when empty.
std::vector<double> g_start;

// The first stage alone, for short and long questions: the 2n weights 1, 0, ..., 1, 0, ....
std::vector<double> first_stage_alone(std::size_t features) {
    std::vector<double> weights(2 * features, 0.0);
    weights[0] = 1;
    weights[features] = 1;
    return weights;
}

std::vector<double> fit(const std::vector<FitSet>& sets, const Fold& fold) {
    const std::size_t features = sets.front().names.size();
    const std::size_t count = 2 * features;
    std::vector<double> weights = g_start.empty() ? first_stage_alone(features) : g_start;
    // The objective compares with the first stage alone, wherever the fit starts.
    const std::vector<double> alone = first_stage_alone(features);
    std::vector<double> base;
    for (std::size_t s = 0; s < sets.size(); ++s) {
        base.push_back(value(sets[s], alone, fold.keep, fold.judged[s]));
    }
    double best = objective(sets, base, weights, fold);
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        bool improved = false;
        for (std::size_t f = 0; f < count; ++f) {
            const std::string& name = sets.front().names[f % features];
            if ((f < features && g_lengths == "long") || (f >= features && g_lengths == "short")) {
                continue;
            }
            const auto& only = f < features ? g_only : g_only_long;
            if (f % features > 0 && !only.empty() &&
                std::find(only.begin(), only.end(), name) == only.end()) {
                continue;
            }
            std::vector<double> chosen;
            for (const double step : kSteps) {
                for (const double sign : {1.0, -1.0}) {
                    std::vector<double> trial = weights;
                    trial[f] = std::round((trial[f] + sign * step) * 1e4) / 1e4;
                    const double v = objective(sets, base, trial, fold);
                    if (v > best + 1e-7) {
                        best = v;
                        chosen = trial;
                    }
                }
            }
            if (!chosen.empty()) {
                weights = chosen;
                improved = true;
            }
        }
        if (!improved) {
            break;
        }
    }
    return weights;
}

std::size_t fold_of(const std::string& qid, std::size_t folds) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a: stable across runs and machines
    for (const char c : qid) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(hash % folds);
}

Fold fold_for(const std::vector<FitSet>& sets, std::function<bool(const std::string&)> keep,
              const std::map<std::string, std::vector<std::string>>& judged_qids) {
    Fold fold{.keep = std::move(keep)};
    for (const FitSet& set : sets) {
        std::size_t n = 0;
        for (const std::string& qid : judged_qids.at(set.name)) {
            n += fold.keep(qid) ? 1U : 0U;
        }
        fold.judged.push_back(n);
    }
    return fold;
}

// The rows of use's weights: use-short then use-long, each feature in the dumps' order.
std::vector<std::string> weight_rows(const std::string& use, const std::vector<std::string>& names,
                                     const std::vector<double>& weights) {
    std::vector<std::string> rows;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        rows.push_back(fmt::format("{}-{}\t{}\t{:g}", use, i < names.size() ? "short" : "long",
                                   names[i % names.size()], weights[i]));
    }
    return rows;
}

// Where a weights.tsv row of use ("use-short" or "use-long", a feature, a weight) goes in the
// order of weight_rows; none for another use's row, a comment or the header.
std::optional<std::size_t> weight_index(const std::vector<std::string>& cells,
                                        const std::string& use,
                                        const std::vector<std::string>& names,
                                        const std::filesystem::path& path) {
    const bool short_row = cells.size() == 3 && cells[0] == use + "-short";
    if (!short_row && !(cells.size() == 3 && cells[0] == use + "-long")) {
        return std::nullopt;
    }
    const auto it = std::find(names.begin(), names.end(), cells[1]);
    if (it == names.end()) {
        throw std::runtime_error(path.string() + ": feature " + cells[1] + " is not in the dumps");
    }
    return static_cast<std::size_t>(it - names.begin()) + (short_row ? 0 : names.size());
}

// use's weights in a weights.tsv file, in the order of weight_rows.
std::vector<double> read_weights(const std::filesystem::path& path, const std::string& use,
                                 const std::vector<std::string>& names) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot be read");
    }
    std::vector<double> weights(2 * names.size(), 0.0);
    std::vector<bool> seen(weights.size(), false);
    std::string line;
    while (std::getline(in, line)) {
        const auto cells = split(line, '\t');
        if (const auto i = weight_index(cells, use, names, path)) {
            weights[*i] = std::stod(cells[2]);
            seen[*i] = true;
        }
    }
    if (std::find(seen.begin(), seen.end(), false) != seen.end()) {
        throw std::runtime_error(path.string() + ": not every feature of " + use + " is there");
    }
    return weights;
}

void write_weights(const std::filesystem::path& path, const std::string& use,
                   const std::vector<std::string>& names, const std::vector<double>& weights) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot be read");
    }
    const std::vector<std::string> rows = weight_rows(use, names, weights);
    std::vector<std::string> out;
    std::vector<bool> seen(rows.size(), false);
    std::string line;
    while (std::getline(in, line)) {
        if (const auto i = weight_index(split(line, '\t'), use, names, path)) {
            seen[*i] = true;
            out.push_back(rows[*i]);
        } else {
            out.push_back(line);
        }
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!seen[i]) {
            throw std::runtime_error(path.string() + ": no row like " + rows[i]);
        }
    }
    std::ofstream file(path);
    for (const std::string& l : out) {
        file << l << '\n';
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Fits the weights of one use of the ranking model on feature dumps.",
                 "qaindex_fit_ranking"};
    std::string use;
    std::vector<std::string> specs;
    std::vector<std::string> check_specs;
    std::size_t folds = 0;
    std::filesystem::path write;
    app.add_option("--use", use, "search or similar")
        ->required()
        ->check(CLI::IsMember({"search", "similar"}));
    app.add_option("--set", specs, "NAME FEATURES QRELS MEASURE (repeat per set)")
        ->required()
        ->expected(4)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--check", check_specs,
                   "NAME FEATURES QRELS MEASURE of a held-out set (repeat per set): reported, "
                   "never fitted on; --write refuses weights under which it falls")
        ->expected(4)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option(
           "--only", g_only,
           "fit only these features, for short and long questions (the others keep weight 0)")
        ->delimiter(',');
    app.add_option("--only-long", g_only_long,
                   "fit only these features for long questions (default: those of --only)")
        ->delimiter(',');
    std::filesystem::path start;
    app.add_option("--from", start, "start from this weights.tsv's weights of the use");
    app.add_option("--fit", g_lengths, "which weights to fit: both, short or long")
        ->check(CLI::IsMember({"both", "short", "long"}));
    app.add_option("--folds", folds,
                   "also report each set's measure on held-out queries, K folds by qid hash");
    app.add_option("--write", write,
                   "data/ranking/weights.tsv: replace this use's rows (USE-short, USE-long)");
    CLI11_PARSE(app, argc, argv);
    if (g_only_long.empty()) {
        g_only_long = g_only;
    }
    try {
        std::vector<FitSet> sets;
        for (std::size_t i = 0; i + 3 < specs.size(); i += 4) {
            sets.push_back(read_set(specs[i], specs[i + 1], specs[i + 2], specs[i + 3]));
            if (sets.back().names != sets.front().names) {
                throw std::runtime_error("set " + specs[i] + ": its features differ");
            }
        }
        if (!start.empty()) {
            g_start = read_weights(start, use, sets.front().names);
        }
        std::map<std::string, std::vector<std::string>> judged_qids;
        for (std::size_t i = 0; i + 3 < specs.size(); i += 4) {
            for (const auto& [qid, grades] : read_qrels(specs[i + 2])) {
                if (std::any_of(grades.begin(), grades.end(),
                                [](const auto& g) { return g.second > 0; })) {
                    judged_qids[specs[i]].push_back(qid);
                }
            }
        }
        const auto all = fold_for(
            sets, [](const std::string&) { return true; }, judged_qids);
        const std::vector<double> weights = fit(sets, all);
        const std::vector<double> base = first_stage_alone(sets.front().names.size());

        std::map<std::string, std::pair<double, std::size_t>> held_out;
        for (std::size_t k = 0; k < folds; ++k) {
            const auto train = fold_for(
                sets, [k, folds](const std::string& q) { return fold_of(q, folds) != k; },
                judged_qids);
            const auto test = fold_for(
                sets, [k, folds](const std::string& q) { return fold_of(q, folds) == k; },
                judged_qids);
            const auto fold_weights = fit(sets, train);
            for (std::size_t s = 0; s < sets.size(); ++s) {
                auto& total = held_out[sets[s].name];
                total.first += value(sets[s], fold_weights, test.keep, test.judged[s]) *
                               static_cast<double>(test.judged[s]);
                total.second += test.judged[s];
            }
        }
        fmt::print("| set | measure | queries | first stage | fitted |{}\n",
                   folds > 0 ? fmt::format(" held out ({} folds) |", folds) : "");
        fmt::print("| --- | --- | --- | --- | --- |{}\n", folds > 0 ? " --- |" : "");
        for (std::size_t s = 0; s < sets.size(); ++s) {
            fmt::print("| {} | {} | {} | {:.4f} | {:.4f} |", sets[s].name, sets[s].measure,
                       sets[s].judged, value(sets[s], base, all.keep, all.judged[s]),
                       value(sets[s], weights, all.keep, all.judged[s]));
            if (folds > 0) {
                const auto& total = held_out[sets[s].name];
                fmt::print(" {:.4f} |", total.first / static_cast<double>(
                                                          std::max<std::size_t>(1, total.second)));
            }
            fmt::print("\n");
        }
        bool check_fell = false;
        for (std::size_t i = 0; i + 3 < check_specs.size(); i += 4) {
            const FitSet check = read_set(check_specs[i], check_specs[i + 1], check_specs[i + 2],
                                          check_specs[i + 3]);
            if (check.names != sets.front().names) {
                throw std::runtime_error("set " + check.name + ": its features differ");
            }
            const auto every = [](const std::string&) { return true; };
            const double before = value(check, base, every, check.judged);
            const double after = value(check, weights, every, check.judged);
            std::vector<double> diffs;
            for (const Query& query : check.queries) {
                diffs.push_back(measure(query, weights, check.measure) -
                                measure(query, base, check.measure));
            }
            const double p = randomisation_p(diffs);
            check_fell = check_fell || (after < before - 1e-9 && p < 0.05);
            fmt::print("| {} (held out) | {} | {} | {:.4f} | {:.4f} (p = {:.3f}) |{}\n", check.name,
                       check.measure, check.judged, before, after, p, folds > 0 ? " |" : "");
        }
        fmt::print("\n");
        for (const std::string& row : weight_rows(use, sets.front().names, weights)) {
            fmt::print("{}\n", row);
        }
        if (!write.empty() && check_fell) {
            fmt::print(stderr,
                       "a held-out set falls beyond noise under these weights: {} not written\n",
                       write.string());
            return 3;
        }
        if (!write.empty()) {
            write_weights(write, use, sets.front().names, weights);
            fmt::print(stderr, "wrote the {} weights to {}\n", use, write.string());
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "qaindex_fit_ranking: {}\n", e.what());
        return 1;
    }
    return 0;
}
