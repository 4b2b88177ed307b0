// SPDX-License-Identifier: Apache-2.0
// qaquery's command line: its options, and turning them into a library request.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "qaindex/search.hpp"

namespace qaindex::cli {

/// What qaquery was asked to do.
enum class QueryMode { Search, Similar, SimilarTo, Related, Show };

/// qaquery's options as given.
struct QueryOptions {
    std::vector<std::string> words;  ///< the query, possibly unquoted words; "-": stdin
    std::optional<std::filesystem::path> db;
    std::size_t limit = 0;  ///< 0: the mode's default
    std::size_t offset = 0;
    std::size_t facet_limit = 10;  ///< values shown per facet; 0 = all
    std::vector<std::string> specialties;
    std::vector<std::string> symptoms;
    std::optional<std::string> since;
    std::optional<std::string> until;
    std::optional<std::string> sex;
    std::optional<std::string> age;
    std::optional<std::string> lang;
    bool facets = false;
    bool json = false;
    bool explain = false;
    bool no_expand = false;
    bool no_collapse = false;     ///< --no-collapse: entries asking the same question not collapsed
    std::string colour = "auto";  ///< --color: auto, always or never
    bool allow_partial = false;
    std::optional<std::string> similar;
    std::optional<std::string> similar_to;  ///< "-": stdin
    std::optional<std::string> related;
    std::optional<std::string> show;
};

/// Declares qaquery's options on app.
void add_query_options(CLI::App& app, QueryOptions& options);

/// The mode the options ask for: Search when only filters are given (every matching entry,
/// newest first). Throws UsageError for none or several.
[[nodiscard]] QueryMode query_mode(const QueryOptions& options);

/// Replaces a query or --similar-to text of "-" by what standard input holds.
void read_stdin_text(QueryOptions& options);

/// The filter options as a Filter. Throws UsageError for a date or sex it cannot read.
[[nodiscard]] Filter query_filter(const QueryOptions& options);

/// The search request of the options (Search mode).
[[nodiscard]] SearchRequest search_request(const QueryOptions& options);

/// The Similar Q&A request of the options (Similar and SimilarTo modes).
[[nodiscard]] SimilarRequest similar_request(const QueryOptions& options, QueryMode mode);

}  // namespace qaindex::cli
