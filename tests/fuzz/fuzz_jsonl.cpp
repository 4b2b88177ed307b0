// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: the JSON Lines reader, and indexing what it reads (analysis, lexicon
// tagging, negation) into a new in-memory index per input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"

// The built-in lexicon loads once, before the first input: its time does not count against
// -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    (void)qaindex::IndexWriter::in_memory();
    return 0;
}

// A writer per input: one kept for the run and emptied after each input got slower with every
// input (10 inputs/s after ten minutes, against 57 for this).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto writer = qaindex::IndexWriter::in_memory();
    qaindex::parse_json_lines(
        text, "fuzz.jsonl", "fuzz.jsonl",
        [&](qaindex::Consultation&& entry) {
            try {
                writer.add_or_replace(entry);
            } catch (const qaindex::InputError&) {
                // over the limits of qaindex/limits.hpp: refused, as documented
            }
        },
        [](const qaindex::Diagnostic&) {});
    return 0;
}
