// SPDX-License-Identifier: Apache-2.0
// Corpus readers: find the files of a corpus folder and read each into Consultations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/diagnostic.hpp"

namespace qaindex {

/// The input formats qaindex reads.
enum class CorpusFormat {
    ConsultationPage,  ///< *.txt: one page in the reference page's plain-text layout
    JsonLines,         ///< *.jsonl, *.ndjson: one consultation object per line
    MedquadXml,        ///< *.xml: one MedQuAD document (and its <doc>/<DiseaseFile> variants)
    ConsultationCsv,   ///< *.csv: header department,title,ask,answer (zh-consultations)
};

/// "page", "jsonl", "medquad-xml" or "csv".
[[nodiscard]] std::string_view to_string(CorpusFormat format);

/// The format a file is read as, from its name; nullopt for files a corpus folder may hold
/// that are not consultations (README, LICENSE, PROVENANCE, hidden files, other extensions).
[[nodiscard]] std::optional<CorpusFormat> detect_format(const std::filesystem::path& path);

/// One file of a corpus.
struct CorpusFile {
    std::filesystem::path path;  ///< as found under the corpus root
    std::string relative;        ///< path relative to the root, '/'-separated
    CorpusFormat format = CorpusFormat::ConsultationPage;
    std::uintmax_t size = 0;     ///< bytes
    std::int64_t modified = 0;   ///< modification time, nanoseconds since the epoch

    bool operator==(const CorpusFile&) const = default;
};

/// The corpus files under root (recursively, sorted by relative path, symlinks followed
/// once). root may also be a single file. Folders that cannot be listed are reported to
/// diagnose and skipped. Throws InputError if root does not exist.
[[nodiscard]] std::vector<CorpusFile> list_corpus(const std::filesystem::path& root,
                                                  const DiagnosticSink& diagnose = {});

/// Receives each consultation a reader recovers.
using EntrySink = std::function<void(Consultation&&)>;

/// Reads one corpus file with the reader for its format. Each consultation read goes to
/// emit; each problem goes to diagnose, and the record (or, for an unreadable or binary
/// file, the whole file) is skipped. Returns the number of consultations emitted.
/// Entry ids: pages use their relative path without ".txt"; JSON Lines keep "id" (or use
/// "relative#line"); MedQuAD uses SOURCE_FILE_SecN; CSV uses "relative#record".
std::size_t read_corpus_file(const CorpusFile& file, const EntrySink& emit,
                             const DiagnosticSink& diagnose);

/// Parses the text of one consultation page. id becomes the entry's id and source names the
/// page in diagnostics and in Consultation::source. Returns nullopt (after a diagnostic)
/// when the page lacks a title, question or "Ask Date" line.
[[nodiscard]] std::optional<Consultation> parse_page(std::string_view text, std::string_view id,
                                                     std::string_view source,
                                                     const DiagnosticSink& diagnose = {});

/// Writes a consultation in the consultation-page layout; parse_page() reads it back.
[[nodiscard]] std::string format_page(const Consultation& entry);

/// Parses JSON Lines text (the schema is in README). source names the file; id_base is the
/// prefix of ids made up for lines without "id". Returns the number of entries emitted.
std::size_t parse_json_lines(std::string_view text, std::string_view source,
                             std::string_view id_base, const EntrySink& emit,
                             const DiagnosticSink& diagnose = {});

/// Writes a consultation as one JSON Lines record (no trailing newline).
[[nodiscard]] std::string format_json_line(const Consultation& entry);

/// Parses one MedQuAD XML document. file_stem is the file name without ".xml" (ids are
/// SOURCE_STEM_SecN). Returns the number of entries emitted; pairs with empty answers are
/// not entries and are not diagnostics either.
std::size_t parse_medquad_xml(std::string_view text, std::string_view source,
                              std::string_view file_stem, const EntrySink& emit,
                              const DiagnosticSink& diagnose = {});

/// Parses a department,title,ask,answer CSV (RFC 4180 quoting, embedded newlines).
std::size_t parse_consultation_csv(std::string_view text, std::string_view source,
                                   std::string_view id_base, const EntrySink& emit,
                                   const DiagnosticSink& diagnose = {});

}  // namespace qaindex
