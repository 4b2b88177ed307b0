// SPDX-License-Identifier: Apache-2.0
// Tests of the Analyzer: ICU segmentation, normalisation and the medical-text rules.
#include "qaindex/analyzer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using qaindex::Analyzer;
using qaindex::AnalyzerOptions;
using qaindex::Token;
using qaindex::TokenKind;

namespace {

// Terms in order, Compound tokens written "+term": "x ray +xray".
std::string terms(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
        if (!out.empty()) {
            out += ' ';
        }
        if (token.kind == TokenKind::Compound) {
            out += '+';
        }
        out += token.term;
    }
    return out;
}

std::string terms_of(std::string_view text) {
    Analyzer analyzer;
    return terms(analyzer.analyze(text));
}

// The input bytes each token covers, "|"-separated.
std::string spans(std::string_view text, const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
        REQUIRE(token.begin <= token.end);
        REQUIRE(token.end <= text.size());
        if (!out.empty()) {
            out += '|';
        }
        out += text.substr(token.begin, token.end - token.begin);
    }
    return out;
}

}  // namespace

TEST_CASE("Analyzer applies the medical-text rules", "[analysis]") {
    struct Row {
        const char* rule;
        const char* text;
        const char* expected;
    };
    const Row rows[] = {
        {"possessive", "Bell's palsy", "bell palsy"},
        {"possessive, typographic apostrophe", "Bell\u2019s palsy", "bell palsy"},
        {"eponym with accent", "M\u00e9ni\u00e8re's disease", "meniere disease"},
        {"contraction kept whole", "I don\u2019t know", "i don't know"},
        {"hyphen", "x-ray", "x ray +xray"},
        {"hyphen", "a follow-up visit", "a follow up +followup visit"},
        {"hyphen, letters and digits", "COVID-19 test", "covid 19 +covid19 test"},
        {"hyphen chain", "mother-in-law", "mother in law +motherinlaw"},
        {"spaced dash is no hyphen", "x - ray", "x ray"},
        {"number range is no compound", "5-10 mg", "5 10 mg +10mg"},
        {"date is no compound", "2005-03-09", "2005 03 09"},
        {"word and number", "type-2 diabetes", "type 2 +type2 diabetes"},
        {"number glued to unit", "5mg", "5 mg +5mg"},
        {"number and unit", "5 mg daily", "5 mg +5mg daily"},
        {"decimal glued to unit", "2.5mg", "2.5 mg +2.5mg"},
        {"decimal and unit", "0.5 ml", "0.5 ml +0.5ml"},
        {"micrograms", "50 mcg or 50\u00b5g or 50ug",
         "50 mcg +50mcg or 50 \u03bcg +50\u03bcg or 50 ug +50ug"},
        {"blood pressure", "140/90 mmHg", "140 90 mmhg +90mmhg"},
        {"international units", "1,000 IU", "1000 iu +1000iu"},
        {"percent", "a 10% chance", "a 10 +10% chance"},
        {"percent after a space", "10 % chance", "10 +10% chance"},
        {"number without unit", "5 days", "5 days"},
        {"unknown unit stays whole", "3rd time", "3rd time"},
        {"thousands", "12,500 steps", "12500 steps"},
        {"letters and digits", "B12 and T4, H1N1", "b12 and t4 h1n1"},
        {"accents", "na\u00efve caf\u00e9", "naive cafe"},
        {"full-width forms", "\uff2d\uff32\uff29\u3000\uff15\uff4d\uff47", "mri 5 mg +5mg"},
        {"ligature", "\ufb01ve", "five"},
        {"case", "HEADACHE Headache", "headache headache"},
        {"punctuation and spaces", "  fever!!! (cough)... ", "fever cough"},
        {"empty", "", ""},
        {"only punctuation", " .,;!? ", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.rule, row.text);
        CHECK(terms_of(row.text) == row.expected);
    }
}

