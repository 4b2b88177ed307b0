# SPDX-License-Identifier: Apache-2.0
# Ranking-quality evaluation programs: the qaindex runner and the plain-Xapian BM25 baseline.
# Both write TREC runs that tools/qaeval scores; bench/eval/run_eval.sh drives them.
option(QAINDEX_EVAL_RUNNER "Build qaindex_eval_run (links qaindex's Searcher)" ON)
find_package(CLI11 REQUIRED)

add_executable(qaindex_xapian_bm25_run ${CMAKE_CURRENT_LIST_DIR}/xapian_bm25_run.cpp)
qaindex_set_warnings(qaindex_xapian_bm25_run)
target_link_libraries(qaindex_xapian_bm25_run
  PRIVATE Xapian::Xapian nlohmann_json::nlohmann_json CLI11::CLI11 fmt::fmt)

if(QAINDEX_EVAL_RUNNER AND TARGET qaindex_cli)
  add_executable(qaindex_eval_run ${CMAKE_CURRENT_LIST_DIR}/eval_run.cpp)
  qaindex_set_warnings(qaindex_eval_run)
  target_link_libraries(qaindex_eval_run PRIVATE qaindex::qaindex qaindex_cli fmt::fmt)
endif()

# Fits data/ranking/weights.tsv on feature dumps of qaindex_eval_run (see fit_ranking.cpp).
add_executable(qaindex_fit_ranking ${CMAKE_CURRENT_LIST_DIR}/fit_ranking.cpp)
qaindex_set_warnings(qaindex_fit_ranking)
target_link_libraries(qaindex_fit_ranking PRIVATE CLI11::CLI11 fmt::fmt)

# The evaluation scripts' logic (permutation test, table ratios, MEDIQA answer matching) on
# small hand-made inputs; needs no ../shared data. Python 3 comes from tools/setup-debian.sh.
if(QAINDEX_BUILD_TESTS)
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_Interpreter_FOUND)
    add_test(NAME bench.eval_scripts
             COMMAND ${Python3_EXECUTABLE} -B ${CMAKE_CURRENT_LIST_DIR}/test_eval_scripts.py)
  else()
    message(STATUS "python3 not found: the bench.eval_scripts test is not registered")
  endif()
endif()
