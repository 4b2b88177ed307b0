// SPDX-License-Identifier: Apache-2.0
// Test helpers: fixture paths, the shared-data skip, scratch folders.
#pragma once

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>

namespace qaindex::test {

/// tests/data/<name>
inline std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(QAINDEX_TEST_DATA_DIR) / name;
}

/// The project's source tree (data/, bench/ ...).
inline std::filesystem::path source_dir() {
    return QAINDEX_SOURCE_DIR;
}

/// ../shared beside the clone; absent on a fresh clone on its own.
inline std::filesystem::path shared_dir() {
    return QAINDEX_SHARED_DIR;
}

/// Whole file as a string.
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A fresh, empty folder for one test; removed when the object goes away.
class ScratchDir {
  public:
    explicit ScratchDir(const std::string& name) {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::path(QAINDEX_TEST_SCRATCH_DIR) /
                (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace qaindex::test

/// Ends the current test as skipped (ctest reports it so) when ../shared/<relative> is
/// missing. Use at the top of a TEST_CASE.
#define QAINDEX_REQUIRE_SHARED(relative)                                                     \
    do {                                                                                     \
        if (!std::filesystem::exists(::qaindex::test::shared_dir() / (relative))) {          \
            std::cout << "QAINDEX-SKIPPED: " << (::qaindex::test::shared_dir() / (relative)) \
                      << " is not present\n";                                                \
            return;                                                                          \
        }                                                                                    \
    } while (false)
