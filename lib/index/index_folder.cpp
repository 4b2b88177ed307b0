// SPDX-License-Identifier: Apache-2.0
// The on-disk layout of an index folder: generations, the Xapian stub, the build lock.
#include "index/index_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "index/pause_point.hpp"
#include "qaindex/errors.hpp"

namespace qaindex::detail {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kLockFile = "build.lock";
constexpr std::string_view kGenerationPrefix = "gen-";

std::string errno_text() { return std::strerror(errno); }

void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// "gen-000012" -> 12; other names -> 0.
unsigned long generation_number(const std::string& name) {
    if (!name.starts_with(kGenerationPrefix)) {
        return 0;
    }
    const std::string digits = name.substr(kGenerationPrefix.size(), 6);
    if (digits.size() != 6 || digits.find_first_not_of("0123456789") != std::string::npos) {
        return 0;
    }
    return std::stoul(digits);
}

}  // namespace

IndexFolder::IndexFolder(fs::path root) : root_(std::move(root)) {}

bool IndexFolder::has_index() const { return live_generation().has_value(); }

void IndexFolder::check_usable() const {
    std::error_code ec;
    if (!fs::exists(root_, ec)) {
        return;
    }
    if (!fs::is_directory(root_, ec)) {
        throw IndexError(root_.string() + ": exists and is not an index folder");
    }
    if (has_index()) {
        return;
    }
    for (const auto& child : fs::directory_iterator(root_, ec)) {
        const std::string name = child.path().filename().string();
        if (name != kLockFile && !name.starts_with(kGenerationPrefix) &&
            !name.starts_with(kStub)) {
            throw IndexError(root_.string() +
                             ": folder is not empty and holds no qaindex index; refusing to "
                             "write into it (choose another --db)");
        }
    }
}

std::optional<std::string> IndexFolder::live_generation() const {
    std::ifstream in(root_ / kStub);
    std::string backend;
    std::string name;
    if (!(in >> backend >> name) || backend != "auto" || generation_number(name) == 0) {
        return std::nullopt;
    }
    return name;
}

fs::path IndexFolder::generation_path(const std::string& name) const { return root_ / name; }

std::string IndexFolder::next_generation() const {
    unsigned long highest = 0;
    std::error_code ec;
    for (const auto& child : fs::directory_iterator(root_, ec)) {
        const std::string name = child.path().filename().string();
        // Scratch folders ("gen-000004.shard-1") count too, so a stale one is never reused.
        highest = std::max(highest, generation_number(name.substr(0, kGenerationPrefix.size() + 6)));
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "gen-%06lu", highest + 1);
    return buffer;
}

void IndexFolder::publish(const std::string& name) const {
    const fs::path stub = root_ / kStub;
    const fs::path temporary = root_ / (std::string(kStub) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "auto " << name << '\n';
        out.flush();
        if (!out) {
            throw IndexError(temporary.string() + ": cannot write: " + errno_text());
        }
    }
    sync_path(temporary, O_RDONLY);
    pause_point("publishing");
    std::error_code ec;
    fs::rename(temporary, stub, ec);
    if (ec) {
        throw IndexError(stub.string() + ": cannot publish new index: " + ec.message());
    }
    sync_path(root_, O_RDONLY | O_DIRECTORY);
}

void IndexFolder::remove_stale() const {
    const auto live = live_generation();
    std::error_code ec;
    for (const auto& child : fs::directory_iterator(root_, ec)) {
        const std::string name = child.path().filename().string();
        if (name.starts_with(kGenerationPrefix) && name != live) {
            fs::remove_all(child.path(), ec);
        }
    }
}

std::uintmax_t IndexFolder::live_bytes() const {
    const auto live = live_generation();
    return live ? folder_bytes(generation_path(*live)) : 0;
}

IndexFolder::Lock::~Lock() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

IndexFolder::Lock IndexFolder::lock() const {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec) {
        throw IndexError(root_.string() + ": cannot create index folder: " + ec.message());
    }
    const fs::path path = root_ / kLockFile;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw IndexError(path.string() + ": cannot open lock file: " + errno_text());
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) {
            throw IndexError(root_.string() + ": index is being built by another process");
        }
        throw IndexError(path.string() + ": cannot lock: " + std::strerror(error));
    }
    return Lock(fd);
}

std::uintmax_t folder_bytes(const fs::path& path) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_regular_file(ec)) {
            total += it->file_size(ec);
        }
    }
    return total;
}

namespace {

// 123456789 -> "123.5 MB".
std::string megabytes(std::uintmax_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buffer;
}

}  // namespace

void require_free_space(const fs::path& root, std::uintmax_t needed, const std::string& what) {
    struct statvfs info {};
    if (::statvfs(root.c_str(), &info) != 0) {
        return;  // no figure to go by: the build finds out as it writes
    }
    const std::uintmax_t free = std::uintmax_t{info.f_bavail} * info.f_frsize;
    if (free < needed) {
        throw IndexError(root.string() + ": not enough disk space: " + what + " needs about " +
                         megabytes(needed) + ", " + megabytes(free) +
                         " are free; nothing was written (free some space, or choose another "
                         "--db)");
    }
}

FileSizes file_sizes(const fs::path& folder) {
    FileSizes sizes;
    std::error_code ec;
    for (const auto& child : fs::directory_iterator(folder, ec)) {
        if (child.is_regular_file(ec)) {
            sizes[child.path()] = child.file_size(ec);
        }
    }
    return sizes;
}

void truncate_to(const FileSizes& sizes) {
    for (const auto& [path, size] : sizes) {
        std::error_code ec;
        if (fs::file_size(path, ec) > size && !ec) {
            fs::resize_file(path, size, ec);
        }
    }
}

}  // namespace qaindex::detail
