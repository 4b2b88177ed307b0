// SPDX-License-Identifier: Apache-2.0
// match_portably(): a match made only of parts a stock xapian-tcpsrv can run, for joined shards.
#pragma once

#include <xapian.h>

#include "search/match.hpp"

namespace qaindex::detail {

/// Runs request on db with Xapian's own Enquire and nothing else: the same BM25 parameters as
/// the Matcher (ranking::kBm25*), request.newest_first, and facets counted by Xapian's
/// ValueCountMatchSpy (a '\n'-separated slot's counts split into its values afterwards, which
/// counts what FacetSpy does). Everything in it travels over Xapian's remote protocol, and
/// on joined shards Xapian shares the term statistics, so the weights are those one index of
/// the same entries gives the Matcher's one-pass match. What it does not do: split the match
/// over two threads, rank a costly match in two passes (request.candidate_query and
/// candidate_terms are ignored), or read facet tables. request.query must itself travel
/// (no TermBoostSource: see PortableBoosts).
[[nodiscard]] MatchResult match_portably(const Xapian::Database& db, const MatchRequest& request);

}  // namespace qaindex::detail
