// SPDX-License-Identifier: Apache-2.0
// UTF-8 validation, BOM stripping and Han detection, written for long ASCII-heavy texts.
#include "corpus/utf8.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace qaindex::detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

unsigned byte_at(std::string_view text, std::size_t i) {
    return static_cast<unsigned char>(text[i]);
}

bool is_continuation(unsigned byte) {
    return (byte & 0xC0U) == 0x80U;
}

// Decodes the sequence at text[i]; returns its length, or 0 when it is ill-formed.
std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point) {
    const unsigned lead = byte_at(text, i);
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead < 0x80U) {
        code_point = lead;
        return 1;
    }
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        value = lead & 0x1FU;
        minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        value = lead & 0x0FU;
        minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        value = lead & 0x07U;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - i < length) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned next = byte_at(text, i + k);
        if (!is_continuation(next)) {
            return 0;
        }
        value = (value << 6U) | (next & 0x3FU);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    code_point = value;
    return length;
}

bool is_han(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

// Corpus text is mostly ASCII (English pages, XML markup): skip it eight bytes at a time.
std::size_t skip_ascii(std::string_view text, std::size_t i) {
    while (text.size() - i >= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) {
            break;
        }
        i += 8;
    }
    while (i < text.size() && byte_at(text, i) < 0x80U) {
        ++i;
    }
    return i;
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, kBom.size()) == kBom) {
        text.remove_prefix(kBom.size());
    }
    return text;
}

std::size_t find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (true) {
        i = skip_ascii(text, i);
        if (i >= text.size()) {
            return std::string_view::npos;
        }
        char32_t ignored = 0;
        const std::size_t length = decode(text, i, ignored);
        if (length == 0) {
            return i;
        }
        i += length;
    }
}

bool contains_han(std::string_view text) {
    std::size_t i = 0;
    while (true) {
        i = skip_ascii(text, i);
        if (i >= text.size()) {
            return false;
        }
        char32_t c = 0;
        const std::size_t length = decode(text, i, c);
        if (length == 0) {
            ++i;  // callers validate first; do not loop forever on bad input anyway
            continue;
        }
        if (is_han(c)) {
            return true;
        }
        i += length;
    }
}

}  // namespace qaindex::detail
