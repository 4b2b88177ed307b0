// SPDX-License-Identifier: Apache-2.0
// Snippet: an excerpt of an entry with the byte ranges to highlight; markup is the caller's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex {

/// A byte range [begin, end) of Snippet::text to highlight.
struct Highlight {
    std::size_t begin = 0;
    std::size_t end = 0;

    bool operator==(const Highlight&) const = default;
};

/// An excerpt of a question or reply around the words that matched, as written (not
/// stemmed), with "..." where text was cut.
struct Snippet {
    std::string text{};
    std::vector<Highlight> highlights{};  ///< sorted, non-overlapping, on UTF-8 boundaries

    bool operator==(const Snippet&) const = default;
};

/// text with the characters HTML gives a meaning to replaced by references: & as &amp;,
/// < as &lt;, > as &gt;, " as &quot; and ' as &#39;, so the result is safe in element
/// content and in quoted attribute values alike. Other bytes (UTF-8 included) are kept.
[[nodiscard]] std::string html_escape(std::string_view text);

/// snippet as HTML: its text escaped as html_escape() does, each highlight wrapped in
/// <mark>...</mark>. A highlight that is out of range, empty, or overlaps the one before is
/// left out (its text stays, unmarked), so any Snippet gives well-formed markup.
[[nodiscard]] std::string to_html(const Snippet& snippet);

}  // namespace qaindex
