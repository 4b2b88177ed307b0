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

/// The format a file is read as, from its name alone (extensions in any case: .txt, .jsonl,
/// .ndjson, .xml, .csv); nullopt for files a corpus folder may hold that are not
/// consultations: names starting with "." and names that are README, LICENSE, LICENCE,
/// COPYING, NOTICE or PROVENANCE (any case) alone or followed by '.', '-', '_' or ' '
/// ("Readme.txt", "LICENSE-MIT"; "noticeable_rash.txt" is a page), and other extensions.
/// Only the last path component is looked at; list_corpus() also skips hidden folders.
[[nodiscard]] std::optional<CorpusFormat> detect_format(const std::filesystem::path& path);

/// One file of a corpus.
struct CorpusFile {
    std::filesystem::path path{};  ///< as found under the corpus root
    std::string relative{};        ///< path relative to the root, '/'-separated
    CorpusFormat format = CorpusFormat::ConsultationPage;
    std::uintmax_t size = 0;     ///< bytes
    std::int64_t modified = 0;   ///< modification time, nanoseconds since the epoch

    bool operator==(const CorpusFile&) const = default;
};

/// The corpus files under root (recursively, sorted by relative path; hidden files and
/// folders skipped). Symlinks are followed; a folder or file reachable twice (through a link,
/// or a link cycle) is listed once, under its direct path when it has one. root may also be
/// a single file. Folders that cannot be listed, and dangling links with a corpus extension,
/// are reported to diagnose (Problem::Unreadable) and skipped; so are corpus files and folders
/// whose names (relative to root) are not valid UTF-8 (Problem::InvalidUtf8: ids and stored
/// data are UTF-8; the message shows each bad byte as \xNN). A throwing sink stops the
/// listing. Throws InputError if root does not exist, or is a file detect_format() rejects.
/// Thread-safe (no shared state).
[[nodiscard]] std::vector<CorpusFile> list_corpus(const std::filesystem::path& root,
                                                  const DiagnosticSink& diagnose = {});

/// Receives each consultation a reader recovers.
using EntrySink = std::function<void(Consultation&&)>;

/// Receives how many bytes of a file a reader has parsed so far (never decreasing).
using ProgressSink = std::function<void(std::uintmax_t bytes)>;

/// Reads one corpus file with the reader for its format, in one read() of the whole file.
/// Each consultation read goes to emit; each problem goes to diagnose, and the record (or,
/// for an unreadable or binary file, the whole file) is skipped. Returns the number of
/// consultations emitted. A record over the limits of qaindex/limits.hpp (a field over 1 MiB)
/// is reported (Problem::TooLarge, with its line) and skipped. Exceptions thrown by emit or
/// diagnose propagate unchanged and the
/// reader keeps no state, so the file can simply be read again. Either sink may be empty.
/// Entry ids: pages use their relative path without ".txt"; JSON Lines keep "id" (or use
/// "relative#line"); MedQuAD uses SOURCE_FILE_SecN; CSV uses "relative#record".
/// Diagnostics and Consultation::source name file.path; source adds ":line" for every format
/// but pages (one entry per file). progress, if set, hears of the bytes parsed so far after
/// each record of a JSON Lines or CSV file (so that one big file shows progress), then of the
/// file's size for every format; each count once, rising. Thread-safe (no shared state).
std::size_t read_corpus_file(const CorpusFile& file, const EntrySink& emit,
                             const DiagnosticSink& diagnose, const ProgressSink& progress = {});

/// Parses the text of one consultation page. id becomes the entry's id and source names the
/// page in diagnostics and in Consultation::source. Lines are trimmed, CRLF and a UTF-8 BOM
/// are accepted, and blank lines carry no meaning: a field's paragraphs are joined with one
/// "\n". language is "zh" when the title or question holds Han characters, else "en".
/// Returns nullopt after one diagnostic: Empty for a blank page; Truncated (with the line)
/// when the page lacks a title, question or "Ask Date:" line, or a reply block lacks its
/// "Reply Date:" line; Malformed for a bad date or an unexpected line after the asker line;
/// InvalidUtf8.
[[nodiscard]] std::optional<Consultation> parse_page(std::string_view text, std::string_view id,
                                                     std::string_view source,
                                                     const DiagnosticSink& diagnose = {});

/// Writes a consultation in the consultation-page layout, with no final newline, as the
/// reference page is; parse_page() reads it back to an equal Consultation (id and source
/// aside) when the text fields hold no blank lines and no surrounding spaces. An entry
/// without a title gets its question's first line as the title line.
[[nodiscard]] std::string format_page(const Consultation& entry);

/// Parses JSON Lines text (the schema is in docs/formats.md). source names the file; id_base is the
/// prefix of ids made up for lines without "id" ("id_base#line"). A bad line is reported
/// with its line number and skipped. Returns the number of entries emitted.
std::size_t parse_json_lines(std::string_view text, std::string_view source,
                             std::string_view id_base, const EntrySink& emit,
                             const DiagnosticSink& diagnose = {});

/// Writes a consultation as one JSON Lines record (no trailing newline).
[[nodiscard]] std::string format_json_line(const Consultation& entry);

/// Parses one MedQuAD XML document. file_stem is the file name without ".xml" (ids are
/// SOURCE_STEM_SecN, N the pair's 1-based position in the document; SOURCE is the root's
/// source or corpus attribute, else derived from source's folder: 6_NINDS_QA -> NINDS).
/// Returns the number of entries emitted; pairs with empty answers are not entries and are
/// not diagnostics either. Broken XML is one diagnostic with the line of pugixml's offset.
std::size_t parse_medquad_xml(std::string_view text, std::string_view source,
                              std::string_view file_stem, const EntrySink& emit,
                              const DiagnosticSink& diagnose = {});

/// Parses a department,title,ask,answer CSV (RFC 4180 quoting, embedded newlines; columns
/// found by header name, "ask" required). department becomes the reply's specialty, answer
/// its text; ids are "id_base#N" with N the record's number after the header; language
/// "zh". A bad record is reported with the line it starts on and skipped. Returns the
/// number of entries emitted.
std::size_t parse_consultation_csv(std::string_view text, std::string_view source,
                                   std::string_view id_base, const EntrySink& emit,
                                   const DiagnosticSink& diagnose = {});

}  // namespace qaindex
