// SPDX-License-Identifier: Apache-2.0
// The query syntax parser: a small lexer and a recursive-descent parser over its tokens.
#include "search/query_parser.hpp"

#include <array>
#include <cstddef>
#include <utility>

namespace qaindex::detail {
namespace {

struct FieldName {
    std::string_view name;
    QueryField field;
};

constexpr std::array<FieldName, 6> kFields{{{"title", QueryField::Title},
                                            {"question", QueryField::Question},
                                            {"reply", QueryField::Reply},
                                            {"info", QueryField::MoreInfo},
                                            {"specialty", QueryField::Specialty},
                                            {"symptom", QueryField::Symptom}}};

enum class Lex { Word, Phrase, Field, Open, Close, And, Or, Not };

struct LexToken {
    Lex kind = Lex::Word;
    std::string text;
    std::size_t begin = 0;  // byte range in the query
    std::size_t end = 0;
    QueryField field = QueryField::Any;
    bool glued = false;  // Field: its value follows without a space
};

// Longer text is a pasted question, whose capitals, colons and quotes are prose: "I do NOT
// have diabetes", "Question: ...".
constexpr std::size_t kMaxSyntaxWords = 16;
// A quoted span of more words is a quotation ('50-year-old woman. "Why does every woman over
// 30 complain of trouble remembering things?"'), not a phrase to find word for word: alone,
// it does not make text query syntax (is_quotation).
constexpr std::size_t kMaxPhraseWords = 6;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Quotes: ASCII " and the typographic “ ” that pasted text brings (3 bytes each in UTF-8).
std::size_t quote_length(std::string_view text, std::size_t at) {
    if (text[at] == '"') {
        return 1;
    }
    if (text.substr(at).starts_with("\u201C") || text.substr(at).starts_with("\u201D")) {
        return 3;
    }
    return 0;
}

std::optional<QueryField> field_of(std::string_view chunk, std::size_t& name_length) {
    const std::size_t colon = chunk.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return std::nullopt;
    }
    std::string name(chunk.substr(0, colon));
    for (char& c : name) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    for (const FieldName& field : kFields) {
        if (field.name == name) {
            name_length = colon + 1;
            return field.field;
        }
    }
    return std::nullopt;
}

bool is_operator_word(std::string_view chunk) {
    return chunk == "AND" || chunk == "OR" || chunk == "NOT";
}

// Operators are upper-case words, but a question typed in capitals ("I AM HAVING PARKINSON
// ... AND HAVING SKIN PROBLEM") has none: only text whose other letters are mostly lower
// case has operators.
bool operators_enabled(std::string_view text) {
    std::size_t lower = 0;
    std::size_t upper = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
        const std::string_view chunk = text.substr(start, i - start);
        if (is_operator_word(chunk)) {
            continue;
        }
        for (const char c : chunk) {
            lower += (c >= 'a' && c <= 'z') ? 1U : 0U;
            upper += (c >= 'A' && c <= 'Z') ? 1U : 0U;
        }
    }
    return upper <= lower;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
    }
    return words;
}

// Whether a quoted span is a quotation rather than a phrase: more than kMaxPhraseWords words, or
// a sentence of its own ('45-year-old woman with diarrhea. "What is dosing on Lomotil?"' quotes
// the question asked, in five words). A sentence asks or exclaims anywhere in it, or ends with a
// full stop ("Dr. Smith" is a phrase).
bool is_quotation(std::string_view quoted) {
    while (!quoted.empty() && is_space(quoted.back())) {
        quoted.remove_suffix(1);
    }
    return word_count(quoted) > kMaxPhraseWords ||
           quoted.find_first_of("?!") != std::string_view::npos ||
           (!quoted.empty() && quoted.back() == '.');
}

