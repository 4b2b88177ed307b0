// SPDX-License-Identifier: Apache-2.0
// ShardSet: opening a shard list's shards, joining them, and naming the one that fails.
#include "search/shard_set.hpp"

#include <algorithm>
#include <map>

#include "index/index_reader.hpp"
#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/shards.hpp"

namespace qaindex::detail {
namespace {

namespace fs = std::filesystem;

void check_schema(const Xapian::Database& db, const std::string& name) {
    if (db.get_metadata(std::string(schema::kMetaSchema)) != schema::kVersion) {
        throw IndexError(name + ": not a qaindex index of schema version " +
                         std::string(schema::kVersion) +
                         "; rebuild it with `qaindex build CORPUS --rebuild`");
    }
}

constexpr const char* kPartialHint =
    " (to search the other shards without it: qaquery --allow-partial, "
    "SearcherOptions::allow_partial)";

}  // namespace

ShardSet::ShardSet(ShardList list, bool allow_partial)
    : list_(std::move(list)), allow_partial_(allow_partial) {
    open_all();
}

std::size_t ShardSet::remote() const {
    return static_cast<std::size_t>(
        std::count_if(shards_.begin(), shards_.end(),
                      [](const Shard& s) { return s.spec.kind == ShardSpec::Kind::Tcp; }));
}

std::vector<std::string> ShardSet::unavailable() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        if (!shards_[i].db) {
            out.push_back(describe(i) + ": " + shards_[i].error);
        }
    }
    return out;
}

std::string ShardSet::describe(std::size_t index) const {
    return "shard " + std::to_string(index + 1) + " of " + std::to_string(shards_.size()) + ", " +
           shards_[index].spec.describe();
}

Xapian::Database ShardSet::open_shard(const ShardSpec& spec) const {
    if (spec.kind == ShardSpec::Kind::Folder) {
        return open_index_folder(spec.folder);
    }
    const unsigned timeout =
        spec.timeout_seconds != 0 ? spec.timeout_seconds : kDefaultTimeoutSeconds;
    Xapian::Database db =
        Xapian::Remote::open(spec.host, spec.port, timeout * 1000, kConnectTimeoutSeconds * 1000);
    check_schema(db, spec.describe());
    return db;
}

void ShardSet::open(std::size_t index) {
    Shard& shard = shards_[index];
    shard.db.reset();
    try {
        shard.db = open_shard(shard.spec);
        shard.error.clear();
        return;
    } catch (const Xapian::Error& error) {
        shard.error = error.get_description();
    } catch (const IndexError& error) {
        shard.error = error.what();
    }
    if (!allow_partial_) {
        throw IndexError(name() + ": " + describe(index) + " cannot be opened: " + shard.error +
                         kPartialHint);
    }
}

void ShardSet::reopen() {
    // The list may name other shards now: a new generation served elsewhere (docs/scale.md).
    list_ = ShardList::read(list_.file);
    open_all();
}

void ShardSet::open_all() {
    shards_.clear();
    for (const ShardSpec& spec : list_.shards) {
        shards_.push_back({.spec = spec, .db = std::nullopt, .error = {}});
    }
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        open(i);
    }
    last_try_ = std::chrono::steady_clock::now();
    check_records();
    join();
}

