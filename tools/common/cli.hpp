// SPDX-License-Identifier: Apache-2.0
// What the tools share: the --db option, terminal detection, and exit-code mapping.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace qaindex::cli {

/// Exit statuses of every tool.
inline constexpr int kOk = 0;
inline constexpr int kFailure = 1;
inline constexpr int kUsage = 2;

/// Adds --db DIR (the index folder; default $QAINDEX_DB, then ./qaindex.db).
void add_database_option(CLI::App& app, std::optional<std::filesystem::path>& database);

/// Whether stream is an interactive terminal (colour and progress bars only then).
[[nodiscard]] bool is_terminal(std::FILE* stream);

/// Parses the command line into app's options, then runs body. Maps failures to one line on
/// stderr, "<tool>: error: <message>", and an exit status: parse errors and UsageError 2,
/// any other error 1. --help prints and returns 0.
int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

}  // namespace qaindex::cli
