// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: the consultation CSV reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "qaindex/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    qaindex::parse_consultation_csv(
        text, "fuzz.csv", "fuzz.csv", [](qaindex::Consultation&&) {},
        [](const qaindex::Diagnostic&) {});
    return 0;
}
