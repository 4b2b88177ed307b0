// SPDX-License-Identifier: Apache-2.0
// IcuText: the only user of ICU: UTF-8 decoding with offsets, word segmentation, folding.
#include "analysis/icu_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

#include <string>

#include "qaindex/errors.hpp"

namespace qaindex::detail {
namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU: ") + what + ": " + u_errorName(status));
    }
}

// The BMP blocks holding Han characters that have Traditional and Simplified forms: CJK
// Radicals Supplement .. CJK Unified Ideographs, and the compatibility ideographs.
bool is_foldable_han(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool is_latin_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_LATIN;
}

bool is_latin_or_mark(UChar32 c) {
    return u_charType(c) == U_NON_SPACING_MARK || (c >= 0xC0 && is_latin_script(c));
}

}  // namespace

struct IcuText::Icu {
    std::unique_ptr<icu::BreakIterator> words;
    const icu::Normalizer2* nfkc_casefold = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
    std::unique_ptr<icu::Transliterator> hant_to_hans;
    UText text = UTEXT_INITIALIZER;
    icu::UnicodeString scratch;
    icu::UnicodeString scratch2;

    ~Icu() { utext_close(&text); }
};

IcuText::IcuText() : icu_(std::make_unique<Icu>()) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check(status, "word break iterator");
    icu_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    check(status, "NFKC_Casefold normalizer");
    icu_->nfd = icu::Normalizer2::getNFDInstance(status);
    check(status, "NFD normalizer");
    icu_->nfc = icu::Normalizer2::getNFCInstance(status);
    check(status, "NFC normalizer");
}

IcuText::~IcuText() = default;

void IcuText::load(std::string_view utf8, bool fold_han) {
    decode(utf8, fold_han);
    segment();
}

// Our own decoder rather than ICU's so that every UTF-16 unit keeps the byte offset it came
// from (tokens carry offsets into the caller's bytes) and so that invalid bytes become U+FFFD
// one maximal subpart at a time, as the Unicode standard recommends.
void IcuText::decode(std::string_view utf8, bool fold_han) {
    units_.clear();
    offsets_.clear();
    units_.reserve(utf8.size());
    offsets_.reserve(utf8.size() + 1);
    const std::size_t n = utf8.size();
    std::size_t i = 0;
    while (i < n) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            units_.push_back(static_cast<char16_t>(lead));
            offsets_.push_back(i);
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t c = 0;
        unsigned char low = 0x80;   // bounds of the second byte, to reject overlong forms,
        unsigned char high = 0xBF;  // surrogates and code points above U+10FFFF
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            c = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            c = lead & 0x0Fu;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            c = lead & 0x07u;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        }
        std::size_t valid = 1;  // bytes of the sequence that are well-formed so far
        if (length != 0) {
            for (; valid < length && i + valid < n; ++valid) {
                const auto byte = static_cast<unsigned char>(utf8[i + valid]);
                const unsigned char lo = valid == 1 ? low : 0x80;
                const unsigned char hi = valid == 1 ? high : 0xBF;
                if (byte < lo || byte > hi) {
                    break;
                }
                c = (c << 6) | (byte & 0x3Fu);
            }
        }
        if (length == 0 || valid < length) {
            units_.push_back(u'\uFFFD');
            offsets_.push_back(i);
            i += valid;
            continue;
        }
        if (c >= 0x10000) {
            const char32_t v = c - 0x10000;
            units_.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
            units_.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
            offsets_.push_back(i);
            offsets_.push_back(i);
        } else {
            auto unit = static_cast<char16_t>(c);
            if (fold_han && is_foldable_han(c)) {
                unit = this->fold_han(unit);
            }
            units_.push_back(unit);
            offsets_.push_back(i);
        }
        i += length;
    }
    offsets_.push_back(n);
}

