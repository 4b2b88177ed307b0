// SPDX-License-Identifier: Apache-2.0
// Worker threads with a Searcher each, reopened when a build changed the index folder.
#include "qaserve/worker_pool.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "qaindex/errors.hpp"

namespace qaindex::serve {
namespace {

std::string modified(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return {};
    }
    return std::to_string(info.st_ino) + ':' + std::to_string(info.st_mtim.tv_sec) + '.' +
           std::to_string(info.st_mtim.tv_nsec);
}

}  // namespace

std::string folder_fingerprint(const std::filesystem::path& folder) {
    std::string out = modified(folder);
    if (out.empty()) {
        return out;
    }
    std::error_code error;
    for (const auto& child : std::filesystem::directory_iterator(folder, error)) {
        if (child.is_directory(error)) {
            out += ' ' + child.path().filename().string() + '=' + modified(child.path());
        }
    }
    return out;
}

namespace {

struct Worker {
    const std::filesystem::path& database;
    bool split;
    bool allow_partial;
    std::optional<Searcher> searcher;
    std::string fingerprint;  // of the folder when searcher was opened or last reopened

    // The Searcher, opened or moved to the latest build if the folder changed since.
    Searcher& current() {
        const std::string now = folder_fingerprint(database);
        if (!searcher) {
            searcher = Searcher::open(database, SearcherOptions{.allow_partial = allow_partial});
            searcher->set_two_threads(split);
            fingerprint = now;
        } else if (now != fingerprint && !now.empty()) {
            try {
                searcher->reopen();
                fingerprint = now;
            } catch (const IndexError&) {
                // Caught between a build's steps (a generation named but already removed):
                // keep reading the revision this Searcher has, and try again next time.
            }
        }
        return *searcher;
    }
};

thread_local Worker* current_worker = nullptr;

}  // namespace

WorkerPool::WorkerPool(std::filesystem::path database, std::size_t threads, bool split,
                       bool allow_partial)
    : database_(std::move(database)), split_(split), allow_partial_(allow_partial) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) {
        threads_.emplace_back([this] { work(); });
    }
}

WorkerPool::~WorkerPool() {
    shutdown();
}

void WorkerPool::enqueue(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
}

void WorkerPool::shutdown() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) {
        if (thread.joinable()) {
            thread.join();
        }
    }
}

void WorkerPool::work() {
    Worker worker{database_, split_, allow_partial_, std::nullopt, {}};
    current_worker = &worker;
    try {
        // Opened before the first request asks (the first Searcher of a process also loads
        // the lexicon); a missing index is opened when a request needs it.
        static_cast<void>(worker.current());
    } catch (const IndexError&) {
    }
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) {
                break;  // stopping, and every queued connection has been answered
            }
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
    current_worker = nullptr;
}

Searcher& WorkerPool::searcher() {
    Worker* worker = current_worker;
    if (worker == nullptr) {
        throw std::logic_error("WorkerPool::searcher() called off a worker thread");
    }
    return worker->current();
}

}  // namespace qaindex::serve
