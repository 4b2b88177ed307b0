// SPDX-License-Identifier: Apache-2.0
// qaeval's two output forms of an Evaluation: trec_eval-like text and JSON.
#pragma once

#include <string>

#include "qaeval/trec_eval.hpp"

namespace qaindex::eval {

/// trec_eval-like text: "measure<TAB>qid<TAB>value" lines; counts first, then the metrics
/// (4 decimals). The "all" lines give the means; with per_query each query's lines come
/// first, in qid order (a query without relevant documents shows its counts only).
[[nodiscard]] std::string format_text(const Evaluation& evaluation, bool per_query);

/// One JSON object: the counts, "mean" (metric name -> value) and, with per_query,
/// "per_query": one object per query of the qrels ("metrics" null when it has no relevant
/// document). Ends with a newline.
[[nodiscard]] std::string format_json(const Evaluation& evaluation, bool per_query);

}  // namespace qaindex::eval