void ShardSet::check_records() const {
    // Each shard records the lexicon it was built with and which shard of a build it holds.
    std::optional<std::pair<std::string, std::size_t>> lexicon;  // fingerprint, first shard
    std::map<std::size_t, std::size_t> held;                     // index -> shard
    std::optional<std::pair<std::size_t, std::size_t>> count;    // shards of the build, shard
    try {
        for (std::size_t i = 0; i < shards_.size(); ++i) {
            if (!shards_[i].db) {
                continue;
            }
            const Xapian::Database& db = *shards_[i].db;
            const std::string fingerprint = db.get_metadata(std::string(schema::kMetaLexicon));
            if (!lexicon) {
                lexicon.emplace(fingerprint, i);
            } else if (lexicon->first != fingerprint) {
                throw IndexError(name() + ": " + describe(i) +
                                 " was built with another lexicon than " +
                                 describe(lexicon->second) + "; rebuild them alike");
            }
            const std::string shard = db.get_metadata(std::string(schema::kMetaShard));
            if (shard.empty()) {
                continue;  // a whole corpus of its own: joined as it is
            }
            const ShardSelection selection = parse_shard_selection(shard);
            if (!count) {
                count.emplace(selection.count, i);
            } else if (count->first != selection.count) {
                throw IndexError(name() + ": " + describe(i) + " holds shard " + shard + " but " +
                                 describe(count->second) + " one of " +
                                 std::to_string(count->first) + " shards");
            }
            if (const auto [it, added] = held.emplace(selection.index, i); !added) {
                throw IndexError(name() + ": " + describe(i) + " and " + describe(it->second) +
                                 " both hold shard " + shard);
            }
        }
    } catch (const Xapian::Error& error) {
        throw IndexError(name() + ": cannot read the shards' records: " + error.get_description());
    }
    if (count && held.size() < count->first && !allow_partial_) {
        throw IndexError(name() + ": names " + std::to_string(held.size()) + " of the " +
                         std::to_string(count->first) + " shards its indexes were built as" +
                         kPartialHint);
    }
}

void ShardSet::join() {
    Xapian::Database joined;
    for (const Shard& shard : shards_) {
        if (shard.db) {
            joined.add_database(*shard.db);
        }
    }
    if (joined.size() == 0) {
        throw IndexError(name() + ": no shard can be opened: " + unavailable().front());
    }
    joined_ = joined;
}

void ShardSet::handle_failure(const Xapian::Error& error, const std::string& what) {
    std::vector<std::size_t> down;
    bool reconnected = false;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        if (!shards_[i].db || shards_[i].spec.kind != ShardSpec::Kind::Tcp) {
            continue;
        }
        try {
            shards_[i].db->keep_alive();
            continue;
        } catch (const Xapian::Error& probe) {
            shards_[i].error = probe.get_description();
        }
        // xapian-tcpsrv closes a connection idle for a minute (--idle-timeout), and a server
        // may have been restarted: a shard that accepts a new connection is not down.
        try {
            shards_[i].db = open_shard(shards_[i].spec);
            shards_[i].error.clear();
            reconnected = true;
        } catch (const Xapian::Error& again) {
            shards_[i].error += "; connecting again: " + again.get_description();
            down.push_back(i);
        } catch (const IndexError& again) {
            shards_[i].error += std::string("; connecting again: ") + again.what();
            down.push_back(i);
        }
    }
    if (down.empty()) {
        if (reconnected) {
            join();
            return;  // the caller tries again over the new connections
        }
        throw IndexError(name() + ": " + what + ": " + error.get_description());
    }
    const std::size_t open = static_cast<std::size_t>(
        std::count_if(shards_.begin(), shards_.end(), [](const Shard& s) { return s.db; }));
    if (!allow_partial_ || down.size() == open) {
        std::string message = name() + ": " + what + ": ";
        for (std::size_t i = 0; i < down.size(); ++i) {
            message += (i == 0 ? "" : "; ") + describe(down[i]) +
                       " does not answer: " + shards_[down[i]].error;
        }
        throw IndexError(message + (allow_partial_ ? "" : kPartialHint));
    }
    for (const std::size_t i : down) {
        shards_[i].db.reset();
    }
    last_try_ = std::chrono::steady_clock::now();
    join();
}

bool ShardSet::retry_unavailable() {
    const bool any_out =
        std::any_of(shards_.begin(), shards_.end(), [](const Shard& s) { return !s.db; });
    const auto now = std::chrono::steady_clock::now();
    if (!any_out || now - last_try_ < kRetrySeconds) {
        return false;
    }
    last_try_ = now;
    bool back = false;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        if (!shards_[i].db) {
            open(i);
            back = back || shards_[i].db.has_value();
        }
    }
    if (back) {
        check_records();
        join();
    }
    return back;
}

}  // namespace qaindex::detail
