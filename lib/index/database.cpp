// SPDX-License-Identifier: Apache-2.0
// Where the index lives (database_path), and `qaindex stats` / `qaindex check`.
#include "qaindex/database.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include "index/index_folder.hpp"
#include "index/index_reader.hpp"
#include "index/index_writer_impl.hpp"
#include "index/schema.hpp"
#include "index/shard_list.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex {
namespace {

std::vector<NamedCount> sorted_counts(const std::map<std::string, std::size_t>& counts,
                                      std::size_t limit) {
    std::vector<NamedCount> out;
    for (const auto& [name, count] : counts) {
        out.push_back({name, count});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const NamedCount& a, const NamedCount& b) { return a.count > b.count; });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            out.push_back(line);
        }
    }
    return out;
}

// The single term of document docid starting with prefix ("" if none, "\n"-joined if many).
std::vector<std::string> terms_with_prefix(const Xapian::Database& db, Xapian::docid docid,
                                           std::string_view prefix) {
    std::vector<std::string> out;
    auto it = db.termlist_begin(docid);
    for (it.skip_to(std::string(prefix)); it != db.termlist_end(docid); ++it) {
        const std::string term = *it;
        if (!term.starts_with(prefix)) {
            break;
        }
        out.push_back(term);
    }
    return out;
}

// Notes on the entries `qaindex delete` removed from files that a build has not read since:
// the corpus still holds them, and builds keep them out only while their file is unchanged.
void add_deletion_notes(const Xapian::Database& db, CheckReport& report) {
    const std::filesystem::path corpus = db.get_metadata(std::string(schema::kMetaCorpus));
    const std::string prefix(schema::kMetaDeleted);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string file = (*it).substr(prefix.size());
        const std::vector<std::string> ids = split_lines(db.get_metadata(*it));
        if (ids.empty()) {
            continue;
        }
        std::string listed;
        for (const std::string& id : ids) {
            listed += (listed.empty() ? "" : ", ") + id;
        }
        const auto record =
            detail::FileRecord::parse(db.get_metadata(std::string(schema::kMetaFile) + file));
        // The file as it is now: the corpus itself when it is one file, else a file under it.
        std::error_code ec;
        const std::filesystem::path path =
            std::filesystem::is_regular_file(corpus, ec) && corpus.filename() == file
                ? corpus
                : corpus / file;
        std::optional<CorpusFile> now;
        try {
            if (!corpus.empty() && std::filesystem::is_regular_file(path, ec)) {
                const auto listed_files = list_corpus(path);
                if (listed_files.size() == 1) {
                    now = listed_files.front();
                }
            }
        } catch (const Error&) {
            // Not a corpus file any more: nothing to say about it.
        }
        const std::string deleted = std::to_string(ids.size()) +
                                    (ids.size() == 1 ? " entry" : " entries") +
                                    " deleted with `qaindex delete` (" + listed + ")";
        if (now && record && now->size == record->size && now->modified == record->modified) {
            report.notes.push_back(path.string() + " still holds " + deleted +
                                   ": builds keep them out while it is unchanged; change it or "
                                   "build with --rebuild to index them again");
        } else if (now) {
            report.notes.push_back(path.string() + " has changed since " + deleted +
                                   ": the next build reads it again, and those it still holds "
                                   "come back");
        }
    }
}

}  // namespace

std::filesystem::path database_path(const std::optional<std::filesystem::path>& given) {
    if (given) {
        if (given->empty()) {
            throw UsageError("an empty path names no index folder");
        }
        return *given;
    }
    if (const char* env = std::getenv("QAINDEX_DB"); env != nullptr && *env != '\0') {
        return env;
    }
    return "qaindex.db";
}

