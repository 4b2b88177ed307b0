// SPDX-License-Identifier: Apache-2.0
// IcuText: the only user of ICU: UTF-8 decoding with offsets, word segmentation, folding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::detail {

/// What ICU's word break rules said about a segment.
enum class SegmentKind : std::uint8_t {
    Gap,   ///< spaces and punctuation between words (consecutive ones merged)
    Word,  ///< letters and/or digits: "palsy", "5mg", "B12", "2.5"
    Ideo,  ///< Han or Kana, from ICU's dictionary segmentation
};

/// A run of the decoded UTF-16 text, [begin, end) in code units.
struct Segment {
    std::int32_t begin = 0;
    std::int32_t end = 0;
    SegmentKind kind = SegmentKind::Gap;
};

/// Holds the ICU objects one Analyzer needs (a word BreakIterator, the NFKC_Casefold, NFD and
/// NFC normalizers, and from the first Han character on the Traditional->Simplified
/// transliterator) and the UTF-16 copy of the text being analysed, reused from call to call.
/// Not thread-safe.
class IcuText {
  public:
    /// Throws qaindex::Error when ICU lacks data (break rules, normalization); load() throws
    /// it when the transliterator's data is missing.
    IcuText();
    ~IcuText();
    IcuText(const IcuText&) = delete;
    IcuText& operator=(const IcuText&) = delete;

    /// Decodes utf8 (each invalid sequence becomes U+FFFD), folds Traditional Han characters
    /// to Simplified when fold_han, and splits the result into segments.
    void load(std::string_view utf8, bool fold_han);

    [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }
    [[nodiscard]] const char16_t* units() const { return units_.data(); }
    /// Byte offset in the loaded UTF-8 of UTF-16 index i (0 <= i <= length).
    [[nodiscard]] std::size_t byte_offset(std::int32_t i) const {
        return offsets_[static_cast<std::size_t>(i)];
    }

    /// Appends the normalised form of units [begin, end) to out: NFKC_Casefold, accents of
    /// Latin letters removed, typographic apostrophes as '.
    void normalize(std::int32_t begin, std::int32_t end, std::string& out);

    /// The whole of utf8, decoded, Han-folded and normalised like normalize().
    [[nodiscard]] std::string normalize_text(std::string_view utf8, bool fold_han);

  private:
    struct Icu;
    void decode(std::string_view utf8, bool fold_han);
    void segment();
    char16_t fold_han(char16_t c);

    std::unique_ptr<Icu> icu_;
    std::u16string units_;
    std::vector<std::size_t> offsets_;
    std::vector<Segment> segments_;
    std::vector<char16_t> han_folds_;  ///< lazily filled, 0 = not looked up yet
};

/// The version of the ICU library linked: "72.1".
[[nodiscard]] std::string icu_version();

}  // namespace qaindex::detail
