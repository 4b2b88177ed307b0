// SPDX-License-Identifier: Apache-2.0
// English words: a binary search over the compiled-in, sorted word list.
#include "lexicon/english_words.hpp"

#include <algorithm>
#include <vector>

#include "lexicon/embedded_files.hpp"

namespace qaindex::detail {
namespace {

// The words as views into the compiled-in list, built on first use (about 1 ms).
const std::vector<std::string_view>& words() {
    static const std::vector<std::string_view> list = [] {
        std::vector<std::string_view> out;
        for (std::size_t f = 0; f < english_words_files_count; ++f) {
            std::string_view bytes = english_words_files[f].bytes;
            while (!bytes.empty()) {
                const std::size_t end = std::min(bytes.find('\n'), bytes.size());
                if (end > 0) {
                    out.push_back(bytes.substr(0, end));
                }
                bytes.remove_prefix(std::min(end + 1, bytes.size()));
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }();
    return list;
}

}  // namespace

bool is_english_word(std::string_view word) {
    const auto& list = words();
    return std::binary_search(list.begin(), list.end(), word);
}

}  // namespace qaindex::detail
