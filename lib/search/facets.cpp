// SPDX-License-Identifier: Apache-2.0
// FacetSpy and the conversion of its raw slot counts to named, sorted facet counts.
#include "search/facets.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace qaindex::detail {

void FacetSpy::operator()(const Xapian::Document& document, double /*weight*/) {
    const std::string value = document.get_value(slot_);
    if (value.empty()) {
        return;
    }
    if (!multiple_) {
        ++counts_[value];
        return;
    }
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string::npos) {
            end = value.size();
        }
        if (end > start) {
            ++counts_[value.substr(start, end - start)];
        }
        start = end + 1;
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
