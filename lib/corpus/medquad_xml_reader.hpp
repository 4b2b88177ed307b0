// SPDX-License-Identifier: Apache-2.0
// MedQuAD reader internals; parse_medquad_xml() is public.
#pragma once

#include <string>
#include <string_view>

namespace qaindex::detail {

/// The source name of a MedQuAD folder, for files that do not state their source:
/// "6_NINDS_QA" -> "NINDS", "8_NHLBI_QA_XML" -> "NHLBI". "MedQuAD" when nothing is left.
[[nodiscard]] std::string medquad_source_from_folder(std::string_view folder);

}  // namespace qaindex::detail
