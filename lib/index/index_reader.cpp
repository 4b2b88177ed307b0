// SPDX-License-Identifier: Apache-2.0
// Opening an index for reading: the live generation, its schema version, reopening.
#include "index/index_reader.hpp"

#include "index/index_folder.hpp"
#include "index/index_writer_impl.hpp"
#include "index/schema.hpp"
#include "qaindex/errors.hpp"

namespace qaindex::detail {

std::filesystem::path live_generation_path(const std::filesystem::path& database) {
    const IndexFolder folder(database);
    const auto live = folder.live_generation();
    if (!live) {
        throw IndexError(database.string() +
                         ": no index here (build one with `qaindex build CORPUS --db " +
                         database.string() + "`)");
    }
    return folder.generation_path(*live);
}

bool has_current_schema(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::kMetaSchema)) == schema::kVersion;
}

void require_current_schema(const Xapian::Database& db, const std::string& name) {
    if (!has_current_schema(db)) {
        throw IndexError(name + ": not a qaindex index of schema version " +
                         std::string(schema::kVersion) +
                         "; rebuild it with `qaindex build CORPUS --rebuild`");
    }
}

Xapian::Database open_index_folder(const std::filesystem::path& database) {
    // Checked first for its message: Xapian's own for a missing stub names no remedy.
    (void)live_generation_path(database);
    Xapian::Database db;
    try {
        // The folder's XAPIANDB stub names the live generation.
        db = Xapian::Database(database.string());
    } catch (const Xapian::Error& error) {
        throw IndexError(database.string() + ": cannot open the index: " + error.get_description());
    }
    require_current_schema(db, database.string());
    return db;
}

void reopen_index(Xapian::Database& db, const std::optional<std::filesystem::path>& folder) {
    if (folder) {
        db = open_index_folder(*folder);
    } else {
        db.reopen();
    }
}

WriterDatabase writer_database(const IndexWriter& writer) {
    const IndexWriterImpl& impl = IndexWriterAccess::impl(writer);
    return {.database = impl.database,
            .name = impl.name,
            .lexicon = &impl.lexicon,
            .on_disk = impl.transactions};
}

}  // namespace qaindex::detail
