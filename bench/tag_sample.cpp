// SPDX-License-Identifier: Apache-2.0
// qaindex_tag_sample: symptom-tag coverage of a corpus, and a seeded random sample of tags in
// context for a person to judge (the precision figure of bench/RESULTS.md).
//
// It applies the indexer's rule (include/qaindex/index_writer.hpp, lib/index/document_builder.cpp):
// mentions in the title and question count unless negated; in replies, unless negated or
// hypothetical; More Info articles are not tagged. Its coverage equals `qaindex stats`'s.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "qaindex/qaindex.hpp"

namespace {

struct Tag {
    std::string entry;
    std::string symptom;
    std::string matched;
    std::string context;
};

// text around [begin, end), on one line, the match in [brackets].
std::string context_of(const std::string& text, std::size_t begin, std::size_t end) {
    const auto boundary = [&](std::size_t at) {  // back off to a UTF-8 character start
        while (at > 0 && at < text.size() &&
               (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U) {
            --at;
        }
        return at;
    };
    const std::size_t from = boundary(begin > 80 ? begin - 80 : 0);
    const std::size_t to = boundary(std::min(text.size(), end + 60));
    std::string out = text.substr(from, begin - from) + "[" + text.substr(begin, end - begin) +
                      "]" + text.substr(end, to - end);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Symptom-tag coverage and a random sample of tags in context.",
                 "qaindex_tag_sample"};
    std::string corpus;
    std::size_t count = 50;
    std::uint64_t seed = 1;
    app.add_option("corpus", corpus, "corpus folder or file")->required();
    app.add_option("--count", count, "tags to sample")->capture_default_str();
    app.add_option("--seed", seed, "random seed")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    const qaindex::Lexicon& lexicon = qaindex::Lexicon::builtin();
    qaindex::Analyzer analyzer;
    std::vector<Tag> tags;
    std::size_t entries = 0;
    std::size_t tagged = 0;
    for (const auto& file : qaindex::list_corpus(corpus)) {
        qaindex::read_corpus_file(
            file,
            [&](qaindex::Consultation&& entry) {
                ++entries;
                std::vector<std::pair<const std::string*, bool>> texts;  // text, is a reply
                if (entry.title) {
                    texts.emplace_back(&*entry.title, false);
                }
                texts.emplace_back(&entry.question, false);
                for (const auto& reply : entry.replies) {
                    texts.emplace_back(&reply.text, true);
                }
                std::vector<std::string> seen;
                for (const auto& [text, reply] : texts) {
                    for (const auto& mention : lexicon.find_mentions(analyzer.analyze(*text))) {
                        if (mention.kind != qaindex::ConceptKind::Symptom || mention.negated ||
                            (reply && mention.hypothetical) ||
                            std::find(seen.begin(), seen.end(), mention.id) != seen.end()) {
                            continue;
                        }
                        seen.push_back(mention.id);
                        tags.push_back({entry.id.value, lexicon.find_symptom(mention.id)->name,
                                        text->substr(mention.begin, mention.end - mention.begin),
                                        context_of(*text, mention.begin, mention.end)});
                    }
                }
                tagged += seen.empty() ? 0U : 1U;
            },
            [](const qaindex::Diagnostic&) {});
    }
    std::printf(
        "entries %zu, tagged with at least one symptom %zu (%.1f%%), tags %zu (%.2f per entry)\n",
        entries, tagged,
        entries ? 100.0 * static_cast<double>(tagged) / static_cast<double>(entries) : 0.0,
        tags.size(),
        entries ? static_cast<double>(tags.size()) / static_cast<double>(entries) : 0.0);
    // A seeded partial Fisher-Yates shuffle: the same sample for the same corpus and seed.
    std::mt19937_64 random(seed);
    count = std::min(count, tags.size());
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t j = i + static_cast<std::size_t>(random() % (tags.size() - i));
        std::swap(tags[i], tags[j]);
        std::printf("%2zu. %s | %s | %s\n", i + 1, tags[i].entry.c_str(), tags[i].symptom.c_str(),
                    tags[i].context.c_str());
    }
    return 0;
}
