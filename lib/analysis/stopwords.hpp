// SPDX-License-Identifier: Apache-2.0
// Stop-word lists: English (Snowball plus consultation filler) and Chinese function words.
#pragma once

#include <string_view>

namespace qaindex::detail {

/// Whether a normalised term (case-folded and unstemmed English, or Simplified Chinese) is a
/// stop word. One table holds both languages: their words cannot collide.
[[nodiscard]] bool is_stopword(std::string_view term);

}  // namespace qaindex::detail
