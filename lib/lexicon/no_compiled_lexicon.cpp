// SPDX-License-Identifier: Apache-2.0
// The compiled lexicon of qaindex_compile_lexicon itself: none (it makes the library's).
#include "lexicon/compiled_lexicon.hpp"

namespace qaindex::detail {

std::string_view compiled_lexicon() {
    return {};
}

std::string_view compiled_lexicon_index() {
    return {};
}

}  // namespace qaindex::detail
