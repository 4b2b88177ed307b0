// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: the consultation page reader, and format_page() read back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "qaindex/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto entry =
        qaindex::parse_page(text, "fuzz", "fuzz.txt", [](const qaindex::Diagnostic&) {});
    if (entry) {
        // What the writer makes of any page the reader accepts must read back.
        (void)qaindex::parse_page(qaindex::format_page(*entry), "fuzz", "fuzz.txt");
    }
    return 0;
}
