// SPDX-License-Identifier: Apache-2.0
// The query-string parameters of qaserve's requests, checked, and the search they ask for.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/search.hpp"

namespace qaindex::serve {

/// Longest q of a search, in bytes (a pasted lay question is rarely over 2,000).
inline constexpr std::size_t kMaxQueryBytes = 4096;
/// Longest text of POST /api/similar, in bytes.
inline constexpr std::size_t kMaxTextBytes = 16384;
/// Largest request body, in bytes: longer ones get 413.
inline constexpr std::size_t kMaxBodyBytes = 65536;
/// Largest limit of a search, and of Similar Q&A and Related FAQ.
inline constexpr std::size_t kMaxSearchLimit = 100;
inline constexpr std::size_t kMaxListLimit = 50;
/// Largest offset of a search: deeper pages cost more than anyone reads.
inline constexpr std::size_t kMaxOffset = 10000;

/// Whether text is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
[[nodiscard]] bool valid_utf8(std::string_view text);

/// text percent-encoded for a URL's query string or path segment: everything but ASCII
/// letters, digits and -._~ is escaped (a space as %20).
[[nodiscard]] std::string url_encode(std::string_view text);

/// A request's query-string parameters. Values are checked as they are read: each must be
/// UTF-8, and a parameter that is not repeatable may appear once. An empty value counts as
/// absent (an HTML form sends its empty fields). Every failure is HttpError 400 naming the
/// parameter.
class QueryParams {
  public:
    /// known: the names the request accepts; with strict, any other name is an error.
    QueryParams(const httplib::Params& params, std::span<const std::string_view> known,
                bool strict);

    /// The value of name, or nullopt. Longer than max_bytes: HttpError 400 "query_too_long".
    [[nodiscard]] std::optional<std::string> text(std::string_view name,
                                                  std::size_t max_bytes = 256) const;
    /// Every value of a repeatable parameter, in order.
    [[nodiscard]] std::vector<std::string> list(std::string_view name) const;
    /// A whole number in [min, max], or fallback when absent. Out of range: "out_of_range".
    [[nodiscard]] std::size_t number(std::string_view name, std::size_t fallback, std::size_t min,
                                     std::size_t max) const;
    /// "1"/"true" or "0"/"false", or fallback when absent.
    [[nodiscard]] bool flag(std::string_view name, bool fallback = false) const;

  private:
    const httplib::Params& params_;
};

/// The names /api/search and /search accept.
inline constexpr std::string_view kSearchParams[] = {
    "q",    "specialty", "symptom", "since",  "until",   "sex",   "age",
    "lang", "facets",    "limit",   "offset", "explain", "expand"};

/// The filter of specialty, symptom (repeatable), since, until, sex, age and lang.
/// Throws HttpError 400 for a date or sex it cannot read.
[[nodiscard]] Filter filter_from(const QueryParams& params);

/// The search of q, the filter, facets, explain, expand, limit (default 10) and offset.
[[nodiscard]] SearchRequest search_from(const QueryParams& params);

}  // namespace qaindex::serve
