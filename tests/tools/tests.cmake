# SPDX-License-Identifier: Apache-2.0
# Test files of the tools area: they run the built tools.
if(TARGET qaindex_eval)
  target_sources(qaindex_tests PRIVATE tools/qaeval_test.cpp)
  target_link_libraries(qaindex_tests PRIVATE qaindex_eval)
  target_compile_definitions(qaindex_tests PRIVATE QAINDEX_TOOL_QAEVAL="$<TARGET_FILE:qaeval>")
  add_dependencies(qaindex_tests qaeval)
endif()
