// SPDX-License-Identifier: Apache-2.0
// FacetSpy: counts the values of one value slot (one value or '\n'-separated values) over a match.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qaindex/lexicon.hpp"
#include "qaindex/search.hpp"

namespace qaindex::detail {

/// The values of one facet slot for every document of a database at one revision, as small
/// codes, read once from the slot's value stream. Counting a facet through it reads no
/// values: at 100,000 entries, reading the symptom slot's values cost more than the match.
class FacetTable {
  public:
    /// Reads slot of every document of db (one value, or several separated by '\n').
    [[nodiscard]] static FacetTable read(const Xapian::Database& db, Xapian::valueno slot,
                                         bool multiple);

    /// The codes of docid's values (indexes into values()); none beyond the table.
    [[nodiscard]] std::span<const std::uint32_t> codes(Xapian::docid docid) const {
        if (docid + 1 >= begin_.size()) {
            return {};
        }
        return {codes_.data() + begin_[docid], codes_.data() + begin_[docid + 1]};
    }
    [[nodiscard]] const std::vector<std::string>& values() const { return values_; }

  private:
    std::vector<std::uint32_t> begin_;  ///< docid -> its first code; begin_[docid + 1] ends it
    std::vector<std::uint32_t> codes_;
    std::vector<std::string> values_;
};

/// Counts, for every document the matcher considers, each value of one slot. The specialty
/// slot holds one value; the symptom slot several, separated by '\n'. Run with
/// check_at_least >= the database size so that it sees every match. Given a FacetTable of
/// the slot (same database and revision), it counts codes by document id instead.
class FacetSpy : public Xapian::MatchSpy {
  public:
    FacetSpy(Xapian::valueno slot, bool multiple, const FacetTable* table = nullptr)
        : slot_(slot), multiple_(multiple), table_(table) {
        if (table_ != nullptr) {
            by_code_.assign(table_->values().size(), 0);
        }
    }

    void operator()(const Xapian::Document& document, double weight) override;
    [[nodiscard]] Xapian::MatchSpy* clone() const override;
    [[nodiscard]] std::string name() const override { return "qaindex::FacetSpy"; }

    /// value -> documents
    [[nodiscard]] std::map<std::string, std::size_t> counts() const;

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
    const FacetTable* table_;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> counts_;
    std::vector<std::size_t> by_code_;  // with a table: documents per code
};

/// The value slot a facet counts.
[[nodiscard]] Xapian::valueno facet_slot(Facet facet);

/// Facet counts from raw slot values: symptom ids become lexicon names (ids the lexicon does
/// not know stay as they are), most entries first, then by name.
[[nodiscard]] FacetCounts facet_counts(Facet facet, const std::map<std::string, std::size_t>& raw,
                                       const Lexicon& lexicon);

}  // namespace qaindex::detail
