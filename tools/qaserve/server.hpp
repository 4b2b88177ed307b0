// SPDX-License-Identifier: Apache-2.0
// Server: qaserve's HTTP server (JSON API and pages) over one index folder.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace qaindex::serve {

/// How a Server runs.
struct ServerOptions {
    /// The index folder (need not hold an index yet: 503), or a shard list (shards.hpp).
    std::filesystem::path database;
    /// A shard list: answer from the shards that answer when some do not
    /// (SearcherOptions::allow_partial); otherwise such requests fail with 503.
    bool allow_partial = false;
    std::size_t threads = 8;  ///< worker threads, each with its own Searcher
    /// Whether a costly search may take a second thread (Searcher::set_two_threads).
    bool split_searches = true;
    /// Requests a connection may send before the server closes it (HTTP keep-alive). A worker
    /// thread serves one connection at a time, so a kept connection holds its worker between
    /// its requests (up to 2 s idle) and, with more clients than threads, the others wait for
    /// whole connections instead of single requests (bench/RESULTS.md, "qaserve under load").
    /// 1: every answer closes its connection.
    std::size_t keep_alive_requests = 1;
    /// Receives the log: a line per request (method, path, status, milliseconds) and each
    /// failure that is the server's, not the client's. Empty: lines go to stderr.
    std::function<void(std::string_view)> log;
};

/// An HTTP/1.1 server of the JSON API (/api/..., /healthz) and the pages (/, /search,
/// /entries/...) over one index. A build that publishes a new index is served from the next
/// request on. Bind, then run() on one thread and stop() from any other (or a signal
/// handler's thread).
class Server {
  public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Listens on host:port (port 0: a free port) and returns the port. Throws UsageError if
    /// the address cannot be bound.
    int bind(const std::string& host, int port);

    /// Serves until stop(), then lets the requests being answered finish. Call after bind().
    void run();

    /// Stops accepting connections; run() returns once the running requests are answered.
    void stop();

    /// Whether run() is accepting connections.
    [[nodiscard]] bool running() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qaindex::serve
