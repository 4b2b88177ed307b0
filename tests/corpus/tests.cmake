# SPDX-License-Identifier: Apache-2.0
# Test files of the corpus area.
target_sources(qaindex_tests PRIVATE
  corpus/corpus_test.cpp
  corpus/csv_reader_test.cpp
  corpus/jsonl_reader_test.cpp
  corpus/medquad_xml_reader_test.cpp
  corpus/page_reader_test.cpp
  corpus/text_file_test.cpp
  corpus/text_test.cpp
  corpus/utf8_test.cpp)
