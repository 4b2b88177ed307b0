// SPDX-License-Identifier: Apache-2.0
// IndexWriter: add, replace and remove consultations, committed atomically.
#include "index/index_writer_impl.hpp"

#include <ctime>
#include <sstream>

#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/limits.hpp"

namespace qaindex {
namespace detail {

void initialise_database(Xapian::WritableDatabase& database, const Lexicon& lexicon,
                         bool with_synonyms) {
    database.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kVersion));
    database.set_metadata(std::string(schema::kMetaLexicon), lexicon.fingerprint());
    if (!with_synonyms) {
        return;
    }
    // Each phrase of a group leads to the group's first (canonical) phrase and back, so any
    // lay or clinical form reaches every other in two steps. All pairs would cost O(k^2)
    // entries per group: 10 MB for the full lexicon, as much as a 10,000-entry index's data.
    for (const auto& group : lexicon.analysed_synonym_groups()) {
        if (group.empty() || group.front().empty() ||
            group.front().size() > schema::kMaxTermBytes * 2) {
            continue;
        }
        const std::string& canonical = group.front();
        for (const std::string& other : group) {
            if (other != canonical && !other.empty() && other.size() <= schema::kMaxTermBytes * 2) {
                database.add_synonym(other, canonical);
                database.add_synonym(canonical, other);
            }
        }
    }
}

void throw_index_error(const Xapian::Error& error, const std::string& index,
                       std::string_view action) {
    if (error.get_type() == std::string_view("DatabaseLockError")) {
        throw IndexError(index + ": index is being built by another process");
    }
    throw IndexError(index + ": cannot " + std::string(action) + ": " + error.get_description());
}

std::optional<FileRecord> FileRecord::parse(const std::string& text) {
    FileRecord record;
    std::istringstream in(text);
    if (!(in >> record.size >> record.modified >> record.entries)) {
        return std::nullopt;
    }
    std::string flag;
    if (in >> flag) {
        if (flag != "reread") {
            return std::nullopt;
        }
        record.reread = true;
    }
    return record;
}

std::string FileRecord::format() const {
    return std::to_string(size) + ' ' + std::to_string(modified) + ' ' + std::to_string(entries) +
           (reread ? " reread" : "");
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

}  // namespace detail

IndexWriter::Impl::Impl(const Lexicon& lexicon_, Xapian::WritableDatabase database_,
                        std::string name_, bool transactions_)
    : lexicon(lexicon_),
      database(std::move(database_)),
      name(std::move(name_)),
      transactions(transactions_),
      builder(lexicon_) {
    if (transactions) {
        database.begin_transaction();
    }
}

IndexWriter::Impl::Outcome IndexWriter::Impl::put(const detail::BuiltEntry& built) {
    Outcome outcome = Outcome::Added;
    const auto existing = database.postlist_begin(built.id_term);
    if (existing != database.postlist_end(built.id_term)) {
        if (database.get_document(*existing).get_value(schema::kContentSlot) ==
            built.content_hash) {
            return Outcome::Unchanged;
        }
        outcome = Outcome::Updated;
    }
    database.replace_document(built.id_term, built.document);
    if (transactions) {  // only disk databases keep spelling data
        for (const std::string& word : built.spellings) {
            database.add_spelling(word);
        }
    }
    return outcome;
}

std::size_t IndexWriter::Impl::remove_term(const std::string& term) {
    const auto count = database.get_termfreq(term);
    if (count > 0) {
        database.delete_document(term);
    }
    return count;
}

