// SPDX-License-Identifier: Apache-2.0
// is_filler(): the words saying when, how often or how much ("keeps", "always", "suddenly").
#pragma once

#include "qaindex/analyzer.hpp"

namespace qaindex::detail {

/// Whether a word says when, how often or how much ("keeps", "started", "always",
/// "suddenly"), between the parts of a symptom: "my eyelid keeps jumping", "my ears constantly
/// ring", "my feet are always swollen". Such words are content words elsewhere, and some
/// lexicon forms hold them ("nose keeps running", "always cold"), so matching passes over them
/// only where the phrase does not go on with them.
[[nodiscard]] bool is_filler(const Token& token);

}  // namespace qaindex::detail
