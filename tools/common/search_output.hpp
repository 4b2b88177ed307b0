// SPDX-License-Identifier: Apache-2.0
// Output of `qaquery` and `qaindex stats`: search hits, Similar Q&A, Related FAQ, one entry, as
// text (colour on a terminal) or JSON; index statistics as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/database.hpp"
#include "qaindex/search.hpp"

namespace qaindex::cli {

/// snippet.text, control characters escaped (printable()), with its highlights in bold yellow
/// when colour.
[[nodiscard]] std::string highlighted(const Snippet& snippet, bool colour);

/// How print_search() lays out its text.
struct SearchTextOptions {
    std::size_t offset = 0;        ///< the request's offset: numbers the hits from offset + 1
    bool colour = false;           ///< ANSI colour and bold
    bool explain = false;          ///< what each hit matched, and the query's symptoms
    std::size_t facet_limit = 10;  ///< values shown per facet; 0 = all
    std::size_t width = 100;       ///< columns to wrap facet lists at
};

/// Search results: "Did you mean", one block per hit (rank, title, specialty, doctor, date,
/// snippet, id), facet counts wrapped at options.width (the first options.facet_limit values
/// of each, then how many were left out), and the total. Stored text is printed with its
/// control characters escaped.
void print_search(std::FILE* stream, const SearchResults& results,
                  const SearchTextOptions& options);

/// Similar Q&A in the consultation page's shape: title; question excerpt; "Dr. NAME reply
/// SPECIALTY"; reply excerpt, then "[Read More] title (qaquery --show ID)".
void print_similar(std::FILE* stream, const SearchResults& results, bool colour);

/// Related FAQ in the page's shape: one "Topic(Specialty)" per line.
void print_related(std::FILE* stream, const std::vector<RelatedFaq>& related);

/// One entry, whole, in the consultation page's layout: title; question; asker line
/// ("NAME, AGE year old SEX. Ask Date: YYYY/MM/DD"); per reply "Dr. NAME reply SPECIALTY",
/// its text and "Reply Date:"; More Info; the page's own Similar Q&A and Related FAQ; then
/// the id, source, URL and question type. Parts the entry lacks are left out.
void print_entry(std::FILE* stream, const Consultation& entry, bool colour);

/// "qaquery --show ID", the id quoted for a POSIX shell when it needs it.
[[nodiscard]] std::string show_command(const EntryId& id);

/// Results as one JSON object: query, total, results (id, score, title, specialty, doctor,
/// asked, snippet {text, highlights [{begin, end}]}, question_excerpt, reply_excerpt,
/// symptoms, source, and explanation when asked), facets, suggestion, expansions, symptoms,
/// conditions, plain_words. Absent values are null. With facet_limit > 0 each facet lists its
/// first facet_limit values, and "facets_left_out" says how many each left out.
[[nodiscard]] nlohmann::ordered_json results_json(const SearchResults& results,
                                                  std::size_t facet_limit = 0);

/// Related FAQ as JSON: {"id": ..., "related": [{"topic", "specialty", "entries"}]}.
[[nodiscard]] nlohmann::ordered_json related_json(const EntryId& id,
                                                  const std::vector<RelatedFaq>& related);

/// A stored entry as JSON: the JSON Lines record format_json_line() writes (the schema of
/// docs/formats.md, which `qaindex build` reads), plus "source" when the entry has one.
[[nodiscard]] nlohmann::ordered_json entry_record_json(const Consultation& entry);

/// A stored consultation in the JSON API's fixed shape (every key present, null when absent):
/// id, title, question, asker {name, age_group, sex}, asked, replies [{doctor, specialty, text,
/// date}], more_info, similar [{title, question_excerpt, doctor, specialty, reply_excerpt}],
/// related [{topic, specialty}], question_type, focus {name, synonyms, umls_cuis,
/// semantic_types, semantic_group, categories}, source, url, language. Dates are ISO 8601.
[[nodiscard]] nlohmann::ordered_json entry_json(const Consultation& entry);

/// Index statistics as JSON: path, entries, bytes, last_build, corpus, lexicon,
/// specialties [{name, count}], entries_with_symptoms, top_symptoms [{name, count}].
[[nodiscard]] nlohmann::ordered_json stats_json(const IndexStats& stats);

/// json, indented, and a newline.
void print_json(std::FILE* stream, const nlohmann::ordered_json& json);

}  // namespace qaindex::cli
