// SPDX-License-Identifier: Apache-2.0
// Reading a whole corpus file in one go and telling text from binary data.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace qaindex::detail {

/// A file's bytes, or why they could not be read.
struct FileContents {
    std::string bytes;
    std::optional<std::string> error;  ///< set when the file could not be opened or read
};

/// Reads the regular file at path (symlinks followed) with one read() for its whole size.
/// Never throws for I/O problems: they come back in FileContents::error.
[[nodiscard]] FileContents read_whole_file(const std::filesystem::path& path);

/// Offset of the first NUL byte, or npos. Text corpora never hold NUL; binary files, and
/// UTF-16 text, almost always do within their first bytes.
[[nodiscard]] std::size_t find_binary_byte(std::string_view bytes);

}  // namespace qaindex::detail
