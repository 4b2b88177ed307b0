// SPDX-License-Identifier: Apache-2.0
// qaindex_xapian_bm25_run: the plain-Xapian BM25 baseline over a JSON Lines corpus; a TREC run.
#include <fmt/core.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "trec_io.hpp"

namespace {

// The text fields the baseline indexes, in this order, when a record has them: "title",
// "question", and each "replies"[].text. The rest of the record is ignored.
std::vector<std::string> record_texts(const nlohmann::json& record) {
    std::vector<std::string> texts;
    for (const char* field : {"title", "question"}) {
        if (const auto it = record.find(field); it != record.end() && it->is_string()) {
            texts.push_back(it->get<std::string>());
        }
    }
    if (const auto it = record.find("replies"); it != record.end() && it->is_array()) {
        for (const auto& reply : *it) {
            if (reply.is_object() && reply.contains("text") && reply["text"].is_string()) {
                texts.push_back(reply["text"].get<std::string>());
            }
        }
    }
    return texts;
}

// Indexes corpus into db; returns the number of documents. Bad lines are reported and skipped.
std::size_t index_corpus(const std::filesystem::path& corpus, const Xapian::Stem& stemmer,
                         Xapian::WritableDatabase& db) {
    std::ifstream in(corpus);
    if (!in) {
        throw std::runtime_error(corpus.string() + ": cannot be read");
    }
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(stemmer);
    indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::string line;
    std::size_t number = 0;
    std::size_t indexed = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object() || !record.contains("id") ||
            !record["id"].is_string()) {
            fmt::print(stderr, "{}:{}: not a JSON object with a string \"id\": skipped\n",
                       corpus.string(), number);
            continue;
        }
        Xapian::Document document;
        indexer.set_document(document);
        for (const std::string& text : record_texts(record)) {
            indexer.index_text(text);
            indexer.increase_termpos(100);
        }
        document.set_data(record["id"].get<std::string>());
        db.add_document(document);
        ++indexed;
    }
    return indexed;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Plain Xapian baseline: indexes a JSON Lines corpus in memory (title, question "
        "and reply texts; TermGenerator, Stem(\"english\"), STEM_SOME), runs each query "
        "of queries.tsv through QueryParser (same stemmer, default operator OR, "
        "FLAG_DEFAULT) with BM25 defaults, and writes a TREC run to standard output.",
        "qaindex_xapian_bm25_run"};
    std::filesystem::path corpus;
    std::filesystem::path queries_path;
    Xapian::doccount limit = 100;
    std::string tag = "xapian-bm25";
    std::string language = "english";
    app.add_option("--corpus", corpus, "corpus.jsonl")->required();
    app.add_option("--queries", queries_path, "queries.tsv")->required();
    app.add_option("--limit", limit, "results per query (default 100)");
    app.add_option("--tag", tag, "run tag (default xapian-bm25)");
    app.add_option("--stemmer", language,
                   "Xapian::Stem language for corpus and queries; \"none\" for no stemming "
                   "(default english)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    try {
        const auto queries = qaindex::bench::read_queries(queries_path);
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        const Xapian::Stem stemmer(language);
        const std::size_t documents = index_corpus(corpus, stemmer, db);
        fmt::print(stderr, "qaindex_xapian_bm25_run: {} documents, {} queries\n", documents,
                   queries.size());

        Xapian::QueryParser parser;
        parser.set_stemmer(stemmer);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_database(db);
        parser.set_default_op(Xapian::Query::OP_OR);
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        for (const auto& query : queries) {
            Xapian::Query parsed;
            try {
                parsed = parser.parse_query(query.text, Xapian::QueryParser::FLAG_DEFAULT);
            } catch (const Xapian::QueryParserError&) {
                // What a search box would do with text the syntax rejects: plain words.
                try {
                    parsed = parser.parse_query(query.text, 0);
                } catch (const Xapian::QueryParserError& e) {
                    fmt::print(stderr, "query {}: {}: no results\n", query.qid, e.get_msg());
                }
            }
            enquire.set_query(parsed);
            const Xapian::MSet matches = enquire.get_mset(0, limit);
            std::size_t rank = 0;
            for (auto it = matches.begin(); it != matches.end(); ++it) {
                qaindex::bench::write_run_line(stdout, query.qid, it.get_document().get_data(),
                                               ++rank, it.get_weight(), tag);
            }
        }
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "qaindex_xapian_bm25_run: {}\n", e.get_description());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "qaindex_xapian_bm25_run: {}\n", e.what());
        return 1;
    }
    return 0;
}
