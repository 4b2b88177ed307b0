// SPDX-License-Identifier: Apache-2.0
// Terminal text: control-character escaping, NO_COLOR and --color, list wrapping.
#include "common/terminal.hpp"

#include <fmt/core.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

#include "common/cli.hpp"
#include "qaindex/errors.hpp"

namespace qaindex::cli {

namespace {

// The length of the valid UTF-8 sequence at text[i] (a multi-byte one), or 0.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0U;
    };
    const auto continuation = [](unsigned c) { return c >= 0x80 && c <= 0xBF; };
    const unsigned lead = at(0);
    unsigned low = 0x80;
    unsigned high = 0xBF;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (at(1) < low || at(1) > high) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        if (!continuation(at(k))) {
            return 0;
        }
    }
    return length;
}

}  // namespace

std::string printable(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            const std::size_t length = utf8_sequence(text, i);
            const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
            if (length == 0) {
                out += fmt::format("\\x{:02x}", byte);  // not UTF-8
                ++i;
            } else if (byte == 0xC2 && next <= 0x9F) {  // U+0080..U+009F, the C1 controls
                out += fmt::format("\\u{:04x}", next);
                i += 2;
            } else {
                out.append(text, i, length);
                i += length;
            }
            continue;
        }
        if (byte >= 0x20 && byte != 0x7F) {
            out += text[i];
        } else if (keep_newlines && (byte == '\n' || byte == '\t')) {
            out += text[i];
        } else if (byte == '\n') {
            out += "\\n";
        } else if (byte == '\r') {
            out += "\\r";
        } else if (byte == '\t') {
            out += "\\t";
        } else {
            out += fmt::format("\\x{:02x}", byte);
        }
        ++i;
    }
    return out;
}

ColourWhen parse_colour_when(std::string_view text) {
    if (text == "auto") {
        return ColourWhen::Auto;
    }
    if (text == "always") {
        return ColourWhen::Always;
    }
    if (text == "never") {
        return ColourWhen::Never;
    }
    throw UsageError("--color \"" + printable(text) + "\": write auto, always or never");
}

bool use_colour(ColourWhen when, std::FILE* stream) {
    if (when != ColourWhen::Auto) {
        return when == ColourWhen::Always;
    }
    const char* no_colour = std::getenv("NO_COLOR");
    return is_terminal(stream) && (no_colour == nullptr || *no_colour == '\0');
}

std::size_t text_width(std::FILE* stream) {
    winsize size{};
    if (is_terminal(stream) && ::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 &&
        size.ws_col >= 40) {
        return size.ws_col;
    }
    return 100;
}

std::string wrapped_list(std::string_view label, const std::vector<std::string>& items,
                         std::size_t width) {
    const std::string indent(label.size(), ' ');
    std::string out(label);
    std::size_t column = label.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        if (i > 0) {
            if (column + 1 + item.size() > width) {
                out += '\n';
                out += indent;
                column = indent.size();
            } else {
                out += ' ';
                ++column;
            }
        }
        out += item;
        column += item.size();
    }
    out += '\n';
    return out;
}

}  // namespace qaindex::cli
