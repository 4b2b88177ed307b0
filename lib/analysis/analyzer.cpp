// SPDX-License-Identifier: Apache-2.0
// Analyzer: ICU segmentation plus the medical-text rules (possessives, hyphens, units).
#include "qaindex/analyzer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/icu_text.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"

namespace qaindex {
namespace {

using detail::Segment;
using detail::SegmentKind;

// Units that join a preceding number into a Compound ("5 mg", "5mg" -> 5mg). Kept short:
// only units that follow doses, measurements and vital signs in consultations. Listed as
// normalised terms: NFKC_Casefold turns the micro sign of "µg" into Greek mu.
constexpr std::array<std::string_view, 21> units_of_measure = {
    "mg", "mcg", "\u03bcg", "ug", "g",  "kg",   "lb",  "lbs",  "ml", "cc",      "l",
    "dl", "iu",  "mmhg",    "cm", "mm", "mmol", "bpm", "kcal", "%",  "\u03bcl",
};

bool is_unit(std::string_view term) {
    return std::find(units_of_measure.begin(), units_of_measure.end(), term) !=
           units_of_measure.end();
}

// Words after which a new clause starts, for negation scope ("no fever but a headache").
bool is_clause_break_word(std::string_view term) {
    return term == "but" || term == "however" || term == "但是" || term == "但" || term == "可是" ||
           term == "不过" || term == "然而";
}

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

// "2.5", "1,000", "37" (ICU keeps internal '.' and ',' of numbers).
bool is_number(std::string_view term) {
    if (term.empty() || !is_ascii_digit(term.front()) || !is_ascii_digit(term.back())) {
        return false;
    }
    return std::all_of(term.begin(), term.end(),
                       [](char c) { return is_ascii_digit(c) || c == '.' || c == ','; });
}

// "1,000" and "12,500.5" lose their separators so that 1,000 and 1000 are one term; other
// commas ("1,2") stay, they are not thousands.
void drop_thousands_separators(std::string& term) {
    if (term.find(',') == std::string::npos) {
        return;
    }
    const std::size_t point = std::min(term.find('.'), term.size());
    std::size_t group = 0;
    bool first = true;
    for (std::size_t i = point; i-- > 0;) {
        if (term[i] == ',') {
            if (group != 3) {
                return;
            }
            group = 0;
            first = false;
        } else {
            ++group;
        }
    }
    if (first || group == 0 || group > 3) {
        return;
    }
    term.erase(std::remove(term.begin(), term.begin() + static_cast<std::ptrdiff_t>(point), ','),
               term.begin() + static_cast<std::ptrdiff_t>(point));
}

bool is_stemmable(std::string_view term) {
    return !term.empty() && std::all_of(term.begin(), term.end(),
                                        [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

bool is_hyphen(char16_t c) {
    return c == u'-' || c == u'\u2010' || c == u'\u2011';
}

bool is_blank(char16_t c) {
    return c == u' ' || c == u'\t' || c == u'\u00A0' || c == u'\u3000' || c == u'\u202F';
}

// Punctuation that ends a clause for negation scope: . ! ? ; : , and their full-width forms,
// line breaks.
bool is_clause_punctuation(char16_t c) {
    constexpr std::u16string_view marks =
        u".!?;:,\n\r\u2028\u2029\u2026\u3002\uFF01\uFF1F\uFF1B\uFF1A\uFF0C\uFF0E\uFF61";
    return marks.find(c) != std::u16string_view::npos;
}

// Punctuation that ends a sentence: . ! ? and line breaks, and their full-width forms.
bool is_sentence_punctuation(char16_t c) {
    constexpr std::u16string_view marks =
        u".!?\n\r\u2028\u2029\u2026\u3002\uFF01\uFF1F\uFF0E\uFF61";
    return marks.find(c) != std::u16string_view::npos;
}

bool is_ascii_upper(char16_t c) {
    return c >= u'A' && c <= u'Z';
}
bool is_ascii_lower(char16_t c) {
    return c >= u'a' && c <= u'z';
}
bool is_digit16(char16_t c) {
    return (c >= u'0' && c <= u'9') || (c >= u'\uFF10' && c <= u'\uFF19');
}
bool is_upper16(char16_t c) {
    return is_ascii_upper(c) || (c >= u'\uFF21' && c <= u'\uFF3A');
}
bool is_lower16(char16_t c) {
    return is_ascii_lower(c) || (c >= u'\uFF41' && c <= u'\uFF5A');
}

// What lies between two words, as far as the medical rules care.
struct Gap {
    bool clause_break = false;      ///< holds clause punctuation or a line break
    bool sentence_break = false;    ///< holds sentence punctuation or a line break
    bool hyphen = false;            ///< exactly one hyphen, nothing else: "x-ray"
    bool blank = false;             ///< only horizontal spaces: "5 mg"
    std::int32_t percent_end = -1;  ///< "5%", "5 %": UTF-16 index after the '%'
};

// One word of the input after normalisation, before positions are assigned.
struct Piece {
    std::string term;
    TokenKind kind = TokenKind::Word;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool abbreviation = false;  ///< MRI, AIDS: all capitals, 2-5 letters: not stemmed
};

}  // namespace

struct Analyzer::Impl {
    AnalyzerOptions options;
    detail::IcuText icu;
    detail::CachedStemmer stemmer;

    // Per-call buffers, kept to reuse their capacity.
    std::vector<std::int32_t> words;  // indexes of non-gap segments
    std::vector<Gap> gaps_after;      // gap after each word
    std::vector<Piece> pieces;        // first piece of each word
    std::vector<Piece> unit_pieces;   // second piece when the word was "5mg", else empty term

    // Token assembly state.
    std::vector<Token>* out = nullptr;
    std::uint32_t position = 0;
    bool clause_pending = true;
    bool sentence_pending = true;

    explicit Impl(AnalyzerOptions opts) : options(opts) {}

    Gap read_gap(std::int32_t begin, std::int32_t end) const {
        Gap gap;
        const char16_t* u = icu.units();
        gap.hyphen = end - begin == 1 && is_hyphen(u[begin]);
        gap.blank = end > begin;
        std::int32_t i = begin;
        for (; i < end && is_blank(u[i]); ++i) {
        }
        if (i < end && (u[i] == u'%' || u[i] == u'\uFF05')) {
            gap.percent_end = i + 1;
        }
        for (i = begin; i < end; ++i) {
            if (is_clause_punctuation(u[i])) {
                gap.clause_break = true;
            }
            if (is_sentence_punctuation(u[i])) {
                gap.sentence_break = true;
            }
            if (!is_blank(u[i])) {
                gap.blank = false;
            }
        }
        return gap;
    }

    // Reads one Word segment into a piece, or two when it is a number glued to a unit
    // ("5mg", "2.5mg").
    void read_word(const Segment& segment, Piece& piece, Piece& unit) {
        const char16_t* u = icu.units();
        piece.term.clear();
        unit.term.clear();
        if (segment.kind == SegmentKind::Ideo) {
            icu.normalize(segment.begin, segment.end, piece.term);
            piece.kind = TokenKind::Han;
            piece.begin = icu.byte_offset(segment.begin);
            piece.end = icu.byte_offset(segment.end);
            piece.abbreviation = false;
            return;
        }
        std::int32_t split = segment.end;
        if (is_digit16(u[segment.begin])) {
            split = segment.begin;
            while (split < segment.end &&
                   (is_digit16(u[split]) || u[split] == u'.' || u[split] == u',')) {
                ++split;
            }
            if (split < segment.end) {
                icu.normalize(split, segment.end, unit.term);
                if (!is_unit(unit.term)) {
                    unit.term.clear();
                    split = segment.end;
                }
            }
        }
        icu.normalize(segment.begin, split, piece.term);
        piece.begin = icu.byte_offset(segment.begin);
        piece.end = icu.byte_offset(split);
        if (!unit.term.empty() && !is_number(piece.term)) {
            // "1.2.3mg" and the like: keep the word whole.
            piece.term.clear();
            unit.term.clear();
            split = segment.end;
            icu.normalize(segment.begin, split, piece.term);
            piece.end = icu.byte_offset(split);
        }
        if (!unit.term.empty()) {
            unit.kind = TokenKind::Word;
            unit.begin = piece.end;
            unit.end = icu.byte_offset(segment.end);
            unit.abbreviation = false;
        }
        piece.kind = is_number(piece.term) ? TokenKind::Number : TokenKind::Word;
        if (piece.kind == TokenKind::Number) {
            drop_thousands_separators(piece.term);
            piece.abbreviation = false;
            return;
        }
        // Possessives and eponyms: "Bell's", "Bell’s" -> bell. The offsets keep the whole
        // word so that highlighting covers "Bell's".
        std::int32_t letters_end = segment.end;
        if (piece.term.size() > 2 && piece.term.ends_with("'s")) {
            piece.term.resize(piece.term.size() - 2);
            letters_end -= 2;
        }
        int letters = 0;
        bool all_upper = true;
        for (std::int32_t i = segment.begin; i < letters_end; ++i) {
            if (is_upper16(u[i])) {
                ++letters;
            } else if (is_lower16(u[i])) {
                all_upper = false;
                ++letters;
            } else if (u[i] >= 0x80) {
                all_upper = false;  // accented or non-Latin letters: no abbreviation rule
            }
        }
        piece.abbreviation = all_upper && letters >= 2 && letters <= 5;
    }

    std::string stem_of(const std::string& term, TokenKind kind, bool abbreviation) {
        if (!options.stem || abbreviation ||
            (kind != TokenKind::Word && kind != TokenKind::Compound) || !is_stemmable(term)) {
            return term;
        }
        return stemmer.stem(term);
    }

    static bool stop(const std::string& term, TokenKind kind) {
        return (kind == TokenKind::Word || kind == TokenKind::Han) && detail::is_stopword(term);
    }

    // Emits a word token; returns its index in the output.
    std::size_t emit(Piece& piece) {
        Token token;
        token.stem = stem_of(piece.term, piece.kind, piece.abbreviation);
        token.stopword = stop(piece.term, piece.kind);
        token.term = std::move(piece.term);
        token.begin = piece.begin;
        token.end = piece.end;
        token.position = position++;
        token.kind = piece.kind;
        token.sentence_start = clause_pending;
        token.new_sentence = sentence_pending;
        clause_pending = is_clause_break_word(token.term);
        sentence_pending = false;
        out->push_back(std::move(token));
        return out->size() - 1;
    }

    // Emits the joined form of tokens [first, last] of the output, at the first's position.
    void emit_compound(std::size_t first, std::size_t last, std::size_t end_byte) {
        if (!options.compounds) {
            return;
        }
        Token token;
        for (std::size_t i = first; i <= last; ++i) {
            token.term += (*out)[i].term;
        }
        token.stem = stem_of(token.term, TokenKind::Compound, false);
        token.begin = (*out)[first].begin;
        token.end = end_byte;
        token.position = (*out)[first].position;
        token.kind = TokenKind::Compound;
        token.sentence_start = (*out)[first].sentence_start;
        token.new_sentence = (*out)[first].new_sentence;
        out->push_back(std::move(token));
    }

    std::vector<Token> analyze(std::string_view text) {
        std::vector<Token> tokens;
        icu.load(text, options.fold_chinese_script);
        const std::vector<Segment>& segments = icu.segments();
        words.clear();
        gaps_after.clear();
        for (std::size_t i = 0; i < segments.size(); ++i) {
            if (segments[i].kind == SegmentKind::Gap) {
                if (!words.empty()) {
                    gaps_after.back() = read_gap(segments[i].begin, segments[i].end);
                }
                continue;
            }
            words.push_back(static_cast<std::int32_t>(i));
            gaps_after.emplace_back();
        }
        // Clause punctuation before the first word changes nothing: the first word starts
        // a clause anyway.
        const std::size_t n = words.size();
        pieces.resize(std::max(pieces.size(), n));
        unit_pieces.resize(std::max(unit_pieces.size(), n));
        for (std::size_t w = 0; w < n; ++w) {
            read_word(segments[static_cast<std::size_t>(words[w])], pieces[w], unit_pieces[w]);
        }

        tokens.reserve(n + n / 8);
        out = &tokens;
        position = 0;
        clause_pending = true;
        sentence_pending = true;
        auto plain = [&](std::size_t w) {  // one piece, not Han: may join a hyphen chain
            return pieces[w].kind != TokenKind::Han && unit_pieces[w].term.empty();
        };
        for (std::size_t w = 0; w < n; ++w) {
            if (w > 0 && gaps_after[w - 1].clause_break) {
                clause_pending = true;
            }
            if (w > 0 && gaps_after[w - 1].sentence_break) {
                sentence_pending = true;
            }
            Piece& piece = pieces[w];
            if (!unit_pieces[w].term.empty()) {  // "5mg"
                const std::size_t first = emit(piece);
                const std::size_t last = emit(unit_pieces[w]);
                emit_compound(first, last, tokens[last].end);
                continue;
            }
            std::size_t chain_end = w;
            // Number-number is a range or a date ("5-10 mg", "2005-03-09"), not one word.
            while (plain(chain_end) && chain_end + 1 < n && gaps_after[chain_end].hyphen &&
                   plain(chain_end + 1) &&
                   !(pieces[chain_end].kind == TokenKind::Number &&
                     pieces[chain_end + 1].kind == TokenKind::Number)) {
                ++chain_end;
            }
            if (chain_end > w) {  // "x-ray", "follow-up", "COVID-19"
                const std::size_t first = emit(piece);
                std::size_t last = first;
                for (std::size_t part = w + 1; part <= chain_end; ++part) {
                    last = emit(pieces[part]);
                }
                emit_compound(first, last, tokens[last].end);
                w = chain_end;
                continue;
            }
            if (piece.kind == TokenKind::Number && w + 1 < n && gaps_after[w].blank &&
                plain(w + 1) && is_unit(pieces[w + 1].term)) {  // "5 mg"
                const std::size_t first = emit(piece);
                const std::size_t last = emit(pieces[w + 1]);
                emit_compound(first, last, tokens[last].end);
                ++w;
                continue;
            }
            if (piece.kind == TokenKind::Number && gaps_after[w].percent_end >= 0) {  // "5%"
                const std::size_t first = emit(piece);
                if (options.compounds) {
                    emit_compound(first, first, icu.byte_offset(gaps_after[w].percent_end));
                    tokens.back().term += '%';
                    tokens.back().stem = tokens.back().term;
                }
                continue;
            }
            emit(piece);
        }
        out = nullptr;
        return tokens;
    }
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::analyze(std::string_view text) {
    return impl_->analyze(text);
}

std::string Analyzer::normalize(std::string_view text) {
    return impl_->icu.normalize_text(text, impl_->options.fold_chinese_script);
}

std::string Analyzer::stem(std::string_view word) {
    const std::string term(word);
    return is_stemmable(term) ? impl_->stemmer.stem(term) : term;
}

bool Analyzer::is_stopword(std::string_view term) const {
    return detail::is_stopword(term);
}

const AnalyzerOptions& Analyzer::options() const {
    return impl_->options;
}

}  // namespace qaindex
