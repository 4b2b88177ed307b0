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

/// A topic's usual specialty: of the specialties the lexicon gives it, the one most entries
/// holding term are filed under (the lexicon's first if none is); with no lexicon
/// specialties, the corpus's most common one (looking at the first few thousand entries), or
/// nullopt if none of them has one.
[[nodiscard]] std::optional<std::string> usual_specialty(
    const Xapian::Database& db, const std::string& term,
    const std::vector<std::string>& lexicon_specialties);

/// The entry's symptom and condition topics held by at least one other entry, most entries
/// first, at most limit.
[[nodiscard]] std::vector<RelatedFaq> related_topics(const Xapian::Database& db,
                                                     const schema::StoredEntry& entry,
                                                     const Lexicon& lexicon, std::size_t limit);

}  // namespace qaindex::detail