TEST_CASE("Analyzer stems English words but not abbreviations", "[analysis]") {
    struct Row {
        const char* text;
        const char* term;
        const char* stem;
    };
    const Row rows[] = {
        {"twitching", "twitching", "twitch"},
        {"twitches", "twitches", "twitch"},
        {"Headaches", "headaches", "headach"},
        {"HEADACHES", "headaches", "headach"},  // longer than an abbreviation
        {"AIDS", "aids", "aids"},
        {"aids", "aids", "aid"},
        {"MRI", "mri", "mri"},
        {"COPD", "copd", "copd"},
        {"ENT", "ent", "ent"},
        {"ENT's", "ent", "ent"},
        {"COVID", "covid", "covid"},
        {"A", "a", "a"},
        {"B12", "b12", "b12"},
        {"2.5", "2.5", "2.5"},
        {"\u5934\u75db", "\u5934\u75db", "\u5934\u75db"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const std::vector<Token> tokens = analyzer.analyze(row.text);
        REQUIRE(tokens.size() == 1);
        CHECK(tokens[0].term == row.term);
        CHECK(tokens[0].stem == row.stem);
    }

    Analyzer unstemmed(AnalyzerOptions{.stem = false});
    CHECK(unstemmed.analyze("twitching")[0].stem == "twitching");
    CHECK(analyzer.stem("twitching") == "twitch");
}

TEST_CASE("Compound tokens carry a stem and the first part's position", "[analysis]") {
    Analyzer analyzer;
    const std::vector<Token> tokens = analyzer.analyze("chest x-rays show 5 mg");
    REQUIRE(terms(tokens) == "chest x rays +xrays show 5 mg +5mg");
    const std::vector<std::uint32_t> positions = {0, 1, 2, 1, 3, 4, 5, 4};
    const std::vector<TokenKind> kinds = {
        TokenKind::Word, TokenKind::Word,   TokenKind::Word, TokenKind::Compound,
        TokenKind::Word, TokenKind::Number, TokenKind::Word, TokenKind::Compound};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        CAPTURE(i);
        CHECK(tokens[i].position == positions[i]);
        CHECK(tokens[i].kind == kinds[i]);
    }
    CHECK(tokens[3].stem == "xray");
    CHECK(tokens[7].stem == "5mg");

    Analyzer plain(AnalyzerOptions{.compounds = false});
    CHECK(terms(plain.analyze("chest x-rays show 5 mg, 5mg, 10%")) ==
          "chest x rays show 5 mg 5 mg 10");
}

TEST_CASE("Token offsets are byte offsets into the input", "[analysis]") {
    struct Row {
        const char* text;
        const char* expected;
    };
    const Row rows[] = {
        {"Bell's palsy, x-ray 5 mg", "Bell's|palsy|x|ray|x-ray|5|mg|5 mg"},
        {"\u9760 \u982d\u75db 2.5mg", "\u9760|\u982d\u75db|2.5|mg|2.5mg"},
        {"na\u00efve M\u00e9ni\u00e8re", "na\u00efve|M\u00e9ni\u00e8re"},
        {"\uff2d\uff32\uff29 10%", "\uff2d\uff32\uff29|10|10%"},
        {"\U0001F600 fever", "fever"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(spans(row.text, analyzer.analyze(row.text)) == row.expected);
    }
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD without breaking offsets", "[analysis]") {
    struct Row {
        std::string text;
        const char* expected_terms;
        const char* expected_spans;
    };
    const Row rows[] = {
        {"fever \xff\xfe cough", "fever cough", "fever|cough"},
        {"ab\xc3(cd", "ab cd", "ab|cd"},            // truncated 2-byte sequence
        {"pain\xe2\x82 ok", "pain ok", "pain|ok"},  // truncated 3-byte sequence
        {"\xed\xa0\x80surrogate", "surrogate", "surrogate"},
        {"\xc0\xafoverlong", "overlong", "overlong"},
        {"\xf4\x90\x80\x80"
         "big",
         "big", "big"},                 // above U+10FFFF
        {"end\xe5\xa4", "end", "end"},  // cut at the end of input
        {std::string("nul\0byte", 8), "nul byte", "nul|byte"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const std::vector<Token> tokens = analyzer.analyze(row.text);
        CHECK(terms(tokens) == row.expected_terms);
        CHECK(spans(row.text, tokens) == row.expected_spans);
    }
    CHECK(analyzer.normalize("A\xff"
                             "B") ==
          "a\ufffd"
          "b");
}

TEST_CASE("Traditional and Simplified Chinese give the same terms", "[analysis]") {
    struct Row {
        const char* traditional;
        const char* simplified;
    };
    const Row rows[] = {
        {"\u982d\u75db", "\u5934\u75db"},  // headache
        {"\u982d\u6688", "\u5934\u6655"},  // dizziness
        {"\u8033\u9cf4", "\u8033\u9e23"},  // tinnitus
        {"\u75d9\u6523", "\u75c9\u631b"},  // spasm
        {"\u9ebb\u6728", "\u9ebb\u6728"},  // numbness (same in both scripts)
        {"\u6211\u982d\u75db\u5f97\u53b2\u5bb3", "\u6211\u5934\u75db\u5f97\u5389\u5bb3"},
        {"\u773c\u77bc\u8df3\u52d5\u4e86\u5169\u500b\u6708",
         "\u773c\u7751\u8df3\u52a8\u4e86\u4e24\u4e2a\u6708"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.traditional, row.simplified);
        const std::vector<Token> traditional = analyzer.analyze(row.traditional);
        const std::vector<Token> simplified = analyzer.analyze(row.simplified);
        CHECK(terms(traditional) == terms(simplified));
        CHECK(!traditional.empty());
        for (const Token& token : traditional) {
            CHECK(token.kind == TokenKind::Han);
            CHECK(token.stem == token.term);
        }
        CHECK(analyzer.normalize(row.traditional) == analyzer.normalize(row.simplified));
    }
    Analyzer unfolded(AnalyzerOptions{.fold_chinese_script = false});
    CHECK(terms(unfolded.analyze("\u982d\u75db")) == "\u982d\u75db");
}

TEST_CASE("Analyzer handles mixed English and Chinese text", "[analysis]") {
    Analyzer analyzer;
    const std::string text = "\u6211\u6709headache\uff0c\u505a\u4e86MRI\u68c0\u67e5";
    const std::vector<Token> tokens = analyzer.analyze(text);
    std::vector<std::string> words;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Word) {
            words.push_back(token.term);
        }
        REQUIRE(token.end <= text.size());
    }
    CHECK(words == std::vector<std::string>{"headache", "mri"});
    REQUIRE(!tokens.empty());
    CHECK(tokens.front().kind == TokenKind::Han);  // 我有 or 我 + 有: both stop words
    CHECK(tokens.front().stopword);
    CHECK(tokens.back().term == "\u68c0\u67e5");
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        CHECK(tokens[i].position == tokens[i - 1].position + 1);
    }
}

