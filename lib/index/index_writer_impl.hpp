// SPDX-License-Identifier: Apache-2.0
// IndexWriter::Impl: the writable Xapian database behind an IndexWriter (library-internal).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "index/document_builder.hpp"
#include "index/index_folder.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex {

struct IndexWriter::Impl {
    /// What writing one built entry did.
    enum class Outcome { Added, Updated, Unchanged };

    Impl(const Lexicon& lexicon, Xapian::WritableDatabase database, std::string name,
         bool transactions);

    /// Adds or replaces built (by its id term); Unchanged if the stored content hash is equal.
    Outcome put(const detail::BuiltEntry& built);
    /// Removes every document with this id term; returns how many.
    std::size_t remove_term(const std::string& term);
    /// Lowers the manifest count of the file docid came from (before removing it alone), and
    /// notes `deleted` as deleted from that file when given (remove(), not a displaced entry).
    void forget_in_manifest(Xapian::docid docid, const EntryId* deleted = nullptr);
    /// Commits the open transaction and opens the next one.
    void commit();

    const Lexicon& lexicon;
    Xapian::WritableDatabase database;
    std::string name;  ///< the index path, for messages ("(in memory)" otherwise)
    bool transactions;  ///< false for in-memory databases, which have none
    detail::DocumentBuilder builder;
    std::optional<detail::IndexFolder> folder;
    std::optional<detail::IndexFolder::Lock> lock;
};

namespace detail {

/// What the index remembers of a corpus file (metadata schema::kMetaFile + file key), to
/// tell at the next build whether it changed.
struct FileRecord {
    std::uintmax_t size = 0;
    std::int64_t modified = 0;  ///< nanoseconds since the epoch
    std::size_t entries = 0;    ///< entries read from it (and kept)
    /// An entry of the file lost its id to one of another file that comes first: the file is
    /// read again at every build, so that the entry comes back once the other is gone.
    bool reread = false;

    /// "size modified entries", then " reread" if set; nullopt for anything else.
    [[nodiscard]] static std::optional<FileRecord> parse(const std::string& text);
    [[nodiscard]] std::string format() const;
};

/// Writes what a new database must hold before any entry: schema version, lexicon
/// fingerprint, and the lexicon's synonym table. Does not commit.
void initialise_database(Xapian::WritableDatabase& database, const Lexicon& lexicon,
                         bool with_synonyms);

/// Rethrows a Xapian error as IndexError naming the index and what was being done.
[[noreturn]] void throw_index_error(const Xapian::Error& error, const std::string& index,
                                    std::string_view action);

/// The current time, ISO 8601 UTC: "2026-11-27T08:15:00Z".
[[nodiscard]] std::string utc_now();

}  // namespace detail
}  // namespace qaindex
