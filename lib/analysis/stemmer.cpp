// SPDX-License-Identifier: Apache-2.0
// CachedStemmer: Xapian's Snowball English stemmer behind a small memo table.
#include "analysis/stemmer.hpp"

#include <xapian.h>

#include <functional>
#include <string_view>
#include <utility>

namespace qaindex::detail {
namespace {
constexpr std::size_t initial_slots = std::size_t{1} << 14;
// Bounds the memory of a long-running indexer: the English vocabulary of a large corpus,
// typos included, stays well under this many words, and starting afresh is cheap.
constexpr std::size_t max_slots = std::size_t{1} << 19;

std::uint64_t hash_of(std::string_view word) {
    return std::hash<std::string_view>{}(word) | 1U;  // never 0, the empty mark
}
}  // namespace

CachedStemmer::CachedStemmer()
    : stemmer_(std::make_unique<Xapian::Stem>("english")), slots_(initial_slots) {}

CachedStemmer::~CachedStemmer() = default;
CachedStemmer::CachedStemmer(CachedStemmer&&) noexcept = default;
CachedStemmer& CachedStemmer::operator=(CachedStemmer&&) noexcept = default;

const std::string& CachedStemmer::stem(const std::string& word) {
    const std::uint64_t hash = hash_of(word);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (; slots_[i].hash != 0; i = (i + 1) & mask) {
        if (slots_[i].hash == hash && slots_[i].word == word) {
            return slots_[i].stem;
        }
    }
    if (2 * (used_ + 1) > slots_.size()) {  // keep probes short: at most half full
        grow();
        return stem(word);
    }
    Slot& slot = slots_[i];
    slot.hash = hash;
    slot.word = word;
    slot.stem = (*stemmer_)(word);
    ++used_;
    return slot.stem;
}

void CachedStemmer::grow() {
    std::vector<Slot> old = std::exchange(
        slots_, std::vector<Slot>(slots_.size() >= max_slots ? initial_slots : 2 * slots_.size()));
    used_ = 0;
    if (slots_.size() == initial_slots) {
        return;  // over the bound: start afresh
    }
    const std::size_t mask = slots_.size() - 1;
    for (Slot& slot : old) {
        if (slot.hash == 0) {
            continue;
        }
        std::size_t i = slot.hash & mask;
        while (slots_[i].hash != 0) {
            i = (i + 1) & mask;
        }
        slots_[i] = std::move(slot);
        ++used_;
    }
}

}  // namespace qaindex::detail
