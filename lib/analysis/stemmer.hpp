// SPDX-License-Identifier: Apache-2.0
// CachedStemmer: Xapian's Snowball English stemmer behind a small memo table.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

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
    std::unique_ptr<Xapian::Stem> stemmer_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace qaindex::detail
