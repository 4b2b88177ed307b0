// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: the JSON Lines reader, and indexing what it reads (analysis, lexicon
// tagging, negation) into an in-memory index, emptied again after each input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"

namespace {

// One writer for the whole run: making one per input (an Analyzer, ICU's break iterators)
// cost more than the input itself.
std::unique_ptr<qaindex::IndexWriter> writer;

}  // namespace

// Before the first input: its time does not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    writer = std::make_unique<qaindex::IndexWriter>(qaindex::IndexWriter::in_memory());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<qaindex::EntryId> added;
    qaindex::parse_json_lines(
        text, "fuzz.jsonl", "fuzz.jsonl",
        [&](qaindex::Consultation&& entry) {
            try {
                writer->add_or_replace(entry);
                added.push_back(entry.id);
            } catch (const qaindex::InputError&) {
                // over the limits of qaindex/limits.hpp: refused, as documented
            }
        },
        [](const qaindex::Diagnostic&) {});
    for (const qaindex::EntryId& id : added) {
        (void)writer->remove(id);
    }
    if (writer->size() != 0) {
        __builtin_trap();  // every entry added was removed again
    }
    return 0;
}