namespace {

// The statistics of a shard list's shards together. The counts come from match spies over
// every entry, which run on xapian-tcpsrv too (a remote shard's values cannot be streamed);
// the size on disk is that of the local shards only.
IndexStats shard_list_stats(const std::filesystem::path& database,
                            const std::filesystem::path& list_file, std::size_t top_symptoms) {
    const detail::ShardList list = detail::ShardList::read(list_file);
    IndexStats stats;
    stats.path = database;
    Xapian::Database joined;
    for (const detail::ShardSpec& spec : list.shards) {
        try {
            Xapian::Database shard;
            if (spec.kind == detail::ShardSpec::Kind::Folder) {
                const auto path = detail::live_generation_path(spec.folder);
                shard = Xapian::Database(path.string());
                stats.bytes += detail::folder_bytes(path);
            } else {
                const unsigned timeout = spec.timeout_seconds != 0 ? spec.timeout_seconds
                                                                   : detail::kDefaultTimeoutSeconds;
                shard = Xapian::Remote::open(spec.host, spec.port, timeout * 1000,
                                             detail::kConnectTimeoutSeconds * 1000);
            }
            const std::string built = shard.get_metadata(std::string(schema::kMetaLastBuild));
            if (!built.empty() && (!stats.last_build || built > *stats.last_build)) {
                stats.last_build = built;  // the latest: ISO 8601 strings sort by time
            }
            if (auto corpus = shard.get_metadata(std::string(schema::kMetaCorpus));
                !corpus.empty() && !stats.corpus) {
                stats.corpus = corpus;
            }
            if (stats.lexicon_fingerprint.empty()) {
                stats.lexicon_fingerprint = shard.get_metadata(std::string(schema::kMetaLexicon));
            }
            joined.add_database(shard);
        } catch (const Xapian::Error& error) {
            throw IndexError(list_file.string() + ": " + spec.describe() +
                             " cannot be read: " + error.get_description());
        }
    }
    try {
        stats.entries = joined.get_doccount();
        Xapian::Enquire enquire(joined);
        enquire.set_query(Xapian::Query::MatchAll);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy specialty_spy(schema::kSpecialtySlot);
        Xapian::ValueCountMatchSpy symptom_spy(schema::kSymptomsSlot);
        enquire.add_matchspy(&specialty_spy);
        enquire.add_matchspy(&symptom_spy);
        (void)enquire.get_mset(0, 0, joined.get_doccount());
        std::map<std::string, std::size_t> specialties;
        for (auto it = specialty_spy.values_begin(); it != specialty_spy.values_end(); ++it) {
            specialties[*it] += it.get_termfreq();
        }
        stats.specialties = sorted_counts(specialties, specialties.size());
        const Lexicon& lexicon = Lexicon::builtin();
        std::map<std::string, std::size_t> symptoms;
        for (auto it = symptom_spy.values_begin(); it != symptom_spy.values_end(); ++it) {
            stats.entries_with_symptoms += it.get_termfreq();
            for (const std::string& id : split_lines(*it)) {
                const Symptom* symptom = lexicon.find_symptom(id);
                symptoms[symptom ? symptom->name : id] += it.get_termfreq();
            }
        }
        stats.top_symptoms = sorted_counts(symptoms, top_symptoms);
    } catch (const Xapian::Error& error) {
        throw IndexError(list_file.string() +
                         ": cannot read statistics of the shards: " + error.get_description());
    }
    return stats;
}

}  // namespace

IndexStats index_stats(const std::filesystem::path& database, std::size_t top_symptoms) {
    if (const auto list_file = detail::shard_list_file(database)) {
        return shard_list_stats(database, *list_file, top_symptoms);
    }
    const auto path = detail::live_generation_path(database);
    try {
        const Xapian::Database db(path.string());
        IndexStats stats;
        stats.path = database;
        stats.entries = db.get_doccount();
        stats.bytes = detail::folder_bytes(path);
        if (auto built = db.get_metadata(std::string(schema::kMetaLastBuild)); !built.empty()) {
            stats.last_build = built;
        }
        if (auto corpus = db.get_metadata(std::string(schema::kMetaCorpus)); !corpus.empty()) {
            stats.corpus = corpus;
        }
        stats.lexicon_fingerprint = db.get_metadata(std::string(schema::kMetaLexicon));

        std::map<std::string, std::size_t> specialties;
        for (auto it = db.valuestream_begin(schema::kSpecialtySlot);
             it != db.valuestream_end(schema::kSpecialtySlot); ++it) {
            ++specialties[*it];
        }
        stats.specialties = sorted_counts(specialties, specialties.size());

        const Lexicon& lexicon = Lexicon::builtin();
        std::map<std::string, std::size_t> symptoms;
        for (auto it = db.valuestream_begin(schema::kSymptomsSlot);
             it != db.valuestream_end(schema::kSymptomsSlot); ++it) {
            ++stats.entries_with_symptoms;
            for (const std::string& id : split_lines(*it)) {
                const Symptom* symptom = lexicon.find_symptom(id);
                ++symptoms[symptom ? symptom->name : id];
            }
        }
        stats.top_symptoms = sorted_counts(symptoms, top_symptoms);
        return stats;
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, database.string(), "read statistics");
    }
}

