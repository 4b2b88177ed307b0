// SPDX-License-Identifier: Apache-2.0
// Sharded indexes: which shard holds an entry, building every shard, and the shard list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/index_writer.hpp"

namespace qaindex {

/// The 64-bit FNV-1a hash of an entry id's bytes. Fixed for good: shard_of() depends on it,
/// and changing it would move entries between the shards of every sharded index.
[[nodiscard]] std::uint64_t stable_id_hash(std::string_view id);

/// The shard (0-based, below shards) that holds the entry with this id: stable_id_hash() of the
/// id modulo shards. Of an id so long that the index keeps only its first 240 bytes or so (ids
/// alike that far are one id), the hash of those bytes. The same on every machine, compiler
/// and run. Throws UsageError if shards is 0.
[[nodiscard]] std::size_t shard_of(const EntryId& id, std::size_t shards);

/// "2/4" for the second of four shards (1-based, as `qaindex build --shard` takes it).
[[nodiscard]] std::string to_string(const ShardSelection& shard);

/// Parses "I/N" (1 <= I <= N), as `qaindex build --shard` takes it. Throws UsageError naming
/// text otherwise.
[[nodiscard]] ShardSelection parse_shard_selection(std::string_view text);

/// The name of the shard list file inside a folder of shards built by build_shards().
inline constexpr std::string_view kShardListName = "SHARDS";

/// What build_shards() did.
struct ShardedBuildReport {
    /// Summed over the shards. Files, entries read, bytes read are those of one pass (every
    /// shard reads the whole corpus); skipped counts each problem once.
    BuildReport total{};
    std::vector<BuildReport> shards{};  ///< each shard's own report, in shard order
    std::filesystem::path list{};       ///< the shard list written (folder / kShardListName)
};

/// Builds or updates count shards of options.corpus under the folder options.database: each
/// shard an ordinary index in options.database / "shard-I-of-N" holding the entries
/// shard_of() puts there, built one after the other by build_index() (each incremental, each
/// atomic, each reading the whole corpus). Then writes the shard list (kShardListName) naming
/// them, which Searcher::open() and the tools' --db accept, and removes the shards of another
/// count. Each input problem reaches options.on_diagnostic once. options.shard is ignored.
///
/// Throws UsageError if count is 0, or if the folder holds shards of another count and
/// options.rebuild is false (re-sharding moves entries: say --rebuild); IndexError if the
/// folder holds an unsharded index or something else, or as build_index() does.
ShardedBuildReport build_shards(const BuildOptions& options, std::size_t count);

/// Whether database names a shard list: a regular file, or a folder holding kShardListName and
/// no index of its own.
[[nodiscard]] bool is_shard_list(const std::filesystem::path& database);

}  // namespace qaindex
