# SPDX-License-Identifier: Apache-2.0
# Script mode: compiles README.md's library example (its first ```cpp block, the statements
# wrapped in main()) against the headers, with warnings as errors, as an application would.
# -DSOURCE_DIR=... -DBINARY_DIR=... -DWORK_DIR=... "-DCOMPILERS=g++;clang++"
file(READ "${SOURCE_DIR}/README.md" readme)
string(FIND "${readme}" "```cpp\n" begin)
if(begin EQUAL -1)
  message(FATAL_ERROR "README.md has no ```cpp block")
endif()
math(EXPR begin "${begin} + 7")
string(SUBSTRING "${readme}" ${begin} -1 rest)
string(FIND "${rest}" "\n```" end)
string(SUBSTRING "${rest}" 0 ${end} example)

string(REGEX MATCHALL "#include[^\n]*" includes "${example}")
string(JOIN "\n" includes ${includes})
string(REGEX REPLACE "#include[^\n]*\n" "" body "${example}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/readme_example.cpp"
     "// README.md's library example, its statements wrapped in main().\n${includes}\n\n"
     "int main() {\n${body}\n    return 0;\n}\n")

foreach(compiler IN LISTS COMPILERS)
  execute_process(
    COMMAND "${compiler}" -std=c++20 -Wall -Wextra -Werror -fsyntax-only
            "-I${SOURCE_DIR}/include" "-I${BINARY_DIR}/include" "${WORK_DIR}/readme_example.cpp"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(result)
    message(FATAL_ERROR "README.md's library example does not compile cleanly with ${compiler} "
                        "-Wall -Wextra -Werror:\n${output}")
  endif()
  message(STATUS "${compiler}: README.md's library example compiles with -Wall -Wextra -Werror")
endforeach()
