// SPDX-License-Identifier: Apache-2.0
// The largest inputs qaindex accepts: a consultation's fields, and a query.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "qaindex/consultation.hpp"

namespace qaindex {

/// The most bytes one text field of a consultation may hold: its id, title, question, each
/// reply, the More Info article, each row of its lists (1 MiB). Indexing time grows about
/// linearly with the text; a 1 MiB record takes about a second (docs/reliability.md).
inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 20;

/// The most bytes all text fields of one consultation may hold together (4 MiB).
inline constexpr std::size_t kMaxEntryBytes = std::size_t{4} << 20;

/// The longest query text, SearchRequest::text or SimilarRequest::text, in bytes (64 KiB,
/// some 10,000 words); Searcher throws UsageError for a longer one.
inline constexpr std::size_t kMaxQueryBytes = std::size_t{64} << 10;

/// Why entry is over kMaxFieldBytes or kMaxEntryBytes ("the question is 1,200,000 bytes; a
/// field may hold at most 1,048,576 (1 MiB)"), or nullopt if it is not. Corpus readers report
/// such a record (Problem::TooLarge) and skip it; IndexWriter throws InputError.
[[nodiscard]] std::optional<std::string> exceeds_limits(const Consultation& entry);

/// Why text is too long for a query (over kMaxQueryBytes), or nullopt if it is not.
[[nodiscard]] std::optional<std::string> query_too_long(std::string_view text);

}  // namespace qaindex
