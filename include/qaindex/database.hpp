// SPDX-License-Identifier: Apache-2.0
// Where the index lives, and what `qaindex stats` and `qaindex check` report about it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "qaindex/consultation.hpp"

namespace qaindex {

/// The index folder to use: given if set, else $QAINDEX_DB if set and not empty, else
/// ./qaindex.db. Throws UsageError if given is set to an empty path.
[[nodiscard]] std::filesystem::path database_path(
    const std::optional<std::filesystem::path>& given = std::nullopt);

/// A name with a count: a specialty or symptom and how many entries carry it.
struct NamedCount {
    std::string name{};     ///< canonical name: "Neurology", "facial twitching"
    std::size_t count = 0;  ///< entries carrying it

    bool operator==(const NamedCount&) const = default;
};

/// What `qaindex stats` prints.
struct IndexStats {
    std::filesystem::path path{};             ///< the index folder, as given
    std::size_t entries = 0;                  ///< entries in the live generation
    std::vector<NamedCount> specialties{};    ///< every specialty, most entries first
    std::vector<NamedCount> top_symptoms{};   ///< the most frequent symptoms, most first
    std::size_t entries_with_symptoms = 0;    ///< entries tagged with at least one symptom
    std::uintmax_t bytes = 0;                 ///< size on disk
    std::optional<std::string> last_build{};  ///< ISO 8601 UTC time of the last build
    std::optional<std::string> corpus{};      ///< corpus path of the last build
    std::string lexicon_fingerprint{};        ///< lexicon the index was built with

    bool operator==(const IndexStats&) const = default;
};

/// Reads the statistics of the index at database. Throws IndexError if it cannot be opened.
/// Of a shard list (shards.hpp), the statistics of its shards together, remote ones included
/// (bytes counts the local shards only); IndexError names a shard that cannot be read.
[[nodiscard]] IndexStats index_stats(const std::filesystem::path& database,
                                     std::size_t top_symptoms = 20);

/// Calls emit with every entry of the index at database, whole (as Searcher::entry() returns
/// it: its source as read at indexing), one at a time, in a fixed order: that of their id
/// terms, which is the ids' byte order for ids starting with a letter or a digit.
/// format_json_line() of each gives a JSON Lines file that build_index() reads back to the
/// same entries. Throws IndexError if the index cannot be opened or read; what emit
/// throws propagates.
void for_each_entry(const std::filesystem::path& database,
                    const std::function<void(Consultation&&)>& emit);

/// What `qaindex check` found.
struct CheckReport {
    std::size_t entries_checked = 0;      ///< documents looked at
    std::vector<std::string> problems{};  ///< empty when the index is sound
    /// What is worth knowing but not wrong: entries IndexWriter::remove() deleted that the
    /// corpus still holds in a file the build has not read since (builds keep them out only
    /// while that file is unchanged).
    std::vector<std::string> notes{};

    /// Whether the index is sound: no problems (notes do not count).
    [[nodiscard]] bool ok() const { return problems.empty(); }
};

/// Checks the Xapian database's structure (Xapian::Database::check) and qaindex's own
/// invariants: every document has exactly one id term and readable stored data, filter
/// terms agree with values, the file manifest lists only entries that exist. Notes deleted
/// entries whose corpus file still holds them (it looks at the corpus for that).
/// Throws IndexError if the index cannot be opened at all.
[[nodiscard]] CheckReport check_index(const std::filesystem::path& database);

}  // namespace qaindex
