// SPDX-License-Identifier: Apache-2.0
// The compiled lexicon: the built-in lexicon, analysed at build time, in a form that loads
// without analysing a phrase (see lib/compile_lexicon.cpp).
#pragma once

#include <cstdint>
#include <string_view>

#include "lexicon/binary_io.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex::detail {

/// Version of the compiled form; the first u32 of each part. A reader refuses another.
inline constexpr std::uint32_t kCompiledLexiconFormat = 1;

/// The built-in lexicon as LexiconAccess::write() wrote it, compiled into the library from
/// data/lexicon/ by qaindex_compile_lexicon. Empty in that program itself.
[[nodiscard]] std::string_view compiled_lexicon();
/// The built-in lexicon's LexiconIndex as LexiconIndex::write() wrote it; empty likewise.
[[nodiscard]] std::string_view compiled_lexicon_index();

/// Library-internal access to what a Lexicon holds, for its compiled form.
struct LexiconAccess {
    /// Writes all of lexicon, the results of analysing its phrases included, so that read()
    /// rebuilds it without an Analyzer.
    static void write(const Lexicon& lexicon, BinaryWriter& out);
    /// The Lexicon write() wrote. Throws Error on data of another format or corrupt data.
    [[nodiscard]] static Lexicon read(BinaryReader& in);
};

}  // namespace qaindex::detail
