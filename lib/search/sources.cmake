# SPDX-License-Identifier: Apache-2.0
# Sources of the search module (explicit list, no globbing).
target_sources(qaindex PRIVATE
  search/boost_source.cpp
  search/candidates.cpp
  search/facets.cpp
  search/filter_values.cpp
  search/free_text.cpp
  search/lexicon_index.cpp
  search/match.cpp
  search/query_builder.cpp
  search/query_parser.cpp
  search/question_words.cpp
  search/related.cpp
  search/searcher.cpp
  search/similar.cpp
  search/snippets.cpp)
