// SPDX-License-Identifier: Apache-2.0
// Reading the lexicon's tab-separated files (format: LEXICON_FORMAT.md, data/lexicon/).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::detail {

/// One data row of a lexicon file.
struct TsvRow {
    std::size_t line = 0;            ///< 1-based line number in the file
    std::vector<std::string> cells;  ///< one per header column, trimmed
};

/// Splits a lexicon file into rows. Skips '#' comments and blank lines, checks that the first
/// other line is exactly `columns` and that every row has one cell per column, tolerates CRLF.
/// Throws InputError "file:line: message" (file is `display_name`).
[[nodiscard]] std::vector<TsvRow> read_tsv(std::string_view display_name, std::string_view bytes,
                                           std::span<const std::string_view> columns);

/// The items of a '|'-separated list cell, trimmed; empty items are dropped.
[[nodiscard]] std::vector<std::string> split_list(std::string_view cell);

/// Throws InputError "file:line: message".
[[noreturn]] void throw_input_error(std::string_view file, std::size_t line,
                                    std::string_view message);

}  // namespace qaindex::detail
