// SPDX-License-Identifier: Apache-2.0
// build_index(): read a corpus on every core and write it, fully or incrementally, atomically.
#include <xapian.h>

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <variant>

#include "index/index_folder.hpp"
#include "index/index_writer_impl.hpp"
#include "index/pause_point.hpp"
#include "index/schema.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/shards.hpp"

namespace qaindex {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Entries are handed between threads in chunks, so one big JSON Lines or CSV file still
// keeps every core busy: the thread reading it passes chunks on to idle workers.
constexpr std::size_t kChunkEntries = 128;

// Xapian buffers postings, positions and spelling changes in std::maps until it flushes
// (every 10,000 documents by default); lookups in those maps dominate indexing time and grow
// with them. Committing the (unsynced, scratch) shards every 100 entries took 40% less CPU
// and an eighth of the memory on a generated 10,000-entry corpus (56 s -> 33 s CPU, 574 MB ->
// 72 MB peak; every 30, 200, 300 and 1,000 entries measured 33, 33.5, 36 and 44 s).
constexpr std::size_t kShardCommitEntries = 100;

// Each commit rewrites the B-tree blocks its entries touch, more and deeper ones as a shard
// grows: building 1,000,000 entries on 2 threads into one scratch shard each, the CPU per
// entry rose 1.6x between 146,000 and 444,000 entries (bench/RESULTS.md, "A million
// entries"). So a build thread starts a new scratch shard after this many entries (the
// compaction merges any number of them); the figures behind it are in bench/RESULTS.md,
// "Figures behind code constants". The environment variable
// QAINDEX_TEST_SCRATCH_SHARD_ENTRIES overrides it, for tests and measurements only.
constexpr std::size_t kScratchShardEntries = 50'000;

std::size_t scratch_shard_entries() {
    const char* const value = std::getenv("QAINDEX_TEST_SCRATCH_SHARD_ENTRIES");
    if (value != nullptr) {
        char* end = nullptr;
        const unsigned long long entries = std::strtoull(value, &end, 10);
        if (end != value && *end == '\0' && entries > 0) {
            return static_cast<std::size_t>(entries);
        }
    }
    return kScratchShardEntries;
}

// Disk a build needs, from the bytes it reads (generated pages, bench/RESULTS.md 2026-12-07):
// a full build peaks at 10.3 times its input (the shards, then the compacted copy beside
// them). An update adds about as much per byte read, and copies each block of the live index
// it changes, once per update: 20 pages added to 11,000 took 7.8 MB (213 times their bytes),
// 1,000 pages 66 MB (27 times), and no update copies more than the whole index.
constexpr std::uintmax_t kBuildBytesPerInputByte = 12;
constexpr std::uintmax_t kUpdateCopyPerInputByte = 256;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Entries read but not yet analysed.
struct ReadChunk {
    std::size_t file = 0;
    std::vector<Consultation> entries;
};

// Entries analysed and ready to write.
struct BuiltChunk {
    std::size_t file = 0;
    std::vector<detail::BuiltEntry> entries;
};

// Sent by the thread that read a file once it has read all of it.
struct FileRead {
    std::size_t file = 0;
    std::size_t chunks = 0;   // chunks the file was cut into
    std::size_t entries = 0;  // entries it contributed
};

// What one build shares between its threads: the work, the counters, the diagnostics.
class Pipeline {
  public:
    Pipeline(const BuildOptions& options, const Lexicon& lexicon,
             const std::vector<CorpusFile>& files, std::vector<std::size_t> to_read)
        : options_(options),
          lexicon_(lexicon),
          files_(files),
          pending_files_(to_read.begin(), to_read.end()) {
        for (const std::size_t index : to_read) {
            bytes_total_ += files_[index].size;
        }
    }

    // The callbacks a worker hands its results to.
    struct Sinks {
        std::function<void(BuiltChunk&&)> built;
        std::function<void(const FileRead&)> file_read;
    };

    // Runs one worker until there is no work left or the build stops.
    void work(const Sinks& sinks) {
        try {
            detail::DocumentBuilder builder(lexicon_);
            while (auto job = next_job()) {
                if (auto* chunk = std::get_if<ReadChunk>(&*job)) {
                    sinks.built(build(builder, std::move(*chunk)));
                    finish_chunk();
                } else {
                    read_file(std::get<std::size_t>(*job), builder, sinks);
                }
            }
        } catch (...) {
            stop(std::current_exception());
        }
    }

    // Records the first failure and makes every worker stop.
    void stop(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!error_) {
            error_ = std::move(error);
        }
        stopped_ = true;
        work_ready_.notify_all();
    }

    [[nodiscard]] bool stopped() const {
        std::lock_guard lock(mutex_);
        return stopped_;
    }

