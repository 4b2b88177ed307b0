// SPDX-License-Identifier: Apache-2.0
// Corpus folders: which files are consultations, listing them, reading each with its reader.
#include "qaindex/corpus.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <set>
#include <system_error>
#include <utility>

#include "corpus/csv_reader.hpp"
#include "corpus/jsonl_reader.hpp"
#include "corpus/text.hpp"
#include "corpus/text_file.hpp"
#include "corpus/utf8.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/limits.hpp"

namespace qaindex {
namespace {

namespace fs = std::filesystem;

// Project files that sit beside the data in corpus folders (shared/data has LICENSE.txt,
// PROVENANCE.md, Readme.txt). The prefix must end the name or be followed by a separator,
// so "noticeable_rash.txt" is not taken for a NOTICE file.
bool is_project_file(std::string_view name) {
    constexpr std::array<std::string_view, 6> prefixes = {"README",  "LICENSE", "LICENCE",
                                                          "COPYING", "NOTICE",  "PROVENANCE"};
    for (std::string_view prefix : prefixes) {
        if (detail::starts_with_icase(name, prefix)) {
            const std::string_view rest = name.substr(prefix.size());
            if (rest.empty() || rest.front() == '.' || rest.front() == '-' || rest.front() == '_' ||
                rest.front() == ' ') {
                return true;
            }
        }
    }
    return false;
}

// Names that are not UTF-8 (a Latin-1 "caf\xE9.txt" from an old archive) would become ids,
// file keys and stored data that disagree: stored data is JSON, which is UTF-8 only.
// Such files and folders are reported and skipped; the message shows the name with each
// bad byte as \xNN.
std::optional<std::string> invalid_name_message(std::string_view relative) {
    std::size_t bad = detail::find_invalid_utf8(relative);
    if (bad == std::string_view::npos) {
        return std::nullopt;
    }
    std::string shown;
    while (bad != std::string_view::npos) {
        shown += relative.substr(0, bad);
        static constexpr char digits[] = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(relative[bad]);
        shown += "\\x";
        shown += digits[byte >> 4U];
        shown += digits[byte & 0xFU];
        relative.remove_prefix(bad + 1);
        bad = detail::find_invalid_utf8(relative);
    }
    shown += relative;
    return "name is not valid UTF-8 (" + shown + "); skipped: rename it to index it";
}

struct FileStatus {
    bool ok = false;
    bool directory = false;
    bool regular = false;
    std::uintmax_t size = 0;
    std::int64_t modified = 0;
    dev_t device = 0;
    ino_t inode = 0;
    std::string error;
};

// stat() rather than std::filesystem: one call gives type, size, nanosecond mtime and the
// identity used to follow each symlinked folder once.
FileStatus status_of(const fs::path& path) {
    FileStatus status;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        status.error = std::generic_category().message(errno);
        return status;
    }
    status.ok = true;
    status.directory = S_ISDIR(info.st_mode);
    status.regular = S_ISREG(info.st_mode);
    status.size = static_cast<std::uintmax_t>(info.st_size);
    status.modified = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                      static_cast<std::int64_t>(info.st_mtim.tv_nsec);
    status.device = info.st_dev;
    status.inode = info.st_ino;
    return status;
}

// Walks the real folders first and follows symlinks afterwards, in batches sorted by path: a
// folder or file reachable both directly and through links is listed once, under its direct
// path, whatever order readdir() returns entries in. Symlink cycles end at the visited check.
class Lister {
  public:
    explicit Lister(const DiagnosticSink& diagnose) : diagnose_(diagnose) {}

    std::vector<CorpusFile> run(const fs::path& root, const FileStatus& status) {
        walk(root, "", status);
        while (!links_.empty()) {
            std::vector<Link> batch = std::move(links_);
            links_.clear();
            std::sort(batch.begin(), batch.end(),
                      [](const Link& a, const Link& b) { return a.relative < b.relative; });
            for (const Link& link : batch) {
                visit(link.path, link.relative, true);
            }
        }
        std::sort(files_.begin(), files_.end(),
                  [](const CorpusFile& a, const CorpusFile& b) { return a.relative < b.relative; });
        return std::move(files_);
    }

