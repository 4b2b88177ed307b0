// SPDX-License-Identifier: Apache-2.0
// Snippet: an excerpt of an entry with the byte ranges to highlight; markup is the caller's.
#pragma once

#include <cstddef>
#include <string>
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

}  // namespace qaindex
