// SPDX-License-Identifier: Apache-2.0
// Tests of the query syntax parser: what counts as syntax, the trees it builds, the fallback.
#include "search/query_parser.hpp"

#include <catch2/catch.hpp>

using qaindex::detail::has_query_syntax;
using qaindex::detail::parse_query;
using qaindex::detail::plain_words;
using qaindex::detail::QueryField;
using qaindex::detail::QueryNode;
using Kind = QueryNode::Kind;

namespace {

// A compact form of a tree: words{...}, phrase"...", title:, AND(...), OR(...), NOT(...).
std::string show(const QueryNode& node) {
    std::string field;
    switch (node.field) {
        case QueryField::Title:
            field = "title:";
            break;
        case QueryField::Question:
            field = "question:";
            break;
        case QueryField::Reply:
            field = "reply:";
            break;
        case QueryField::MoreInfo:
            field = "info:";
            break;
        case QueryField::Specialty:
            field = "specialty:";
            break;
        case QueryField::Symptom:
            field = "symptom:";
            break;
        case QueryField::Any:
            break;
    }
    auto children = [&](const std::string& name) {
        std::string out = name + "(";
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            out += (i > 0 ? " " : "") + show(node.children[i]);
        }
        return out + ")";
    };
    switch (node.kind) {
        case Kind::Words:
            return field + "{" + node.text + "}";
        case Kind::Phrase:
            return field + "\"" + node.text + "\"";
        case Kind::Value:
            return field + "=" + node.text;
        case Kind::Seq:
            return children("SEQ");
        case Kind::And:
            return children("AND");
        case Kind::Or:
            return children("OR");
        case Kind::AndNot:
            return children("NOT");
    }
    return "?";
}

}  // namespace

TEST_CASE("What counts as query syntax", "[search]") {
    struct Case {
        std::string text;
        bool syntax;
    };
    const std::vector<Case> cases{
        {"facial twitching", false},
        {"Why does my face twitch? (only on the left)", false},  // parentheses alone are prose
        {"\"facial twitching\"", true},
        {"twitching AND eyelid", true},
        {"twitching and eyelid", false},
        {"title:twitching", true},
        {"Title:twitching", true},
        {"note: my face twitches", false},  // not a field
        {"I HAVE PAIN AND FEVER", false},   // capitals are shouting, not operators
        {"HIV AND pregnancy", true},
        {"a b c d e f g h i j k l m n o p \"q\"", false},  // over 16 words: a pasted question
        {"\u201Cfacial twitching\u201D", true},
        {"what is a \"low renin, low aldosterone state\"", true},  // six words: a phrase
        // A quoted sentence is a quotation, prose; with other syntax the text is syntax.
        {"50-year-old woman. \"Why does every woman over 30 complain of memory?\"", false},
        {"\"why does every woman over 30 complain of memory\" AND age", true},
        // A short quoted sentence too; a quoted name with a dot inside is a phrase.
        {"45-year-old woman with diarrhea. \"What is dosing on Lomotil?\"", false},
        {"The mother said, \"He will not eat.\"", false},
        {"\"Dr. Smith\" eyelid", true},
        {"", false},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(has_query_syntax(c.text) == c.syntax);
    }
}

TEST_CASE("The parser builds trees with Xapian's precedence", "[search]") {
    struct Case {
        std::string text;
        std::string tree;
    };
    const std::vector<Case> cases{
        {"facial twitching", "{facial twitching}"},
        {"\"facial twitching\" eyelid", "SEQ(\"facial twitching\" {eyelid})"},
        {"a b AND c d", "AND({a b} {c d})"},
        {"a OR b AND c", "OR({a} AND({b} {c}))"},
        {"a b NOT c", "NOT({a b} {c})"},
        {"a AND NOT c", "NOT({a} {c})"},
        {"a AND b AND c", "AND({a} {b} {c})"},
        {"(a OR b) AND c", "AND(OR({a} {b}) {c})"},
        {"title:twitching face", "SEQ(title:{twitching} {face})"},
        {"title:\"facial nerve\"", "title:\"facial nerve\""},
        {"title:(a OR \"b c\")", "OR(title:{a} title:\"b c\")"},
        {"specialty:neurology twitching", "SEQ(specialty:=neurology {twitching})"},
        {"symptom:\"chest pain\"", "symptom:=chest pain"},
        {"reply:coffee question:tea", "SEQ(reply:{coffee} question:{tea})"},
        {"\u201Cfacial nerve\u201D", "\"facial nerve\""},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto tree = parse_query(c.text);
        REQUIRE(tree);
        CHECK(show(*tree) == c.tree);
    }
}

TEST_CASE("Malformed syntax is rejected, and its plain words remain", "[search]") {
    struct Case {
        std::string text;
        std::string plain;
    };
    const std::vector<Case> cases{
        {"\"facial twitching", " facial twitching"},
        {"facial AND", "facial AND"},
        {"OR facial", "OR facial"},
        {"NOT facial", "NOT facial"},
        {"(facial twitching", " facial twitching"},
        {"facial twitching)", "facial twitching "},
        {"title: twitching", "title  twitching"},
        {"title:", "title "},
        {"specialty:(neurology)", "specialty  neurology "},
        {"title:(specialty:neurology)", "title  specialty neurology "},
        {"\"\"", "  "},
        {"a AND OR b", "a AND OR b"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK_FALSE(parse_query(c.text));
        CHECK(plain_words(c.text) == c.plain);
    }
}
