// SPDX-License-Identifier: Apache-2.0
// The JSON Lines reader behind parse_json_lines() (public), with progress for big files.
#pragma once

#include <cstddef>
#include <string_view>

#include "qaindex/corpus.hpp"

namespace qaindex::detail {

/// parse_json_lines(), calling progress (if set) after each line with the bytes of text read
/// so far.
std::size_t parse_json_lines(std::string_view text, std::string_view source,
                             std::string_view id_base, const EntrySink& emit,
                             const DiagnosticSink& diagnose, const ProgressSink& progress);

}  // namespace qaindex::detail
