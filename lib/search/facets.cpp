// SPDX-License-Identifier: Apache-2.0
// FacetSpy and the conversion of its raw slot counts to named, sorted facet counts.
#include "search/facets.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace qaindex::detail {

void FacetSpy::add(std::string_view value) {
    const auto it = counts_.find(value);
    if (it != counts_.end()) {
        ++it->second;
    } else {
        counts_.emplace(std::string(value), 1);
    }
}

void FacetSpy::operator()(const Xapian::Document& document, double /*weight*/) {
    const std::string value = document.get_value(slot_);
    if (!multiple_) {
        if (!value.empty()) {
            add(value);
        }
        return;
    }
    std::string_view rest(value);
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        if (end != 0) {
            add(rest.substr(0, end));
        }
        if (end == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(end + 1);
    }
}

Xapian::MatchSpy* FacetSpy::clone() const {
    return new FacetSpy(slot_, multiple_);
}

Xapian::valueno facet_slot(Facet facet) {
    return facet == Facet::Specialty ? schema::kSpecialtySlot : schema::kSymptomsSlot;
}

FacetCounts facet_counts(Facet facet, const std::map<std::string, std::size_t>& raw,
                         const Lexicon& lexicon) {
    std::map<std::string, std::size_t> named;
    for (const auto& [value, count] : raw) {
        if (facet == Facet::Symptom) {
            const Symptom* symptom = lexicon.find_symptom(value);
            named[symptom != nullptr ? symptom->name : value] += count;
        } else {
            named[value] += count;
        }
    }
    FacetCounts out{.facet = facet};
    for (const auto& [value, count] : named) {
        out.counts.push_back({value, count});
    }
    std::stable_sort(out.counts.begin(), out.counts.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace qaindex::detail
