# SPDX-License-Identifier: Apache-2.0
# qaeval: the metric library (linked by the tests too) and the thin command-line tool.
add_library(qaindex_eval STATIC ${CMAKE_CURRENT_LIST_DIR}/trec_eval.cpp
                                ${CMAKE_CURRENT_LIST_DIR}/report.cpp)
qaindex_set_warnings(qaindex_eval)
target_include_directories(qaindex_eval PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}
                                               ${PROJECT_SOURCE_DIR}/include)
target_compile_features(qaindex_eval PUBLIC cxx_std_20)
target_link_libraries(qaindex_eval PRIVATE fmt::fmt nlohmann_json::nlohmann_json)

add_executable(qaeval ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
qaindex_set_warnings(qaeval)
target_link_libraries(qaeval PRIVATE qaindex_eval qaindex_cli fmt::fmt)
install(TARGETS qaeval RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
