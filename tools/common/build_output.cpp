// SPDX-License-Identifier: Apache-2.0
// Text output of `qaindex`: progress, build summary, stats and check reports.
#include "common/build_output.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "common/cli.hpp"
#include "common/terminal.hpp"

namespace qaindex::cli {

std::string with_commas(std::uintmax_t number) {
    std::string digits = std::to_string(number);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

std::string human_bytes(std::uintmax_t bytes) {
    const double value = static_cast<double>(bytes);
    if (bytes >= 1024ULL * 1024 * 1024) {
        return fmt::format("{:.2f} GB", value / (1024.0 * 1024 * 1024));
    }
    if (bytes >= 1024ULL * 1024) {
        return fmt::format("{:.1f} MB", value / (1024.0 * 1024));
    }
    if (bytes >= 1024) {
        return fmt::format("{:.1f} kB", value / 1024.0);
    }
    return fmt::format("{} B", bytes);
}

ProgressPrinter::ProgressPrinter(std::FILE* stream)
    : stream_(stream), terminal_(is_terminal(stream)) {}

void ProgressPrinter::operator()(const BuildProgress& progress) {
    const double fraction =
        progress.bytes_total == 0
            ? 1.0
            : static_cast<double>(progress.bytes_done) / static_cast<double>(progress.bytes_total);
    const double rate =
        progress.seconds > 0 ? static_cast<double>(progress.entries) / progress.seconds : 0;
    const double eta = fraction > 0.01 ? progress.seconds * (1 - fraction) / fraction : 0;
    const auto eta_seconds = static_cast<long>(eta);
    if (terminal_) {
        constexpr int kWidth = 30;
        const int filled = std::clamp(static_cast<int>(fraction * kWidth), 0, kWidth);
        fmt::print(stream_, "\r{:3.0f}% [{}{}] {} entries  {:.0f}/s  ETA {}:{:02d} ",
                   fraction * 100, std::string(static_cast<std::size_t>(filled), '#'),
                   std::string(static_cast<std::size_t>(kWidth - filled), ' '),
                   with_commas(progress.entries), rate, eta_seconds / 60, eta_seconds % 60);
        std::fflush(stream_);
        drawn_ = true;
    } else if (progress.seconds - last_log_ >= 5.0) {
        last_log_ = progress.seconds;
        fmt::print(stream_, "qaindex: {} entries read, {:.0f}% of input, {:.0f} entries/s\n",
                   with_commas(progress.entries), fraction * 100, rate);
    }
}

void ProgressPrinter::finish() {
    if (drawn_) {
        fmt::print(stream_, "\n");
        drawn_ = false;
    }
}

void print_build_report(std::FILE* stream, const BuildReport& report,
                        const std::filesystem::path& database) {
    const double rate = report.seconds > 0 ? static_cast<double>(report.read) / report.seconds : 0;
    const double mb_rate = report.seconds > 0 ? static_cast<double>(report.bytes_read) /
                                                    (1024.0 * 1024) / report.seconds
                                              : 0;
    if (report.full) {
        fmt::print(stream, "Full build of {} ({})\n", printable(database.string()),
                   report.full_reason);
    } else {
        fmt::print(stream, "Incremental update of {}\n", printable(database.string()));
    }
    fmt::print(stream, "  files     {} found, {} read\n", with_commas(report.files),
               with_commas(report.files_read));
    fmt::print(stream, "  entries   {} read, {} added, {} updated, {} unchanged, {} deleted\n",
               with_commas(report.read), with_commas(report.added), with_commas(report.updated),
               with_commas(report.unchanged), with_commas(report.deleted));
    std::string reasons;
    for (const auto& [reason, count] : report.skipped_by_reason) {
        reasons += fmt::format("{}{} {}", reasons.empty() ? " (" : ", ", count, reason);
    }
    if (!reasons.empty()) {
        reasons += ')';
    }
    fmt::print(stream, "  skipped   {}{}\n", with_commas(report.skipped), reasons);
    if (report.other_shards > 0) {
        fmt::print(stream, "  elsewhere {} entries of other shards\n",
                   with_commas(report.other_shards));
    }
    fmt::print(stream, "  time      {:.2f} s ({:.0f} entries/s, {:.1f} MB/s)\n", report.seconds,
               rate, mb_rate);
    fmt::print(stream, "  index     {} entries, {}\n", with_commas(report.entries),
               human_bytes(report.index_bytes));
}

void print_stats(std::FILE* stream, const IndexStats& stats) {
    fmt::print(stream, "Index      {}\n", printable(stats.path.string()));
    fmt::print(stream, "Entries    {}\n", with_commas(stats.entries));
    fmt::print(stream, "Size       {}\n", human_bytes(stats.bytes));
    fmt::print(stream, "Last build {}\n", stats.last_build.value_or("unknown"));
    if (stats.corpus) {
        fmt::print(stream, "Corpus     {}\n", printable(*stats.corpus));
    }
    fmt::print(stream, "Specialties ({}):\n", stats.specialties.size());
    for (const NamedCount& specialty : stats.specialties) {
        fmt::print(stream, "  {:>8}  {}\n", with_commas(specialty.count),
                   printable(specialty.name));
    }
    const double share = stats.entries == 0
                             ? 0.0
                             : 100.0 * static_cast<double>(stats.entries_with_symptoms) /
                                   static_cast<double>(stats.entries);
    fmt::print(stream, "Top symptoms ({} entries, {:.1f}%, tagged with at least one):\n",
               with_commas(stats.entries_with_symptoms), share);
    for (const NamedCount& symptom : stats.top_symptoms) {
        fmt::print(stream, "  {:>8}  {}\n", with_commas(symptom.count), printable(symptom.name));
    }
}

void print_check(std::FILE* stream, const CheckReport& report,
                 const std::filesystem::path& database) {
    for (const std::string& note : report.notes) {
        fmt::print(stream, "note: {}\n", printable(note));
    }
    if (report.ok()) {
        fmt::print(stream, "{}: OK ({} entries checked)\n", printable(database.string()),
                   with_commas(report.entries_checked));
        return;
    }
    fmt::print(stream, "{}: {} problems ({} entries checked)\n", printable(database.string()),
               report.problems.size(), with_commas(report.entries_checked));
    for (const std::string& problem : report.problems) {
        fmt::print(stream, "  {}\n", printable(problem));
    }
}

}  // namespace qaindex::cli