  private:
    struct Link {
        fs::path path;
        std::string relative;
    };

    void walk(const fs::path& folder, const std::string& relative, const FileStatus& status) {
        if (!folders_.emplace(status.device, status.inode).second) {
            return;
        }
        std::error_code error;
        fs::directory_iterator it(folder, error);
        const fs::directory_iterator end;
        while (!error && it != end) {
            const fs::path& path = it->path();
            const std::string name = path.filename().string();
            if (!name.empty() && name.front() != '.') {
                std::string child = relative.empty() ? name : relative + '/' + name;
                std::error_code ignored;
                if (it->is_symlink(ignored)) {
                    links_.push_back({path, std::move(child)});
                } else {
                    visit(path, child, false);
                }
            }
            it.increment(error);
        }
        if (error) {
            detail::report(diagnose_, folder.string(), std::nullopt, Problem::Unreadable,
                           "cannot list folder: " + error.message());
        }
    }

    void visit(const fs::path& path, const std::string& relative, bool through_link) {
        const FileStatus status = status_of(path);
        const auto format = detect_format(path);
        if (!status.ok) {
            // A dangling symlink or a file removed meanwhile: worth a word only if it would
            // have been read.
            if (format) {
                detail::report(diagnose_, path.string(), std::nullopt, Problem::Unreadable,
                               "cannot read: " + status.error);
            }
            return;
        }
        if (!status.directory && (!status.regular || !format)) {
            return;
        }
        if (const auto message = invalid_name_message(relative)) {
            detail::report(diagnose_, path.string(), std::nullopt, Problem::InvalidUtf8, *message);
            return;
        }
        if (status.directory) {
            walk(path, relative, status);
            return;
        }
        if (!listed_.emplace(status.device, status.inode).second && through_link) {
            return;
        }
        files_.push_back(CorpusFile{.path = path,
                                    .relative = relative,
                                    .format = *format,
                                    .size = status.size,
                                    .modified = status.modified});
    }

    const DiagnosticSink& diagnose_;
    std::set<std::pair<dev_t, ino_t>> folders_;
    std::set<std::pair<dev_t, ino_t>> listed_;
    std::vector<Link> links_;
    std::vector<CorpusFile> files_;
};

std::string_view without_extension(std::string_view relative) {
    const std::size_t dot = relative.rfind('.');
    const std::size_t slash = relative.rfind('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
        return relative;
    }
    return relative.substr(0, dot);
}

}  // namespace

std::string_view to_string(CorpusFormat format) {
    switch (format) {
        case CorpusFormat::ConsultationPage:
            return "page";
        case CorpusFormat::JsonLines:
            return "jsonl";
        case CorpusFormat::MedquadXml:
            return "medquad-xml";
        case CorpusFormat::ConsultationCsv:
            return "csv";
    }
    return "unknown";
}

std::optional<CorpusFormat> detect_format(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    if (name.empty() || name.front() == '.' || is_project_file(name)) {
        return std::nullopt;
    }
    const std::string extension = path.extension().string();
    if (detail::equals_icase(extension, ".txt")) {
        return CorpusFormat::ConsultationPage;
    }
    if (detail::equals_icase(extension, ".jsonl") || detail::equals_icase(extension, ".ndjson")) {
        return CorpusFormat::JsonLines;
    }
    if (detail::equals_icase(extension, ".xml")) {
        return CorpusFormat::MedquadXml;
    }
    if (detail::equals_icase(extension, ".csv")) {
        return CorpusFormat::ConsultationCsv;
    }
    return std::nullopt;
}

