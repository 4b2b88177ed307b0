// SPDX-License-Identifier: Apache-2.0
// Consultation and its parts: the model every reader produces and the index stores.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qaindex {

/// The stable identifier of a consultation in the index (e.g. "GHR_0000123_Sec2",
/// "neurology/000_9ccf1e5a58cd5c5b").
struct EntryId {
    std::string value{};

    auto operator<=>(const EntryId&) const = default;
};

/// A calendar date as written on consultation pages ("2005/03/09").
struct Date {
    int year = 0;
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..31

    /// Parses "2005/03/09", "2005-03-09" or "2005.3.9"; nullopt if not a valid date.
    [[nodiscard]] static std::optional<Date> parse(std::string_view text);
    /// ISO 8601: "2005-03-09".
    [[nodiscard]] std::string to_string() const;

    auto operator<=>(const Date&) const = default;
};

/// The asker's sex as the page states it.
enum class Sex { Female, Male };

/// "female" or "male".
[[nodiscard]] std::string_view to_string(Sex sex);
/// Accepts "female"/"male", "f"/"m", "woman"/"man", 女/男; nullopt otherwise.
[[nodiscard]] std::optional<Sex> parse_sex(std::string_view text);

/// Who asked. Every part is optional: many sources give none of them.
struct Asker {
    std::optional<std::string> name{};       ///< "Xiao Jie"
    std::optional<std::string> age_group{};  ///< as written: "10~19"
    std::optional<Sex> sex{};

    bool operator==(const Asker&) const = default;
};

/// One doctor's reply.
struct Reply {
    std::optional<std::string> doctor{};     ///< "Ye Boshou" (without "Dr.")
    std::optional<std::string> specialty{};  ///< as written by the source: "Neurology", 神经科
    std::string text{};
    std::optional<Date> date{};

    bool operator==(const Reply&) const = default;
};

/// One row of a page's own "Similar Q&A" list.
struct SimilarQuestion {
    std::string title{};
    std::optional<std::string> question_excerpt{};  ///< as printed, usually ending in "..."
    std::optional<std::string> doctor{};
    std::optional<std::string> specialty{};
    std::optional<std::string> reply_excerpt{};  ///< without the trailing "[Read More] title"

    bool operator==(const SimilarQuestion&) const = default;
};

/// One "Related FAQ" topic: "Facial Twitching(Neurology)".
struct RelatedTopic {
    std::string name{};  ///< may be empty: the reference page lists "(Neurology)" alone
    std::optional<std::string> specialty{};

    bool operator==(const RelatedTopic&) const = default;
};

/// What a source says about the question's subject (MedQuAD's Focus and FocusAnnotations).
struct Focus {
    std::string name{};                     ///< "Aarskog-Scott syndrome"
    std::vector<std::string> synonyms{};    ///< "Aarskog syndrome", "AAS", ...
    std::vector<std::string> umls_cuis{};   ///< "C0175701"
    std::vector<std::string> semantic_types{};  ///< "T047"
    std::optional<std::string> semantic_group{};  ///< "Disorders"
    std::vector<std::string> categories{};  ///< MedlinePlus "Category" annotations

    bool operator==(const Focus&) const = default;
};

/// A consultation: a question, its replies and what the page shows around them.
/// A field the source lacks is absent (nullopt or empty vector), never an empty string.
struct Consultation {
    EntryId id{};
    std::optional<std::string> title{};
    std::string question{};
    Asker asker{};
    std::optional<Date> asked{};
    std::vector<Reply> replies{};
    std::optional<std::string> more_info{};  ///< the longer "More Info" article
    std::vector<SimilarQuestion> similar{};  ///< the page's own "Similar Q&A"
    std::vector<RelatedTopic> related{};     ///< the page's own "Related FAQ"
    std::optional<std::string> question_type{};  ///< MedQuAD qtype: "symptoms", "treatment", ...
    std::optional<Focus> focus{};
    std::optional<std::string> source{};  ///< file the entry came from, with line or record
    std::optional<std::string> url{};
    std::optional<std::string> language{};  ///< BCP 47: "en", "zh"

    /// The first reply's specialty, if any: the one the entry is filed under.
    [[nodiscard]] std::optional<std::string> specialty() const;

    bool operator==(const Consultation&) const = default;
};

}  // namespace qaindex
