# SPDX-License-Identifier: Apache-2.0
# Sources of the corpus module (explicit list, no globbing).
target_sources(qaindex PRIVATE
  corpus/corpus.cpp
  corpus/csv_reader.cpp
  corpus/jsonl_reader.cpp
  corpus/medquad_xml_reader.cpp
  corpus/page_reader.cpp
  corpus/text.cpp
  corpus/text_file.cpp
  corpus/utf8.cpp)
