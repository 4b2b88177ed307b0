// SPDX-License-Identifier: Apache-2.0
// Searcher: search, Similar Q&A, Related FAQ and entry lookup over one index.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/search.hpp"

namespace qaindex {

class IndexWriter;
class Lexicon;

/// How Searcher::open() opens an index.
struct SearcherOptions {
    const Lexicon* lexicon = nullptr;  ///< nullptr: Lexicon::builtin()
    /// For a shard list: search the shards that can be reached when some cannot (and report
    /// the others in SearchResults::shards) instead of throwing IndexError. Term statistics,
    /// hence scores, are then those of the shards searched.
    bool allow_partial = false;
};

/// Answers queries over one index. Not thread-safe: Xapian objects must not be shared, so
/// use one Searcher per thread (opening one is cheap). Move-only; a moved-from Searcher may
/// only be destroyed or assigned to. A Searcher sees the index as it was when opened;
/// reopen() moves it to the latest committed state (search() does so itself when a
/// concurrent build has replaced what it was reading).
///
/// On a machine with two or more cores, a Searcher opened on a folder matches a costly query
/// (one whose terms have over 40,000 postings in all: a long question on a large index) on
/// two threads, each taking half of the entries, with a second handle on the index; the
/// results are exactly those of one thread. A costly search or Similar Q&A without filters
/// or facets runs in two passes: the 500 best entries by the question's rarer words (those
/// held by at most a tenth of the entries; on two threads, 500 per half), then all of its
/// words ranking those; set_two_passes(false) ranks every match. From its second count of a
/// facet on one revision of the index, a Searcher opened on a folder keeps that facet's
/// values for every entry in memory instead of reading them for every match. What each of
/// these costs and changes is measured in bench/RESULTS.md and bench/RESULTS-ranking.md.
///
/// Not found: a lookup (entry()) returns an empty value; a request about an entry the index
/// lacks (similar() or related() by id) throws UsageError.
class Searcher {
  public:
    /// Opens the index folder at database. lexicon nullptr means Lexicon::builtin(); another
    /// must outlive the Searcher. Throws IndexError if the folder holds no index, Xapian
    /// cannot open it, or it was written with another schema version.
    [[nodiscard]] static Searcher open(const std::filesystem::path& database,
                                       const Lexicon* lexicon = nullptr);
    /// Opens the index at database: an index folder, or a shard list (shards.hpp: a file, or a
    /// folder of shards written by build_shards()) naming index folders and indexes served by
    /// xapian-tcpsrv (`tcp HOST PORT`), searched as one index.
    ///
    /// Over several shards, or any remote one, Xapian joins them and shares their term
    /// statistics, and every match is Xapian's own (what a stock xapian-tcpsrv can run): the
    /// hits, their order and scores are those of one index of the same entries matched in one
    /// pass on one thread (one index may rank a costly query's candidates in two passes, see
    /// above). Not used: the second thread, the two-pass candidate ranking and facet tables.
    /// Over TCP there is no spelling table (misspellings are corrected from the lexicon only).
    /// SearchResults::shards says so. A shard list of one local folder is that folder.
    ///
    /// Throws IndexError naming the shard (its line in the list) that cannot be opened,
    /// unless options.allow_partial; UsageError for a malformed shard list (file:line). A
    /// remote shard that stops answering later makes search() and similar() throw IndexError
    /// naming it, or with allow_partial leave it out (tried again every 10 s).
    [[nodiscard]] static Searcher open(const std::filesystem::path& database,
                                       const SearcherOptions& options);
    /// Searches what writer holds, committed or not (same thread as the writer only, and not
    /// beyond the writer's lifetime). lexicon nullptr means the writer's lexicon. An
    /// in-memory index has no spelling table: suggestions then come from the lexicon's
    /// misspellings only.
    [[nodiscard]] static Searcher open(const IndexWriter& writer, const Lexicon* lexicon = nullptr);

    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Ranked results for request. Throws UsageError for an empty query with no filter, a
    /// query over kMaxQueryBytes (qaindex/limits.hpp) or an unknown specialty or symptom in
    /// the filter, QueryError if nothing can be run, IndexError if the index cannot be read.
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    /// The entries most related to request.id (never itself) or to request.text, without
    /// near-duplicates of it or of each other. Throws UsageError for an unknown id, a request
    /// with both an id and text, an empty request, text over kMaxQueryBytes or a bad filter
    /// value; IndexError if the index cannot be read.
    [[nodiscard]] SearchResults similar(const SimilarRequest& request);

    /// The symptom and condition topics the entry request.id shares with the rest of the
    /// index, each with its usual specialty, most shared first, at most request.limit.
    /// Throws UsageError for an id the index lacks, IndexError if the index cannot be read.
    [[nodiscard]] std::vector<RelatedFaq> related(const RelatedRequest& request);

    /// The entry with this id, whole, as the index stores it (its source as read at indexing),
    /// or nullopt if the index has none (not an error). Throws IndexError if the index
    /// cannot be read.
    [[nodiscard]] std::optional<Consultation> entry(const EntryId& id);

    /// Entries in the index.
    [[nodiscard]] std::size_t size() const;

    /// Moves to the latest committed state of the index (for a folder, the generation its
    /// last build published). Of a shard list: reads the list again and opens every shard it
    /// names anew (a new generation published on a machine serving it with xapian-tcpsrv is
    /// seen through a new connection only). Throws IndexError if it can no longer be opened.
    void reopen();

    /// Whether a large match may take a second thread (see above); on by default. Turn it
    /// off where every core already runs a Searcher of its own.
    void set_two_threads(bool allowed);

    /// Whether a costly match may rank only the candidates its rarer words find (see above);
    /// on by default. Off: every match is ranked, at up to twice the time.
    void set_two_passes(bool allowed);

  private:
    struct Impl;
    explicit Searcher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace qaindex
