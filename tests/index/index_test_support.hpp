// SPDX-License-Identifier: Apache-2.0
// Helpers for index tests: small consultations, corpora, and a corpus built into an index.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "qaindex/consultation.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/index_writer.hpp"
#include "test_support.hpp"

namespace qaindex::test {

/// A consultation with the parts the index uses.
inline Consultation consultation(const std::string& id, const std::string& title,
                                 const std::string& question, const std::string& specialty,
                                 const std::string& reply, Date asked = {2010, 5, 17}) {
    Consultation entry;
    entry.id.value = id;
    entry.title = title;
    entry.question = question;
    entry.asker = {.name = "Lin Mei", .age_group = "30~39", .sex = Sex::Female};
    entry.asked = asked;
    entry.replies.push_back(
        {.doctor = "Ye Boshou", .specialty = specialty, .text = reply, .date = asked});
    entry.language = "en";
    return entry;
}

/// Writes entry as a consultation page at root/relative (folders created).
inline void write_page(const std::filesystem::path& root, const std::string& relative,
                       const Consultation& entry) {
    const auto path = root / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << format_page(entry);
}

/// Writes text to root/relative as is.
inline void write_text(const std::filesystem::path& root, const std::string& relative,
                       const std::string& text) {
    const auto path = root / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

/// A corpus of three pages and a JSON Lines file with two entries.
inline void write_corpus(const std::filesystem::path& root) {
    write_page(root, "neurology/001.txt",
               consultation("neurology/001", "Eyelid twitching", "My eyelid keeps twitching.",
                            "Neurology", "Usually benign myokymia."));
    write_page(root, "cardiology/001.txt",
               consultation("cardiology/001", "Palpitations", "My heart races at night.",
                            "Cardiology", "Consider a Holter monitor."));
    write_page(root, "dermatology/001.txt",
               consultation("dermatology/001", "Itchy rash", "A red itchy rash on my arm.",
                            "Dermatology", "Probably contact dermatitis."));
    write_text(root, "more.jsonl",
               "{\"id\":\"j1\",\"title\":\"Heartburn\",\"question\":\"Burning in my chest after "
               "meals\",\"reply\":\"Acid reflux is likely\",\"specialty\":\"Gastroenterology\"}\n"
               "{\"id\":\"j2\",\"title\":\"Tinnitus\",\"question\":\"Ringing in my ears\","
               "\"reply\":\"See an ENT\",\"specialty\":\"Otolaryngology\"}\n");
    write_text(root, "README.md", "not a corpus file");
}

/// Options to build corpus into db on two threads (so that both workers' paths run).
inline BuildOptions options_for(const std::filesystem::path& corpus,
                                const std::filesystem::path& db) {
    BuildOptions options;
    options.corpus = corpus;
    options.database = db;
    options.threads = 2;
    return options;
}

/// The start of most build tests: a scratch folder holding write_corpus()'s corpus (corpus)
/// and an index built from it (db).
struct BuiltCorpus {
    explicit BuiltCorpus(const std::string& name) : scratch(name) {
        write_corpus(corpus);
        report = build_index(options_for(corpus, db));
    }
    ScratchDir scratch;
    std::filesystem::path corpus = scratch.path() / "corpus";
    std::filesystem::path db = scratch.path() / "db";
    BuildReport report;  ///< the first build's
};

}  // namespace qaindex::test
