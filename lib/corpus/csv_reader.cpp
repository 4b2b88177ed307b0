// SPDX-License-Identifier: Apache-2.0
// Consultation CSV files (department,title,ask,answer) as in shared/data/zh-consultations.
#include "corpus/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "corpus/text.hpp"
#include "corpus/utf8.hpp"
#include "qaindex/corpus.hpp"

namespace qaindex {
namespace detail {
namespace {

// Line breaks inside quoted fields become "\n" whatever the file uses, as in the other readers.
void append_normalized(std::string& field, std::string_view chunk) {
    std::size_t cr = chunk.find("\r\n");
    while (cr != std::string_view::npos) {
        field += chunk.substr(0, cr);
        field += '\n';
        chunk.remove_prefix(cr + 2);
        cr = chunk.find("\r\n");
    }
    field += chunk;
}

}  // namespace

void CsvScanner::resync(std::size_t start, std::size_t start_line) {
    const std::size_t newline = text_.find('\n', start);
    pos_ = newline == std::string_view::npos ? text_.size() : newline + 1;
    line_ = start_line + 1;
}

bool CsvScanner::next(CsvRecord& record) {
    const std::size_t n = text_.size();
    while (pos_ < n && (text_[pos_] == '\n' ||
                        (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n'))) {
        pos_ += text_[pos_] == '\n' ? std::size_t{1} : std::size_t{2};
        ++line_;
    }
    if (pos_ >= n) {
        return false;
    }
    const std::size_t start = pos_;
    record.line = line_;
    record.error = CsvError::None;
    std::size_t count = 0;
    while (true) {
        if (count == record.fields.size()) {
            record.fields.emplace_back();
        }
        std::string& field = record.fields[count++];
        field.clear();
        if (pos_ < n && text_[pos_] == '"') {
            ++pos_;
            while (true) {
                const std::size_t quote = text_.find('"', pos_);
                if (quote == std::string_view::npos) {
                    record.error = CsvError::UnterminatedQuote;
                    resync(start, record.line);
                    record.fields.resize(count);
                    return true;
                }
                const std::string_view chunk = text_.substr(pos_, quote - pos_);
                append_normalized(field, chunk);
                line_ += static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
                pos_ = quote + 1;
                if (pos_ < n && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                    continue;
                }
                break;
            }
            if (pos_ < n && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ >= n) {
                break;
            }
            if (text_[pos_] == '\n' ||
                (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n')) {
                pos_ += text_[pos_] == '\n' ? std::size_t{1} : std::size_t{2};
                ++line_;
                break;
            }
            record.error = CsvError::TextAfterQuote;
            resync(start, record.line);
            record.fields.resize(count);
            return true;
        }
        std::size_t end = text_.find_first_of(",\n", pos_);
        if (end == std::string_view::npos) {
            end = n;
        }
        std::string_view chunk = text_.substr(pos_, end - pos_);
        if (!chunk.empty() && chunk.back() == '\r' && (end == n || text_[end] == '\n')) {
            chunk.remove_suffix(1);
        }
        field.assign(chunk);
        pos_ = end;
        if (pos_ < n && text_[pos_] == ',') {
            ++pos_;
            continue;
        }
        if (pos_ < n) {
            ++pos_;
            ++line_;
        }
        break;
    }
    record.fields.resize(count);
    return true;
}

}  // namespace detail

namespace {

enum Column : std::size_t { Department, Title, Ask, Answer, ColumnCount };
constexpr std::array<std::string_view, ColumnCount> kColumnNames = {"department", "title", "ask",
                                                                    "answer"};
constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

// "field N (byte M of the field)" for the first field holding invalid UTF-8; nullopt if none.
std::optional<std::string> invalid_utf8_field(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (const std::size_t bad = detail::find_invalid_utf8(fields[i]);
            bad != std::string_view::npos) {
            return "field " + std::to_string(i + 1) + " (byte " + std::to_string(bad + 1) +
                   " of the field)";
        }
    }
    return std::nullopt;
}

}  // namespace

std::size_t parse_consultation_csv(std::string_view text, std::string_view source,
                                   std::string_view id_base, const EntrySink& emit,
                                   const DiagnosticSink& diagnose) {
    return detail::parse_consultation_csv(text, source, id_base, emit, diagnose, {});
}

std::size_t detail::parse_consultation_csv(std::string_view text, std::string_view source,
                                           std::string_view id_base, const EntrySink& emit,
                                           const DiagnosticSink& diagnose,
                                           const ProgressSink& progress) {
    const std::size_t bom = text.size() - detail::strip_bom(text).size();
    text = detail::strip_bom(text);
    detail::CsvScanner scanner(text);
    detail::CsvRecord record;
    const auto report = [&](std::size_t line, std::optional<std::string> name, Problem problem,
                            std::string message) {
        if (diagnose) {
            diagnose(Diagnostic{.file = std::string(source),
                                .line = line,
                                .record = std::move(name),
                                .problem = problem,
                                .message = std::move(message)});
        }
    };
    if (!scanner.next(record)) {
        report(1, std::nullopt, Problem::Empty, "empty CSV file");
        return 0;
    }
    // A header with invalid UTF-8 would lose the columns it names without a word: the file is
    // skipped, as a record with invalid UTF-8 is.
    if (const auto bad = invalid_utf8_field(record.fields)) {
        report(record.line, std::nullopt, Problem::InvalidUtf8,
               "invalid UTF-8 in the header, " + *bad + "; the file is skipped");
        return 0;
    }
    std::array<std::size_t, ColumnCount> columns{};
    columns.fill(kAbsent);
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string_view name = detail::trim(record.fields[i]);
        for (std::size_t c = 0; c < ColumnCount; ++c) {
            if (detail::equals_icase(name, kColumnNames[c]) && columns[c] == kAbsent) {
                columns[c] = i;
            }
        }
    }
    if (record.error != detail::CsvError::None || columns[Ask] == kAbsent) {
        report(record.line, std::nullopt, Problem::Malformed,
               "the header must name the columns department,title,ask,answer");
        return 0;
    }
    const std::size_t width = record.fields.size();
    const auto field = [&](Column column) -> std::string_view {
        return columns[column] == kAbsent ? std::string_view{}
                                          : detail::trim(record.fields[columns[column]]);
    };

    std::size_t number = 0;
    std::size_t emitted = 0;
    while (scanner.next(record)) {
        if (progress) {
            progress(bom + scanner.position());
        }
        ++number;
        std::string name = "record " + std::to_string(number);
        if (record.error == detail::CsvError::UnterminatedQuote) {
            report(record.line, std::move(name), Problem::Malformed, "unterminated quoted field");
            continue;
        }
        if (record.error == detail::CsvError::TextAfterQuote) {
            report(record.line, std::move(name), Problem::Malformed,
                   "text after the closing quote of a field");
            continue;
        }
        if (record.fields.size() != width) {
            report(record.line, std::move(name), Problem::Malformed,
                   std::to_string(record.fields.size()) + " fields where the header has " +
                       std::to_string(width));
            continue;
        }
        if (const auto bad = invalid_utf8_field(record.fields)) {
            report(record.line, std::move(name), Problem::InvalidUtf8, "invalid UTF-8 in " + *bad);
            continue;
        }
        if (field(Ask).empty()) {
            report(record.line, std::move(name), Problem::Empty, "blank \"ask\" field");
            continue;
        }
        Consultation entry;
        entry.id.value = std::string(id_base) + '#' + std::to_string(number);
        entry.title = detail::non_empty(field(Title));
        entry.question = std::string(field(Ask));
        Reply reply{.specialty = detail::non_empty(field(Department)),
                    .text = std::string(field(Answer))};
        if (!reply.text.empty() || reply.specialty) {
            entry.replies.push_back(std::move(reply));
        }
        entry.source = std::string(source) + ':' + std::to_string(record.line);
        entry.language = "zh";
        ++emitted;
        if (emit) {
            emit(std::move(entry));
        }
    }
    return emitted;
}

}  // namespace qaindex
