// SPDX-License-Identifier: Apache-2.0
// Helpers for index tests: small consultations and corpora written in the page format.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "qaindex/consultation.hpp"
#include "qaindex/corpus.hpp"

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

}  // namespace qaindex::test
