// SPDX-License-Identifier: Apache-2.0
// Requests and results of search, Similar Q&A and Related FAQ: plain values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/snippet.hpp"

namespace qaindex {

/// The facets search can count.
enum class Facet { Specialty, Symptom };

/// "specialty" or "symptom".
[[nodiscard]] std::string_view to_string(Facet facet);

/// Restricts results. Values within one field are alternatives (OR); fields combine (AND).
/// Specialties and symptoms may be given in any form the lexicon knows ("neurologist",
/// "pins and needles"); an unknown one makes the search throw UsageError, and so do an age
/// group that is neither an age nor a range of ages, a range that ends before it starts
/// ("99-1"), a language that is not a BCP 47 tag, and until before since.
struct Filter {
    std::vector<std::string> specialties{};  ///< any form: "neurologist", "Neurology", 神经科
    std::vector<std::string> symptoms{};     ///< any form: "pins and needles", "paresthesia"
    std::optional<Date> since{};             ///< asked on or after
    std::optional<Date> until{};             ///< asked on or before
    std::optional<Sex> sex{};                ///< the asker's, as the entry states it
    std::optional<std::string> age_group{};  ///< "10~19", "30-39", "30 to 39", or an age: "35"
    std::optional<std::string> language{};   ///< "en", "zh" (any case)

    bool operator==(const Filter&) const = default;
};

/// A search.
struct SearchRequest {
    /// Words, a pasted question, or the query syntax: "quoted phrases", AND, OR, NOT,
    /// title:, question:, reply:, specialty:, symptom:. Text the parser rejects is searched
    /// as plain words.
    std::string text{};
    Filter filter{};                  ///< restricts the hits; may stand alone, without text
    std::size_t offset = 0;           ///< hits to skip; past the last match, there are none
    std::size_t limit = 10;           ///< hits to return at most (any size: capped at the entries)
    std::vector<Facet> facets{};      ///< facet counts to compute over all matches
    bool expand = true;               ///< lay <-> clinical synonym and symptom expansion
    bool explain = false;             ///< fill Hit::explanation
    std::size_t snippet_bytes = 240;  ///< about how long a snippet may be
    /// Entries asking the same question (the same title and question once normalised, such
    /// as one FAQ published by several sources) are one hit, which lists the others
    /// (Hit::duplicates). false: each is a hit of its own. Facet counts and total count
    /// every entry either way.
    bool collapse = true;

    bool operator==(const SearchRequest&) const = default;
};

/// A term of the query that matched, and in which field.
struct MatchedTerm {
    std::string term{};   ///< as indexed: "twitch", "symptom:facial twitching"
    std::string field{};  ///< "title", "question", "reply", "more_info", "symptom", ...

    bool operator==(const MatchedTerm&) const = default;
};

/// One part of a hit's score: a feature of the match and its fitted weight. A hit's score is
/// the sum of value x weight over its parts (see docs/ranking.md for what each one is).
struct ScorePart {
    std::string name{};  ///< "first_stage", "coverage", "kind_match", ...
    double value = 0;    ///< the feature's value for this hit, mostly a share in [0, 1]
    double weight = 0;   ///< the feature's weight in the model, for this query's brevity

    bool operator==(const ScorePart&) const = default;
};

/// Why a hit ranked where it did (SearchRequest::explain).
struct Explanation {
    std::vector<MatchedTerm> matched{};      ///< the query's terms the entry holds
    std::vector<std::string> synonyms{};     ///< expansions that matched: "twitching -> myokymia"
    std::vector<std::string> symptoms{};     ///< symptoms shared with the query
    std::vector<std::string> conditions{};   ///< conditions shared with the query
    std::optional<std::string> specialty{};  ///< set if the specialty matched the query's
    /// The parts of the score (score = sum of weight x value), in the model's order; empty
    /// when the query was ranked by its words' weights alone (query syntax without free
    /// words, a filter only).
    std::vector<ScorePart> parts{};
    /// How short the query is, in [0, 1], which sets the parts' weights: 1 (up to 8 words
    /// besides those of kinds of answer) weighs them as fitted for short questions, 0 (from 24
    /// words) as fitted for long ones, and between the two a blend.
    double brevity = 1;

