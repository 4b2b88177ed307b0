# SPDX-License-Identifier: Apache-2.0
# Test files of the analysis area.
target_sources(qaindex_tests PRIVATE
  analysis/analyzer_test.cpp
  analysis/icu_text_test.cpp
  analysis/stemmer_test.cpp
  analysis/stopwords_test.cpp)