void for_each_entry(const std::filesystem::path& database,
                    const std::function<void(Consultation&&)>& emit) {
    const auto path = detail::live_generation_path(database);
    try {
        const Xapian::Database db(path.string());
        const std::string prefix(schema::kId);
        // Every entry has one id term, and only id terms start with it (see schema.hpp).
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            const auto posting = db.postlist_begin(*it);
            if (posting == db.postlist_end(*it)) {
                continue;
            }
            emit(schema::decode_whole(db.get_document(*posting).get_data()).entry);
        }
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, database.string(), "read the entries");
    }
}

CheckReport check_index(const std::filesystem::path& database) {
    const auto path = detail::live_generation_path(database);
    CheckReport report;
    try {
        std::ostringstream xapian_output;
        const std::size_t errors = Xapian::Database::check(path.string(), 0, &xapian_output);
        if (errors > 0) {
            report.problems.push_back("Xapian found " + std::to_string(errors) +
                                      " errors in the database: " + xapian_output.str());
        }

        const Xapian::Database db(path.string());
        if (!detail::has_current_schema(db)) {
            report.problems.push_back("schema version is '" +
                                      db.get_metadata(std::string(schema::kMetaSchema)) +
                                      "', expected '" + std::string(schema::kVersion) + "'");
        }
        std::map<std::string, std::size_t> entries_per_file;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const Xapian::docid docid = *it;
            ++report.entries_checked;
            const std::string where = "document " + std::to_string(docid);
            const auto ids = terms_with_prefix(db, docid, schema::kId);
            if (ids.size() != 1) {
                report.problems.push_back(where + " has " + std::to_string(ids.size()) +
                                          " id terms, expected 1");
                continue;
            }
            if (db.get_termfreq(ids.front()) != 1) {
                report.problems.push_back(where + ": id term " + ids.front() +
                                          " is shared by several documents");
            }
            const Xapian::Document document = db.get_document(docid);
            schema::StoredEntry stored;
            try {
                stored = schema::decode_whole(document.get_data());
            } catch (const IndexError& error) {
                report.problems.push_back(where + ": " + error.what());
                continue;
            }
            if (schema::term(schema::kId, stored.entry.id.value) != ids.front()) {
                report.problems.push_back(where + ": stored id " + stored.entry.id.value +
                                          " does not match its id term " + ids.front());
            }
            const auto files = terms_with_prefix(db, docid, schema::kFile);
            if (stored.file) {
                if (files.size() != 1 ||
                    files.front() != schema::term(schema::kFile, *stored.file)) {
                    report.problems.push_back(where + " (" + stored.entry.id.value +
                                              "): file term does not match stored file " +
                                              *stored.file);
                } else {
                    ++entries_per_file[*stored.file];
                }
            }
            const std::string specialty = document.get_value(schema::kSpecialtySlot);
            const auto specialty_terms = terms_with_prefix(db, docid, schema::kSpecialty);
            const bool agree = specialty.empty() ? specialty_terms.empty()
                                                 : specialty_terms.size() == 1 &&
                                                       specialty_terms.front() ==
                                                           schema::term(schema::kSpecialty,
                                                                        schema::slug(specialty));
            if (!agree) {
                report.problems.push_back(where + " (" + stored.entry.id.value +
                                          "): specialty value and filter term disagree");
            }
            if (document.get_value(schema::kContentSlot).empty()) {
                report.problems.push_back(where + " (" + stored.entry.id.value +
                                          "): no content hash");
            }
        }

        const std::string meta_prefix(schema::kMetaFile);
        for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix);
             ++it) {
            const std::string file = (*it).substr(meta_prefix.size());
            const auto record = detail::FileRecord::parse(db.get_metadata(*it));
            if (!record) {
                report.problems.push_back("manifest record for " + file + " is unreadable");
                continue;
            }
            const std::size_t found = entries_per_file[file];
            if (found != record->entries) {
                report.problems.push_back("manifest says " + file + " holds " +
                                          std::to_string(record->entries) +
                                          " entries, the index has " + std::to_string(found));
            }
            entries_per_file.erase(file);
        }
        for (const auto& [file, count] : entries_per_file) {
            report.problems.push_back(std::to_string(count) + " entries come from " + file +
                                      ", which the manifest does not list");
        }
        add_deletion_notes(db, report);
    } catch (const Xapian::Error& error) {
        report.problems.push_back(std::string("Xapian error: ") + error.get_description());
    }
    return report;
}

}  // namespace qaindex