    bool operator==(const Explanation&) const = default;
};

/// One result of search() or similar().
struct Hit {
    EntryId id{};      ///< the entry; Searcher::entry() gives it whole
    double score = 0;  ///< relevance weight; comparable within one result list only
    std::optional<std::string> title{};      ///< Consultation::title
    std::optional<std::string> specialty{};  ///< canonical where the lexicon knows it
    std::optional<std::string> doctor{};     ///< who gave the first reply
    std::optional<Date> asked{};             ///< Consultation::asked
    Snippet snippet{};                       ///< highlighted excerpt around the matching words
    std::string question_excerpt{};          ///< the question cut at about 200 characters, "..."
    std::optional<std::string> reply_excerpt{};  ///< the first reply, cut the same way
    std::vector<std::string> symptoms{};         ///< symptom names the entry is tagged with
    std::optional<std::string> source{};         ///< Consultation::source: file and line or record
    std::optional<Explanation> explanation{};    ///< set when the request asked to explain
    /// The other entries asking the same question, shown as this hit (SearchRequest::collapse):
    /// their ids, at most kMaxListedDuplicates of them, in index order.
    std::vector<EntryId> duplicates{};
    /// How many other entries ask the same question (all of them, listed or not).
    std::size_t duplicate_count = 0;
    /// At most this many duplicates are listed: enough to show, bounded for a FAQ copied
    /// thousands of times.
    static constexpr std::size_t kMaxListedDuplicates = 50;

    bool operator==(const Hit&) const = default;
};

/// One facet value and how many matching entries carry it.
struct FacetCount {
    std::string value{};    ///< canonical name: "Neurology", "facial twitching"
    std::size_t count = 0;  ///< matching entries carrying it (before collapsing duplicates)

    bool operator==(const FacetCount&) const = default;
};

/// The counts of one facet, most entries first. A facet's counts ignore that facet's own
/// filter (so every specialty stays visible while one is selected).
struct FacetCounts {
    Facet facet = Facet::Specialty;    ///< which facet
    std::vector<FacetCount> counts{};  ///< its values, most entries first

    bool operator==(const FacetCounts&) const = default;
};

/// How an index of several shards answered (SearchResults::shards): see Searcher::open() on
/// shard lists and docs/scale.md.
struct ShardReport {
    std::size_t listed = 0;  ///< shards the shard list names
    std::size_t remote = 0;  ///< of them, those served over TCP by xapian-tcpsrv
    /// Shards left out of this answer (SearcherOptions::allow_partial), each with the reason:
    /// "shard 2 of 2, tcp 10.0.0.7 33333 (shards.txt:3): NetworkError: ...". Empty when every
    /// shard answered.
    std::vector<std::string> unavailable{};
    /// How the match ran and what differs from one index's fast paths, for --explain.
    std::string matcher{};

    bool operator==(const ShardReport&) const = default;
};

/// The answer to search() or similar().
struct SearchResults {
    std::string query{};      ///< the query as searched: the request's text (or the entry's)
    std::size_t total = 0;    ///< entries matching (exact up to at least offset+limit+1000)
    std::vector<Hit> hits{};  ///< best first: at most the request's limit
    std::vector<FacetCounts> facets{};        ///< one per facet requested, in request order
    std::optional<std::string> suggestion{};  ///< "Did you mean": the corrected query
    std::vector<std::string> symptoms{};      ///< symptoms recognised in the query
    std::vector<std::string> conditions{};    ///< conditions recognised in the query
    std::vector<std::string> expansions{};    ///< synonym expansions applied to the query
    bool plain_words = false;             ///< the query syntax was rejected and words were searched
    std::optional<ShardReport> shards{};  ///< set when the index is several shards or remote

    bool operator==(const SearchResults&) const = default;
};

/// A Similar Q&A request: for an indexed entry (id) or for new text, not both (a request
/// with an id and text is a UsageError).
struct SimilarRequest {
    std::optional<EntryId> id{};  ///< an indexed entry (UsageError if the index has none)
    std::string text{};           ///< or a new question
    std::size_t limit = 5;        ///< hits to return at most
    Filter filter{};              ///< restricts the hits, as for search
    bool explain = false;         ///< fill Hit::explanation
    /// As SearchRequest::collapse; Similar Q&A also lists under a hit the entries whose
    /// title and question are nearly the same words as its own.
    bool collapse = true;

    bool operator==(const SimilarRequest&) const = default;
};

/// A Related FAQ request: the topics an indexed entry shares with the rest of the index.
struct RelatedRequest {
    EntryId id{};            ///< the entry (UsageError if the index has none)
    std::size_t limit = 10;  ///< topics to return at most

    bool operator==(const RelatedRequest&) const = default;
};

/// One "Related FAQ" topic for an entry.
struct RelatedFaq {
    std::string topic{};                     ///< "Facial Twitching"
    std::optional<std::string> specialty{};  ///< the specialty entries on it usually have
    std::size_t entries = 0;                 ///< entries in the index on this topic

    bool operator==(const RelatedFaq&) const = default;
};

}  // namespace qaindex
