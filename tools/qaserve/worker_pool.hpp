// SPDX-License-Identifier: Apache-2.0
// qaserve's worker threads, each answering requests with a Searcher of its own.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "qaindex/searcher.hpp"

namespace qaindex::serve {

/// A fingerprint of what an index folder holds: the modification times of the folder and of
/// the folders in it. A build changes it when it publishes a new generation (the stub is
/// replaced) and when it commits into the live one (Xapian renames its version file), so two
/// equal fingerprints mean nothing was published in between. Empty if the folder is missing.
[[nodiscard]] std::string folder_fingerprint(const std::filesystem::path& folder);

/// The threads that answer connections (httplib's TaskQueue). Each thread opens its own
/// Searcher on the index folder when it first needs one, and moves it to the latest build
/// before a request when the folder's fingerprint changed: a rebuilt index is served without
/// a restart. shutdown() lets queued and running connections finish, then joins.
class WorkerPool final : public httplib::TaskQueue {
  public:
    /// threads >= 1. split: Searcher::set_two_threads (a costly search may take a second
    /// thread). allow_partial: SearcherOptions::allow_partial (database a shard list).
    WorkerPool(std::filesystem::path database, std::size_t threads, bool split,
               bool allow_partial = false);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void enqueue(std::function<void()> job) override;
    void shutdown() override;

    /// The calling worker thread's Searcher, at the latest build of the index. Throws
    /// IndexError when no index can be opened; std::logic_error off a worker thread.
    [[nodiscard]] static Searcher& searcher();

  private:
    void work();

    std::filesystem::path database_;
    bool split_;
    bool allow_partial_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace qaindex::serve
