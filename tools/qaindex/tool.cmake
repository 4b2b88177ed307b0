# SPDX-License-Identifier: Apache-2.0
# The `qaindex` tool: build, stats, check, delete.
add_executable(qaindex_tool qaindex/main.cpp)
set_target_properties(qaindex_tool PROPERTIES OUTPUT_NAME qaindex)
qaindex_set_warnings(qaindex_tool)
target_link_libraries(qaindex_tool PRIVATE qaindex_cli)
install(TARGETS qaindex_tool RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
