// SPDX-License-Identifier: Apache-2.0
// Text for a terminal: escaping control characters, colour choice, wrapping lists.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::cli {

/// text with every control character escaped, so that stored text (an id from a file name, a
/// JSON string) cannot move the cursor or change the terminal's state: C0 controls, DEL and
/// the C1 controls U+0080..U+009F become "\n", "\r", "\t", "\x1b", "\u009b"; with
/// keep_newlines, '\n' and '\t' are kept as they are (multi-line text). A byte that is not
/// part of valid UTF-8 becomes "\xNN" too. Everything else is unchanged.
[[nodiscard]] std::string printable(std::string_view text, bool keep_newlines = false);

/// When to colour text output: --color=auto|always|never.
enum class ColourWhen { Auto, Always, Never };

/// Parses "auto", "always" or "never"; throws UsageError naming --color otherwise.
[[nodiscard]] ColourWhen parse_colour_when(std::string_view text);

/// Whether to colour what goes to stream: Always and Never say so; Auto colours a terminal
/// unless $NO_COLOR is set to a non-empty value (https://no-color.org).
[[nodiscard]] bool use_colour(ColourWhen when, std::FILE* stream);

/// The width to wrap text at: the terminal's columns when stream is one (at least 40), else
/// 100.
[[nodiscard]] std::size_t text_width(std::FILE* stream);

/// items joined by ", " after label, wrapped at width with continuation lines indented under
/// the first item; each line ends in '\n'. An item is never split.
[[nodiscard]] std::string wrapped_list(std::string_view label,
                                       const std::vector<std::string>& items, std::size_t width);

}  // namespace qaindex::cli
