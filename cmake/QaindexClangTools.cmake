# SPDX-License-Identifier: Apache-2.0
# Targets for Debian's clang-format 14 and clang-tidy 14 (tools/setup-debian.sh installs both):
#   format        rewrites the sources as .clang-format says
#   format-check  fails, naming the files, when a source differs from that (also a ctest)
#   tidy          runs .clang-tidy's checks over lib/ (needs this build's compile_commands.json)
find_program(QAINDEX_CLANG_FORMAT NAMES clang-format-14 clang-format)
find_program(QAINDEX_RUN_CLANG_TIDY NAMES run-clang-tidy-14 run-clang-tidy)
set(qaindex_clang_tool -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                       -DBUILD_DIR=${PROJECT_BINARY_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/RunClangTool.cmake)
if(QAINDEX_CLANG_FORMAT)
  add_custom_target(format
    COMMAND ${CMAKE_COMMAND} -DTOOL=format -DPROGRAM=${QAINDEX_CLANG_FORMAT} ${qaindex_clang_tool}
    COMMENT "clang-format: formatting the sources" VERBATIM)
  add_custom_target(format-check
    COMMAND ${CMAKE_COMMAND} -DTOOL=format-check -DPROGRAM=${QAINDEX_CLANG_FORMAT}
            ${qaindex_clang_tool}
    COMMENT "clang-format: checking the sources" VERBATIM)
else()
  message(STATUS "clang-format not found: no format and format-check targets")
endif()
if(QAINDEX_RUN_CLANG_TIDY)
  add_custom_target(tidy
    COMMAND ${CMAKE_COMMAND} -DTOOL=tidy -DPROGRAM=${QAINDEX_RUN_CLANG_TIDY} ${qaindex_clang_tool}
    COMMENT "clang-tidy: checking lib/" VERBATIM)
else()
  message(STATUS "run-clang-tidy not found: no tidy target")
endif()
