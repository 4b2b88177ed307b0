// SPDX-License-Identifier: Apache-2.0
// What the evaluation runners share: reading queries.tsv and writing TREC run lines.
#pragma once

#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::bench {

/// One line of queries.tsv.
struct Query {
    std::string qid;
    std::string text;
};

/// Reads queries.tsv: "qid<TAB>text" per line; blank lines skipped. Throws
/// std::runtime_error "file:line: ..." for a line without a tab or with an empty qid, or
/// "file: cannot be read".
inline std::vector<Query> read_queries(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot be read");
    }
    std::vector<Query> queries;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0) {
            throw std::runtime_error(
                fmt::format("{}:{}: expected 'qid<TAB>text'", path.string(), number));
        }
        queries.push_back(Query{line.substr(0, tab), line.substr(tab + 1)});
    }
    return queries;
}

/// Writes one TREC run line: "qid Q0 docid rank score tag" (rank from 1). Throws
/// std::runtime_error for a docid with white space, which the format cannot hold.
inline void write_run_line(std::FILE* out, std::string_view qid, std::string_view docid,
                           std::size_t rank, double score, std::string_view tag) {
    if (docid.empty() || docid.find_first_of(" \t\r\n") != std::string_view::npos) {
        throw std::runtime_error(
            fmt::format("document id '{}' cannot be written to a TREC run", docid));
    }
    fmt::print(out, "{} Q0 {} {} {:.6f} {}\n", qid, docid, rank, score, tag);
}

}  // namespace qaindex::bench
