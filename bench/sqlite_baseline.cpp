// SPDX-License-Identifier: Apache-2.0
// qaindex_sqlite_baseline: a second baseline, SQLite FTS5 (porter stemming, BM25), to compare
// against.
#include <sqlite3.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "latency.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"

namespace {

namespace fs = std::filesystem;

// The few SQLite calls we need, failing loudly with the database's message.
class Db {
  public:
    explicit Db(const fs::path& path) {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
            const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error(path.string() + ": " + message);
        }
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error(std::string(sql) + ": " + message);
        }
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK)
            fail(sql);
        return statement;
    }
    [[noreturn]] void fail(const std::string& what) {
        throw std::runtime_error(what + ": " + sqlite3_errmsg(db_));
    }

  private:
    sqlite3* db_ = nullptr;
};

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

// Only an SQLite file (or nothing) may be replaced.
void clear_database_file(const fs::path& path) {
    if (!fs::exists(path))
        return;
    std::ifstream in(path, std::ios::binary);
    std::string header(15, '\0');
    in.read(header.data(), 15);
    if (fs::file_size(path) > 0 && header != "SQLite format 3")
        throw qaindex::UsageError(path.string() + " exists and is not an SQLite database");
    fs::remove(path);
}

int run_index(const fs::path& corpus, const fs::path& database, bool json) {
    clear_database_file(database);
    const auto start = std::chrono::steady_clock::now();
    std::size_t problems = 0;
    const auto diagnose = [&](const qaindex::Diagnostic&) { ++problems; };
    const auto files = qaindex::list_corpus(corpus, diagnose);
    std::uintmax_t input_bytes = 0;
    std::size_t entries = 0;
    {
        Db db(database);
        db.exec(
            "CREATE VIRTUAL TABLE entries USING fts5(id UNINDEXED, title, body, "
            "tokenize = 'porter unicode61')");
        db.exec("BEGIN");
        sqlite3_stmt* insert = db.prepare("INSERT INTO entries (id, title, body) VALUES (?, ?, ?)");
        for (const auto& file : files) {
            input_bytes += file.size;
            qaindex::read_corpus_file(
                file,
                [&](qaindex::Consultation&& entry) {
                    std::string body = entry.question;
                    for (const auto& reply : entry.replies)
                        body += "\n" + reply.text;
                    bind_text(insert, 1, entry.id.value);
                    bind_text(insert, 2, entry.title.value_or(""));
                    bind_text(insert, 3, body);
                    if (sqlite3_step(insert) != SQLITE_DONE)
                        db.fail("insert " + entry.id.value);
                    sqlite3_reset(insert);
                    ++entries;
                },
                diagnose);
        }
        sqlite3_finalize(insert);
        db.exec("COMMIT");
        db.exec("INSERT INTO entries (entries) VALUES ('optimize')");  // like Xapian's compact
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto index_bytes = fs::file_size(database);
    const double mb = static_cast<double>(input_bytes) / 1e6;
    if (json) {
        std::printf(
            "{\"tool\": \"sqlite-fts5\", \"files\": %zu, \"entries\": %zu, \"skipped\": %zu, "
            "\"input_bytes\": %ju, \"seconds\": %.3f, \"entries_per_second\": %.1f, "
            "\"mb_per_second\": %.3f, \"index_bytes\": %ju}\n",
            files.size(), entries, problems, input_bytes, seconds,
            static_cast<double>(entries) / seconds, mb / seconds, index_bytes);
    } else {
        std::printf(
            "indexed %zu entries from %zu files (%.1f MB, %zu skipped) in %.2f s: "
            "%.0f entries/s, %.2f MB/s; index %.1f MB\n",
            entries, files.size(), mb, problems, seconds, static_cast<double>(entries) / seconds,
            mb / seconds, static_cast<double>(index_bytes) / 1e6);
    }
    return 0;
}

// Free text as an FTS5 query: each word quoted, OR-ed (BM25 ranks them, as Xapian's default
// OR does). Punctuation would otherwise be FTS5 syntax errors.
std::string fts_query(const std::string& text) {
    std::string query;
    std::string word;
    auto flush = [&] {
        if (word.empty())
            return;
        if (!query.empty())
            query += " OR ";
        query += '"' + word + '"';
        word.clear();
    };
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
            u >= 0x80) {
            word.push_back(c);
        } else {
            flush();
        }
    }
    flush();
    return query;
}

int run_search(const fs::path& database, const fs::path& queries_file, unsigned warmup,
               unsigned repeat, bool json) {
    const auto queries = qaindex::bench::read_queries(queries_file);
    if (!fs::exists(database))
        throw qaindex::UsageError(database.string() + " does not exist");
    Db db(database);
    sqlite3_stmt* select = db.prepare(
        "SELECT id, title, body FROM entries WHERE entries MATCH ? ORDER BY rank LIMIT 10");
    std::size_t data_bytes = 0;
    const auto summary =
        qaindex::bench::time_queries(queries, warmup, repeat, [&](const std::string& text) {
            const std::string query = fts_query(text);
            if (query.empty())
                return std::size_t{0};
            bind_text(select, 1, query);
            std::size_t hits = 0;
            int status = SQLITE_ROW;
            while ((status = sqlite3_step(select)) == SQLITE_ROW) {
                ++hits;
                data_bytes += static_cast<std::size_t>(sqlite3_column_bytes(select, 2));
            }
            if (status != SQLITE_DONE)
                db.fail("query " + query);
            sqlite3_reset(select);
            return hits;
        });
    sqlite3_finalize(select);
    qaindex::bench::print_summary(summary, "sqlite-fts5", "search", json);
    if (data_bytes == 0)
        std::cerr << "note: no query matched anything\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "SQLite FTS5 baseline: index a corpus (porter stemming), or time BM25 queries on it."};
    app.require_subcommand(1);
    fs::path corpus;
    fs::path database;
    fs::path queries;
    unsigned warmup = 0;
    unsigned repeat = 1;
    bool json = false;
    app.add_flag("--json", json, "Print one JSON object");
    auto* index = app.add_subcommand("index", "Index CORPUS into the SQLite file DB (replaced)");
    index->add_option("CORPUS", corpus, "Corpus folder or file")->required();
    index->add_option("DB", database, "Database file")->required();
    auto* search =
        app.add_subcommand("search", "Run each query of QUERIES_FILE on DB, top 10, BM25");
    search->add_option("DB", database, "Database file")->required();
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
        std::cerr << "qaindex_sqlite_baseline: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "qaindex_sqlite_baseline: error: " << e.what() << '\n';
        return 1;
    }
}