TEST_CASE("Stop words are flagged but kept", "[analysis]") {
    struct Row {
        const char* text;
        const char* stopwords;  // one flag per token: S stop word, w content
    };
    const Row rows[] = {
        {"Hello doctor, I also have a very bad headache", "SSSSSSSww"},
        {"Hi, thanks doctor: is it just stress?", "SSSSSSw"},
        {"please really bad twitching", "SSww"},
        {"\u8bf7\u95ee\u533b\u751f\u6211\u7684\u5934\u75db\u662f\u4ec0\u4e48\u539f\u56e0",
         "SSSwSSw"},
        {"\u6211\u5934\u75db\u4e86\u5417", "SwSS"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const std::vector<Token> tokens = analyzer.analyze(row.text);
        std::string flags;
        for (const Token& token : tokens) {
            flags += token.stopword ? 'S' : 'w';
        }
        CHECK(flags == row.stopwords);
    }
    CHECK(analyzer.is_stopword("the"));
    CHECK(analyzer.is_stopword("doctor"));
    CHECK(analyzer.is_stopword("\u7684"));
    CHECK(analyzer.is_stopword("\u8bf7\u95ee"));
    CHECK_FALSE(analyzer.is_stopword("headache"));
    CHECK_FALSE(analyzer.is_stopword("\u5934\u75db"));
}

TEST_CASE("sentence_start marks clause starts", "[analysis]") {
    struct Row {
        const char* text;
        const char* starts;  // one flag per non-compound token: ^ starts a clause, . not
    };
    const Row rows[] = {
        {"I have a fever, but no cough. Headache; nausea\nvomiting however dizzy", "^...^^.^^^.^"},
        {"no fever or cough", "^..."},
        {"pain: severe! x-ray? ok", "^^^.^"},
        {"\u6ca1\u6709\u53d1\u70e7\uff0c\u4f46\u662f\u54b3\u55fd\u3002\u5934\u75db", "^.^^^"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.text);
        std::string flags;
        for (const Token& token : analyzer.analyze(row.text)) {
            if (token.kind != TokenKind::Compound) {
                flags += token.sentence_start ? '^' : '.';
            }
        }
        CHECK(flags == row.starts);
    }
}

TEST_CASE("new_sentence marks sentence starts only", "[analysis]") {
    struct Row {
        const char* text;
        const char* starts;  // one flag per non-compound token: * starts a sentence, . not
    };
    const Row rows[] = {
        {"I have a fever, but no cough. Headache; nausea\nvomiting however dizzy", "*......*.*.."},
        {"pain: severe! x-ray? ok", "*.*.*"},
        // 没有发烧，但是咳嗽。头痛
        {"\u6ca1\u6709\u53d1\u70e7\uff0c\u4f46\u662f\u54b3\u55fd\u3002\u5934\u75db", "*...*"},
    };
    Analyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.text);
        std::string flags;
        for (const Token& token : analyzer.analyze(row.text)) {
            if (token.kind != TokenKind::Compound) {
                CHECK((!token.new_sentence || token.sentence_start));
                flags += token.new_sentence ? '*' : '.';
            }
        }
        CHECK(flags == row.starts);
    }
}

TEST_CASE("normalize folds like Token::term and keeps word breaks", "[analysis]") {
    Analyzer analyzer;
    CHECK(analyzer.normalize("Dept. of NEUROLOGY") == "dept. of neurology");
    CHECK(analyzer.normalize("M\u00e9ni\u00e8re\u2019s") == "meniere's");
    CHECK(analyzer.normalize("\u795e\u7d93\u5167\u79d1") == "\u795e\u7ecf\u5185\u79d1");
    CHECK(analyzer.normalize("\uff2d\uff32\uff29") == "mri");
    CHECK(analyzer.normalize("") == "");
}

TEST_CASE("Analyzer is movable and reusable", "[analysis]") {
    Analyzer first;
    CHECK(terms(first.analyze("x-ray")) == "x ray +xray");
    Analyzer second = std::move(first);
    CHECK(terms(second.analyze("\u982d\u75db")) == "\u5934\u75db");
    CHECK(second.options() == AnalyzerOptions{});
    CHECK(terms(second.analyze("")) == "");
}
