# SPDX-License-Identifier: Apache-2.0
target_sources(qaindex PRIVATE
  model/consultation.cpp
  model/diagnostic.cpp
  model/limits.cpp)
