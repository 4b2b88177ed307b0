# SPDX-License-Identifier: Apache-2.0
# The package test: an application builds against an installed qaindex (find_package).
add_test(NAME package.find_package_consumer
         COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR}
                 -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}/package/consumer
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package-consumer
                 -DSANITIZE=${QAINDEX_SANITIZE} -DGENERATOR=${CMAKE_GENERATOR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/package/run_consumer.cmake)
# Installing needs every built target in place.
set_tests_properties(package.find_package_consumer PROPERTIES TIMEOUT 600 RUN_SERIAL TRUE)

# README's library example, compiled as a user would: g++ and clang++, -Wall -Wextra -Werror.
find_program(QAINDEX_CLANGXX NAMES clang++ clang++-14)
if(NOT QAINDEX_CLANGXX)
  message(WARNING "clang++ not found (tools/setup-debian.sh installs it): "
                  "package.readme_example will fail")
  set(QAINDEX_CLANGXX clang++)
endif()
add_test(NAME package.readme_example
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DBINARY_DIR=${PROJECT_BINARY_DIR}
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/readme-example
                 "-DCOMPILERS=${CMAKE_CXX_COMPILER}$<SEMICOLON>${QAINDEX_CLANGXX}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/package/readme_example.cmake)
