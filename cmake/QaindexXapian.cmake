# SPDX-License-Identifier: Apache-2.0
# Xapian 1.4's CMake config only sets variables: wrap them once in an imported target.
if(NOT TARGET Xapian::Xapian)
  find_package(Xapian 1.4 REQUIRED CONFIG)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
