// SPDX-License-Identifier: Apache-2.0
// What the tools share: the --db option, terminal detection, and exit-code mapping.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace qaindex::cli {

/// Exit statuses of every tool.
inline constexpr int kOk = 0;
inline constexpr int kFailure = 1;
inline constexpr int kUsage = 2;

/// Adds --db DIR (the index folder; default $QAINDEX_DB, then ./qaindex.db). An empty DIR
/// is a usage error.
void add_database_option(CLI::App& app, std::optional<std::filesystem::path>& database);

/// Adds an option taking one size N: a whole number from 0 to 2^64 - 1 in decimal digits.
/// Anything else ("-1", "1e3", "0x10", a number past 2^64 - 1) is a usage error naming the
/// option.
CLI::Option* add_size_option(CLI::App& app, const std::string& name, std::size_t& target,
                             const std::string& description);

/// text as a size (see add_size_option()); nullopt if it is not one.
[[nodiscard]] std::optional<std::size_t> parse_size(std::string_view text);

/// Whether stream is an interactive terminal (colour and progress bars only then).
[[nodiscard]] bool is_terminal(std::FILE* stream);

/// Adds --version (version_text() of the tool), parses the command line into app's options,
/// then runs body. Maps failures to one line on
/// stderr, "<tool>: error: <message>", and an exit status: parse errors and UsageError 2,
/// any other error 1. --help and --version print and return 0.
int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

}  // namespace qaindex::cli
