// SPDX-License-Identifier: Apache-2.0
// Stop-word lists: English (Snowball plus consultation filler) and Chinese function words.
#pragma once

#include <string_view>

namespace qaindex::detail {

/// Whether a normalised (case-folded, unstemmed) English word is a stop word.
[[nodiscard]] bool is_english_stopword(std::string_view term);

/// Whether a normalised (Simplified) Chinese word is a function word.
[[nodiscard]] bool is_chinese_stopword(std::string_view term);

}  // namespace qaindex::detail
