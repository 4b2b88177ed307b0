// SPDX-License-Identifier: Apache-2.0
// Reading an index: its live generation opened with the schema checked, reopened, and the
// database behind an open IndexWriter. The one way other modules open an index.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

namespace qaindex {

class IndexWriter;
class Lexicon;

namespace detail {

/// The folder of the live generation of the index folder database (see index_folder.hpp).
/// Throws IndexError "no index here (build one with ...)" if database holds no published
/// index.
[[nodiscard]] std::filesystem::path live_generation_path(const std::filesystem::path& database);

/// Whether db was written with this library's schema version (schema::kVersion).
[[nodiscard]] bool has_current_schema(const Xapian::Database& db);

/// Throws IndexError "NAME: not a qaindex index of schema version N; rebuild it ..." unless
/// has_current_schema(db). name is the index path, for the message.
void require_current_schema(const Xapian::Database& db, const std::string& name);

/// Opens the index folder database for reading: through the folder's stub, which names the
/// live generation, so that `reopen_index` can find a newer one. Throws IndexError if the
/// folder holds no index, Xapian cannot open it, or its schema is another version.
[[nodiscard]] Xapian::Database open_index_folder(const std::filesystem::path& database);

/// Brings db to the latest committed state. Opened from a folder (folder set), the folder is
/// opened again, since a full build publishes a new generation that only its stub names;
/// otherwise (a writer's database) Xapian's reopen(). Throws as open_index_folder, or
/// Xapian::Error from reopen().
void reopen_index(Xapian::Database& db, const std::optional<std::filesystem::path>& folder);

/// What a reader may see of an open IndexWriter.
struct WriterDatabase {
    Xapian::Database database;         ///< the writer's own, so it sees uncommitted changes
    std::string name;                  ///< the index path, or "(in memory)", for messages
    const Lexicon* lexicon = nullptr;  ///< the writer's lexicon (never nullptr)
    bool on_disk = false;  ///< false for an in-memory index: no spelling table, no transactions
};

/// The database behind writer, valid while writer lives. Same thread as the writer only.
[[nodiscard]] WriterDatabase writer_database(const IndexWriter& writer);

}  // namespace detail
}  // namespace qaindex
