# SPDX-License-Identifier: Apache-2.0
# Sources of the search module (explicit list, no globbing), and the ranking model's fitted
# weights, data/ranking/weights.tsv, compiled into the library.
set(QAINDEX_RANKING_DATA ${PROJECT_SOURCE_DIR}/data/ranking/weights.tsv)
set(QAINDEX_EMBEDDED_RANKING ${CMAKE_CURRENT_BINARY_DIR}/search/embedded_ranking.cpp)
add_custom_command(
  OUTPUT ${QAINDEX_EMBEDDED_RANKING}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${QAINDEX_EMBEDDED_RANKING}
          "-DFILES=${QAINDEX_RANKING_DATA}" -DSYMBOL=ranking_files
          -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  DEPENDS ${QAINDEX_RANKING_DATA} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  COMMENT "Embedding data/ranking/weights.tsv"
  VERBATIM)
# The generated file includes "embedded_files.hpp", which lives beside the lexicon sources.
set_source_files_properties(${QAINDEX_EMBEDDED_RANKING} PROPERTIES
  INCLUDE_DIRECTORIES ${CMAKE_CURRENT_LIST_DIR}/../lexicon)

target_sources(qaindex PRIVATE
  search/boost_source.cpp
  search/candidates.cpp
  search/facets.cpp
  search/filter_values.cpp
  search/free_text.cpp
  search/lexicon_index.cpp
  search/match.cpp
  search/portable_match.cpp
  search/query_builder.cpp
  search/query_parser.cpp
  search/related.cpp
  search/scoring.cpp
  search/searcher.cpp
  search/shard_set.cpp
  search/similar.cpp
  search/snippets.cpp
  ${QAINDEX_EMBEDDED_RANKING})
