# SPDX-License-Identifier: Apache-2.0
# Test files of the integration area.
target_sources(qaindex_tests PRIVATE integration/searcher_test.cpp integration/requests_test.cpp
  integration/limits_test.cpp integration/ranking_test.cpp
  integration/sharded_search_test.cpp)
# The remote-shard test runs Debian's stock xapian-tcpsrv (package xapian-tools, installed by
# tools/setup-debian.sh); without it that test reports itself skipped.
find_program(QAINDEX_XAPIAN_TCPSRV xapian-tcpsrv)
if(NOT QAINDEX_XAPIAN_TCPSRV)
  message(WARNING "xapian-tcpsrv not found (Debian: xapian-tools): the remote-shard test will skip")
  set(QAINDEX_XAPIAN_TCPSRV "")
endif()
target_compile_definitions(qaindex_tests PRIVATE QAINDEX_XAPIAN_TCPSRV="${QAINDEX_XAPIAN_TCPSRV}")
