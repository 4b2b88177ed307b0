// SPDX-License-Identifier: Apache-2.0
// An application linking the installed qaindex: index one consultation in memory, search it.
#include <qaindex/qaindex.hpp>

#include <iostream>

int main() {
    auto writer = qaindex::IndexWriter::in_memory();
    qaindex::Consultation entry;
    entry.id = qaindex::EntryId{"demo/1"};
    entry.title = "Eyelid twitching";
    entry.question = "My eyelid keeps twitching, what should I do?";
    entry.replies.push_back({.doctor = "Ye Boshou",
                             .specialty = "Neurology",
                             .text = "Usually benign; sleep more and cut down on coffee.",
                             .date = qaindex::Date{2005, 3, 9}});
    writer.add_or_replace(entry);

    auto searcher = qaindex::Searcher::open(writer);
    const auto results = searcher.search({.text = "twitching eyelid", .limit = 5});
    if (results.hits.size() != 1 || results.hits.front().id.value != "demo/1") {
        std::cerr << "consumer: expected one hit for demo/1\n";
        return 1;
    }
    std::cout << "consumer: found " << results.hits.front().id.value << '\n';
    return 0;
}
