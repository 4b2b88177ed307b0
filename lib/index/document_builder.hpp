// SPDX-License-Identifier: Apache-2.0
// DocumentBuilder: one consultation -> one Xapian document, following index/schema.hpp.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "index/schema.hpp"
#include "qaindex/analyzer.hpp"
#include "qaindex/consultation.hpp"
#include "lexicon/question_words.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex::detail {

/// A consultation ready to be written.
struct BuiltEntry {
    std::string id_term;  ///< schema::kId + id
    std::string record;   ///< where the entry was read (its source, else its id), for messages
    Xapian::Document document;
    std::vector<std::string> spellings;  ///< words for the spelling table ("did you mean")
    std::string content_hash;            ///< also in schema::kContentSlot
};

/// Analyses a consultation and lays out its terms, values and stored data. Owns an Analyzer,
/// so one builder per thread; the Lexicon is shared and read-only.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const Lexicon& lexicon);

    /// The document for entry. file is the corpus file key (schema::file_key) if any.
    [[nodiscard]] BuiltEntry build(const Consultation& entry,
                                   const std::optional<std::string>& file);

  private:
    // Adds one text field's terms starting at position base; returns the next free position.
    // Exact: the words as written, with positions (exact words and phrases), and their stems.
    // StemsOnly: the stems only, so the field's words are found by stem and field, not as
    // exact words or in phrases.
    enum class Words { Exact, StemsOnly };
    Xapian::termpos index_text(Xapian::Document& document, const std::vector<Token>& tokens,
                               std::string_view field_prefix, Xapian::termcount wdf,
                               Xapian::termpos base, Words words = Words::Exact);
    static void add_mentions(const std::vector<Mention>& mentions, bool skip_hypothetical,
                             std::vector<std::string>& symptoms,
                             std::vector<std::string>& conditions);

    const Lexicon& lexicon_;
    Analyzer analyzer_;
    QuestionWords question_words_{analyzer_};
};

}  // namespace qaindex::detail
