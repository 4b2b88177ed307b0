# SPDX-License-Identifier: Apache-2.0
# Installs headers, the library and a CMake package so applications can find_package(qaindex).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(QAINDEX_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/qaindex")

install(TARGETS qaindex EXPORT qaindexTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/qaindex DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/include/qaindex/version.hpp"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/qaindex)
install(EXPORT qaindexTargets NAMESPACE qaindex:: DESTINATION ${QAINDEX_CMAKE_DIR})

configure_package_config_file(cmake/qaindexConfig.cmake.in
  "${PROJECT_BINARY_DIR}/qaindexConfig.cmake" INSTALL_DESTINATION ${QAINDEX_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/qaindexConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/qaindexConfig.cmake"
              "${PROJECT_BINARY_DIR}/qaindexConfigVersion.cmake"
              cmake/QaindexXapian.cmake
        DESTINATION ${QAINDEX_CMAKE_DIR})
