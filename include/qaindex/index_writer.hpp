// SPDX-License-Identifier: Apache-2.0
// IndexWriter and build_index(): turn consultations into a searchable Xapian index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "qaindex/consultation.hpp"
#include "qaindex/diagnostic.hpp"

namespace qaindex {

class Lexicon;

namespace detail {
/// The state behind an IndexWriter: defined in lib/, opaque here.
struct IndexWriterImpl;
/// The library's own way to that state (the search module reads a writer's database).
struct IndexWriterAccess;
}  // namespace detail

/// Switches shared by IndexWriter and build_index().
struct WriterOptions {
    /// The lexicon used to tag symptoms, conditions and specialties; nullptr means
    /// Lexicon::builtin(). Must outlive the writer.
    const Lexicon* lexicon = nullptr;
};

/// Adds, replaces and removes consultations in one index. Changes become visible to
/// searchers at commit(), all at once; destroying a writer without commit() discards them.
/// Holds the index's build lock for its lifetime. Not thread-safe: one thread at a time.
/// Move-only; a moved-from writer may only be destroyed or assigned to.
class IndexWriter {
  public:
    /// Opens the index at database (a folder; see database.hpp), creating it if missing.
    /// Throws IndexError if another process holds the build lock ("index is being built by
    /// another process") or the folder is not a qaindex database.
    [[nodiscard]] static IndexWriter open(const std::filesystem::path& database,
                                          const WriterOptions& options = {});
    /// A writer over a new in-memory index (for tests and embedding); see Searcher::open().
    [[nodiscard]] static IndexWriter in_memory(const WriterOptions& options = {});

    ~IndexWriter();
    IndexWriter(IndexWriter&&) noexcept;
    IndexWriter& operator=(IndexWriter&&) noexcept;
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Analyzes entry and adds it, replacing any entry with the same id.
    /// Returns true if an entry was replaced. Throws UsageError for an empty id, InputError
    /// for an entry over the limits of qaindex/limits.hpp (a field over 1 MiB).
    bool add_or_replace(const Consultation& entry);
    /// Removes the entry with this id; returns false if there was none (not an error).
    /// Throws IndexError if the index cannot be written.
    bool remove(const EntryId& id);
    /// Makes every change so far durable and visible, atomically. Throws IndexError.
    void commit();
    /// Entries in the index, counting uncommitted changes.
    [[nodiscard]] std::size_t size() const;

  private:
    friend struct detail::IndexWriterAccess;
    explicit IndexWriter(std::unique_ptr<detail::IndexWriterImpl> impl);
    std::unique_ptr<detail::IndexWriterImpl> impl_;
};

/// Progress of a running build, reported a few times per second.
struct BuildProgress {
    std::size_t files_done = 0;      ///< corpus files read so far
    std::size_t files_total = 0;     ///< corpus files to read (new or changed)
    std::uintmax_t bytes_done = 0;   ///< bytes of them read so far
    std::uintmax_t bytes_total = 0;  ///< bytes to read in all
    std::size_t entries = 0;         ///< entries read so far
    double seconds = 0;              ///< since the build started
};

/// One shard of a sharded index: the entries whose id shard_of() (shards.hpp) puts at index
/// (0-based) of count shards.
struct ShardSelection {
    std::size_t index = 0;  ///< 0-based: the first shard is 0
    std::size_t count = 1;  ///< shards in all

    bool operator==(const ShardSelection&) const = default;
};

/// What `qaindex build` does.
struct BuildOptions {
    std::filesystem::path corpus{};    ///< a folder (read recursively) or a single file
    std::filesystem::path database{};  ///< the index folder; see database_path()
    bool rebuild = false;              ///< start over instead of updating incrementally
    bool strict = false;               ///< the first input problem fails the build (InputError)
    unsigned threads = 0;              ///< analysis threads; 0 means one per core
    /// Index only the entries of this shard (the rest are read, counted in
    /// BuildReport::other_shards and left out). The index remembers its selection: building it
    /// with another one (or none) starts over. See shards.hpp for building every shard.
    std::optional<ShardSelection> shard{};
    WriterOptions writer{};                                   ///< the lexicon to tag entries with
    std::function<void(const BuildProgress&)> on_progress{};  ///< from the calling thread
    /// Every skipped record or file; from worker threads, one call at a time. In strict mode
    /// there are none: the first problem is thrown (InputError) instead.
    DiagnosticSink on_diagnostic{};
};

/// What a build did.
struct BuildReport {
    bool full = false;             ///< a full (re)build rather than an incremental update
    std::string full_reason{};     ///< why: "no index yet", "--rebuild", "lexicon changed" ...
    std::size_t files = 0;         ///< corpus files found
    std::size_t files_read = 0;    ///< files new or changed since the last build, hence read
    std::size_t read = 0;          ///< entries read from those files
    std::size_t added = 0;         ///< entries new to the index
    std::size_t updated = 0;       ///< entries whose content changed
    std::size_t unchanged = 0;     ///< entries of unchanged files, or re-read and identical
    std::size_t deleted = 0;       ///< entries whose file or record disappeared
    std::size_t other_shards = 0;  ///< entries read that belong to other shards (options.shard)
    std::size_t skipped = 0;       ///< records or files skipped for a problem
    std::map<std::string, std::size_t> skipped_by_reason{};  ///< to_string(Problem) -> count
    std::uintmax_t bytes_read = 0;                           ///< bytes of the files read
    double seconds = 0;                                      ///< wall time of the build
    std::uintmax_t index_bytes = 0;  ///< size of the index folder afterwards
    std::size_t entries = 0;         ///< entries in the index afterwards

    bool operator==(const BuildReport&) const = default;
};

/// Builds or updates the index at options.database from options.corpus.
///
/// Incremental unless options.rebuild, no index exists, or the index was built with another
/// lexicon or schema: files unchanged since the last build (same size and modification time)
/// are not read again; entries of changed files are replaced where their content changed, and
/// entries of deleted files, or gone from changed files, removed. Entry ids are unique: of
/// two entries with one id (or ids alike in their first 240 bytes), the first in corpus order
/// (files by relative path, then lines) is kept, whichever is read first, and the other is a
/// diagnostic and skipped; incremental builds keep the same one, and read a file that lost an
/// id again at every build, so its entry comes back once the other is gone. Atomic: the
/// update is one Xapian transaction, and a full build is written to a new generation that replaces
/// the old one only once complete and compacted, so a build stopped part-way (even by kill -9)
/// leaves the previous index intact and searchable. Searchers may run meanwhile.
///
/// Throws IndexError if the index is locked by another build or cannot be written,
/// InputError for the first problem in strict mode, and InputError when records or files were
/// skipped and not one entry was read (a corpus of bad records would otherwise replace the
/// index with an empty one); nothing is committed or published then.
BuildReport build_index(const BuildOptions& options);

}  // namespace qaindex
