# SPDX-License-Identifier: Apache-2.0
# Benchmark programs: micro-benchmarks over the public API, the corpus generator, the
# baselines (plain Xapian, SQLite FTS5), the query-latency driver and the symptom-tag sampler.
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)

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
qaindex_bench_program(qaindex_analyzer_bench analyzer_bench.cpp)
target_link_libraries(qaindex_analyzer_bench PRIVATE benchmark::benchmark_main)
qaindex_bench_program(qaindex_index_bench index_bench.cpp)
target_link_libraries(qaindex_index_bench PRIVATE qaindex_bench_generator benchmark::benchmark_main)
qaindex_bench_program(qaindex_query_bench query_bench.cpp)
target_link_libraries(qaindex_query_bench PRIVATE qaindex_bench_generator benchmark::benchmark_main)

qaindex_bench_program(qaindex_query_latency query_latency.cpp)
target_link_libraries(qaindex_query_latency PRIVATE CLI11::CLI11)
qaindex_bench_program(qaindex_tag_sample tag_sample.cpp)
target_link_libraries(qaindex_tag_sample PRIVATE CLI11::CLI11)

# A quick functional check of the generator and baseline (not a timing), in test builds only.
if(QAINDEX_BUILD_TESTS)
  add_test(NAME bench.smoke
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/smoke_test.sh $<TARGET_FILE:qaindex_corpus_generator>
                   $<TARGET_FILE:qaindex_xapian_baseline> ${CMAKE_CURRENT_BINARY_DIR}/smoke-scratch
                   ${PROJECT_SOURCE_DIR})
endif()

# Time to index one record and answer one question of 1 KiB to 1 MiB (docs/reliability.md).
qaindex_bench_program(qaindex_limits_bench limits_bench.cpp)
target_link_libraries(qaindex_limits_bench PRIVATE CLI11::CLI11)
# The HTTP load test of qaserve (bench/run_load.sh), where the tools found cpp-httplib.
if(TARGET PkgConfig::CPP_HTTPLIB)
  qaindex_bench_program(qaindex_http_load http_load.cpp)
  target_link_libraries(qaindex_http_load PRIVATE PkgConfig::CPP_HTTPLIB CLI11::CLI11 Threads::Threads)
endif()
