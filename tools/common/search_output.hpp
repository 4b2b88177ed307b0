// SPDX-License-Identifier: Apache-2.0
// Output of `qaquery`: search hits, Similar Q&A and Related FAQ as text (colour on a terminal) or
// JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "qaindex/search.hpp"

namespace qaindex::cli {

/// snippet.text with its highlights in bold yellow when colour, else unchanged.
[[nodiscard]] std::string highlighted(const Snippet& snippet, bool colour);

/// Search results: the total, "Did you mean", one block per hit (rank, title, specialty,
/// doctor, date, snippet, id), facet counts, and with explain what matched and why.
/// offset numbers the hits.
void print_search(std::FILE* stream, const SearchResults& results, std::size_t offset, bool colour,
                  bool explain);

/// Similar Q&A in the consultation page's shape: title; question excerpt; "Dr. NAME reply
/// SPECIALTY"; reply excerpt, then "[Read More] title (id)".
void print_similar(std::FILE* stream, const SearchResults& results, bool colour);

/// Related FAQ in the page's shape: one "Topic(Specialty)" per line.
void print_related(std::FILE* stream, const std::vector<RelatedFaq>& related);

/// Results as one JSON object: query, total, results (id, score, title, specialty, doctor,
/// asked, snippet {text, highlights [{begin, end}]}, question_excerpt, reply_excerpt,
/// symptoms, source, and explanation when asked), facets, suggestion, expansions, symptoms,
/// conditions, plain_words. Absent values are null.
[[nodiscard]] nlohmann::ordered_json results_json(const SearchResults& results);

/// Related FAQ as JSON: {"id": ..., "related": [{"topic", "specialty", "entries"}]}.
[[nodiscard]] nlohmann::ordered_json related_json(const EntryId& id,
                                                  const std::vector<RelatedFaq>& related);

/// A stored consultation as JSON: id, title, question, asker {name, age_group, sex}, asked,
/// replies [{doctor, specialty, text, date}], more_info, similar [{title, question_excerpt,
/// doctor, specialty, reply_excerpt}], related [{topic, specialty}], question_type, focus
/// {name, synonyms, umls_cuis, semantic_types, semantic_group, categories}, source, url,
/// language. Dates are ISO 8601; absent values are null.
[[nodiscard]] nlohmann::ordered_json entry_json(const qaindex::Consultation& entry);

/// json, indented, and a newline.
void print_json(std::FILE* stream, const nlohmann::ordered_json& json);

}  // namespace qaindex::cli
