// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: the MedQuAD XML reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "qaindex/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    qaindex::parse_medquad_xml(
        text, "6_NINDS_QA/fuzz.xml", "fuzz", [](qaindex::Consultation&&) {},
        [](const qaindex::Diagnostic&) {});
    return 0;
}
