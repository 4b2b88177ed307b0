// SPDX-License-Identifier: Apache-2.0
// match_portably(): one Enquire with Xapian's own weights and match spies.
#include "search/portable_match.hpp"

#include <memory>
#include <string_view>

#include "search/ranking.hpp"

namespace qaindex::detail {

MatchResult match_portably(const Xapian::Database& db, const MatchRequest& request) {
    Xapian::Enquire enquire(db);
    enquire.set_query(request.query);
    if (request.weighted) {
        namespace r = ranking;
        enquire.set_weighting_scheme(
            Xapian::BM25Weight(r::kBm25K1, r::kBm25K2, r::kBm25K3, r::kBm25B, r::kBm25MinNormLen));
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    if (request.newest_first) {
        enquire.set_sort_by_value_then_relevance(*request.newest_first, true);
    }
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (const FacetSlot& facet : request.facets) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet.slot));
        enquire.add_matchspy(spies.back().get());
    }
    const Xapian::MSet mset =
        enquire.get_mset(request.first, request.count, request.check_at_least);
    MatchResult out;
    out.estimated = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.matches.push_back({*it, it.get_weight()});
    }
    for (std::size_t f = 0; f < spies.size(); ++f) {
        std::map<std::string, std::size_t>& counts = out.facet_counts.emplace_back();
        for (auto it = spies[f]->values_begin(); it != spies[f]->values_end(); ++it) {
            const std::string content = *it;
            const auto documents = static_cast<std::size_t>(it.get_termfreq());
            if (!request.facets[f].multiple) {
                counts[content] += documents;
                continue;
            }
            // A document holding "a\nb" counts once for a and once for b, as FacetSpy counts.
            std::string_view rest = content;
            while (!rest.empty()) {
                const std::size_t end = rest.find('\n');
                if (end != 0) {
                    counts[std::string(rest.substr(0, end))] += documents;
                }
                if (end == std::string_view::npos) {
                    break;
                }
                rest.remove_prefix(end + 1);
            }
        }
    }
    return out;
}

}  // namespace qaindex::detail
