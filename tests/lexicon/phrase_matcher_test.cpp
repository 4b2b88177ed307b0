// SPDX-License-Identifier: Apache-2.0
// Tests of lib/lexicon/phrase_matcher.cpp: phrases found by stems and Han characters, the
// words passed over between them, overlaps, exact terms, and the compiled trie read back.
#include "lexicon/phrase_matcher.hpp"

#include <catch2/catch.hpp>

namespace {

using qaindex::ConceptKind;
using qaindex::detail::ConceptRef;
using qaindex::detail::PhraseMatcher;

// A matcher of a few phrases, each naming the symptom of its index.
struct Matcher {
    Matcher() {
        for (const char* phrase : {"eyelid twitching", "eyelid jumping", "ringing in the ears",
                                   "chest pain", "pain", "眼皮跳"}) {
            add(phrase);
        }
    }
    void add(const char* phrase) {
        const auto ref = ConceptRef{ConceptKind::Symptom, static_cast<std::uint32_t>(names.size())};
        names.emplace_back(phrase);
        REQUIRE(matcher.add(analyzer.analyze(phrase), ref));
    }
    // The phrases found in text, as "phrase@first-last" (token indexes).
    std::vector<std::string> find(const char* text, const PhraseMatcher* other = nullptr) {
        std::vector<std::string> out;
        for (const auto& match : (other ? *other : matcher).find(analyzer.analyze(text))) {
            for (const ConceptRef& ref : match.concepts) {
                out.push_back(names[ref.index] + "@" + std::to_string(match.first) + "-" +
                              std::to_string(match.last));
            }
        }
        return out;
    }
    qaindex::Analyzer analyzer;
    PhraseMatcher matcher;
    std::vector<std::string> names;
};

}  // namespace

TEST_CASE("PhraseMatcher finds phrases by stems, past stop and filler words", "[lexicon]") {
    Matcher m;
    struct Row {
        const char* text;
        std::vector<std::string> found;
    };
    const Row rows[] = {
        {"eyelid twitching", {"eyelid twitching@0-1"}},
        {"My eyelids twitched", {"eyelid twitching@1-2"}},    // stems
        {"my eyelid keeps jumping", {"eyelid jumping@1-3"}},  // a filler passed over
        {"ringing in my ears", {"ringing in the ears@0-3"}},  // other stop words
        {"chest pain at night", {"chest pain@0-1"}},          // the longer phrase wins
        {"a pain in my back", {"pain@1-1"}},
        {"eyelid. Twitching", {}},         // not across a sentence
        {"我的眼皮跳了", {"眼皮跳@1-1"}},  // Han by characters
        {"nothing here", {}},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(m.find(row.text) == row.found);
    }
}

TEST_CASE("PhraseMatcher: stop-word phrases, exact terms, and the trie read back", "[lexicon]") {
    Matcher m;
    CHECK_FALSE(m.matcher.add(m.analyzer.analyze("the of and"), ConceptRef{}));

    // An exact term matches as written only: "weekness" would otherwise stem to "week".
    m.matcher.add_exact_term("weekness");
    m.add("weekness");
    CHECK(m.find("weekness in my legs") == std::vector<std::string>{"weekness@0-0"});
    CHECK(m.find("for two weeks").empty());

    qaindex::detail::BinaryWriter out;
    m.matcher.write(out);
    const std::string bytes = out.bytes();
    qaindex::detail::BinaryReader in(bytes);
    const PhraseMatcher read = PhraseMatcher::read(in);
    for (const char* text : {"My eyelids twitched", "my eyelid keeps jumping", "chest pain",
                             "weekness in my legs", "for two weeks", "我的眼皮跳了"}) {
        INFO(text);
        CHECK(m.find(text, &read) == m.find(text));
    }
    qaindex::detail::BinaryWriter again;
    read.write(again);
    CHECK(again.bytes() == bytes);
}
