// SPDX-License-Identifier: Apache-2.0
// UTF-8 checks the readers need: validation, the byte-order mark, Han characters.
#pragma once

#include <cstddef>
#include <string_view>

namespace qaindex::detail {

/// text without a leading UTF-8 byte-order mark (EF BB BF), if it has one.
[[nodiscard]] std::string_view strip_bom(std::string_view text);

/// Offset of the first byte that does not belong to well-formed UTF-8 (overlong forms,
/// surrogates and code points past U+10FFFF are ill-formed), or npos when text is valid.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view text);

/// Whether text holds a CJK ideograph (the Unified Ideographs blocks, their extensions and
/// the compatibility block). text must be valid UTF-8.
[[nodiscard]] bool contains_han(std::string_view text);

}  // namespace qaindex::detail
