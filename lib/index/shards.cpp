// SPDX-License-Identifier: Apache-2.0
// Sharded indexes: the stable id hash, and building every shard of a corpus with its shard list.
#include "qaindex/shards.hpp"

#include <charconv>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "index/index_folder.hpp"
#include "index/schema.hpp"
#include "index/shard_list.hpp"
#include "qaindex/errors.hpp"

namespace qaindex {
namespace {

namespace fs = std::filesystem;

std::optional<std::size_t> whole_number(std::string_view text) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::string shard_folder_name(std::size_t index, std::size_t count) {
    return "shard-" + std::to_string(index + 1) + "-of-" + std::to_string(count);
}

// Whether name is a shard folder build_shards() writes ("shard-2-of-4").
bool is_shard_folder_name(const std::string& name) {
    const std::size_t of = name.find("-of-");
    return name.starts_with("shard-") && of != std::string::npos &&
           whole_number(std::string_view(name).substr(6, of - 6)) &&
           whole_number(std::string_view(name).substr(of + 4));
}

// The shard count of the shard folders present under root (0 if none).
std::size_t present_count(const fs::path& root) {
    std::error_code ec;
    for (const auto& child : fs::directory_iterator(root, ec)) {
        const std::string name = child.path().filename().string();
        if (child.is_directory() && is_shard_folder_name(name)) {
            return *whole_number(name.substr(name.find("-of-") + 4));
        }
    }
    return 0;
}

// Writes the list naming count shards, atomically (a new file renamed over the old one).
fs::path write_list(const fs::path& root, std::size_t count) {
    const fs::path list = root / std::string(kShardListName);
    const fs::path scratch = root / (std::string(kShardListName) + ".new");
    {
        std::ofstream out(scratch, std::ios::binary | std::ios::trunc);
        out << "# Shards of this index, written by `qaindex build --shards " << count
            << "`. One per line: a folder (relative to this file) or `tcp HOST PORT`.\n";
        for (std::size_t i = 0; i < count; ++i) {
            out << shard_folder_name(i, count) << '\n';
        }
        out.flush();
        if (!out) {
            throw IndexError(scratch.string() + ": cannot write the shard list");
        }
    }
    std::error_code ec;
    fs::rename(scratch, list, ec);
    if (ec) {
        throw IndexError(list.string() + ": cannot write the shard list: " + ec.message());
    }
    return list;
}

// The folder must be new, empty, or hold shards (no index of its own, nothing else).
void check_shard_folder(const fs::path& root) {
    std::error_code ec;
    if (!fs::exists(root, ec)) {
        return;
    }
    if (!fs::is_directory(root, ec)) {
        throw IndexError(root.string() + ": exists and is not a folder of shards");
    }
    if (detail::IndexFolder(root).has_index()) {
        throw IndexError(root.string() +
                         ": holds an unsharded index; build the shards in another folder");
    }
    for (const auto& child : fs::directory_iterator(root, ec)) {
        const std::string name = child.path().filename().string();
        if (name != kShardListName && name != std::string(kShardListName) + ".new" &&
            name != "build.lock" && !is_shard_folder_name(name)) {
            throw IndexError(root.string() +
                             ": folder is not empty and holds no qaindex shards; refusing to "
                             "write into it (choose another --db)");
        }
    }
}

void add_counts(BuildReport& total, const BuildReport& shard) {
    total.added += shard.added;
    total.updated += shard.updated;
    total.unchanged += shard.unchanged;
    total.deleted += shard.deleted;
    total.index_bytes += shard.index_bytes;
    total.entries += shard.entries;
    if (shard.full && !total.full) {
        total.full = true;
        total.full_reason = shard.full_reason;
    }
}

}  // namespace

std::uint64_t stable_id_hash(std::string_view id) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
    for (const char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;  // FNV prime
    }
    return hash;
}

