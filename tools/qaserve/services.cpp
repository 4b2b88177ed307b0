// SPDX-License-Identifier: Apache-2.0
// Handler services: Searcher, cached statistics, log, and failures as HTTP errors.
#include "qaserve/services.hpp"

#include "qaindex/errors.hpp"
#include "qaserve/worker_pool.hpp"

namespace qaindex::serve {
namespace {

void replace_all(std::string& text, const std::string& what, std::string_view by) {
    if (what.empty()) {
        return;
    }
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + by.size())) {
        text.replace(at, what.size(), by);
    }
}

}  // namespace

Services::Services(std::filesystem::path database, std::function<void(std::string_view)> log)
    : database_(std::move(database)), log_(std::move(log)) {}

Searcher& Services::searcher() const {
    return WorkerPool::searcher();
}

IndexStats Services::stats() {
    const std::string now = folder_fingerprint(database_);
    const std::lock_guard lock(stats_mutex_);
    if (!stats_ || now != stats_fingerprint_) {
        stats_ = index_stats(database_);
        stats_fingerprint_ = now;
    }
    return *stats_;
}

void Services::log(std::string_view line) const {
    if (log_) {
        log_(line);
    }
}

std::string Services::scrub(std::string message) const {
    std::error_code ignored;
    replace_all(message, std::filesystem::weakly_canonical(database_, ignored).string(),
                "the index");
    replace_all(message, database_.string(), "the index");
    return message;
}

HttpError Services::http_error(const std::exception& error) const {
    if (const auto* http = dynamic_cast<const HttpError*>(&error)) {
        return *http;
    }
    if (dynamic_cast<const UsageError*>(&error) != nullptr) {
        return {400, "bad_request", scrub(error.what())};
    }
    if (dynamic_cast<const QueryError*>(&error) != nullptr) {
        return {400, "bad_query", scrub(error.what())};
    }
    if (dynamic_cast<const IndexError*>(&error) != nullptr) {
        log(std::string("index unavailable: ") + error.what());
        return {503, "index_unavailable", "the index is not available; try again later"};
    }
    log(std::string("internal error: ") + error.what());
    return {500, "internal", "internal error"};
}

}  // namespace qaindex::serve
