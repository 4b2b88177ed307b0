# SPDX-License-Identifier: Apache-2.0
# Sources of the lexicon module (explicit list, no globbing). The built-in lexicon, compiled from
# data/lexicon/*.tsv at build time, is added in lib/CMakeLists.txt.

# An English word list, so that "Did you mean" never corrects a real word the index happens
# not to hold ("quote" is not a misspelling of "quite"): Debian's wamerican (SCOWL, Kevin
# Atkinson's permissive licence), its lower-case words without apostrophes, sorted.
find_file(QAINDEX_WORD_LIST NAMES american-english words PATHS /usr/share/dict NO_DEFAULT_PATH)
if(NOT QAINDEX_WORD_LIST)
  message(FATAL_ERROR "No English word list in /usr/share/dict: install Debian's wamerican "
                      "(tools/setup-debian.sh does), or set QAINDEX_WORD_LIST to one word per line")
endif()
set(QAINDEX_ENGLISH_WORDS ${CMAKE_CURRENT_BINARY_DIR}/lexicon/english_words.txt)
file(STRINGS ${QAINDEX_WORD_LIST} qaindex_words REGEX "^[a-z]+$")
list(REMOVE_DUPLICATES qaindex_words)
list(SORT qaindex_words)
list(JOIN qaindex_words "\n" qaindex_words)
file(CONFIGURE OUTPUT ${QAINDEX_ENGLISH_WORDS} CONTENT "${qaindex_words}\n")
unset(qaindex_words)
set(QAINDEX_EMBEDDED_WORDS ${CMAKE_CURRENT_BINARY_DIR}/lexicon/embedded_english_words.cpp)
add_custom_command(
  OUTPUT ${QAINDEX_EMBEDDED_WORDS}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${QAINDEX_EMBEDDED_WORDS}
          "-DFILES=${QAINDEX_ENGLISH_WORDS}" -DSYMBOL=english_words_files
          -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  DEPENDS ${QAINDEX_ENGLISH_WORDS} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  COMMENT "Embedding the English word list"
  VERBATIM)
set_source_files_properties(${QAINDEX_EMBEDDED_WORDS} PROPERTIES
  INCLUDE_DIRECTORIES ${CMAKE_CURRENT_LIST_DIR})

target_sources(qaindex PRIVATE
  lexicon/lexicon.cpp
  lexicon/lexicon_file.cpp
  lexicon/negation.cpp
  lexicon/phrase_matcher.cpp
  lexicon/english_words.cpp
  lexicon/question_words.cpp
  ${QAINDEX_EMBEDDED_WORDS})
