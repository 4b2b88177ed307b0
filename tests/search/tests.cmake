# SPDX-License-Identifier: Apache-2.0
# Test files of the search area.
target_sources(qaindex_tests PRIVATE
  search/candidates_test.cpp
  search/filter_values_test.cpp
  search/free_text_test.cpp
  search/match_test.cpp
  search/query_parser_test.cpp
  search/scoring_test.cpp
  search/similar_test.cpp
  search/snippets_test.cpp)