// nullopt for an unterminated quote.
std::optional<std::vector<LexToken>> lex(std::string_view text) {
    const bool operators = operators_enabled(text);
    std::vector<LexToken> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        if (const std::size_t open = quote_length(text, i); open > 0) {
            std::size_t j = i + open;
            std::size_t close = 0;
            while (j < text.size() && (close = quote_length(text, j)) == 0) {
                ++j;
            }
            if (j >= text.size()) {
                return std::nullopt;
            }
            tokens.push_back(
                {Lex::Phrase, std::string(text.substr(i + open, j - i - open)), i, j + close});
            i = j + close;
            continue;
        }
        if (text[i] == '(' || text[i] == ')') {
            tokens.push_back({text[i] == '(' ? Lex::Open : Lex::Close, {}, i, i + 1});
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && !is_space(text[j]) && text[j] != '(' && text[j] != ')' &&
               quote_length(text, j) == 0) {
            ++j;
        }
        const std::string_view chunk = text.substr(i, j - i);
        std::size_t name_length = 0;
        if (operators && is_operator_word(chunk)) {
            tokens.push_back({chunk == "AND"  ? Lex::And
                              : chunk == "OR" ? Lex::Or
                                              : Lex::Not,
                              std::string(chunk), i, j});
        } else if (const auto field = field_of(chunk, name_length)) {
            LexToken token{Lex::Field, std::string(chunk.substr(0, name_length)), i,
                           i + name_length, *field};
            token.glued = name_length < chunk.size() || (j < text.size() && !is_space(text[j]));
            tokens.push_back(std::move(token));
            if (name_length < chunk.size()) {
                tokens.push_back(
                    {Lex::Word, std::string(chunk.substr(name_length)), i + name_length, j});
            }
        } else {
            tokens.push_back({Lex::Word, std::string(chunk), i, j});
        }
        i = j;
    }
    return tokens;
}

class Parser {
  public:
    Parser(std::string_view text, std::vector<LexToken> tokens)
        : text_(text), tokens_(std::move(tokens)) {}

    std::optional<QueryNode> parse() {
        auto node = parse_or();
        if (!node || at_ < tokens_.size()) {
            return std::nullopt;
        }
        return node;
    }

  private:
    [[nodiscard]] bool peek(Lex kind) const {
        return at_ < tokens_.size() && tokens_[at_].kind == kind;
    }

    std::optional<QueryNode> parse_or() {
        auto left = parse_and();
        if (!left || !peek(Lex::Or)) {
            return left;
        }
        QueryNode node{.kind = QueryNode::Kind::Or};
        node.children.push_back(std::move(*left));
        while (peek(Lex::Or)) {
            ++at_;
            auto right = parse_and();
            if (!right) {
                return std::nullopt;
            }
            node.children.push_back(std::move(*right));
        }
        return node;
    }

    std::optional<QueryNode> parse_and() {
        auto left = parse_seq();
        if (!left) {
            return std::nullopt;
        }
        while (peek(Lex::And) || peek(Lex::Not)) {
            bool negate = peek(Lex::Not);
            ++at_;
            if (!negate && peek(Lex::Not)) {  // "a AND NOT b"
                negate = true;
                ++at_;
            }
            auto right = parse_seq();
            if (!right) {
                return std::nullopt;
            }
            if (negate) {
                QueryNode node{.kind = QueryNode::Kind::AndNot};
                node.children.push_back(std::move(*left));
                node.children.push_back(std::move(*right));
                left = std::move(node);
            } else if (left->kind == QueryNode::Kind::And) {
                left->children.push_back(std::move(*right));
            } else {
                QueryNode node{.kind = QueryNode::Kind::And};
                node.children.push_back(std::move(*left));
                node.children.push_back(std::move(*right));
                left = std::move(node);
            }
        }
        return left;
    }

