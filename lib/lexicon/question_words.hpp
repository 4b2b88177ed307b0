// SPDX-License-Identifier: Apache-2.0
// QuestionWords: what kind of answer a question asks for (treatment, cause, ...) and that kind's
// words.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "qaindex/analyzer.hpp"

namespace qaindex::detail {

/// One kind of question and the words that ask it.
struct QuestionKind {
    std::string name;                                ///< "treatment"
    std::vector<std::vector<std::string>> triggers;  ///< stem sequences: {"get", "rid", "of"}
    std::vector<std::string> stems;  ///< single-word stems searched for it: "treat", "therapi"
    std::vector<std::string> words;  ///< the same words as written: "treat", "therapy"
};

/// A kind of question found in text.
struct QuestionKindMatch {
    std::size_t kind = 0;   ///< index into QuestionWords::kinds()
    std::size_t first = 0;  ///< token range [first, last]
    std::size_t last = 0;
};

/// Consumer questions and FAQ titles name the same kind of answer in different words: "is
/// there a cure", "what can I do" and "treatment options" all ask what "How is X treated?"
/// answers, and the stemmer keeps "treatment" and "treated" apart. These few question kinds
/// (those of MedQuAD's and the NLM's question types) are recognised in the query and their
/// other words searched too, below the user's own.
class QuestionWords {
  public:
    explicit QuestionWords(Analyzer& analyzer);

    [[nodiscard]] const std::vector<QuestionKind>& kinds() const { return kinds_; }

    /// The stems of every one-word trigger and searched word of every kind ("treat",
    /// "treatment", "caus", "why"): words that say what kind of answer is asked, not what
    /// about.
    [[nodiscard]] std::set<std::string> kind_stems() const;

    /// The question kinds asked in tokens (skipping those flagged in ignore), each once, at
    /// its first trigger.
    [[nodiscard]] std::vector<QuestionKindMatch> find(const std::vector<Token>& tokens,
                                                      const std::vector<bool>& ignore) const;

  private:
    std::vector<QuestionKind> kinds_;
};

}  // namespace qaindex::detail