    void rethrow_if_failed() const {
        std::lock_guard lock(mutex_);
        if (error_) {
            std::rethrow_exception(error_);
        }
    }

    [[nodiscard]] BuildProgress progress(Clock::time_point start) const {
        return {.files_done = files_done_.load(),
                .files_total = files_total(),
                .bytes_done = bytes_done_.load(),
                .bytes_total = bytes_total_,
                .entries = entries_read_.load(),
                .seconds = seconds_since(start)};
    }

    void diagnose(const Diagnostic& diagnostic) {
        if (options_.strict) {
            // Not skipped but fatal: it reaches the caller once, as the build's error.
            throw InputError(diagnostic.to_string());
        }
        std::lock_guard lock(diagnostics_mutex_);
        ++skipped_;
        ++skipped_by_reason_[std::string(to_string(diagnostic.problem))];
        if (options_.on_diagnostic) {
            options_.on_diagnostic(diagnostic);
        }
    }

    [[nodiscard]] std::size_t skipped() const {
        std::lock_guard lock(diagnostics_mutex_);
        return skipped_;
    }

    void add_totals(BuildReport& report) const {
        std::lock_guard lock(diagnostics_mutex_);
        report.skipped = skipped_;
        report.skipped_by_reason = skipped_by_reason_;
        report.files_read = files_done_.load();
        report.read = entries_read_.load();
        report.bytes_read = bytes_done_.load();
        report.other_shards = other_shards_.load();
    }

    // Whether the entry with this id term read from file is (still) the one kept.
    [[nodiscard]] bool keeps(const std::string& id_term, std::size_t file) const {
        std::lock_guard lock(ids_mutex_);
        const auto it = ids_.find(id_term);
        return it != ids_.end() && it->second.file == file;
    }

    // An entry of an unchanged file already in the index decides like a claim (incremental
    // builds): whether the entry read from file keeps its id against the one from indexed.
    bool claim_against_index(const detail::BuiltEntry& built, std::size_t file,
                             std::size_t indexed) {
        const bool wins = file < indexed;
        const std::string id = built.id_term.substr(schema::kId.size());
        {
            std::lock_guard lock(ids_mutex_);
            shadowed_.insert(wins ? indexed : file);
            if (!wins) {
                ++displaced_[file];
            }
        }
        report_duplicate(id,
                         wins ? Claim{.file = indexed, .record = "entry " + id}
                              : Claim{.file = file, .record = built.record},
                         wins ? file : indexed);
        return wins;
    }

    // Entries of file that were counted as read and then lost their id to an earlier one.
    [[nodiscard]] std::size_t displaced(std::size_t file) const {
        std::lock_guard lock(ids_mutex_);
        const auto it = displaced_.find(file);
        return it == displaced_.end() ? 0 : it->second;
    }

    // Whether an entry of file lost its id to one of another file: the file must then be read
    // again at every build, so that the entry comes back when the other goes.
    [[nodiscard]] bool shadowed(std::size_t file) const {
        std::lock_guard lock(ids_mutex_);
        return shadowed_.count(file) > 0;
    }

    // Id terms taken over by an earlier file after a later one had them: the later entry may
    // have been written already, and must go. With the file each is kept from.
    [[nodiscard]] std::vector<std::pair<std::string, std::size_t>> contested() const {
        std::lock_guard lock(ids_mutex_);
        std::vector<std::pair<std::string, std::size_t>> out;
        for (const std::string& id_term : contested_) {
            out.emplace_back(id_term, ids_.at(id_term).file);
        }
        return out;
    }

  private:
    struct Claim {
        std::size_t file = 0;
        std::string record;  // where the entry was read, for messages
    };

    using Job = std::variant<std::size_t, ReadChunk>;

    [[nodiscard]] std::size_t files_total() const { return files_total_; }

