// SPDX-License-Identifier: Apache-2.0
// Tests of QuestionWords: the kinds of answer a question asks for.
#include "lexicon/question_words.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> kinds_of(const std::string& text) {
    qaindex::Analyzer analyzer;
    const qaindex::detail::QuestionWords words(analyzer);
    const auto tokens = analyzer.analyze(text);
    std::vector<std::string> out;
    for (const auto& match : words.find(tokens, std::vector<bool>(tokens.size(), false))) {
        out.push_back(words.kinds()[match.kind].name);
    }
    return out;
}

}  // namespace

TEST_CASE("Question kinds are found in lay and FAQ wordings", "[lexicon]") {
    struct Case {
        std::string text;
        std::vector<std::string> kinds;
    };
    const std::vector<Case> cases{
        {"What are the treatments for Glaucoma ?", {"treatment"}},
        {"is there a cure for this", {"treatment"}},
        {"how do I get rid of warts", {"treatment"}},
        {"What causes Glaucoma ?", {"cause"}},
        {"What are the symptoms of Glaucoma ?", {"symptoms"}},
        {"How to diagnose Glaucoma ?", {"diagnosis"}},
        {"What is the outlook for Sotos Syndrome ?", {"prognosis"}},
        {"Is glaucoma inherited ?", {"inheritance"}},
        {"Who is at risk for Glaucoma ?", {"susceptibility"}},
        {"How can I prevent glaucoma", {"prevention"}},
        {"What is (are) Glaucoma ?", {}},
        {"why does it hurt and what can I do", {"treatment", "cause"}},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(kinds_of(c.text) == c.kinds);
    }
}
