// SPDX-License-Identifier: Apache-2.0
// What every handler of qaserve uses: the worker's Searcher, index statistics, the log, and
// the mapping of failures to HTTP errors.
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "qaindex/database.hpp"
#include "qaindex/searcher.hpp"
#include "qaserve/http_error.hpp"

namespace qaindex::serve {

/// Shared by the handlers of one server; thread-safe.
class Services {
  public:
    /// database: the index folder, absolute (messages are scrubbed of it). log: receives one
    /// line at a time (no newline).
    Services(std::filesystem::path database, std::function<void(std::string_view)> log);

    /// The calling worker thread's Searcher (see WorkerPool::searcher).
    [[nodiscard]] Searcher& searcher() const;

    /// index_stats() of the index, read again only when a build changed the folder.
    /// Throws IndexError like index_stats().
    [[nodiscard]] IndexStats stats();

    /// Writes a line to the log.
    void log(std::string_view line) const;

    /// The HttpError a failure of a handler becomes: UsageError and QueryError 400, IndexError
    /// 503, anything else 500. Messages never name the index folder; those of 503 and 500 are
    /// generic, and the failure itself goes to the log.
    [[nodiscard]] HttpError http_error(const std::exception& error) const;

  private:
    [[nodiscard]] std::string scrub(std::string message) const;

    std::filesystem::path database_;
    std::function<void(std::string_view)> log_;
    std::mutex stats_mutex_;
    std::string stats_fingerprint_;
    std::optional<IndexStats> stats_;
};

}  // namespace qaindex::serve
