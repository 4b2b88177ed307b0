// SPDX-License-Identifier: Apache-2.0
// A test hook: builds stop at a named phase when asked, so tests can kill them there.
#pragma once

#include <string_view>

namespace qaindex::detail {

/// When the environment variable QAINDEX_TEST_PAUSE_AT equals phase, writes
/// "qaindex: paused at PHASE (QAINDEX_TEST_PAUSE_AT)" to stderr and waits for the process to
/// be killed; otherwise returns at once. The kill tests (tests/tools/kill_test.cpp) stop a
/// build with kill -9 at each phase this way. Phases of a full build: "reading", "writing-shards",
/// "compacting", "publishing", "published"; of an incremental one: "updating", "committing".
void pause_point(std::string_view phase);

}  // namespace qaindex::detail
