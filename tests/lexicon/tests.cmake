# SPDX-License-Identifier: Apache-2.0
# Test files of the lexicon area.
target_sources(qaindex_tests PRIVATE
  lexicon/compiled_lexicon_test.cpp
  lexicon/lexicon_test.cpp
  lexicon/lexicon_file_test.cpp
  lexicon/mentions_test.cpp
  lexicon/question_words_test.cpp
  lexicon/negation_test.cpp)
