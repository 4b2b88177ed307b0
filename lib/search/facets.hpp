// SPDX-License-Identifier: Apache-2.0
// FacetSpy: counts the values of one value slot (one value or '\n'-separated values) over a match.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qaindex/lexicon.hpp"
#include "qaindex/search.hpp"

namespace qaindex::detail {

/// Counts, for every document the matcher considers, each value of one slot. The specialty
/// slot holds one value; the symptom slot several, separated by '\n'. Run with
/// check_at_least >= the database size so that it sees every match.
class FacetSpy : public Xapian::MatchSpy {
  public:
    FacetSpy(Xapian::valueno slot, bool multiple) : slot_(slot), multiple_(multiple) {}

    void operator()(const Xapian::Document& document, double weight) override;
    [[nodiscard]] Xapian::MatchSpy* clone() const override;
    [[nodiscard]] std::string name() const override { return "qaindex::FacetSpy"; }

    /// value -> documents
    [[nodiscard]] std::map<std::string, std::size_t> counts() const {
        return {counts_.begin(), counts_.end()};
    }

  private:
    // Looked up by string_view, so that counting a value copies nothing (a facet count
    // visits every match: this is its inner loop).
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    void add(std::string_view value);

    Xapian::valueno slot_;
    bool multiple_;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> counts_;
};

/// The value slot a facet counts.
[[nodiscard]] Xapian::valueno facet_slot(Facet facet);

/// Facet counts from raw slot values: symptom ids become lexicon names (ids the lexicon does
/// not know stay as they are), most entries first, then by name.
[[nodiscard]] FacetCounts facet_counts(Facet facet, const std::map<std::string, std::size_t>& raw,
                                       const Lexicon& lexicon);

}  // namespace qaindex::detail
