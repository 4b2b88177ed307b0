# SPDX-License-Identifier: Apache-2.0
# The `qaquery` tool: search, Similar Q&A, Related FAQ.
add_executable(qaquery qaquery/main.cpp qaquery/options.cpp)
qaindex_set_warnings(qaquery)
target_link_libraries(qaquery PRIVATE qaindex_cli)
install(TARGETS qaquery RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
