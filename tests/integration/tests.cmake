# SPDX-License-Identifier: Apache-2.0
# Test files of the integration area.
target_sources(qaindex_tests PRIVATE integration/searcher_test.cpp integration/requests_test.cpp
  integration/limits_test.cpp integration/ranking_test.cpp)
