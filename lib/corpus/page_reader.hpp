// SPDX-License-Identifier: Apache-2.0
// Pieces of the consultation-page reader exposed for table tests; parse_page() is public.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "qaindex/consultation.hpp"

namespace qaindex::detail {

/// "Dr. Ye Boshou reply Neurology": who replied and under which specialty.
struct ReplyHeader {
    std::optional<std::string> doctor;
    std::optional<std::string> specialty;

    bool operator==(const ReplyHeader&) const = default;
};

/// Reads a reply header line (already trimmed); nullopt when the line is not one.
[[nodiscard]] std::optional<ReplyHeader> parse_reply_header(std::string_view line);

/// The asker line: "Xiao Jie, 10~19 year old female. Ask Date: 2005/03/09".
struct AskerLine {
    Asker asker;
    std::string_view date_text;  ///< what follows "Ask Date:", trimmed; may be empty
};

/// Reads an asker line (already trimmed); nullopt when the line has no "Ask Date:" label.
[[nodiscard]] std::optional<AskerLine> parse_asker_line(std::string_view line);

/// "Facial Twitching(Neurology)" -> name and specialty; "(Neurology)" has an empty name.
[[nodiscard]] RelatedTopic parse_related_topic(std::string_view line);

}  // namespace qaindex::detail
