// SPDX-License-Identifier: Apache-2.0
// EmbeddedFile: a data file compiled into the library (see cmake/EmbedFiles.cmake).
#pragma once

#include <cstddef>
#include <string_view>

namespace qaindex::detail {

struct EmbeddedFile {
    std::string_view name;   ///< file name without folder: "symptoms.tsv"
    std::string_view bytes;  ///< the file's content
};

/// english_words.txt: lower-case English words, one per line, sorted (see sources.cmake).
extern const EmbeddedFile english_words_files[];
extern const std::size_t english_words_files_count;

/// data/ranking/weights.tsv as it was when the library was built (see search/scoring.hpp).
extern const EmbeddedFile ranking_files[];
extern const std::size_t ranking_files_count;

}  // namespace qaindex::detail
