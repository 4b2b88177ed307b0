# SPDX-License-Identifier: Apache-2.0
# Sources of the analysis module (explicit list, no globbing).
target_sources(qaindex PRIVATE
  analysis/analyzer.cpp
  analysis/icu_text.cpp
  analysis/stemmer.cpp
  analysis/stopwords.cpp)
