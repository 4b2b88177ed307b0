// SPDX-License-Identifier: Apache-2.0
// RFC 4180 record scanner behind parse_consultation_csv() (public), exposed for table tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/corpus.hpp"

namespace qaindex::detail {

/// Why a record could not be split into fields.
enum class CsvError {
    None,
    UnterminatedQuote,  ///< a quoted field runs to the end of the file
    TextAfterQuote,     ///< a closing quote followed by something other than , or end of line
};

/// One record: its fields (quotes removed, "" unescaped) and the line it starts on.
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;
    CsvError error = CsvError::None;
};

/// Splits CSV text into records. Fields may be quoted and then hold commas, quotes ("") and
/// line breaks; lines end in LF or CRLF; blank lines between records are skipped. A quote
/// inside an unquoted field is kept as a character, as most CSV writers expect.
class CsvScanner {
  public:
    explicit CsvScanner(std::string_view text) : text_(text) {}

    /// Reads the next record into record (reusing its strings); false at the end of text.
    /// On a quoting error the record carries the error and scanning resumes on the line after
    /// the one the bad record starts on, so one stray quote costs one record, not the file.
    bool next(CsvRecord& record);
    /// Bytes of the text read so far (through the last record's end).
    [[nodiscard]] std::size_t position() const { return pos_ < text_.size() ? pos_ : text_.size(); }

  private:
    void resync(std::size_t start, std::size_t start_line);

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

/// parse_consultation_csv(), calling progress (if set) after each record with the bytes of text
/// parsed so far.
std::size_t parse_consultation_csv(std::string_view text, std::string_view source,
                                   std::string_view id_base, const EntrySink& emit,
                                   const DiagnosticSink& diagnose, const ProgressSink& progress);

}  // namespace qaindex::detail
