// SPDX-License-Identifier: Apache-2.0
// Query-string parameters: UTF-8, repetition, numbers and the search they describe.
#include "qaserve/params.hpp"

#include <algorithm>
#include <charconv>

#include "qaserve/http_error.hpp"

namespace qaindex::serve {
namespace {

HttpError bad(const std::string& message) {
    return {400, "bad_parameter", message};
}

}  // namespace

bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        }
        if ((byte & 0xE0U) == 0xC0U) {
            length = 2;
            code = byte & 0x1FU;
        } else if ((byte & 0xF0U) == 0xE0U) {
            length = 3;
            code = byte & 0x0FU;
        } else if ((byte & 0xF8U) == 0xF0U) {
            length = 4;
            code = byte & 0x07U;
        } else {
            return false;
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0U) != 0x80U) {
                return false;
            }
            code = (code << 6U) | (next & 0x3FU);
        }
        const std::uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4U];
            out += kHex[byte & 0x0FU];
        }
    }
    return out;
}

QueryParams::QueryParams(const httplib::Params& params, std::span<const std::string_view> known,
                         bool strict)
    : params_(params) {
    for (const auto& [name, value] : params) {
        if (!valid_utf8(name) || !valid_utf8(value)) {
            throw bad("parameter " + (valid_utf8(name) ? name : std::string("name")) +
                      " is not valid UTF-8");
        }
        if (strict && std::find(known.begin(), known.end(), name) == known.end()) {
            std::string names;
            for (const std::string_view k : known) {
                names += (names.empty() ? "" : ", ") + std::string(k);
            }
            throw bad("unknown parameter \"" + name + "\" (known: " + names + ")");
        }
    }
}

std::optional<std::string> QueryParams::text(std::string_view name, std::size_t max_bytes) const {
    const std::string key(name);
    const auto [first, last] = params_.equal_range(key);
    std::optional<std::string> out;
    for (auto it = first; it != last; ++it) {
        if (it->second.empty()) {
            continue;
        }
        if (out) {
            throw bad("parameter " + key + " is given more than once");
        }
        out = it->second;
    }
    if (out && out->size() > max_bytes) {
        throw HttpError(400, "query_too_long",
                        "parameter " + key + " is too long: " + std::to_string(out->size()) +
                            " bytes, at most " + std::to_string(max_bytes));
    }
    return out;
}

std::vector<std::string> QueryParams::list(std::string_view name) const {
    const std::string key(name);
    std::vector<std::string> out;
    const auto [first, last] = params_.equal_range(key);
    for (auto it = first; it != last; ++it) {
        if (!it->second.empty()) {
            if (it->second.size() > 256) {
                throw HttpError(400, "query_too_long", "a value of " + key + " is too long");
            }
            out.push_back(it->second);
        }
    }
    if (out.size() > 20) {
        throw bad("parameter " + key + " is given more than 20 times");
    }
    return out;
}

std::size_t QueryParams::number(std::string_view name, std::size_t fallback, std::size_t min,
                                std::size_t max) const {
    const auto value = text(name, 32);
    if (!value) {
        return fallback;
    }
    std::size_t out = 0;
    const char* end = value->data() + value->size();
    const auto [at, error] = std::from_chars(value->data(), end, out);
    if (error == std::errc::result_out_of_range ||
        (error == std::errc() && at == end && (out < min || out > max))) {
        throw HttpError(400, "out_of_range",
                        "parameter " + std::string(name) + " must be from " + std::to_string(min) +
                            " to " + std::to_string(max) + ", not " + *value);
    }
    if (error != std::errc() || at != end) {
        throw bad("parameter " + std::string(name) + " must be a whole number, not \"" + *value +
                  "\"");
    }
    return out;
}

bool QueryParams::flag(std::string_view name, bool fallback) const {
    const auto value = text(name, 32);
    if (!value) {
        return fallback;
    }
    if (*value == "1" || *value == "true") {
        return true;
    }
    if (*value == "0" || *value == "false") {
        return false;
    }
    throw bad("parameter " + std::string(name) + " must be 1 or 0, not \"" + *value + "\"");
}

Filter filter_from(const QueryParams& params) {
    Filter filter;
    filter.specialties = params.list("specialty");
    filter.symptoms = params.list("symptom");
    for (const std::string_view name : {"since", "until"}) {
        if (const auto value = params.text(name, 32)) {
            const auto date = Date::parse(*value);
            if (!date) {
                throw bad("parameter " + std::string(name) + " is not a date (YYYY-MM-DD): \"" +
                          *value + "\"");
            }
            (name == "since" ? filter.since : filter.until) = date;
        }
    }
    if (const auto value = params.text("sex", 32)) {
        filter.sex = parse_sex(*value);
        if (!filter.sex) {
            throw bad("parameter sex must be female or male, not \"" + *value + "\"");
        }
    }
    filter.age_group = params.text("age", 32);
    filter.language = params.text("lang", 16);
    return filter;
}

SearchRequest search_from(const QueryParams& params) {
    SearchRequest request;
    request.text = params.text("q", kMaxQueryBytes).value_or("");
    request.filter = filter_from(params);
    if (params.flag("facets")) {
        request.facets = {Facet::Specialty, Facet::Symptom};
    }
    request.explain = params.flag("explain");
    request.expand = params.flag("expand", true);
    request.limit = params.number("limit", 10, 1, kMaxSearchLimit);
    request.offset = params.number("offset", 0, 0, kMaxOffset);
    return request;
}

}  // namespace qaindex::serve
