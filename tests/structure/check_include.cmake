# SPDX-License-Identifier: Apache-2.0
# Builds one case of tests/structure/tests.cmake: TARGET must compile when MAY is "yes", and
# fail for want of HEADER (not for another reason) when it is "no".
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --config ${CONFIG} --target ${TARGET}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(MAY STREQUAL "yes")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${TARGET} should compile, but does not:\n${output}")
  endif()
  message(STATUS "${TARGET}: compiles, as it should")
else()
  if(result EQUAL 0)
    message(FATAL_ERROR "${TARGET} includes ${HEADER}, which its module may not, and compiles")
  endif()
  string(FIND "${output}" "${HEADER}: No such file or directory" missing)
  if(missing EQUAL -1)
    message(FATAL_ERROR "${TARGET} fails to compile, but not for want of ${HEADER}:\n${output}")
  endif()
  message(STATUS "${TARGET}: ${HEADER} not found, as it should not be")
endif()
