// SPDX-License-Identifier: Apache-2.0
// ShardSet: the shards of a shard list, local and remote, opened as one Xapian database.
#pragma once

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "index/shard_list.hpp"

namespace qaindex::detail {

/// The shards a shard list names, opened as one Xapian::Database: Xapian joins local folders
/// and remote ones (xapian-tcpsrv) alike and shares their term statistics in every match, so
/// weights are those of one index of the same entries. Document ids of the joined database
/// interleave the shards' (Xapian's rule), so they are not one index's ids.
///
/// A shard that cannot be reached is an IndexError naming it (its line in the list), unless
/// the set allows partial answers: then it is left out and listed by unavailable(), and tried
/// again at most every kRetrySeconds. Not thread-safe, like the Searcher that owns it.
class ShardSet {
  public:
    /// A shard left out is tried again after this long (retry_unavailable()).
    static constexpr std::chrono::seconds kRetrySeconds{10};

    /// Opens every shard of list. Throws IndexError naming the shard that cannot be opened
    /// (or, with allow_partial, when none can), that is not a qaindex index of this schema,
    /// or when the shards' own records disagree (another lexicon; two holding the same shard
    /// of a build; some of a build's shards missing, unless allow_partial).
    ShardSet(ShardList list, bool allow_partial);

    /// The joined database of the shards open now.
    [[nodiscard]] const Xapian::Database& database() const { return joined_; }
    /// The list file, for messages.
    [[nodiscard]] std::string name() const { return list_.file.string(); }
    /// Shards the list names.
    [[nodiscard]] std::size_t listed() const { return list_.shards.size(); }
    /// Of them, those served over TCP.
    [[nodiscard]] std::size_t remote() const;
    /// The shards left out now, each described with the error that left it out.
    [[nodiscard]] std::vector<std::string> unavailable() const;

    /// Reads the list file again and opens every shard it names (a full build published a new
    /// generation, a server came back, the list names other shards now). Throws as the
    /// constructor does, or IndexError / UsageError as ShardList::read().
    void reopen();

    /// Called after error (a Xapian::NetworkError) broke a match: asks every remote shard
    /// whether it still answers, and connects again to those that do not (xapian-tcpsrv
    /// closes idle connections; a server may have restarted). Returns when every shard answers
    /// again over a new connection (the caller tries again). Shards that cannot be reached are
    /// left out when partial answers are allowed and another shard answers; otherwise throws
    /// IndexError naming them and what was being done (what). Throws IndexError naming the
    /// list if every shard answered the first time.
    void handle_failure(const Xapian::Error& error, const std::string& what);

    /// With shards left out and kRetrySeconds since the last try: tries to open them again.
    /// Returns whether any came back (database() then holds it).
    bool retry_unavailable();

  private:
    struct Shard {
        ShardSpec spec;
        std::optional<Xapian::Database> db;  // none while unavailable
        std::string error;                   // why it is unavailable
    };

    [[nodiscard]] Xapian::Database open_shard(const ShardSpec& spec) const;
    // Opens the shard at index, or records why not; throws unless allowed to leave it out.
    void open(std::size_t index);
    // Opens every shard of list_ anew, checks their records and joins them.
    void open_all();
    void check_records() const;
    void join();
    [[nodiscard]] std::string describe(std::size_t index) const;

    ShardList list_;
    bool allow_partial_;
    std::vector<Shard> shards_;
    Xapian::Database joined_;
    std::chrono::steady_clock::time_point last_try_;
};

}  // namespace qaindex::detail
