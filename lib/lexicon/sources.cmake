# SPDX-License-Identifier: Apache-2.0
# Sources of the lexicon module (explicit list, no globbing). The built-in lexicon, compiled from
# data/lexicon/*.tsv at build time, is added in lib/CMakeLists.txt.
target_sources(qaindex PRIVATE
  lexicon/lexicon.cpp
  lexicon/lexicon_file.cpp
  lexicon/negation.cpp
  lexicon/phrase_matcher.cpp)
