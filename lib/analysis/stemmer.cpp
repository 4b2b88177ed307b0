// SPDX-License-Identifier: Apache-2.0
// CachedStemmer: Xapian's Snowball English stemmer behind a small memo table.
#include "analysis/stemmer.hpp"

#include <xapian.h>

namespace qaindex::detail {
namespace {
// Bounds the memory of a long-running indexer: the English vocabulary of a large corpus,
// typos included, stays well under this, and clearing is cheap when it does not.
constexpr std::size_t max_cached_stems = 200'000;
}  // namespace

CachedStemmer::CachedStemmer() : stemmer_(std::make_unique<Xapian::Stem>("english")) {
    cache_.reserve(4096);
}

CachedStemmer::~CachedStemmer() = default;
CachedStemmer::CachedStemmer(CachedStemmer&&) noexcept = default;
CachedStemmer& CachedStemmer::operator=(CachedStemmer&&) noexcept = default;

const std::string& CachedStemmer::stem(const std::string& word) {
    if (const auto found = cache_.find(word); found != cache_.end()) {
        return found->second;
    }
    if (cache_.size() >= max_cached_stems) {
        cache_.clear();
    }
    return cache_.emplace(word, (*stemmer_)(word)).first->second;
}

}  // namespace qaindex::detail
