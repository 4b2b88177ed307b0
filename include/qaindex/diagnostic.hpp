// SPDX-License-Identifier: Apache-2.0
// Diagnostic: a problem found in the input, naming the file and the line or record.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace qaindex {

/// What kind of problem a Diagnostic reports; also the key of BuildReport::skipped_by_reason.
enum class Problem {
    InvalidUtf8,  ///< bytes that are not UTF-8
    BinaryFile,   ///< a file that is not text at all (NUL bytes, control characters)
    Truncated,    ///< a page or record that stops before its required parts
    Malformed,    ///< a record whose structure is wrong (bad JSON, broken XML, missing field)
    Unreadable,   ///< a file that cannot be opened or read
    Empty,        ///< a record without the text needed to index it (e.g. an empty answer)
    TooLarge,     ///< a record with a field over kMaxFieldBytes (qaindex/limits.hpp)
};

/// A stable lower-case name for a Problem ("invalid-utf8", "binary-file", ...).
[[nodiscard]] std::string_view to_string(Problem problem);

/// One problem in one input. Readers emit it, skip the record and go on.
struct Diagnostic {
    std::string file{};                   ///< path of the input file as given to the reader
    std::optional<std::size_t> line{};    ///< 1-based line, where the format has lines
    std::optional<std::string> record{};  ///< record name where lines do not help ("QAPair 3")
    Problem problem = Problem::Malformed;
    std::string message{};  ///< what is wrong, for a human

    /// "file:line: message" or "file (record): message".
    [[nodiscard]] std::string to_string() const;

    bool operator==(const Diagnostic&) const = default;
};

/// Where readers send diagnostics. A sink may throw to stop reading (strict mode does).
using DiagnosticSink = std::function<void(const Diagnostic&)>;

}  // namespace qaindex
