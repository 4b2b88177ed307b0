# SPDX-License-Identifier: Apache-2.0
# Script mode, for the format, format-check and tidy targets and the format ctest:
#   -DTOOL=format|format-check|tidy -DPROGRAM=<clang-format or run-clang-tidy>
#   -DSOURCE_DIR=<the project> [-DBUILD_DIR=<a build tree with compile_commands.json>]
# The files: the C++ sources and headers of include/, lib/, tools/, tests/ and bench/ (the
# fixtures of tests/data/ and the build trees left out).
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/lib/*.cpp" "${SOURCE_DIR}/lib/*.hpp"
     "${SOURCE_DIR}/tools/*.cpp" "${SOURCE_DIR}/tools/*.hpp" "${SOURCE_DIR}/tests/*.cpp"
     "${SOURCE_DIR}/tests/*.hpp" "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/bench/*.hpp")
list(FILTER files EXCLUDE REGEX "^tests/data/")
list(SORT files)

if(TOOL STREQUAL "format")
  execute_process(COMMAND "${PROGRAM}" -i --style=file ${files}
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result)
  if(result)
    message(FATAL_ERROR "clang-format failed")
  endif()
elseif(TOOL STREQUAL "format-check")
  execute_process(COMMAND "${PROGRAM}" --dry-run --Werror --style=file ${files}
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result
                  OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(result)
    string(REGEX MATCHALL "[^\n]+: error: code should be clang-formatted" lines "${output}")
    set(differ "")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE ":[0-9]+:[0-9]+: error:.*" "" file "${line}")
      list(APPEND differ "${file}")
    endforeach()
    list(REMOVE_DUPLICATES differ)
    list(LENGTH differ count)
    list(JOIN differ "\n  " differ)
    message(FATAL_ERROR "${count} files differ from clang-format's output (.clang-format):\n"
                        "  ${differ}\nFix them with `cmake --build --preset dev --target format`.")
  endif()
  list(LENGTH files count)
  message(STATUS "${count} files formatted as .clang-format says")
elseif(TOOL STREQUAL "tidy")
  # Only the library's sources: their headers come along (.clang-tidy's HeaderFilterRegex).
  list(FILTER files INCLUDE REGEX "^lib/.*\\.cpp$")
  list(TRANSFORM files PREPEND "${SOURCE_DIR}/")
  execute_process(COMMAND "${PROGRAM}" -p "${BUILD_DIR}" -j 2 -quiet
                          -extra-arg=-Wno-unknown-warning-option ${files}
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result)
  if(result)
    message(FATAL_ERROR "clang-tidy found problems (.clang-tidy): see above")
  endif()
else()
  message(FATAL_ERROR "TOOL must be format, format-check or tidy")
endif()
