// SPDX-License-Identifier: Apache-2.0
// PhraseMatcher: finds lexicon phrases in analysed text (a trie over stems and Han characters).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/binary_io.hpp"
#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex::detail {

/// A symptom or condition by its index in the Lexicon's vectors.
struct ConceptRef {
    ConceptKind kind = ConceptKind::Symptom;
    std::uint32_t index = 0;

    bool operator==(const ConceptRef&) const = default;
};

/// Whether matching passes over a token: a stop word that is not a negation cue.
[[nodiscard]] bool is_skippable(const Token& token);

/// Whether a word says when, how often or how much ("keeps", "started", "always",
/// "suddenly"), between the parts of a symptom: "my eyelid keeps jumping", "my ears constantly
/// ring", "my feet are always swollen". Such words are content words elsewhere, and some
/// lexicon forms hold them ("nose keeps running", "always cold"), so matching passes over them
/// only where the phrase does not go on with them.
[[nodiscard]] bool is_filler(const Token& token);

/// The units phrases are compared by, for the tokens that are not skipped: a word's stem, and
/// each character of a Han word (ICU segments a Chinese phrase differently alone and inside a
/// sentence, 眼皮跳 vs 眼皮 + 跳动, so characters are the safer unit). Calls f(unit).
template <typename F>
void for_each_unit(const Token& token, F&& f) {
    if (token.kind != TokenKind::Han) {
        f(std::string_view(token.stem));
        return;
    }
    const std::string_view term = token.term;
    for (std::size_t i = 0; i < term.size();) {
        const auto lead = static_cast<unsigned char>(term[i]);
        std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        length = std::min(length, term.size() - i);
        f(term.substr(i, length));
        i += length;
    }
}

/// One phrase found in text: tokens [first, last] and what the phrase names.
struct PhraseMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    std::span<const ConceptRef> concepts;
};

/// The lexicon's phrases, compared by units (see for_each_unit). Between two units of the
/// text up to 3 skippable tokens may lie, none starting a clause; a phrase's own stop words
/// are ignored. Up to 2 words saying when, how often or how much ("keeps", "always",
/// "suddenly") are passed over too where the phrase does not continue with them: "my eyelid
/// keeps jumping" names "eyelid jumping". Immutable after loading, so find() may run on many
/// threads.
class PhraseMatcher {
  public:
    PhraseMatcher();

    /// Adds an analysed phrase naming concept. Returns false when the phrase has nothing but
    /// stop words (it could never match).
    bool add(const std::vector<Token>& phrase, ConceptRef concept_ref);

    /// Makes a word match by its exact (unstemmed) form, in phrases added afterwards and in
    /// text. For misspellings, which the stemmer would otherwise fold into real words:
    /// "weekness" stems to "week" and would match every "weeks". Call it only for words no
    /// correctly spelled phrase uses.
    void add_exact_term(const std::string& term);

    /// Matches in text order, without overlaps: where candidates overlap, the one with more
    /// units wins, then the longer token span, then the earlier.
    [[nodiscard]] std::vector<PhraseMatch> find(const std::vector<Token>& tokens) const;

    /// Writes the trie (the compiled lexicon), in an order independent of how it was built.
    void write(BinaryWriter& out) const;
    /// The matcher write() wrote. Throws Error on corrupt data.
    [[nodiscard]] static PhraseMatcher read(BinaryReader& in);

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    static constexpr std::uint32_t no_symbol = UINT32_MAX;

    [[nodiscard]] std::uint32_t symbol(std::string_view unit) const;
    // for_each_unit, but an exact term's unit is "=" + the term.
    template <typename F>
    void units_of(const Token& token, F&& f) const {
        if (token.kind == TokenKind::Word && !exact_terms_.empty() &&
            exact_terms_.find(std::string_view(token.term)) != exact_terms_.end()) {
            f(std::string_view("=" + token.term));
            return;
        }
        for_each_unit(token, f);
    }
    [[nodiscard]] static std::uint64_t edge_key(std::uint32_t node, std::uint32_t symbol) {
        return (std::uint64_t{node} << 32) | symbol;
    }

    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> symbols_;
    std::unordered_set<std::string, Hash, std::equal_to<>> exact_terms_;
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;
    std::vector<std::vector<ConceptRef>> concepts_;  ///< per trie node; node 0 is the root
};

}  // namespace qaindex::detail
