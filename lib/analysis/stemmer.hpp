// SPDX-License-Identifier: Apache-2.0
// CachedStemmer: Xapian's Snowball English stemmer behind a small memo table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace Xapian {
class Stem;
}

namespace qaindex::detail {

/// Snowball English stemming with a cache: consultation text repeats a small vocabulary, so
/// most words are stemmed once per thread. Not thread-safe.
class CachedStemmer {
  public:
    CachedStemmer();
    ~CachedStemmer();
    CachedStemmer(CachedStemmer&&) noexcept;
    CachedStemmer& operator=(CachedStemmer&&) noexcept;
    CachedStemmer(const CachedStemmer&) = delete;
    CachedStemmer& operator=(const CachedStemmer&) = delete;

    /// The stem of a lower-case word. The reference stays valid until the next call.
    [[nodiscard]] const std::string& stem(const std::string& word);

  private:
    struct Slot {
        std::uint64_t hash = 0;  ///< 0: empty
        std::string word;
        std::string stem;
    };
    void grow();

    std::unique_ptr<Xapian::Stem> stemmer_;
    // Open addressing with linear probing: std::unordered_map's node chains cost two
    // dependent cache misses and a division per lookup, as much as ICU's word breaking.
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

}  // namespace qaindex::detail
