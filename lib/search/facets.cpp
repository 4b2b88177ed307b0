// SPDX-License-Identifier: Apache-2.0
// FacetSpy and the conversion of its raw slot counts to named, sorted facet counts.
#include "search/facets.hpp"

#include <algorithm>
#include <unordered_map>

#include "index/schema.hpp"

namespace qaindex::detail {
namespace {

// Calls f for each value a slot's content holds: all of it (if not empty), or with multiple
// each non-empty piece between '\n's.
template <typename F>
void for_each_value(std::string_view content, bool multiple, F&& f) {
    while (!content.empty()) {
        const std::size_t end = multiple ? content.find('\n') : std::string_view::npos;
        if (end != 0) {
            f(content.substr(0, end));
        }
        if (end == std::string_view::npos) {
            break;
        }
        content.remove_prefix(end + 1);
    }
}

}  // namespace

void FacetSpy::add(std::string_view value) {
    const auto it = counts_.find(value);
    if (it != counts_.end()) {
        ++it->second;
    } else {
        counts_.emplace(std::string(value), 1);
    }
}

FacetTable FacetTable::read(const Xapian::Database& db, Xapian::valueno slot, bool multiple) {
    FacetTable table;
    const Xapian::docid last = db.get_lastdocid();
    table.begin_.assign(static_cast<std::size_t>(last) + 2, 0);
    std::unordered_map<std::string, std::uint32_t> code_of;
    const auto add = [&](std::string_view value) {
        auto [it, added] =
            code_of.try_emplace(std::string(value), static_cast<std::uint32_t>(code_of.size()));
        if (added) {
            table.values_.push_back(it->first);
        }
        table.codes_.push_back(it->second);
    };
    const auto size = [&] { return static_cast<std::uint32_t>(table.codes_.size()); };
    Xapian::docid next = 1;  // the first document whose begin_ is not set yet
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const Xapian::docid docid = it.get_docid();
        for (; next <= docid; ++next) {  // documents without a value have no codes
            table.begin_[next] = size();
        }
        for_each_value(*it, multiple, add);
        table.begin_[docid + 1] = size();
        next = docid + 2;
    }
    for (; next <= last + 1; ++next) {
        table.begin_[next] = size();
    }
    return table;
}

std::map<std::string, std::size_t> FacetSpy::counts() const {
    std::map<std::string, std::size_t> out(counts_.begin(), counts_.end());
    for (std::size_t code = 0; code < by_code_.size(); ++code) {
        if (by_code_[code] > 0) {
            out[table_->values()[code]] += by_code_[code];
        }
    }
    return out;
}

void FacetSpy::operator()(const Xapian::Document& document, double /*weight*/) {
    if (table_ != nullptr) {
        for (const std::uint32_t code : table_->codes(document.get_docid())) {
            ++by_code_[code];
        }
        return;
    }
    for_each_value(document.get_value(slot_), multiple_,
                   [this](std::string_view value) { add(value); });
}

Xapian::MatchSpy* FacetSpy::clone() const {
    return new FacetSpy(slot_, multiple_, table_);
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
