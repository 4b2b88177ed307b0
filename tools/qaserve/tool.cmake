# SPDX-License-Identifier: Apache-2.0
# The `qaserve` tool: HTTP JSON API and pages. Its code is a library too, for the in-process
# tests. cpp-httplib comes from Debian's libcpp-httplib-dev, found with pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
find_package(Threads REQUIRED)

add_library(qaserve_lib STATIC qaserve/server.cpp qaserve/worker_pool.cpp qaserve/services.cpp
                               qaserve/params.cpp qaserve/api.cpp qaserve/pages.cpp
                               qaserve/style.cpp)
qaindex_set_warnings(qaserve_lib)
target_link_libraries(qaserve_lib PUBLIC qaindex_cli PkgConfig::CPP_HTTPLIB Threads::Threads)

add_executable(qaserve qaserve/main.cpp)
qaindex_set_warnings(qaserve)
target_link_libraries(qaserve PRIVATE qaserve_lib)
install(TARGETS qaserve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
