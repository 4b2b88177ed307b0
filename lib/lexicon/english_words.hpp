// SPDX-License-Identifier: Apache-2.0
// English words: whether a word is a real English word, from a word list compiled in.
#pragma once

#include <string_view>

namespace qaindex::detail {

/// Whether word (lower case, as the Analyzer normalises it) is in the English word list
/// compiled into the library (Debian's wamerican: about 64,000 lower-case words and their
/// inflections, "quote", "quotes", "quoted"). A spelling suggestion is only offered for words
/// that are not: a real word the index happens not to hold is not a typo. Thread-safe.
[[nodiscard]] bool is_english_word(std::string_view word);

}  // namespace qaindex::detail
