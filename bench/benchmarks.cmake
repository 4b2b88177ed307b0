# SPDX-License-Identifier: Apache-2.0
# Benchmark programs. Each one is built only once the library modules it calls have sources in
# lib/ (detected from the qaindex target), so the build stays green while modules land one by
# one; QAINDEX_BENCH_ALL forces every program on (to see what fails to link).
option(QAINDEX_BENCH_ALL "Build every benchmark program even if a module seems missing" OFF)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)

get_target_property(_qaindex_sources qaindex SOURCES)
function(_qaindex_bench_has_module result regex)
  set(found OFF)
  foreach(source IN LISTS _qaindex_sources)
    if(source MATCHES "${regex}")
      set(found ON)
    endif()
  endforeach()
  if(QAINDEX_BENCH_ALL)
    set(found ON)
  endif()
  set(${result} ${found} PARENT_SCOPE)
endfunction()
_qaindex_bench_has_module(_has_corpus "(^|/)corpus/[^/]+\\.cpp$")
_qaindex_bench_has_module(_has_analysis "(^|/)analysis/[^/]+\\.cpp$")
_qaindex_bench_has_module(_has_lexicon "(^|/)lexicon/[^/]+\\.cpp$")
_qaindex_bench_has_module(_has_index "(^|/)index/index_writer\\.cpp$")
_qaindex_bench_has_module(_has_search "(^|/)search/[^/]+\\.cpp$")

get_filename_component(_qaindex_shared_dir "${PROJECT_SOURCE_DIR}/../shared" ABSOLUTE)
function(qaindex_bench_program target)
  add_executable(${target} ${ARGN})
  qaindex_set_warnings(${target})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_compile_definitions(${target} PRIVATE
    QAINDEX_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    QAINDEX_SHARED_DIR="${_qaindex_shared_dir}"
    QAINDEX_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  target_link_libraries(${target} PRIVATE qaindex::qaindex)
endfunction()

# What each group of programs needs, computed once.
set(_can_analyzer OFF)
if(_has_analysis AND _has_lexicon)
  set(_can_analyzer ON)
endif()
set(_can_index OFF)
if(_has_corpus AND _has_index)
  set(_can_index ON)
endif()
set(_can_query OFF)
if(_can_index AND _has_search)
  set(_can_query ON)
endif()

set(_qaindex_bench_waiting "")
macro(_qaindex_bench_note target condition_variable)
  if(NOT ${condition_variable})
    list(APPEND _qaindex_bench_waiting ${target})
  endif()
endmacro()

# Corpus generator, plain-Xapian baseline, corpus parsing micro-benchmarks: need lib/corpus.
_qaindex_bench_note(qaindex_corpus_generator _has_corpus)
_qaindex_bench_note(qaindex_xapian_baseline _has_corpus)
_qaindex_bench_note(qaindex_corpus_bench _has_corpus)
if(_has_corpus)
  add_library(qaindex_bench_generator STATIC generator.cpp builtin_vocabulary.cpp)
  qaindex_set_warnings(qaindex_bench_generator)
  target_include_directories(qaindex_bench_generator PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(qaindex_bench_generator PUBLIC qaindex::qaindex)

  qaindex_bench_program(qaindex_corpus_generator corpus_generator.cpp)
  target_link_libraries(qaindex_corpus_generator PRIVATE qaindex_bench_generator CLI11::CLI11 Threads::Threads)

  qaindex_bench_program(qaindex_xapian_baseline xapian_baseline.cpp)
  target_link_libraries(qaindex_xapian_baseline PRIVATE Xapian::Xapian CLI11::CLI11)

  # Optional second baseline: SQLite FTS5 (Debian's libsqlite3-dev).
  find_package(SQLite3 QUIET)
  if(SQLite3_FOUND)
    qaindex_bench_program(qaindex_sqlite_baseline sqlite_baseline.cpp)
    target_link_libraries(qaindex_sqlite_baseline PRIVATE SQLite::SQLite3 CLI11::CLI11)
  else()
    message(STATUS "SQLite3 not found: qaindex_sqlite_baseline is not built")
  endif()

  qaindex_bench_program(qaindex_corpus_bench corpus_bench.cpp)
  target_link_libraries(qaindex_corpus_bench PRIVATE qaindex_bench_generator benchmark::benchmark_main)
endif()

# Analyzer and lexicon micro-benchmarks: need lib/analysis and lib/lexicon.
_qaindex_bench_note(qaindex_analyzer_bench _can_analyzer)
if(_can_analyzer)
  qaindex_bench_program(qaindex_analyzer_bench analyzer_bench.cpp)
  target_link_libraries(qaindex_analyzer_bench PRIVATE benchmark::benchmark_main)
endif()

# IndexWriter micro-benchmarks: need the indexer (and everything it uses).
_qaindex_bench_note(qaindex_index_bench _can_index)
if(_can_index)
  qaindex_bench_program(qaindex_index_bench index_bench.cpp)
  target_link_libraries(qaindex_index_bench PRIVATE qaindex_bench_generator benchmark::benchmark_main)
endif()

# Searcher micro-benchmarks and the query-latency driver: need lib/search.
_qaindex_bench_note(qaindex_query_bench _can_query)
_qaindex_bench_note(qaindex_query_latency _has_search)
if(_can_query)
  qaindex_bench_program(qaindex_query_bench query_bench.cpp)
  target_link_libraries(qaindex_query_bench PRIVATE qaindex_bench_generator benchmark::benchmark_main)
endif()
if(_has_search)
  qaindex_bench_program(qaindex_query_latency query_latency.cpp)
  target_link_libraries(qaindex_query_latency PRIVATE CLI11::CLI11)
endif()

if(_qaindex_bench_waiting)
  message(STATUS "Benchmarks waiting for library modules (not built): ${_qaindex_bench_waiting}")
endif()

# A quick functional check of the generator and baseline (not a timing), in test builds only.
if(QAINDEX_BUILD_TESTS AND _has_corpus)
  add_test(NAME bench.smoke
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/smoke_test.sh $<TARGET_FILE:qaindex_corpus_generator>
                   $<TARGET_FILE:qaindex_xapian_baseline> ${CMAKE_CURRENT_BINARY_DIR}/smoke-scratch
                   ${PROJECT_SOURCE_DIR})
endif()
