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
