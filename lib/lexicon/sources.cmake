# SPDX-License-Identifier: Apache-2.0
# Sources of the lexicon module (explicit list, no globbing), and the built-in lexicon:
# data/lexicon/*.tsv compiled into the library, regenerated whenever one of them changes.
set(QAINDEX_LEXICON_DATA
  ${PROJECT_SOURCE_DIR}/data/lexicon/symptoms.tsv
  ${PROJECT_SOURCE_DIR}/data/lexicon/conditions.tsv
  ${PROJECT_SOURCE_DIR}/data/lexicon/specialties.tsv
  ${PROJECT_SOURCE_DIR}/data/lexicon/synonyms.tsv)
set(QAINDEX_EMBEDDED_LEXICON ${CMAKE_CURRENT_BINARY_DIR}/lexicon/embedded_lexicon.cpp)
add_custom_command(
  OUTPUT ${QAINDEX_EMBEDDED_LEXICON}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${QAINDEX_EMBEDDED_LEXICON}
          "-DFILES=${QAINDEX_LEXICON_DATA}" -DSYMBOL=lexicon_files
          -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  DEPENDS ${QAINDEX_LEXICON_DATA} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  COMMENT "Embedding data/lexicon/*.tsv"
  VERBATIM)
# The generated file includes "embedded_files.hpp", which lives beside the lexicon sources.
set_source_files_properties(${QAINDEX_EMBEDDED_LEXICON} PROPERTIES
  INCLUDE_DIRECTORIES ${CMAKE_CURRENT_LIST_DIR})

target_sources(qaindex PRIVATE
  lexicon/lexicon.cpp
  lexicon/lexicon_file.cpp
  lexicon/negation.cpp
  lexicon/phrase_matcher.cpp
  lexicon/question_words.cpp
  ${QAINDEX_EMBEDDED_LEXICON})
