// SPDX-License-Identifier: Apache-2.0
// The query syntax: "quoted phrases", AND, OR, NOT, parentheses and field prefixes, parsed to a
// tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::detail {

/// Where a query part looks.
enum class QueryField { Any, Title, Question, Reply, MoreInfo, Specialty, Symptom };

/// A node of a parsed query.
struct QueryNode {
    enum class Kind {
        Words,   ///< free words (text): analysed, stop words dropped, expanded
        Phrase,  ///< a quoted phrase (text): words in order, stop words kept
        Value,   ///< a specialty: or symptom: value (text): a filter term
        Seq,     ///< juxtaposed children: ranked together (OR), Value children filter
        And,
        Or,
        AndNot,  ///< children[0] AND NOT children[1]
    };
    Kind kind = Kind::Words;
    QueryField field = QueryField::Any;
    std::string text;
    std::vector<QueryNode> children;

    bool operator==(const QueryNode&) const = default;
};

/// Whether text uses any of the syntax (quotes around at most 6 words, AND/OR/NOT, a known field
/// prefix; parentheses and quoted sentences alone are prose). Text without syntax is searched as
/// one run of free words, which keeps sentence boundaries and multi-word mentions intact. Text of
/// more than 16 words is a pasted question and never has syntax.
[[nodiscard]] bool has_query_syntax(std::string_view text);

/// Parses text. Juxtaposition binds tightest, then AND and NOT, then OR (Xapian's
/// QueryParser order): `a b NOT c` is `(a b) NOT c`. Operators are upper-case words, and
/// are plain words in text mostly in capitals (a question typed in capitals).
/// nullopt if the text is not well formed (unbalanced quotes or parentheses, an operator
/// without an operand, an empty field value).
[[nodiscard]] std::optional<QueryNode> parse_query(std::string_view text);

/// text with the syntax characters (quotes, parentheses, field prefixes' colons) replaced
/// by spaces: what is searched when parse_query() fails.
[[nodiscard]] std::string plain_words(std::string_view text);

}  // namespace qaindex::detail
