// SPDX-License-Identifier: Apache-2.0
// Tests of CachedStemmer against Xapian's stemmer, across growth of its table.
#include "analysis/stemmer.hpp"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("CachedStemmer agrees with Xapian::Stem as its table grows", "[analysis]") {
    Xapian::Stem reference("english");
    qaindex::detail::CachedStemmer stemmer;
    // 40,000 distinct words: several doublings of the 16,384-slot table.
    const std::vector<std::string> endings = {"", "s", "ing", "ed", "ness", "ies", "ational"};
    std::vector<std::string> words;
    for (int i = 0; words.size() < 40000; ++i) {
        std::string word;
        for (int n = i; n > 0 || word.empty(); n /= 26) {
            word += static_cast<char>('a' + n % 26);
        }
        words.push_back(word + endings[static_cast<std::size_t>(i) % endings.size()]);
    }
    std::size_t mismatches = 0;
    for (int round = 0; round < 2; ++round) {  // the second round reads the cache
        for (const std::string& word : words) {
            if (stemmer.stem(word) != reference(word)) {
                ++mismatches;
            }
        }
    }
    CHECK(mismatches == 0);
    CHECK(stemmer.stem("twitching") == "twitch");
    CHECK(stemmer.stem("twitching") == "twitch");
}