    std::optional<Job> next_job() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (stopped_) {
                return std::nullopt;
            }
            // Chunks first: they hold memory, files do not yet.
            if (!chunks_.empty()) {
                Job job = std::move(chunks_.front());
                chunks_.pop_front();
                ++chunks_in_progress_;
                return job;
            }
            if (!pending_files_.empty()) {
                const std::size_t file = pending_files_.front();
                pending_files_.pop_front();
                ++files_in_progress_;
                return Job(file);
            }
            if (files_in_progress_ == 0 && chunks_in_progress_ == 0) {
                return std::nullopt;
            }
            work_ready_.wait(lock);
        }
    }

    void finish_chunk() {
        std::lock_guard lock(mutex_);
        --chunks_in_progress_;
        work_ready_.notify_all();
    }

    // Hands a full chunk to an idle worker, or builds it here if enough are waiting already.
    void pass_on(ReadChunk&& chunk, detail::DocumentBuilder& builder, const Sinks& sinks) {
        {
            std::lock_guard lock(mutex_);
            if (chunks_.size() < 4) {
                chunks_.push_back(std::move(chunk));
                work_ready_.notify_one();
                return;
            }
        }
        sinks.built(build(builder, std::move(chunk)));
    }

    BuiltChunk build(detail::DocumentBuilder& builder, ReadChunk&& chunk) {
        BuiltChunk built{.file = chunk.file, .entries = {}};
        built.entries.reserve(chunk.entries.size());
        const std::string key = schema::file_key(files_[chunk.file].relative);
        for (const Consultation& entry : chunk.entries) {
            built.entries.push_back(builder.build(entry, key));
        }
        return built;
    }

    void read_file(std::size_t index, detail::DocumentBuilder& builder, const Sinks& sinks) {
        const CorpusFile& file = files_[index];
        ReadChunk chunk{.file = index, .entries = {}};
        std::size_t chunks = 0;
        std::size_t contributed = 0;
        const auto emit = [&](Consultation&& entry) {
            entries_read_.fetch_add(1);
            if (in_other_shard(entry)) {
                return;
            }
            if (!claim_id(entry, index)) {
                return;
            }
            ++contributed;
            chunk.entries.push_back(std::move(entry));
            if (chunk.entries.size() == kChunkEntries) {
                ++chunks;
                pass_on(std::move(chunk), builder, sinks);
                chunk = ReadChunk{.file = index, .entries = {}};
            }
        };
        // Bytes count as read as the reader parses them, so that one big JSON Lines or CSV file
        // shows progress (and a steady ETA) rather than 0% until its end.
        std::uintmax_t counted = 0;
        const auto progress = [&](std::uintmax_t bytes) {
            bytes = std::min(bytes, file.size);
            if (bytes > counted) {
                bytes_done_.fetch_add(bytes - counted);
                counted = bytes;
            }
        };
        read_corpus_file(
            file, emit, [this](const Diagnostic& d) { diagnose(d); }, progress);
        detail::pause_point("reading");
        if (!chunk.entries.empty()) {
            ++chunks;
            sinks.built(build(builder, std::move(chunk)));
        }
        sinks.file_read({.file = index, .chunks = chunks, .entries = contributed});
        files_done_.fetch_add(1);
        progress(file.size);
        std::lock_guard lock(mutex_);
        --files_in_progress_;
        work_ready_.notify_all();
    }

    // Whether options.shard leaves entry to another shard (counted). An entry without an id is
    // every shard's to report.
    bool in_other_shard(const Consultation& entry) {
        if (!options_.shard || entry.id.value.empty() ||
            shard_of(entry.id, options_.shard->count) == options_.shard->index) {
            return false;
        }
        other_shards_.fetch_add(1);
        return true;
    }

    // An id may be read once per build. Of two entries with one id, the first in corpus order
    // (files by relative path, then lines) is kept, whichever thread reads it first: a later
    // one is reported and skipped, and an earlier one read late takes the id over, the one it
    // displaces reported instead (and dropped where it was written, see contested()). Ids are
    // compared by their id term, which is what the index keeps unique (a term holds an id's
    // first 240 bytes).
    bool claim_id(const Consultation& entry, std::size_t file) {
        if (entry.id.value.empty()) {
            diagnose({.file = files_[file].path.string(),
                      .line = std::nullopt,
                      .record = entry.source,
                      .problem = Problem::Malformed,
                      .message = "entry without an id; skipped"});
            return false;
        }
        const std::string id_term = schema::term(schema::kId, entry.id.value);
        Claim loser{.file = file, .record = entry.source.value_or(entry.id.value)};
        std::size_t kept = file;
        {
            std::lock_guard lock(ids_mutex_);
            const auto [it, inserted] = ids_.try_emplace(id_term, loser);
            if (inserted) {
                return true;
            }
            Claim& holder = it->second;
            if (file < holder.file) {
                std::swap(loser, holder);
                ++displaced_[loser.file];
                contested_.insert(id_term);
            }
            kept = holder.file;
            if (kept != loser.file) {
                shadowed_.insert(loser.file);
            }
        }
        report_duplicate(entry.id.value, loser, kept);
        return loser.file != file;
    }

    // Reports the entry with id read from loser.file that another, from the file kept, beat.
    void report_duplicate(const std::string& id, const Claim& loser, std::size_t kept) {
        diagnose({.file = files_[loser.file].path.string(),
                  .line = std::nullopt,
                  .record = loser.record,
                  .problem = Problem::Malformed,
                  .message = "duplicate entry id " + id + " (the one in " +
                             files_[kept].path.string() +
                             (kept == loser.file ? " read first" : ", first in corpus order,") +
                             " is kept); skipped"});
    }

    const BuildOptions& options_;
    const Lexicon& lexicon_;
    const std::vector<CorpusFile>& files_;

    mutable std::mutex mutex_;
    std::condition_variable work_ready_;
    std::deque<std::size_t> pending_files_;
    std::deque<ReadChunk> chunks_;
    std::size_t files_in_progress_ = 0;
    std::size_t chunks_in_progress_ = 0;
    bool stopped_ = false;
    std::exception_ptr error_;
    std::size_t files_total_ = pending_files_.size();

    mutable std::mutex ids_mutex_;
    std::unordered_map<std::string, Claim> ids_;  // id term -> the entry keeping it
    std::set<std::string> contested_;
    std::map<std::size_t, std::size_t> displaced_;
    std::set<std::size_t> shadowed_;

    mutable std::mutex diagnostics_mutex_;
    std::size_t skipped_ = 0;
    std::map<std::string, std::size_t> skipped_by_reason_;

    std::uintmax_t bytes_total_ = 0;
    std::atomic<std::size_t> files_done_{0};
    std::atomic<std::uintmax_t> bytes_done_{0};
    std::atomic<std::size_t> entries_read_{0};
    std::atomic<std::size_t> other_shards_{0};
};

