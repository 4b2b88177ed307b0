# SPDX-License-Identifier: Apache-2.0
# Test files of the model area.
target_sources(qaindex_tests PRIVATE
  model/consultation_test.cpp
  model/diagnostic_test.cpp
  model/limits_test.cpp)
