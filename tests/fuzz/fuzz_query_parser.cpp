// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: the query syntax parser (library-internal).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "search/query_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)qaindex::detail::has_query_syntax(text);
    (void)qaindex::detail::parse_query(text);
    // What is searched when parsing fails must itself parse, as plain words.
    (void)qaindex::detail::parse_query(qaindex::detail::plain_words(text));
    return 0;
}
