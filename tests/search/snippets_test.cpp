// SPDX-License-Identifier: Apache-2.0
// Tests of snippets (window choice, highlights as written, "..." marks) and excerpts.
#include "search/snippets.hpp"

#include <catch2/catch.hpp>

using qaindex::Analyzer;
using qaindex::detail::excerpt;
using qaindex::detail::make_snippet;
using qaindex::detail::SnippetTerms;

namespace {

// The snippet with highlights shown as [brackets].
std::string marked(const qaindex::Snippet& snippet) {
    std::string out;
    std::size_t at = 0;
    for (const auto& h : snippet.highlights) {
        out += snippet.text.substr(at, h.begin - at) + "[" +
               snippet.text.substr(h.begin, h.end - h.begin) + "]";
        at = h.end;
    }
    return out + snippet.text.substr(at);
}

}  // namespace

TEST_CASE("Snippets highlight matched words as written", "[search]") {
    Analyzer analyzer;
    struct Case {
        std::vector<std::string> texts;
        SnippetTerms terms;
        std::size_t bytes;
        std::string expected;
    };
    const std::vector<Case> cases{
        {{"My face Twitches and twitching eyelids bother me."},
         {{"twitch"}, {}},
         200,
         "My face [Twitches] and [twitching] eyelids bother me."},
        // Stop words are not highlighted by stem, but are inside a quoted phrase.
        {{"Ringing in the ears at night."},
         {{"ring", "ear", "the"}, {}},
         200,
         "[Ringing] in the [ears] at night."},
        {{"Ringing in the ears at night."},
         {{}, {"ringing", "the"}},
         200,
         "[Ringing] in [the] ears at night."},
        // Whitespace runs collapse and offsets follow.
        {{"face\n\n   twitching   now"}, {{"twitch"}, {}}, 200, "face [twitching] now"},
        // The window with more distinct words wins; "..." marks the cuts.
        {{"Twitching started years ago. Nothing else happened for a long long time and then "
          "much later my facial muscles began twitching again every evening after work."},
         {{"twitch", "facial"}, {}},
         60,
         "...later my [facial] muscles began [twitching] again every evening..."},
        // The question is preferred, but a reply matching better wins.
        {{"I have a question.", "Facial twitching is common."},
         {{"twitch", "facial"}, {}},
         200,
         "[Facial] [twitching] is common."},
        // No match: the start of the first non-empty text.
        {{"", "Nothing to see here at all, really nothing at all."},
         {{"twitch"}, {}},
         40,
         "Nothing to see here at all, really..."},
    };
    for (const Case& c : cases) {
        INFO(c.texts.back());
        std::vector<std::string_view> texts(c.texts.begin(), c.texts.end());
        CHECK(marked(make_snippet(analyzer, texts, c.terms, c.bytes)) == c.expected);
    }
}

TEST_CASE("Snippet highlights stay on UTF-8 boundaries", "[search]") {
    Analyzer analyzer;
    const std::string text = "Ça commence: twitching près de l’œil, twitching encore.";
    const auto snippet = make_snippet(analyzer, {text}, {{"twitch"}, {}}, 45);
    REQUIRE_FALSE(snippet.highlights.empty());
    for (const auto& h : snippet.highlights) {
        CHECK(snippet.text.substr(h.begin, h.end - h.begin) == "twitching");
    }
    for (const char c : {snippet.text.front(), snippet.text.back()}) {
        CHECK((static_cast<unsigned char>(c) & 0xC0U) != 0x80U);
    }
}

TEST_CASE("Excerpts cut at about the given length, at a word", "[search]") {
    struct Case {
        std::string text;
        std::size_t chars;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"Short question.", 200, "Short question."},
        {"one two three four five six seven", 20, "one two three four..."},
        {"  spaced\n\nout   text  ", 200, "spaced out text"},
        {"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij..."},
        {"面部抽搐很久了怎么办呢", 4, "面部抽搐..."},
        {"Hello, doctor, my face, it twitches", 15, "Hello, doctor..."},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(excerpt(c.text, c.chars) == c.expected);
    }
}

TEST_CASE("Snippets render as escaped HTML with <mark> around highlights", "[search]") {
    using qaindex::Highlight;
    using qaindex::Snippet;
    struct Case {
        Snippet snippet;
        std::string expected;
    };
    const std::vector<Case> cases{
        {{"facial twitching", {{7, 16}}}, "facial <mark>twitching</mark>"},
        {{"no highlights", {}}, "no highlights"},
        // Every character HTML gives a meaning to is escaped, in and out of highlights.
        {{"<script>alert(\"x\")</script> & 'tics'", {{0, 8}, {31, 35}}},
         "<mark>&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;<mark>tics"
         "</mark>&#39;"},
        // UTF-8 is kept as it is; ranges are bytes.
        {{"面部抽搐很久了", {{0, 12}}}, "<mark>面部抽搐</mark>很久了"},
        // Highlights that are empty, out of range or overlapping are left out, text kept.
        {{"abc def", {{2, 2}, {4, 99}}}, "abc def"},
        {{"abc def", {{0, 5}, {4, 7}}}, "<mark>abc d</mark>ef"},
        {{"", {}}, ""},
    };
    for (const Case& c : cases) {
        INFO(c.snippet.text);
        CHECK(qaindex::to_html(c.snippet) == c.expected);
    }
    CHECK(qaindex::html_escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
}