std::size_t shard_of(const EntryId& id, std::size_t shards) {
    if (shards == 0) {
        throw UsageError("shard_of: the number of shards must be at least 1");
    }
    // The id as the index keeps it unique: its id term holds the id's first 240 bytes or so,
    // and ids alike that far are one id (the whole index keeps one of them), so they must
    // fall in one shard.
    const std::string term = schema::term(schema::kId, id.value);
    std::size_t kept = id.value.size();
    if (!term.ends_with(id.value)) {
        const bool colon = term.size() > schema::kId.size() && term[schema::kId.size()] == ':' &&
                           !id.value.starts_with(':');
        kept = term.size() - schema::kId.size() - (colon ? 1 : 0);
    }
    return static_cast<std::size_t>(stable_id_hash(std::string_view(id.value).substr(0, kept)) %
                                    shards);
}

std::string to_string(const ShardSelection& shard) {
    return std::to_string(shard.index + 1) + "/" + std::to_string(shard.count);
}

ShardSelection parse_shard_selection(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto index = whole_number(text.substr(0, slash));
    const auto count =
        slash == std::string_view::npos ? std::nullopt : whole_number(text.substr(slash + 1));
    if (!index || !count || *index < 1 || *index > *count) {
        throw UsageError("shard \"" + std::string(text) +
                         "\": write I/N, the I-th of N shards (1 <= I <= N), such as 2/4");
    }
    return {.index = *index - 1, .count = *count};
}

bool is_shard_list(const fs::path& database) {
    return detail::shard_list_file(database).has_value();
}

ShardedBuildReport build_shards(const BuildOptions& options, std::size_t count) {
    if (count == 0) {
        throw UsageError("--shards must be at least 1");
    }
    const auto start = std::chrono::steady_clock::now();
    const fs::path& root = options.database;
    check_shard_folder(root);
    const std::size_t present = present_count(root);
    if (present != 0 && present != count && !options.rebuild) {
        throw UsageError(root.string() + " holds " + std::to_string(present) +
                         " shards; --shards " + std::to_string(count) +
                         " moves entries between shards: add --rebuild");
    }
    const detail::IndexFolder folder(root);
    auto lock = folder.lock();  // one sharded build of this folder at a time

    // Every shard reads the whole corpus: each input problem is reported once.
    std::mutex mutex;
    std::set<std::string> reported;
    std::map<std::string, std::size_t> by_reason;
    const DiagnosticSink once = [&](const Diagnostic& diagnostic) {
        {
            std::lock_guard guard(mutex);
            if (!reported.insert(diagnostic.to_string()).second) {
                return;
            }
            ++by_reason[std::string(to_string(diagnostic.problem))];
        }
        if (options.on_diagnostic) {
            options.on_diagnostic(diagnostic);
        }
    };

    ShardedBuildReport out;
    for (std::size_t i = 0; i < count; ++i) {
        BuildOptions one = options;
        one.database = root / shard_folder_name(i, count);
        one.shard = ShardSelection{.index = i, .count = count};
        one.on_diagnostic = once;
        if (options.on_progress) {
            // One bar over every pass: pass i has done i passes' files before it.
            one.on_progress = [&, i](const BuildProgress& progress) {
                BuildProgress all = progress;
                all.files_done += i * progress.files_total;
                all.files_total *= count;
                all.bytes_done += i * progress.bytes_total;
                all.bytes_total *= count;
                all.seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                options.on_progress(all);
            };
        }
        out.shards.push_back(build_index(one));
        add_counts(out.total, out.shards.back());
    }
    out.list = write_list(root, count);

    // Shards of another count are no longer listed: searchers that opened them keep reading
    // their open files until they reopen.
    std::error_code ec;
    for (const auto& child : fs::directory_iterator(root, ec)) {
        const std::string name = child.path().filename().string();
        if (child.is_directory() && is_shard_folder_name(name) &&
            !name.ends_with("-of-" + std::to_string(count))) {
            fs::remove_all(child.path(), ec);
        }
    }

    const BuildReport& first = out.shards.front();
    out.total.files = first.files;
    out.total.files_read = first.files_read;
    out.total.read = first.read;
    out.total.bytes_read = first.bytes_read;
    out.total.skipped = reported.size();
    out.total.skipped_by_reason = by_reason;
    out.total.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

}  // namespace qaindex
