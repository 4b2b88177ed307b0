// SPDX-License-Identifier: Apache-2.0
// ShardList: the small text file naming the shards of one index, by folder or `tcp HOST PORT`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex::detail {

/// One shard named by a shard list.
struct ShardSpec {
    enum class Kind { Folder, Tcp };
    Kind kind = Kind::Folder;
    std::filesystem::path folder;  ///< Folder: made absolute against the list's folder
    std::string host;              ///< Tcp
    unsigned port = 0;             ///< Tcp
    /// Tcp: how long to wait for the server's answer (0: the default, kDefaultTimeoutSeconds).
    unsigned timeout_seconds = 0;
    std::string where;  ///< "shards.txt:3", for messages

    /// "tcp 127.0.0.1 33301" or the folder, then where it was named: for messages.
    [[nodiscard]] std::string describe() const;

    bool operator==(const ShardSpec&) const = default;
};

/// Waiting for a remote shard: its answers (overridable per line) and connecting to it.
inline constexpr unsigned kDefaultTimeoutSeconds = 10;
inline constexpr unsigned kConnectTimeoutSeconds = 5;

/// A shard list. Its text has one shard per line:
///
///     # comments start with '#', at the start of a line or after a shard
///     shard-1-of-2                 a folder, relative to the list's own folder
///     /srv/qaindex/shard-2-of-2    or absolute
///     tcp 10.0.0.7 33333           an index served by xapian-tcpsrv
///     tcp 10.0.0.8 33333 30        ... waiting up to 30 s for its answers (default 10)
///
/// Blank lines are ignored. The order of the lines is the shards' order (it decides the
/// document ids of the joined index, never which entries are found).
struct ShardList {
    std::filesystem::path file;
    std::vector<ShardSpec> shards;

    /// Parses text read from file. Throws UsageError "file:line: what is wrong" for a bad line
    /// (a `tcp` line without host and port, a port that is not 1-65535, a shard named twice)
    /// and for a list with no shard.
    [[nodiscard]] static ShardList parse(std::string_view text, const std::filesystem::path& file);
    /// Reads and parses file. Throws IndexError if it cannot be read, else as parse().
    [[nodiscard]] static ShardList read(const std::filesystem::path& file);

    /// Whether any shard is served over TCP.
    [[nodiscard]] bool any_remote() const;
};

/// The shard list file database names (the file itself, or a shard folder's kShardListName);
/// nullopt if it names none.
[[nodiscard]] std::optional<std::filesystem::path> shard_list_file(
    const std::filesystem::path& database);

}  // namespace qaindex::detail
