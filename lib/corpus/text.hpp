// SPDX-License-Identifier: Apache-2.0
// Small string_view helpers the corpus readers share: trimming, line numbers, diagnostics.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "qaindex/diagnostic.hpp"

namespace qaindex::detail {

[[nodiscard]] constexpr bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

[[nodiscard]] std::string_view trim(std::string_view text);

/// ASCII case-insensitive equality.
[[nodiscard]] bool equals_icase(std::string_view a, std::string_view b);

/// ASCII case-insensitive prefix test.
[[nodiscard]] bool starts_with_icase(std::string_view text, std::string_view prefix);

/// The 1-based line holding text[offset] (offset may equal text.size()).
[[nodiscard]] std::size_t line_at(std::string_view text, std::size_t offset);

/// The 1-based column (in bytes) of text[offset] within its line.
[[nodiscard]] std::size_t column_at(std::string_view text, std::size_t offset);

/// "invalid UTF-8 at column N" for the ill-formed byte at text[offset].
[[nodiscard]] std::string invalid_utf8_message(std::string_view text, std::size_t offset);

/// text trimmed, or nullopt when nothing is left: the model never holds "".
[[nodiscard]] std::optional<std::string> non_empty(std::string_view text);

/// Sends a diagnostic to diagnose when there is a sink; a throwing sink propagates.
void report(const DiagnosticSink& diagnose, std::string_view file, std::optional<std::size_t> line,
            Problem problem, std::string message);

/// Walks text line by line without copying. Lines end at '\n'; a '\r' before it (CRLF) is
/// dropped. A final line without '\n' is still a line; an empty text has no lines.
class LineCursor {
  public:
    explicit LineCursor(std::string_view text) : text_(text) {}

    /// Stores the next line in line and its 1-based number in number; false at the end.
    bool next(std::string_view& line, std::size_t& number);
    /// Bytes of the text read so far (through the last line's end).
    [[nodiscard]] std::size_t position() const { return std::min(pos_, text_.size()); }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
};

}  // namespace qaindex::detail
