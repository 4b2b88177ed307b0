// SPDX-License-Identifier: Apache-2.0
// The values of a Filter's free-text fields, checked and normalised as the index holds them.
#pragma once

#include <string>
#include <string_view>

namespace qaindex::detail {

/// An age-group filter value as the index's age-group terms hold it: "30-39" for "30-39",
/// "30~39" or "30 to 39 years"; "35" for "35". Throws UsageError naming the value for
/// anything else: no number ("abc"), a range whose first age is above its second ("99-1"),
/// an age of more than three digits.
[[nodiscard]] std::string filter_age_group(std::string_view text);

/// A language filter value as the index's language terms hold it, in lower case: "en",
/// "zh-hant". Throws UsageError naming the value unless it is a BCP 47 tag: 2 to 8 ASCII
/// letters, then subtags of 1 to 8 ASCII letters or digits, each after a '-'.
[[nodiscard]] std::string filter_language(std::string_view text);

}  // namespace qaindex::detail
