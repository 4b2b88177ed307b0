# SPDX-License-Identifier: Apache-2.0
# Test files of the index area.
target_sources(qaindex_tests PRIVATE
  index/schema_test.cpp
  index/document_builder_test.cpp
  index/index_writer_test.cpp
  index/index_reader_test.cpp
  index/index_folder_test.cpp
  index/database_test.cpp
  index/build_test.cpp
  index/shard_list_test.cpp
  index/shards_build_test.cpp
  index/version_test.cpp)
