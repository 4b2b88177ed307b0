# SPDX-License-Identifier: Apache-2.0
# Per-target warning and sanitizer switches, never pushed onto package users.
function(qaindex_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wdouble-promotion -Wimplicit-fallthrough
    # Designated initializers leave defaulted members out on purpose
    # (SearchRequest{.text = "...", .limit = 10}); g++ 12 would warn on each.
    -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # g++ 12 at -O2/-O3 reports impossible overlaps in inlined std::string copies
    # (GCC bug 105329): a false positive, so -Wrestrict stays off for it only.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(QAINDEX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(QAINDEX_FUZZ)
    # Coverage for libFuzzer in the library; the harnesses add the fuzzer's main.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                             -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  if(QAINDEX_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