unsigned thread_count(const BuildOptions& options) {
    if (options.threads > 0) {
        return options.threads;
    }
    return std::max(1U, std::thread::hardware_concurrency());
}

// Runs workers on every core while this thread reports progress every quarter second.
void run_workers(Pipeline& pipeline, unsigned threads, const BuildOptions& options,
                 Clock::time_point start, const std::function<void(unsigned)>& worker,
                 const std::function<bool()>& serve = {}) {
    std::vector<std::thread> pool;
    std::atomic<unsigned> running{threads};
    for (unsigned i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
            worker(i);
            running.fetch_sub(1);
        });
    }
    auto last_report = Clock::now();
    while (running.load() > 0) {
        // serve() does the caller's share of the work (writing); otherwise just wait.
        const bool busy = serve && serve();
        if (!busy) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (options.on_progress && Clock::now() - last_report > std::chrono::milliseconds(250)) {
            options.on_progress(pipeline.progress(start));
            last_report = Clock::now();
        }
    }
    for (auto& thread : pool) {
        thread.join();
    }
    while (serve && serve()) {
    }
    if (options.on_progress) {
        options.on_progress(pipeline.progress(start));
    }
}

void sync_folder_files(const fs::path& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const int fd = ::open(entry.path().c_str(), O_RDONLY);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
}

// A corpus that holds records but not one good one: publishing its empty index would throw
// the previous one away for nothing.
InputError nothing_read(const BuildOptions& options, std::size_t skipped) {
    return InputError(options.corpus.string() + ": no entry could be read (" +
                      std::to_string(skipped) +
                      (skipped == 1 ? " record or file" : " records or files") +
                      " skipped); the index is left as it was");
}

std::vector<std::size_t> all_indices(std::size_t count) {
    std::vector<std::size_t> indices(count);
    for (std::size_t i = 0; i < count; ++i) {
        indices[i] = i;
    }
    return indices;
}

// The file term (schema::kFile) of an indexed document; "" if it has none.
std::string file_term_of(Xapian::Database& database, Xapian::docid docid) {
    auto terms = database.termlist_begin(docid);
    terms.skip_to(std::string(schema::kFile));
    if (terms == database.termlist_end(docid) || !(*terms).starts_with(schema::kFile)) {
        return {};
    }
    return *terms;
}

