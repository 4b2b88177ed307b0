// SPDX-License-Identifier: Apache-2.0
// IndexFolder: the on-disk layout of an index: generations, the stub naming the live one, the lock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace qaindex::detail {

/// An index folder holds one or more Xapian databases ("generations", gen-000001 ...) and a
/// Xapian stub file, XAPIANDB, naming the live one ("auto gen-000003"). Xapian opens the
/// folder itself through the stub, so `xapian-delve qaindex.db` works. A full build writes a
/// new generation and publishes it by renaming a new stub over the old one, which is atomic;
/// incremental updates change the live generation inside one Xapian transaction.
class IndexFolder {
public:
    explicit IndexFolder(std::filesystem::path root);

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }

    /// Whether the folder holds a published index.
    [[nodiscard]] bool has_index() const;
    /// Throws IndexError if root exists but is neither empty nor a qaindex folder, so a
    /// mistyped --db never writes into (or cleans up) someone else's folder.
    void check_usable() const;
    /// The live generation's name, from the stub; nullopt if none.
    [[nodiscard]] std::optional<std::string> live_generation() const;
    /// Path of a generation.
    [[nodiscard]] std::filesystem::path generation_path(const std::string& name) const;
    /// A new generation name, after every generation present.
    [[nodiscard]] std::string next_generation() const;
    /// Makes name the live generation: writes the stub to a temporary file, syncs it and
    /// renames it over XAPIANDB.
    void publish(const std::string& name) const;
    /// Removes generations and scratch folders other than the live one (call holding the lock).
    void remove_stale() const;
    /// Bytes used by the live generation.
    [[nodiscard]] std::uintmax_t live_bytes() const;

    /// The build lock: an exclusive flock() on root/build.lock, released when the holder
    /// goes away (even if the process is killed).
    class Lock {
    public:
        explicit Lock(int fd) : fd_(fd) {}
        ~Lock();
        Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
        Lock& operator=(Lock&&) = delete;
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;

    private:
        int fd_;
    };
    /// Creates root if needed and takes the lock. Throws IndexError("index is being built by
    /// another process") if another process holds it.
    [[nodiscard]] Lock lock() const;

private:
    std::filesystem::path root_;
};

/// Bytes in all regular files under path (0 if it does not exist).
[[nodiscard]] std::uintmax_t folder_bytes(const std::filesystem::path& path);

/// Throws IndexError naming root when the file system holding it has fewer than needed bytes
/// free (statvfs f_bavail), before a build writes anything. what says what needs them.
void require_free_space(const std::filesystem::path& root, std::uintmax_t needed,
                        const std::string& what);

/// The size of each regular file directly in folder.
using FileSizes = std::map<std::filesystem::path, std::uintmax_t>;
[[nodiscard]] FileSizes file_sizes(const std::filesystem::path& folder);

/// Cuts each file of sizes that grew back to its recorded size: gives back the blocks a
/// failed Xapian transaction appended to a generation's tables. Safe only while the database
/// is closed and still at the revision it had when the sizes were taken (a transaction writes
/// new blocks, and never over those of the committed revision).
void truncate_to(const FileSizes& sizes);

}  // namespace qaindex::detail
