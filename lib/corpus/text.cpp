// SPDX-License-Identifier: Apache-2.0
// String_view helpers shared by the corpus readers.
#include "corpus/text.hpp"

#include <algorithm>
#include <cstring>

namespace qaindex::detail {
namespace {

constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_ascii_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool equals_icase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_icase(a, b);
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ascii_lower(text[i]) != ascii_lower(prefix[i])) {
            return false;
        }
    }
    return true;
}

std::size_t line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const auto end = text.begin() + static_cast<std::ptrdiff_t>(offset);
    return 1 + static_cast<std::size_t>(std::count(text.begin(), end, '\n'));
}

std::size_t column_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::size_t newline = text.substr(0, offset).rfind('\n');
    return newline == std::string_view::npos ? offset + 1 : offset - newline;
}

std::string invalid_utf8_message(std::string_view text, std::size_t offset) {
    return "invalid UTF-8 at column " + std::to_string(column_at(text, offset));
}

std::optional<std::string> non_empty(std::string_view text) {
    text = trim(text);
    if (text.empty()) {
        return std::nullopt;
    }
    return std::string(text);
}

void report(const DiagnosticSink& diagnose, std::string_view file, std::optional<std::size_t> line,
            Problem problem, std::string message) {
    if (!diagnose) {
        return;
    }
    diagnose(Diagnostic{.file = std::string(file),
                        .line = line,
                        .record = std::nullopt,
                        .problem = problem,
                        .message = std::move(message)});
}

bool LineCursor::next(std::string_view& line, std::size_t& number) {
    if (pos_ >= text_.size()) {
        return false;
    }
    const void* found = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
    const std::size_t end =
        found == nullptr ? text_.size()
                         : static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    pos_ = end + 1;
    number = ++line_;
    return true;
}

}  // namespace qaindex::detail