// Removes from the shards the entries that were written before an earlier duplicate took
// their id over (Pipeline::claim_id). Returns how many.
std::size_t drop_displaced(const Pipeline& pipeline, const std::vector<CorpusFile>& files,
                           const std::vector<fs::path>& shard_paths) {
    const auto contested = pipeline.contested();
    if (contested.empty()) {
        return 0;
    }
    std::size_t dropped = 0;
    for (const auto& path : shard_paths) {
        Xapian::WritableDatabase shard(path.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        for (const auto& [id_term, file] : contested) {
            const std::string kept =
                schema::term(schema::kFile, schema::file_key(files[file].relative));
            std::vector<Xapian::docid> doomed;
            for (auto it = shard.postlist_begin(id_term); it != shard.postlist_end(id_term); ++it) {
                if (file_term_of(shard, *it) != kept) {
                    doomed.push_back(*it);
                }
            }
            for (const Xapian::docid docid : doomed) {
                shard.delete_document(docid);
            }
            dropped += doomed.size();
        }
        shard.commit();
    }
    return dropped;
}

// Compaction with the "compacting" pause point after its first table (a test hook).
class PausingCompactor : public Xapian::Compactor {
  public:
    void set_status(const std::string& /*table*/, const std::string& /*status*/) override {
        detail::pause_point("compacting");
    }
};

// A full build: each worker writes its own scratch shards, a new one every
// kScratchShardEntries entries (so writing, too, uses every core); the shards are then
// compacted into one new generation, which is published only when complete.
BuildReport full_build(const BuildOptions& options, const Lexicon& lexicon,
                       const detail::IndexFolder& folder, const std::vector<CorpusFile>& files,
                       std::string reason, Clock::time_point start) {
    const unsigned threads = thread_count(options);
    std::uintmax_t input = 0;
    for (const CorpusFile& file : files) {
        input += file.size;
    }
    detail::require_free_space(folder.root(), kBuildBytesPerInputByte * input,
                               "a full build of " + std::to_string(input) + " bytes of input");
    const std::string generation = folder.next_generation();
    const fs::path target = folder.generation_path(generation);
    // Each thread's scratch shards, in the order it wrote them; a thread touches only its own.
    std::vector<std::vector<fs::path>> scratch(threads);
    const std::size_t entries_per_shard = scratch_shard_entries();
    const auto all_scratch = [&] {
        std::vector<fs::path> paths;
        for (const auto& own : scratch) {
            paths.insert(paths.end(), own.begin(), own.end());
        }
        return paths;
    };
    const auto discard = [&] {
        std::error_code ec;
        for (const auto& path : all_scratch()) {
            fs::remove_all(path, ec);
        }
        fs::remove_all(target, ec);
    };

    Pipeline pipeline(options, lexicon, files, all_indices(files.size()));
    std::vector<detail::FileRecord> records(files.size());
    std::vector<std::size_t> added(threads, 0);
    const auto worker = [&](unsigned i) {
        try {
            // Shards are scratch data: no fsync until the compacted result.
            const auto open_next = [&] {
                scratch[i].push_back(folder.root() / (generation + ".shard-" + std::to_string(i) +
                                                      "-" + std::to_string(scratch[i].size())));
                return Xapian::WritableDatabase(
                    scratch[i].back().string(),
                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            };
            Xapian::WritableDatabase shard = open_next();
            std::size_t uncommitted = 0;
            std::size_t in_shard = 0;
            // Spelling words are counted here and written once each at the end: added entry by
            // entry, Xapian rewrote their table at every commit (a fifth of the build's CPU on
            // a generated 10,000-page corpus). The counts, and so the table, are the same.
            std::unordered_map<std::string, Xapian::termcount> spellings;
            const Pipeline::Sinks sinks{
                .built =
                    [&](BuiltChunk&& chunk) {
                        for (const auto& built : chunk.entries) {
                            if (!pipeline.keeps(built.id_term, chunk.file)) {
                                continue;  // an earlier duplicate took its id meanwhile
                            }
                            shard.add_document(built.document);
                            for (const std::string& word : built.spellings) {
                                ++spellings[word];
                            }
                            ++added[i];
                        }
                        uncommitted += chunk.entries.size();
                        in_shard += chunk.entries.size();
                        if (uncommitted >= kShardCommitEntries) {
                            shard.commit();
                            uncommitted = 0;
                            detail::pause_point("writing-shards");
                        }
                        if (in_shard >= entries_per_shard) {
                            shard.commit();
                            shard.close();
                            shard = open_next();
                            in_shard = 0;
                            uncommitted = 0;
                        }
                    },
                .file_read =
                    [&](const FileRead& read) {
                        records[read.file] = {.size = files[read.file].size,
                                              .modified = files[read.file].modified,
                                              .entries = read.entries};
                    }};
            pipeline.work(sinks);
            for (const auto& [word, count] : spellings) {
                shard.add_spelling(word, count);
            }
            shard.commit();
            detail::pause_point("writing-shards");
        } catch (...) {
            pipeline.stop(std::current_exception());
        }
    };
    run_workers(pipeline, threads, options, start, worker);
    std::size_t dropped = 0;
    try {
        pipeline.rethrow_if_failed();
        std::size_t entries = 0;
        for (const std::size_t n : added) {
            entries += n;
        }
        if (entries == 0 && pipeline.skipped() > 0) {
            throw nothing_read(options, pipeline.skipped());
        }
        dropped = drop_displaced(pipeline, files, all_scratch());
    } catch (...) {
        discard();
        throw;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        records[i].entries -= std::min(records[i].entries, pipeline.displaced(i));
        records[i].reread = pipeline.shadowed(i);
    }

    try {
        Xapian::Database shards;
        for (const auto& path : all_scratch()) {
            shards.add_database(Xapian::Database(path.string()));
        }
        PausingCompactor compactor;
        shards.compact(target.string(), 0, 0, compactor);
        {
            Xapian::WritableDatabase database(target.string(), Xapian::DB_OPEN);
            detail::initialise_database(database, lexicon, true);
            for (std::size_t i = 0; i < files.size(); ++i) {
                database.set_metadata(
                    std::string(schema::kMetaFile) + schema::file_key(files[i].relative),
                    records[i].format());
            }
            database.set_metadata(std::string(schema::kMetaCorpus),
                                  fs::absolute(options.corpus).lexically_normal().string());
            database.set_metadata(std::string(schema::kMetaLastBuild), detail::utc_now());
            database.set_metadata(std::string(schema::kMetaShard),
                                  options.shard ? to_string(*options.shard) : std::string());
            database.commit();
        }
        sync_folder_files(target);
        folder.publish(generation);
    } catch (const Xapian::Error& error) {
        discard();
        detail::throw_index_error(error, options.database.string(), "write the new index");
    } catch (...) {
        discard();
        throw;
    }
    detail::pause_point("published");
    folder.remove_stale();

    BuildReport report;
    report.full = true;
    report.full_reason = std::move(reason);
    report.files = files.size();
    pipeline.add_totals(report);
    for (const std::size_t n : added) {
        report.added += n;
    }
    report.added -= dropped;
    return report;
}

// The ids of the entries in the index that came from one file.
std::set<std::string> ids_of_file(Xapian::Database& database, const std::string& file_term) {
    std::set<std::string> ids;
    for (auto it = database.postlist_begin(file_term); it != database.postlist_end(file_term);
         ++it) {
        auto terms = database.termlist_begin(*it);
        terms.skip_to(std::string(schema::kId));
        if (terms != database.termlist_end(*it) && (*terms).starts_with(schema::kId)) {
            ids.insert(*terms);
        }
    }
    return ids;
}

// Removes the documents of file_term whose id term is in ids (those the file no longer has).
std::size_t remove_vanished(Xapian::WritableDatabase& database, const std::string& file_term,
                            const std::set<std::string>& ids) {
    std::vector<Xapian::docid> doomed;
    for (auto it = database.postlist_begin(file_term); it != database.postlist_end(file_term);
         ++it) {
        auto terms = database.termlist_begin(*it);
        terms.skip_to(std::string(schema::kId));
        if (terms != database.termlist_end(*it) && ids.count(*terms) > 0) {
            doomed.push_back(*it);
        }
    }
    for (const Xapian::docid id : doomed) {
        database.delete_document(id);
    }
    return doomed.size();
}

// An incremental build: only new and changed files are read; workers analyse, this thread
// writes, all inside one Xapian transaction committed at the end.
BuildReport incremental_build(const BuildOptions& options, detail::IndexWriterImpl& writer,
                              const detail::IndexFolder& folder,
                              const std::vector<CorpusFile>& files, Clock::time_point start) {
    Xapian::WritableDatabase& database = writer.database;
    BuildReport report;
    report.files = files.size();

    std::map<std::string, detail::FileRecord> manifest;
    const std::string meta_prefix(schema::kMetaFile);
    for (auto it = database.metadata_keys_begin(meta_prefix);
         it != database.metadata_keys_end(meta_prefix); ++it) {
        if (const auto record = detail::FileRecord::parse(database.get_metadata(*it))) {
            manifest.emplace((*it).substr(meta_prefix.size()), *record);
        }
    }

    std::vector<std::size_t> to_read;
    std::uintmax_t to_read_bytes = 0;
    std::vector<bool> reading(files.size(), false);
    std::set<std::string> present;
    std::map<std::string, std::size_t> file_by_term;  // file term -> index in files
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string key = schema::file_key(files[i].relative);
        present.insert(key);
        file_by_term.emplace(schema::term(schema::kFile, key), i);
        const auto known = manifest.find(key);
        if (known != manifest.end() && known->second.size == files[i].size &&
            known->second.modified == files[i].modified && !known->second.reread) {
            report.unchanged += known->second.entries;
        } else {
            to_read.push_back(i);
            to_read_bytes += files[i].size;
            reading[i] = true;
        }
    }
    if (!to_read.empty()) {
        detail::require_free_space(
            folder.root(),
            std::min(folder.live_bytes(), kUpdateCopyPerInputByte * to_read_bytes) +
                kBuildBytesPerInputByte * to_read_bytes,
            "an update reading " + std::to_string(to_read_bytes) + " bytes");
    }
    bool changed = !to_read.empty();
    for (const auto& [key, record] : manifest) {
        if (present.count(key) == 0) {
            report.deleted += writer.remove_term(schema::term(schema::kFile, key));
            database.set_metadata(meta_prefix + key, "");
            database.set_metadata(std::string(schema::kMetaDeleted) + key, "");
            changed = true;
        }
    }
    if (!changed) {
        return report;  // nothing to write: the transaction is discarded untouched
    }

    // Per file being re-read: the ids it had, and how many of its chunks are written.
    struct FileState {
        std::set<std::string> old_ids;
        std::size_t chunks_written = 0;
        std::optional<FileRead> read;
    };
    std::map<std::size_t, FileState> states;
    std::mutex queue_mutex;
    std::deque<std::variant<BuiltChunk, FileRead>> queue;
    std::condition_variable queue_space;

    const auto state_of = [&](std::size_t file) -> FileState& {
        auto [it, inserted] = states.try_emplace(file);
        if (inserted) {
            it->second.old_ids = ids_of_file(
                database, schema::term(schema::kFile, schema::file_key(files[file].relative)));
        }
        return it->second;
    };
    std::vector<std::optional<FileRead>> reads(files.size());
    const auto finish_if_done = [&](std::size_t file, FileState& state) {
        if (!state.read || state.chunks_written != state.read->chunks) {
            return;
        }
        const std::string key = schema::file_key(files[file].relative);
        report.deleted +=
            remove_vanished(database, schema::term(schema::kFile, key), state.old_ids);
        reads[file] = state.read;  // its manifest record is written at the end
        states.erase(file);
    };
    // Whether the entry read from file keeps its id: against the other entries read in this
    // build (Pipeline::keeps), and against an entry of a file not read again that has it.
    // Of two, the first in corpus order is kept, as a full build would; the other's file is
    // then read again at every build (FileRecord::reread).
    Pipeline pipeline(options, writer.lexicon, files, to_read);
    const auto keeps = [&](const detail::BuiltEntry& built, std::size_t file) {
        if (!pipeline.keeps(built.id_term, file)) {
            return false;
        }
        const auto existing = database.postlist_begin(built.id_term);
        if (existing == database.postlist_end(built.id_term)) {
            return true;
        }
        const auto other = file_by_term.find(file_term_of(database, *existing));
        if (other == file_by_term.end() || reading[other->second]) {
            return true;  // its file is gone, or is read in this build and claims its ids
        }
        if (!pipeline.claim_against_index(built, file, other->second)) {
            return false;
        }
        writer.forget_in_manifest(*existing);
        const std::string key = meta_prefix + schema::file_key(files[other->second].relative);
        if (auto record = detail::FileRecord::parse(database.get_metadata(key))) {
            record->reread = true;
            database.set_metadata(key, record->format());
        }
        return true;
    };
    // Writes what the workers queued; returns whether there was anything.
    const auto serve = [&]() -> bool {
        std::variant<BuiltChunk, FileRead> item;
        {
            std::lock_guard lock(queue_mutex);
            if (queue.empty()) {
                return false;
            }
            item = std::move(queue.front());
            queue.pop_front();
        }
        queue_space.notify_one();
        if (auto* chunk = std::get_if<BuiltChunk>(&item)) {
            FileState& state = state_of(chunk->file);
            for (const auto& built : chunk->entries) {
                if (!keeps(built, chunk->file)) {
                    continue;
                }
                state.old_ids.erase(built.id_term);
                switch (writer.put(built)) {
                    case detail::IndexWriterImpl::Outcome::Added:
                        ++report.added;
                        break;
                    case detail::IndexWriterImpl::Outcome::Updated:
                        ++report.updated;
                        break;
                    case detail::IndexWriterImpl::Outcome::Unchanged:
                        ++report.unchanged;
                        break;
                }
            }
            ++state.chunks_written;
            finish_if_done(chunk->file, state);
            detail::pause_point("updating");
        } else {
            const FileRead& read = std::get<FileRead>(item);
            FileState& state = state_of(read.file);
            state.read = read;
            finish_if_done(read.file, state);
        }
        return true;
    };

    const auto enqueue = [&](std::variant<BuiltChunk, FileRead>&& item) {
        std::unique_lock lock(queue_mutex);
        // Bounded, so analysis cannot run far ahead of writing and fill memory.
        queue_space.wait(lock, [&] { return queue.size() < 16 || pipeline.stopped(); });
        queue.push_back(std::move(item));
    };
    const Pipeline::Sinks sinks{.built = [&](BuiltChunk&& chunk) { enqueue(std::move(chunk)); },
                                .file_read = [&](const FileRead& read) { enqueue(read); }};
    const auto worker = [&](unsigned) { pipeline.work(sinks); };
    const auto serve_or_stop = [&]() -> bool {
        try {
            return serve();
        } catch (...) {
            pipeline.stop(std::current_exception());
            queue_space.notify_all();
            return false;
        }
    };
    run_workers(pipeline, thread_count(options), options, start, worker, serve_or_stop);
    pipeline.rethrow_if_failed();
    if (database.get_doccount() == 0 && pipeline.skipped() > 0) {
        throw nothing_read(options, pipeline.skipped());  // the transaction is not committed
    }
    for (std::size_t file = 0; file < files.size(); ++file) {
        if (reads[file]) {
            const std::size_t entries = reads[file]->entries;
            const std::string key = schema::file_key(files[file].relative);
            database.set_metadata(
                meta_prefix + key,
                detail::FileRecord{.size = files[file].size,
                                   .modified = files[file].modified,
                                   .entries = entries - std::min(entries, pipeline.displaced(file)),
                                   .reread = pipeline.shadowed(file)}
                    .format());
            // Read again, the file's entries are all back: none is deleted any more.
            database.set_metadata(std::string(schema::kMetaDeleted) + key, "");
        }
    }

    pipeline.add_totals(report);
    report.files = files.size();
    database.set_metadata(std::string(schema::kMetaCorpus),
                          fs::absolute(options.corpus).lexically_normal().string());
    detail::pause_point("committing");
    writer.commit();
    return report;
}

// After a failed update, with its writer closed: cuts the live generation's tables back to
// their sizes from before it, unless the update committed after all (then they hold it).
void give_back_space(const fs::path& live, Xapian::rev revision, const detail::FileSizes& sizes) {
    try {
        if (Xapian::Database(live.string()).get_revision() != revision) {
            return;
        }
    } catch (const Xapian::Error&) {
        return;  // cannot tell: leave the tables alone
    }
    detail::truncate_to(sizes);
}

}  // namespace