std::vector<CorpusFile> list_corpus(const std::filesystem::path& root,
                                    const DiagnosticSink& diagnose) {
    const FileStatus status = status_of(root);
    if (!status.ok) {
        throw InputError("corpus " + root.string() + ": " + status.error);
    }
    if (!status.directory) {
        const auto format = detect_format(root);
        if (!status.regular || !format) {
            throw InputError("corpus " + root.string() +
                             " is neither a folder nor a .txt, .jsonl, .ndjson, .xml or .csv "
                             "consultation file");
        }
        if (const auto message = invalid_name_message(root.filename().string())) {
            detail::report(diagnose, root.string(), std::nullopt, Problem::InvalidUtf8, *message);
            return {};
        }
        return {CorpusFile{.path = root,
                           .relative = root.filename().string(),
                           .format = *format,
                           .size = status.size,
                           .modified = status.modified}};
    }
    return Lister(diagnose).run(root, status);
}

namespace {

std::size_t read_corpus_text(const CorpusFile& file, const EntrySink& emit,
                             const DiagnosticSink& diagnose, const ProgressSink& progress) {
    const std::string source = file.path.string();
    const detail::FileContents contents = detail::read_whole_file(file.path);
    if (contents.error) {
        detail::report(diagnose, source, std::nullopt, Problem::Unreadable, *contents.error);
        return 0;
    }
    const std::string_view text = contents.bytes;
    // Records over the limits are reported and skipped here, for every format alike; their
    // line is the one the reader put in Consultation::source ("path:line").
    std::size_t too_large = 0;
    const EntrySink checked = [&](Consultation&& entry) {
        if (const auto problem = exceeds_limits(entry)) {
            ++too_large;
            std::optional<std::size_t> line;
            std::size_t number = 0;
            if (entry.source && entry.source->size() > source.size() + 1 &&
                entry.source->starts_with(source) && (*entry.source)[source.size()] == ':' &&
                std::from_chars(entry.source->data() + source.size() + 1,
                                entry.source->data() + entry.source->size(), number)
                        .ec == std::errc{}) {
                line = number;
            }
            detail::report(diagnose, source, line, Problem::TooLarge, *problem + "; skipped");
            return;
        }
        if (emit) {
            emit(std::move(entry));
        }
    };
    if (const std::size_t nul = detail::find_binary_byte(text); nul != std::string_view::npos) {
        detail::report(
            diagnose, source, detail::line_at(text, nul), Problem::BinaryFile,
            "binary data (a NUL byte at byte " + std::to_string(nul) + "), not a text file");
        return 0;
    }
    std::size_t read = 0;
    switch (file.format) {
        case CorpusFormat::ConsultationPage: {
            auto entry = parse_page(text, without_extension(file.relative), source, diagnose);
            if (entry) {
                checked(std::move(*entry));
                read = 1;
            }
            break;
        }
        case CorpusFormat::JsonLines:
            read = detail::parse_json_lines(text, source, file.relative, checked, diagnose,
                                            progress);
            break;
        case CorpusFormat::MedquadXml:
            read = parse_medquad_xml(text, source, file.path.stem().string(), checked, diagnose);
            break;
        case CorpusFormat::ConsultationCsv:
            read = detail::parse_consultation_csv(text, source, file.relative, checked, diagnose,
                                                  progress);
            break;
    }
    return read - too_large;
}

}  // namespace

std::size_t read_corpus_file(const CorpusFile& file, const EntrySink& emit,
                             const DiagnosticSink& diagnose, const ProgressSink& progress) {
    if (!progress) {
        return read_corpus_text(file, emit, diagnose, {});
    }
    // Each count once, rising: the readers may repeat one (a blank last line), and the file's
    // listed size comes last.
    std::optional<std::uintmax_t> last;
    const ProgressSink rising = [&](std::uintmax_t bytes) {
        if (!last || bytes > *last) {
            last = bytes;
            progress(bytes);
        }
    };
    const std::size_t read = read_corpus_text(file, emit, diagnose, rising);
    rising(file.size);
    return read;
}

}  // namespace qaindex