void IndexWriter::Impl::forget_in_manifest(Xapian::docid docid, const EntryId* deleted) {
    // The file keeps its manifest entry (it has not changed) with one entry fewer, so that
    // `qaindex check` still finds the manifest and the index in agreement; an id deleted by
    // remove() is noted as deleted from it, for `qaindex check` to say that the file still
    // holds it (an entry displaced by an earlier one with its id is not).
    auto terms = database.termlist_begin(docid);
    terms.skip_to(std::string(schema::kFile));
    if (terms == database.termlist_end(docid) || !(*terms).starts_with(schema::kFile)) {
        return;
    }
    const std::string file = (*terms).substr(schema::kFile.size());
    const std::string key = std::string(schema::kMetaFile) + file;
    auto record = detail::FileRecord::parse(database.get_metadata(key));
    if (record && record->entries > 0) {
        --record->entries;
        database.set_metadata(key, record->format());
        if (deleted == nullptr) {
            return;
        }
        const std::string deleted_key = std::string(schema::kMetaDeleted) + file;
        std::string ids = database.get_metadata(deleted_key);
        ids += (ids.empty() ? "" : "\n") + deleted->value;
        database.set_metadata(deleted_key, ids);
    }
}

void IndexWriter::Impl::commit() {
    if (!transactions) {
        return;
    }
    database.set_metadata(std::string(schema::kMetaLastBuild), detail::utc_now());
    database.commit_transaction();
    database.begin_transaction();
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

IndexWriter IndexWriter::open(const std::filesystem::path& database, const WriterOptions& options) {
    const Lexicon& lexicon = options.lexicon ? *options.lexicon : Lexicon::builtin();
    detail::IndexFolder folder(database);
    folder.check_usable();
    auto lock = folder.lock();
    const std::string name = database.string();
    try {
        if (!folder.has_index()) {
            folder.remove_stale();
            const std::string generation = folder.next_generation();
            Xapian::WritableDatabase fresh(folder.generation_path(generation).string(),
                                           Xapian::DB_CREATE);
            detail::initialise_database(fresh, lexicon, true);
            fresh.commit();
            fresh.close();
            folder.publish(generation);
        }
        const auto live = folder.live_generation();
        Xapian::WritableDatabase db(folder.generation_path(*live).string(), Xapian::DB_OPEN);
        if (db.get_metadata(std::string(schema::kMetaSchema)) != schema::kVersion) {
            throw IndexError(name + ": index was built with another schema version; run "
                                    "`qaindex build CORPUS --rebuild`");
        }
        auto impl = std::make_unique<Impl>(lexicon, std::move(db), name, true);
        impl->folder = folder;
        impl->lock.emplace(std::move(lock));
        return IndexWriter(std::move(impl));
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, name, "open for writing");
    }
}

IndexWriter IndexWriter::in_memory(const WriterOptions& options) {
    const Lexicon& lexicon = options.lexicon ? *options.lexicon : Lexicon::builtin();
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    detail::initialise_database(db, lexicon, false);
    return IndexWriter(std::make_unique<Impl>(lexicon, std::move(db), "(in memory)", false));
}

bool IndexWriter::add_or_replace(const Consultation& entry) {
    if (entry.id.value.empty()) {
        throw UsageError("cannot index a consultation without an id");
    }
    if (const auto problem = exceeds_limits(entry)) {
        throw InputError("entry " + entry.id.value.substr(0, 200) + ": " + *problem);
    }
    try {
        return impl_->put(impl_->builder.build(entry, std::nullopt)) != Impl::Outcome::Added;
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, impl_->name, "add entry " + entry.id.value);
    }
}

bool IndexWriter::remove(const EntryId& id) {
    try {
        const std::string term = schema::term(schema::kId, id.value);
        for (auto it = impl_->database.postlist_begin(term); it != impl_->database.postlist_end(term);
             ++it) {
            impl_->forget_in_manifest(*it, &id);
        }
        return impl_->remove_term(term) > 0;
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, impl_->name, "remove entry " + id.value);
    }
}

void IndexWriter::commit() {
    try {
        impl_->commit();
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, impl_->name, "commit");
    }
}

std::size_t IndexWriter::size() const { return impl_->database.get_doccount(); }

}  // namespace qaindex