BuildReport build_index(const BuildOptions& options) {
    const auto start = Clock::now();
    if (options.shard &&
        (options.shard->count == 0 || options.shard->index >= options.shard->count)) {
        throw UsageError("shard " + std::to_string(options.shard->index + 1) + " of " +
                         std::to_string(options.shard->count) + " does not exist");
    }
    const Lexicon& lexicon = options.writer.lexicon ? *options.writer.lexicon : Lexicon::builtin();
    detail::IndexFolder folder(options.database);
    folder.check_usable();

    std::vector<CorpusFile> files;
    // Listing problems (an unreadable sub-folder, a name that is not UTF-8) are diagnostics
    // like any other, and counted with them.
    std::map<std::string, std::size_t> listing_problems;
    {
        std::mutex mutex;
        files = list_corpus(options.corpus, [&](const Diagnostic& diagnostic) {
            if (options.strict) {
                throw InputError(diagnostic.to_string());
            }
            std::lock_guard lock(mutex);
            ++listing_problems[std::string(to_string(diagnostic.problem))];
            if (options.on_diagnostic) {
                options.on_diagnostic(diagnostic);
            }
        });
    }

    BuildReport report;
    const std::string database_name = options.database.string();
    try {
        auto lock = folder.lock();
        std::string reason;
        if (options.rebuild) {
            reason = "--rebuild";
        } else if (!folder.has_index()) {
            reason = "no index yet";
        } else {
            Xapian::Database current(folder.generation_path(*folder.live_generation()).string());
            if (current.get_metadata(std::string(schema::kMetaSchema)) != schema::kVersion) {
                reason = "index schema changed";
            } else if (current.get_metadata(std::string(schema::kMetaLexicon)) !=
                       lexicon.fingerprint()) {
                reason = "lexicon changed since the last build";
            } else if (const std::string held =
                           current.get_metadata(std::string(schema::kMetaShard)),
                       wanted = options.shard ? to_string(*options.shard) : "";
                       held != wanted) {
                auto part = [](const std::string& shard) {
                    return shard.empty() ? std::string("the whole corpus") : "shard " + shard;
                };
                reason = "the index held " + part(held) + ", now " + part(wanted);
            }
        }
        if (!reason.empty()) {
            folder.remove_stale();
            report = full_build(options, lexicon, folder, files, reason, start);
        } else {
            folder.remove_stale();
            const fs::path live = folder.generation_path(*folder.live_generation());
            // A failed update leaves the live generation as it was, but its tables keep the
            // blocks the transaction appended (a full disk stayed full, and every later build
            // failed). Once the database is closed, and if it is still at the revision it had,
            // the tables are cut back to their sizes from before.
            const detail::FileSizes sizes = detail::file_sizes(live);
            const Xapian::rev revision = Xapian::Database(live.string()).get_revision();
            try {
                detail::IndexWriterImpl writer(
                    lexicon, Xapian::WritableDatabase(live.string(), Xapian::DB_OPEN),
                    database_name, true);
                report = incremental_build(options, writer, folder, files, start);
            } catch (...) {
                give_back_space(live, revision, sizes);
                throw;
            }
        }
    } catch (const Xapian::Error& error) {
        detail::throw_index_error(error, database_name, "build the index");
    }
    for (const auto& [reason, count] : listing_problems) {
        report.skipped += count;
        report.skipped_by_reason[reason] += count;
    }
    report.seconds = seconds_since(start);
    report.index_bytes = folder.live_bytes();
    if (const auto live = folder.live_generation()) {
        report.entries = Xapian::Database(folder.generation_path(*live).string()).get_doccount();
    }
    return report;
}

}  // namespace qaindex
