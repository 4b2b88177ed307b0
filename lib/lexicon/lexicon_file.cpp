// SPDX-License-Identifier: Apache-2.0
// Reading the lexicon's tab-separated files (format: LEXICON_FORMAT.md, data/lexicon/).
#include "lexicon/lexicon_file.hpp"

#include <fmt/format.h>

#include "qaindex/errors.hpp"

namespace qaindex::detail {
namespace {

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v'; };
    while (!text.empty() && space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// A lexicon cell that is not UTF-8 would reach the index as mojibake: reject the file.
bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) {
            return cells;
        }
        start = tab + 1;
    }
}

}  // namespace

void throw_input_error(std::string_view file, std::size_t line, std::string_view message) {
    throw InputError(fmt::format("{}:{}: {}", file, line, message));
}

std::vector<TsvRow> read_tsv(std::string_view display_name, std::string_view bytes,
                             std::span<const std::string_view> columns) {
    std::vector<TsvRow> rows;
    bool header_seen = false;
    std::size_t line_number = 0;
    std::size_t start = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) {  // a byte-order mark from a spreadsheet export
        start = 3;
    }
    while (start < bytes.size()) {
        const std::size_t newline = bytes.find('\n', start);
        std::string_view line = bytes.substr(
            start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
        start = newline == std::string_view::npos ? bytes.size() : newline + 1;
        ++line_number;
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        if (trim(line).empty() || line.starts_with('#')) {
            continue;
        }
        if (!is_valid_utf8(line)) {
            throw_input_error(display_name, line_number, "not valid UTF-8");
        }
        std::vector<std::string_view> cells = split_tabs(line);
        if (!header_seen) {
            bool same = cells.size() == columns.size();
            for (std::size_t i = 0; same && i < cells.size(); ++i) {
                same = trim(cells[i]) == columns[i];
            }
            if (!same) {
                throw_input_error(
                    display_name, line_number,
                    fmt::format("expected the header \"{}\"", fmt::join(columns, "<TAB>")));
            }
            header_seen = true;
            continue;
        }
        if (cells.size() != columns.size()) {
            throw_input_error(display_name, line_number,
                              fmt::format("expected {} tab-separated cells, found {}",
                                          columns.size(), cells.size()));
        }
        TsvRow row;
        row.line = line_number;
        row.cells.reserve(cells.size());
        for (std::string_view cell : cells) {
            row.cells.emplace_back(trim(cell));
        }
        rows.push_back(std::move(row));
    }
    if (!header_seen) {
        throw_input_error(display_name, line_number == 0 ? 1 : line_number,
                          "no header line (empty file?)");
    }
    return rows;
}

std::vector<std::string> split_list(std::string_view cell) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t bar = cell.find('|', start);
        const std::string_view item =
            trim(cell.substr(start, bar == std::string_view::npos ? bar : bar - start));
        if (!item.empty()) {
            items.emplace_back(item);
        }
        if (bar == std::string_view::npos) {
            break;
        }
        start = bar + 1;
    }
    return items;
}

}  // namespace qaindex::detail