    std::optional<QueryNode> parse_seq() {
        QueryNode seq{.kind = QueryNode::Kind::Seq};
        while (peek(Lex::Word) || peek(Lex::Phrase) || peek(Lex::Field) || peek(Lex::Open)) {
            if (peek(Lex::Word)) {
                // Consecutive words are one run of free text, cut from the query as written.
                const std::size_t begin = tokens_[at_].begin;
                std::size_t end = tokens_[at_].end;
                while (peek(Lex::Word)) {
                    end = tokens_[at_++].end;
                }
                seq.children.push_back({.kind = QueryNode::Kind::Words,
                                        .text = std::string(text_.substr(begin, end - begin))});
                continue;
            }
            auto item = parse_unary();
            if (!item) {
                return std::nullopt;
            }
            seq.children.push_back(std::move(*item));
        }
        if (seq.children.empty()) {
            return std::nullopt;
        }
        if (seq.children.size() == 1) {
            return std::move(seq.children.front());
        }
        return seq;
    }

    std::optional<QueryNode> parse_unary() {
        const LexToken& token = tokens_[at_++];
        switch (token.kind) {
            case Lex::Phrase:
                if (token.text.find_first_not_of(" \t\r\n") == std::string::npos) {
                    return std::nullopt;
                }
                return QueryNode{.kind = QueryNode::Kind::Phrase, .text = token.text};
            case Lex::Open: {
                auto inner = parse_or();
                if (!inner || !peek(Lex::Close)) {
                    return std::nullopt;
                }
                ++at_;
                return inner;
            }
            case Lex::Field:
                return parse_field(token);
            default:
                return std::nullopt;
        }
    }

    std::optional<QueryNode> parse_field(const LexToken& field) {
        if (!field.glued || at_ >= tokens_.size()) {
            return std::nullopt;
        }
        const LexToken& value = tokens_[at_];
        const bool boolean =
            field.field == QueryField::Specialty || field.field == QueryField::Symptom;
        if (value.kind == Lex::Word || value.kind == Lex::Phrase) {
            ++at_;
            QueryNode node{.kind = boolean                   ? QueryNode::Kind::Value
                                   : value.kind == Lex::Word ? QueryNode::Kind::Words
                                                             : QueryNode::Kind::Phrase,
                           .field = field.field,
                           .text = value.text};
            return node;
        }
        if (value.kind == Lex::Open && !boolean) {
            auto inner = parse_unary();
            if (!inner || !set_field(*inner, field.field)) {
                return std::nullopt;
            }
            return inner;
        }
        return std::nullopt;
    }

    // title:(a OR "b c") puts every part in the title; a field inside another is an error.
    static bool set_field(QueryNode& node, QueryField field) {
        if (node.kind == QueryNode::Kind::Value) {
            return false;
        }
        if (node.kind == QueryNode::Kind::Words || node.kind == QueryNode::Kind::Phrase) {
            if (node.field != QueryField::Any) {
                return false;
            }
            node.field = field;
            return true;
        }
        for (QueryNode& child : node.children) {
            if (!set_field(child, field)) {
                return false;
            }
        }
        return true;
    }

    std::string_view text_;
    std::vector<LexToken> tokens_;
    std::size_t at_ = 0;
};

}  // namespace

bool has_query_syntax(std::string_view text) {
    if (word_count(text) > kMaxSyntaxWords) {
        return false;
    }
    const auto tokens = lex(text);
    if (!tokens) {
        return true;  // an unbalanced quote: the parser reports it
    }
    for (const LexToken& token : *tokens) {
        if (token.kind == Lex::Phrase && is_quotation(token.text)) {
            continue;
        }
        if (token.kind != Lex::Word && token.kind != Lex::Open && token.kind != Lex::Close) {
            return true;
        }
    }
    return false;
}

std::optional<QueryNode> parse_query(std::string_view text) {
    auto tokens = lex(text);
    if (!tokens || tokens->empty()) {
        return std::nullopt;
    }
    return Parser(text, std::move(*tokens)).parse();
}

std::string plain_words(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t quote = quote_length(text, i); quote > 0) {
            out += ' ';
            i += quote;
            continue;
        }
        const char c = text[i++];
        out += (c == '(' || c == ')' || c == ':') ? ' ' : c;
    }
    return out;
}

}  // namespace qaindex::detail