// Folding character by character, before segmentation, keeps offsets one-to-one and makes
// ICU's dictionary see the same text for 頭痛 and 头痛, so both segment alike. ICU's
// Traditional-Simplified rules are character mappings, so nothing is lost against running
// the transliterator over whole words; each character is transliterated once per IcuText.
char16_t IcuText::fold_han(char16_t c) {
    if (han_folds_.empty()) {
        han_folds_.assign(0x10000, 0);
    }
    char16_t& folded = han_folds_[c];
    if (folded == 0) {
        if (!icu_->hant_to_hans) {
            // Made on the first Han character only: creating it loads ICU's transliterator
            // registry, which took a sixth of a one-query qaquery's time.
            UErrorCode status = U_ZERO_ERROR;
            icu_->hant_to_hans.reset(icu::Transliterator::createInstance(
                "Traditional-Simplified", UTRANS_FORWARD, status));
            check(status, "Traditional-Simplified transliterator");
        }
        icu::UnicodeString s(c);
        icu_->hant_to_hans->transliterate(s);
        folded = s.length() == 1 ? s.charAt(0) : c;
    }
    return folded;
}

void IcuText::segment() {
    segments_.clear();
    UErrorCode status = U_ZERO_ERROR;
    utext_openUChars(&icu_->text, units_.data(), static_cast<int64_t>(units_.size()), &status);
    check(status, "open text");
    icu_->words->setText(&icu_->text, status);
    check(status, "set break iterator text");
    std::int32_t begin = icu_->words->first();
    for (std::int32_t end = icu_->words->next(); end != icu::BreakIterator::DONE;
         begin = end, end = icu_->words->next()) {
        const std::int32_t rule = icu_->words->getRuleStatus();
        SegmentKind kind = SegmentKind::Word;
        if (rule < UBRK_WORD_NONE_LIMIT) {
            kind = SegmentKind::Gap;
        } else if (rule >= UBRK_WORD_KANA) {
            kind = SegmentKind::Ideo;
        }
        if (kind == SegmentKind::Gap && !segments_.empty() &&
            segments_.back().kind == SegmentKind::Gap) {
            segments_.back().end = end;
        } else {
            segments_.push_back({begin, end, kind});
        }
    }
}

void IcuText::normalize(std::int32_t begin, std::int32_t end, std::string& out) {
    bool ascii = true;
    for (std::int32_t i = begin; i < end; ++i) {
        if (units_[static_cast<std::size_t>(i)] >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (std::int32_t i = begin; i < end; ++i) {
            auto c = static_cast<char>(units_[static_cast<std::size_t>(i)]);
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
            out.push_back(c);
        }
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString source(false, units_.data() + begin, end - begin);
    icu::UnicodeString& folded = icu_->scratch;
    icu_->nfkc_casefold->normalize(source, folded, status);
    check(status, "NFKC_Casefold");

    bool has_latin = false;
    for (std::int32_t i = 0; i < folded.length() && !has_latin; i = folded.moveIndex32(i, 1)) {
        has_latin = is_latin_or_mark(folded.char32At(i));
    }
    if (has_latin) {
        // Ménière -> menie\u0300re -> meniere. Marks on other scripts stay (Greek tonos,
        // Devanagari vowel signs carry meaning there).
        icu::UnicodeString& decomposed = icu_->scratch2;
        icu_->nfd->normalize(folded, decomposed, status);
        check(status, "NFD");
        icu::UnicodeString stripped;
        bool removed = false;
        bool after_latin = false;
        for (std::int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
            const UChar32 c = decomposed.char32At(i);
            if (u_charType(c) == U_NON_SPACING_MARK) {
                if (after_latin) {
                    removed = true;
                    continue;
                }
            } else {
                after_latin = is_latin_script(c);
            }
            stripped.append(c);
        }
        if (removed) {
            icu_->nfc->normalize(stripped, folded, status);
            check(status, "NFC");
        }
    }
    for (std::int32_t i = 0; i < folded.length(); ++i) {
        const char16_t c = folded.charAt(i);
        if (c == u'\u2019' || c == u'\u02BC' || c == u'\u2018') {
            folded.setCharAt(i, u'\'');
        }
    }
    folded.toUTF8String(out);
}

std::string IcuText::normalize_text(std::string_view utf8, bool fold_han) {
    decode(utf8, fold_han);
    std::string out;
    out.reserve(utf8.size());
    normalize(0, static_cast<std::int32_t>(units_.size()), out);
    return out;
}

std::string icu_version() {
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH] = {};
    u_versionToString(info, text);
    return text;
}

}  // namespace qaindex::detail
