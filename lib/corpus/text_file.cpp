// SPDX-License-Identifier: Apache-2.0
// Whole-file reads through POSIX calls, and the NUL-byte test for binary files.
#include "corpus/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace qaindex::detail {
namespace {

std::string errno_message(int error) {
    return std::generic_category().message(error);
}

// Closes the descriptor on every path out of read_whole_file.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

}  // namespace

FileContents read_whole_file(const std::filesystem::path& path) {
    FileContents contents;
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        contents.error = "cannot open: " + errno_message(errno);
        return contents;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        contents.error = "cannot stat: " + errno_message(errno);
        return contents;
    }
    if (S_ISDIR(info.st_mode)) {
        contents.error = "is a directory, not a file";
        return contents;
    }
    if (!S_ISREG(info.st_mode)) {
        contents.error = "is not a regular file";
        return contents;
    }
    // Size from fstat, then read until EOF in case the file grew meanwhile.
    std::size_t capacity = static_cast<std::size_t>(info.st_size) + 1;
    contents.bytes.resize(capacity);
    std::size_t used = 0;
    while (true) {
        if (used == capacity) {
            capacity *= 2;
            contents.bytes.resize(capacity);
        }
        const ssize_t got = ::read(fd.get(), contents.bytes.data() + used, capacity - used);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            contents.error = "cannot read: " + errno_message(errno);
            contents.bytes.clear();
            return contents;
        }
        if (got == 0) {
            break;
        }
        used += static_cast<std::size_t>(got);
    }
    contents.bytes.resize(used);
    return contents;
}

std::size_t find_binary_byte(std::string_view bytes) {
    const void* found = std::memchr(bytes.data(), '\0', bytes.size());
    return found == nullptr
               ? std::string_view::npos
               : static_cast<std::size_t>(static_cast<const char*>(found) - bytes.data());
}

}  // namespace qaindex::detail
