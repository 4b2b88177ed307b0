// SPDX-License-Identifier: Apache-2.0
// qaindex_xapian_baseline: a plain Xapian indexer and searcher (simpleindex-style) to compare
// against.
#include <xapian.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include "latency.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"

namespace {

namespace fs = std::filesystem;

std::uintmax_t folder_bytes(const fs::path& folder) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (const auto& item : fs::recursive_directory_iterator(folder, ec)) {
        if (item.is_regular_file(ec))
            bytes += item.file_size(ec);
    }
    return bytes;
}

// Only a Xapian database (or nothing) may be replaced: never delete a folder we did not make.
void clear_database_folder(const fs::path& folder) {
    if (!fs::exists(folder))
        return;
    if (!fs::is_empty(folder) && !fs::exists(folder / "iamglass"))
        throw qaindex::UsageError(folder.string() + " exists and is not a Xapian database");
    fs::remove_all(folder);
}

// The text of an entry as the baseline indexes it: what simpleindex would see of a page.
std::string entry_text(const qaindex::Consultation& entry) {
    std::string text = entry.title.value_or("");
    text += '\n';
    text += entry.question;
    for (const auto& reply : entry.replies) {
        text += '\n';
        text += reply.text;
    }
    return text;
}

int run_index(const fs::path& corpus, const fs::path& database, bool json) {
    const fs::path building = database.string() + ".building";
    clear_database_folder(building);
    clear_database_folder(database);

    const auto start = std::chrono::steady_clock::now();
    std::size_t problems = 0;
    const auto diagnose = [&](const qaindex::Diagnostic&) { ++problems; };
    const auto files = qaindex::list_corpus(corpus, diagnose);
    std::uintmax_t input_bytes = 0;
    std::size_t entries = 0;
    {
        Xapian::WritableDatabase db(building.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator indexer;
        indexer.set_stemmer(Xapian::Stem("english"));
        indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        for (const auto& file : files) {
            input_bytes += file.size;
            qaindex::read_corpus_file(
                file,
                [&](qaindex::Consultation&& entry) {
                    const std::string text = entry_text(entry);
                    Xapian::Document doc;
                    doc.set_data(text);
                    indexer.set_document(doc);
                    indexer.index_text(text);
                    // A unique id term, replaced by id as an updating indexer must.
                    const std::string id_term = "Q" + entry.id.value;
                    doc.add_boolean_term(id_term);
                    db.replace_document(id_term, doc);
                    ++entries;
                },
                diagnose);
        }
        db.commit();
    }
    const auto indexed = std::chrono::steady_clock::now();
    Xapian::Database(building.string()).compact(database.string());
    fs::remove_all(building);
    const auto stop = std::chrono::steady_clock::now();

    const double seconds = std::chrono::duration<double>(stop - start).count();
    const double index_seconds = std::chrono::duration<double>(indexed - start).count();
    const double compact_seconds = std::chrono::duration<double>(stop - indexed).count();
    const double mb = static_cast<double>(input_bytes) / 1e6;
    const std::uintmax_t index_bytes = folder_bytes(database);
    if (json) {
        std::printf(
            "{\"tool\": \"xapian-baseline\", \"files\": %zu, \"entries\": %zu, "
            "\"skipped\": %zu, \"input_bytes\": %ju, \"seconds\": %.3f, "
            "\"index_seconds\": %.3f, \"compact_seconds\": %.3f, "
            "\"entries_per_second\": %.1f, \"mb_per_second\": %.3f, \"index_bytes\": %ju}\n",
            files.size(), entries, problems, input_bytes, seconds, index_seconds, compact_seconds,
            static_cast<double>(entries) / seconds, mb / seconds, index_bytes);
    } else {
        std::printf(
            "indexed %zu entries from %zu files (%.1f MB, %zu skipped) in %.2f s "
            "(%.2f s indexing, %.2f s compacting): %.0f entries/s, %.2f MB/s; "
            "index %.1f MB\n",
            entries, files.size(), mb, problems, seconds, index_seconds, compact_seconds,
            static_cast<double>(entries) / seconds, mb / seconds,
            static_cast<double>(index_bytes) / 1e6);
    }
    return 0;
}

int run_search(const fs::path& database, const fs::path& queries_file, unsigned warmup,
               unsigned repeat, bool json) {
    const auto queries = qaindex::bench::read_queries(queries_file);
    Xapian::Database db(database.string());
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    std::size_t data_bytes = 0;
    const auto summary =
        qaindex::bench::time_queries(queries, warmup, repeat, [&](const std::string& text) {
            Xapian::Query query;
            try {
                query = parser.parse_query(text);
            } catch (const Xapian::QueryParserError&) {
                query = parser.parse_query(text, 0);  // as plain words
            }
            enquire.set_query(query);
            const Xapian::MSet hits = enquire.get_mset(0, 10);
            // Fetch what a results page shows, as simplesearch does.
            for (auto it = hits.begin(); it != hits.end(); ++it)
                data_bytes += it.get_document().get_data().size();
            return static_cast<std::size_t>(hits.size());
        });
    qaindex::bench::print_summary(summary, "xapian-baseline", "search", json);
    if (data_bytes == 0)
        std::cerr << "note: no query matched anything\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Plain-Xapian baseline: index a corpus simpleindex-style, or time queries on it."};
    app.require_subcommand(1);
    fs::path corpus;
    fs::path database;
    fs::path queries;
    unsigned warmup = 0;
    unsigned repeat = 1;
    bool json = false;
    app.add_flag("--json", json, "Print one JSON object");
    auto* index =
        app.add_subcommand("index", "Index CORPUS into the Xapian database DB (replaced)");
    index->add_option("CORPUS", corpus, "Corpus folder or file")->required();
    index->add_option("DB", database, "Database folder")->required();
    auto* search =
        app.add_subcommand("search", "Run each query of QUERIES_FILE on DB, top 10, BM25");
    search->add_option("DB", database, "Database folder")->required();
    search->add_option("QUERIES_FILE", queries, "One query per line")->required();
    search->add_option("--warmup", warmup, "Untimed passes first")->capture_default_str();
    search->add_option("--repeat", repeat, "Timed passes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);
    try {
        if (index->parsed())
            return run_index(corpus, database, json);
        return run_search(database, queries, warmup, repeat, json);
    } catch (const qaindex::UsageError& e) {
        std::cerr << "qaindex_xapian_baseline: error: " << e.what() << '\n';
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "qaindex_xapian_baseline: error: " << e.get_description() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "qaindex_xapian_baseline: error: " << e.what() << '\n';
        return 1;
    }
}
