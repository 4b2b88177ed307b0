// SPDX-License-Identifier: Apache-2.0
// Analyzer: turns English and Chinese text into index terms, the same way at index and query time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex {

/// What kind of word a Token came from.
enum class TokenKind {
    Word,      ///< a letter word: "twitching", "mri", "bell" (from "Bell's")
    Number,    ///< digits, possibly with a decimal point: "5", "2.5"
    Han,       ///< a Chinese or Japanese word from ICU's dictionary segmentation
    Compound,  ///< the joined form of a hyphenated or number-unit word ("xray", "5mg",
               ///< "covid19", "10%"), at the same position as its first part and emitted
               ///< right after its last part: "x-ray" gives x, ray, xray
};

/// One term of analysed text.
struct Token {
    std::string term{};  ///< normalised, unstemmed: NFKC, case-folded, accents removed,
                       ///< Traditional Chinese folded to Simplified
    std::string stem{};  ///< stemmed with the English Snowball stemmer (== term where stemming
                       ///< does not apply: numbers, Han, all-capital abbreviations)
    std::size_t begin = 0;  ///< byte offset of the word in the analysed text (the whole
                            ///< word: "Bell's" for the term "bell")
    std::size_t end = 0;    ///< byte offset one past the word
    std::uint32_t position = 0;  ///< word position, 0-based; Compound shares its part's
    TokenKind kind = TokenKind::Word;
    bool stopword = false;  ///< an English or Chinese stop word (kept: phrases need it)
    bool sentence_start = false;  ///< first token of the text, or first after a clause
    bool new_sentence = false;  ///< first token after . ! ? or a line break (a sentence_start too)
                                  ///< boundary: . ! ? ; : , (or their full-width forms), a
                                  ///< line break, "but", "however", 但是/但/可是/不过/然而

    bool operator==(const Token&) const = default;
};

/// Switches for an Analyzer. The index records the options it was built with.
struct AnalyzerOptions {
    bool stem = true;                 ///< fill Token::stem with the Snowball English stem
    bool fold_chinese_script = true;  ///< Traditional -> Simplified
    bool compounds = true;            ///< emit Compound tokens for "x-ray", "5 mg", "5mg"

    bool operator==(const AnalyzerOptions&) const = default;
};

/// ICU-based text analysis: NFKC + case folding, accent folding, ICU word boundaries
/// (dictionary segmentation for Chinese and Japanese), Traditional->Simplified folding,
/// possessives ("Bell's" -> "bell"), hyphenated words and numbers with units, and English
/// stemming.
///
/// Rules, in brief: letter-digit words stay whole ("B12" -> b12); a number followed by a
/// unit of measure (mg, mcg, µg, ug, g, kg, lb, ml, cc, l, dl, iu, mmhg, cm, mm, mmol, bpm,
/// kcal, %), glued or after spaces, gives the number, the unit and a Compound ("5 mg" ->
/// 5, mg, 5mg); thousands separators are dropped ("1,000" -> 1000); all-capital words of
/// 2-5 letters (MRI, AIDS) are not stemmed; Chinese is folded to Simplified character by
/// character before segmentation, so 頭痛 and 头痛 segment and index alike. Stop words are
/// flagged, never dropped.
///
/// Invalid UTF-8 is replaced by U+FFFD before analysis (offsets still refer to the input).
/// Not thread-safe (it holds ICU break iterators and a stem cache): use one Analyzer per
/// thread, and reuse it: construction loads ICU data, and the stem cache warms up.
class Analyzer {
public:
    /// Throws Error if ICU lacks the data it needs.
    explicit Analyzer(AnalyzerOptions options = {});
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// The tokens of text, in order.
    [[nodiscard]] std::vector<Token> analyze(std::string_view text);

    /// text normalised as Token::term is (case, accents, width, script), word breaks kept.
    [[nodiscard]] std::string normalize(std::string_view text);

    /// The Snowball English stem of a normalised word (the word itself unless it is made of
    /// a-z and apostrophes).
    [[nodiscard]] std::string stem(std::string_view word);

    /// Whether a normalised term is an English or Chinese stop word: Snowball's English list
    /// plus consultation filler (hello, doctor, thanks, please, also, really, just, ...),
    /// and Chinese function words (的, 了, 是, 我, 吗, 请问, 医生, ...).
    [[nodiscard]] bool is_stopword(std::string_view term) const;

    [[nodiscard]] const AnalyzerOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qaindex
