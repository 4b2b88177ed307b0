// SPDX-License-Identifier: Apache-2.0
// Snippets (the best window of a text around matched words, highlighted as written) and excerpts.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "qaindex/snippet.hpp"

namespace qaindex::detail {

/// What a snippet highlights: words whose stem is in stems or secondary (stop words never),
/// or whose normalised form is in exact (quoted phrases). Secondary stems (synonyms the user
/// did not type) count less when choosing the window.
struct SnippetTerms {
    std::set<std::string> stems;
    std::set<std::string> exact;
    std::set<std::string> secondary;

    [[nodiscard]] bool empty() const { return stems.empty() && exact.empty() && secondary.empty(); }
};

/// The window of about max_bytes of one of texts (tried in order; an earlier text wins ties)
/// holding the most distinct matched words, cut at word boundaries, whitespace runs collapsed
/// to one space, "..." where text was cut, matched words highlighted as they are written.
/// Without any match: the start of the first non-empty text, without highlights.
[[nodiscard]] Snippet make_snippet(Analyzer& analyzer, const std::vector<std::string_view>& texts,
                                   const SnippetTerms& terms, std::size_t max_bytes);

/// text with whitespace runs collapsed, cut at about max_chars characters (at a word boundary
/// where one is near) and ending in "..." when cut.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t max_chars = 200);

}  // namespace qaindex::detail
