# SPDX-License-Identifier: Apache-2.0
# Test files of the corpus area.
target_sources(qaindex_tests PRIVATE
  corpus/page_reader_test.cpp)
