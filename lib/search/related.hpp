// SPDX-License-Identifier: Apache-2.0
// Related FAQ: the symptom and condition topics an entry shares with the index.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "index/schema.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/search.hpp"

namespace qaindex::detail {

/// "facial twitching" -> "Facial Twitching" (ASCII letters starting words upper-cased).
[[nodiscard]] std::string title_case(std::string_view text);

/// The specialty most entries holding term are filed under (looking at the first few
/// thousand), or nullopt if none of them has one.
[[nodiscard]] std::optional<std::string> usual_specialty(const Xapian::Database& db,
                                                         const std::string& term);

/// The entry's symptom and condition topics held by at least one other entry, most entries
/// first, at most limit.
[[nodiscard]] std::vector<RelatedFaq> related_topics(const Xapian::Database& db,
                                                     const schema::StoredEntry& entry,
                                                     const Lexicon& lexicon, std::size_t limit);

}  // namespace qaindex::detail
