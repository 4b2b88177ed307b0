// SPDX-License-Identifier: Apache-2.0
// Checked Filter values: an age group or age, a language tag.
#include "search/filter_values.hpp"

#include <charconv>
#include <optional>

#include "index/schema.hpp"
#include "qaindex/errors.hpp"

namespace qaindex::detail {
namespace {

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

// An age of one to three digits, or nothing.
std::optional<int> age(std::string_view digits) {
    int value = 0;
    if (digits.empty() || digits.size() > 3) {
        return std::nullopt;
    }
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string filter_age_group(std::string_view text) {
    const std::string normalised = schema::normalise_age_group(text);
    const std::size_t dash = normalised.find('-');
    const auto low = age(std::string_view(normalised).substr(0, dash));
    const auto high =
        dash == std::string::npos ? low : age(std::string_view(normalised).substr(dash + 1));
    if (!low || !high) {
        throw UsageError("age group \"" + std::string(text) +
                         "\" is not an age or a range of ages (write 30-39, 30~39 or 35)");
    }
    if (*low > *high) {
        throw UsageError("age group \"" + std::string(text) + "\" starts above where it ends (" +
                         std::to_string(*low) + " > " + std::to_string(*high) + ")");
    }
    return normalised;
}

std::string filter_language(std::string_view text) {
    bool valid = !text.empty();
    std::size_t subtag = 0;  // index of the subtag being read
    std::size_t length = 0;  // its length so far
    for (const char c : text) {
        if (c == '-') {
            valid = valid && length >= (subtag == 0 ? 2 : 1);
            ++subtag;
            length = 0;
        } else if (is_ascii_letter(c) || (subtag > 0 && is_ascii_digit(c))) {
            ++length;
            valid = valid && length <= 8;
        } else {
            valid = false;
        }
    }
    valid = valid && length >= (subtag == 0 ? 2 : 1);
    if (!valid) {
        throw UsageError("language \"" + std::string(text) +
                         "\" is not a language tag (write en, zh, zh-Hant ...)");
    }
    return schema::lower_ascii(text);
}

}  // namespace qaindex::detail
