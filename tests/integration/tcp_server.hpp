// SPDX-License-Identifier: Apache-2.0
// TcpServer: a stock xapian-tcpsrv serving one index on a loopback port for the length of a test.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

extern char** environ;

namespace qaindex::test {

/// The xapian-tcpsrv found at configure time ("" if none).
inline std::string tcpsrv_program() {
    return QAINDEX_XAPIAN_TCPSRV;
}

/// Runs `xapian-tcpsrv --interface 127.0.0.1 --port P folder` in a process group of its own
/// (it forks a child per connection) and stops the whole group when it goes away, whatever
/// the test did. Every wait is bounded: start() gives up after 10 s, stop() kills after 2 s.
class TcpServer {
  public:
    /// options: more of xapian-tcpsrv's options, such as {"--idle-timeout", "300"}.
    explicit TcpServer(std::filesystem::path folder, std::vector<std::string> options = {})
        : folder_(std::move(folder)), options_(std::move(options)) {
        start();
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    [[nodiscard]] unsigned port() const { return port_; }
    [[nodiscard]] bool running() const { return pid_ > 0; }

    /// Stops the server and every connection it serves (the process group).
    void stop() {
        if (pid_ <= 0) {
            return;
        }
        ::kill(-pid_, SIGTERM);
        if (!reaped_within(std::chrono::seconds(2))) {
            ::kill(-pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);  // SIGKILL cannot be ignored: returns at once
        }
        pid_ = -1;
    }

  private:
    // A port nothing listens on now: the kernel's choice for a socket bound to port 0.
    static unsigned free_port() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t size = sizeof address;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
            if (fd >= 0) {
                ::close(fd);
            }
            throw std::runtime_error("cannot find a free loopback port");
        }
        ::close(fd);
        return ntohs(address.sin_port);
    }

    static bool accepts(unsigned port) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        const bool ok =
            fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        if (fd >= 0) {
            ::close(fd);
        }
        return ok;
    }

    // Whether the server exited (and was reaped) within limit.
    bool reaped_within(std::chrono::milliseconds limit) {
        const auto until = std::chrono::steady_clock::now() + limit;
        do {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } while (std::chrono::steady_clock::now() < until);
        return false;
    }

    void start() {
        if (tcpsrv_program().empty()) {
            throw std::runtime_error("xapian-tcpsrv was not found at configure time");
        }
        // Another process may take the chosen port before the server binds it: then the
        // server exits, and the next attempt picks another port.
        for (int attempt = 0; attempt < 5; ++attempt) {
            port_ = free_port();
            std::vector<std::string> args{tcpsrv_program(), "--interface", "127.0.0.1", "--port",
                                          std::to_string(port_)};
            args.insert(args.end(), options_.begin(), options_.end());
            args.push_back(folder_.string());
            std::vector<char*> argv;
            for (std::string& arg : args) {
                argv.push_back(arg.data());
            }
            argv.push_back(nullptr);
            posix_spawnattr_t attributes;
            posix_spawnattr_init(&attributes);
            posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
            posix_spawnattr_setpgroup(&attributes, 0);
            posix_spawn_file_actions_t actions;
            posix_spawn_file_actions_init(&actions);
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
            pid_t pid = -1;
            const int failed =
                posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
            posix_spawn_file_actions_destroy(&actions);
            posix_spawnattr_destroy(&attributes);
            if (failed != 0) {
                throw std::runtime_error("cannot start " + tcpsrv_program());
            }
            pid_ = pid;
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (std::chrono::steady_clock::now() < until) {
                if (accepts(port_)) {
                    return;
                }
                int status = 0;
                if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                    pid_ = -1;  // exited: the port was taken
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            stop();
        }
        throw std::runtime_error("xapian-tcpsrv did not start serving " + folder_.string());
    }

    std::filesystem::path folder_;
    std::vector<std::string> options_;
    unsigned port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace qaindex::test
