// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: free-text query analysis, through the public Searcher: search() and
// Similar Q&A for the input as a question, over an in-memory index of tests/data/corpus.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/searcher.hpp"

namespace {

struct Index {
    qaindex::IndexWriter writer = qaindex::IndexWriter::in_memory();
    std::unique_ptr<qaindex::Searcher> searcher;

    Index() {
        for (const auto& file : qaindex::list_corpus(QAINDEX_FUZZ_CORPUS_DIR)) {
            qaindex::read_corpus_file(
                file, [&](qaindex::Consultation&& entry) { writer.add_or_replace(entry); }, {});
        }
        searcher = std::make_unique<qaindex::Searcher>(qaindex::Searcher::open(writer));
    }
};

std::unique_ptr<Index> index;

}  // namespace

// Built once, before the first input: its time does not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    index = std::make_unique<Index>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)index->searcher->search(
            {.text = text, .limit = 5, .facets = {qaindex::Facet::Specialty}});
    } catch (const qaindex::UsageError&) {
        // empty or over 64 KiB: refused, as documented
    } catch (const qaindex::QueryError&) {
    }
    try {
        qaindex::SimilarRequest similar;
        similar.text = text;
        (void)index->searcher->similar(similar);
    } catch (const qaindex::UsageError&) {
    }
    return 0;
}
