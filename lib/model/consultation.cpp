// SPDX-License-Identifier: Apache-2.0
// Consultation model helpers: date parsing and formatting, sex names, the filed specialty.
#include "qaindex/consultation.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace qaindex {
namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// Reads an unsigned decimal number of 1..max_digits digits at text[pos].
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t max_digits) {
    const std::size_t start = pos;
    while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') {
        ++pos;
    }
    if (pos == start) {
        return std::nullopt;
    }
    int value = 0;
    std::from_chars(text.data() + start, text.data() + pos, value);
    return value;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
    text = trim(text);
    std::size_t pos = 0;
    const auto year = read_number(text, pos, 4);
    if (!year || pos != 4 || pos >= text.size()) {
        return std::nullopt;
    }
    const char separator = text[pos];
    if (separator != '/' && separator != '-' && separator != '.') {
        return std::nullopt;
    }
    ++pos;
    const auto month = read_number(text, pos, 2);
    if (!month || pos >= text.size() || text[pos] != separator) {
        return std::nullopt;
    }
    ++pos;
    const auto day = read_number(text, pos, 2);
    if (!day || pos != text.size()) {
        return std::nullopt;
    }
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) {
        return std::nullopt;
    }
    return Date{*year, *month, *day};
}

std::string Date::to_string() const {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d", year, month, day);
    return buffer.data();
}

std::string_view to_string(Sex sex) {
    return sex == Sex::Female ? "female" : "male";
}

std::optional<Sex> parse_sex(std::string_view text) {
    text = trim(text);
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    if (lower == "female" || lower == "f" || lower == "woman" || lower == "girl" || lower == "女") {
        return Sex::Female;
    }
    if (lower == "male" || lower == "m" || lower == "man" || lower == "boy" || lower == "男") {
        return Sex::Male;
    }
    return std::nullopt;
}

std::optional<std::string> Consultation::specialty() const {
    for (const Reply& reply : replies) {
        if (reply.specialty) {
            return reply.specialty;
        }
    }
    return std::nullopt;
}

}  // namespace qaindex
