# SPDX-License-Identifier: Apache-2.0
# Sources of the index module (explicit list, no globbing).
target_sources(qaindex PRIVATE
  index/schema.cpp
  index/index_folder.cpp
  index/index_reader.cpp
  index/document_builder.cpp
  index/index_writer.cpp
  index/build.cpp
  index/shard_list.cpp
  index/shards.cpp
  index/database.cpp
  index/pause_point.cpp
  index/version.cpp)
