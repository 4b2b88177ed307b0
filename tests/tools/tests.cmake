# SPDX-License-Identifier: Apache-2.0
# Test files of the tools area.
if(TARGET qaquery)
  target_sources(qaindex_tests PRIVATE tools/qaquery_test.cpp)
  target_compile_definitions(qaindex_tests PRIVATE QAINDEX_QAQUERY="$<TARGET_FILE:qaquery>")
  add_dependencies(qaindex_tests qaquery)
endif()
