// SPDX-License-Identifier: Apache-2.0
// The QAINDEX_TEST_PAUSE_AT hook (see pause_point.hpp).
#include "index/pause_point.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace qaindex::detail {

void pause_point(std::string_view phase) {
    static const char* const wanted = std::getenv("QAINDEX_TEST_PAUSE_AT");
    if (wanted == nullptr || phase != wanted) {
        return;
    }
    const std::string line =
        "qaindex: paused at " + std::string(phase) + " (QAINDEX_TEST_PAUSE_AT)\n";
    // One write(), unbuffered: the test waits for this line before it kills the process.
    [[maybe_unused]] const auto written = ::write(2, line.data(), line.size());
    for (;;) {
        ::pause();
    }
}

}  // namespace qaindex::detail
