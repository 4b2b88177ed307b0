// SPDX-License-Identifier: Apache-2.0
// Text output of `qaindex`: the build progress bar or log, the build summary, stats, check.
#pragma once

#include <chrono>
#include <cstdio>

#include "qaindex/database.hpp"
#include "qaindex/index_writer.hpp"

namespace qaindex::cli {

/// Shows build progress: a bar redrawn in place on a terminal, a log line every few seconds
/// otherwise.
class ProgressPrinter {
  public:
    explicit ProgressPrinter(std::FILE* stream);
    void operator()(const BuildProgress& progress);
    /// Ends the bar's line (call before printing anything else).
    void finish();

  private:
    std::FILE* stream_;
    bool terminal_;
    bool drawn_ = false;
    double last_log_ = 0;
};

/// "12,345" style grouping.
[[nodiscard]] std::string with_commas(std::uintmax_t number);
/// "45.2 MB".
[[nodiscard]] std::string human_bytes(std::uintmax_t bytes);

void print_build_report(std::FILE* stream, const BuildReport& report,
                        const std::filesystem::path& database);
void print_stats(std::FILE* stream, const IndexStats& stats);
void print_check(std::FILE* stream, const CheckReport& report,
                 const std::filesystem::path& database);

}  // namespace qaindex::cli
