# SPDX-License-Identifier: Apache-2.0
# Test files of the tools area: they run the built tools.
if(TARGET qaindex_tool)
  target_sources(qaindex_tests PRIVATE tools/qaindex_tool_test.cpp)
  target_compile_definitions(qaindex_tests PRIVATE QAINDEX_TOOL_QAINDEX="$<TARGET_FILE:qaindex_tool>")
  add_dependencies(qaindex_tests qaindex_tool)
endif()
if(TARGET qaquery)
  target_sources(qaindex_tests PRIVATE tools/qaquery_test.cpp)
  target_compile_definitions(qaindex_tests PRIVATE QAINDEX_QAQUERY="$<TARGET_FILE:qaquery>")
  add_dependencies(qaindex_tests qaquery)
endif()
