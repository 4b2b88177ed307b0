// SPDX-License-Identifier: Apache-2.0
// qaindex_http_load: a bounded load test of qaserve on loopback. N clients, each a thread with
// one keep-alive connection, send GET requests back to back (closed loop) until a fixed number
// of requests has been sent or a time limit passes; prints requests/s and latency percentiles,
// and counts every failed request (no answer, or a status other than 200).
#include <httplib.h>
#include <CLI/CLI.hpp>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "latency.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string url_encode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4U];
            out += kHex[byte & 0x0FU];
        }
    }
    return out;
}

// Whether process pid is still running (not gone, not a zombie).
bool running(int pid) {
    if (::kill(pid, 0) != 0) {
        return false;
    }
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto paren = text.rfind(')');
    return paren == std::string::npos || paren + 2 >= text.size() || text[paren + 2] != 'Z';
}

struct ClientResult {
    std::vector<double> millis;
    std::map<int, std::size_t> statuses;  // status -> count; 0: no answer
    std::size_t failed = 0;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Bounded HTTP load test of qaserve on loopback.", "qaindex_http_load"};
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string path = "/api/search?q=";
    std::string queries_file;
    std::size_t clients = 1;
    std::size_t requests = 1000;
    double time_limit = 60;
    std::size_t warmup = 0;
    std::string label;
    int while_pid = 0;
    bool json = false;
    app.add_option("--host", host, "server address (loopback)")->capture_default_str();
    app.add_option("--port", port, "server port")->capture_default_str();
    app.add_option("--path", path, "request path; each query is percent-encoded and appended")
        ->capture_default_str();
    app.add_option("--queries", queries_file, "query file, one per line ('#' comments)")
        ->required();
    app.add_option("--clients", clients, "concurrent clients")->check(CLI::Range(1, 1024));
    app.add_option("--requests", requests, "requests in all (timed)")->capture_default_str();
    app.add_option("--time-limit", time_limit, "seconds; the run stops there if not done")
        ->capture_default_str();
    app.add_option("--warmup", warmup, "untimed requests first, from one client");
    app.add_option("--label", label, "a name for this run in the output");
    app.add_option("--while-pid", while_pid,
                   "stop once this process has exited (e.g. a build running meanwhile)");
    app.add_flag("--json", json, "one JSON object");
    CLI11_PARSE(app, argc, argv);
    if (host != "127.0.0.1" && host != "localhost" && host != "::1") {
        std::fprintf(stderr, "qaindex_http_load: loopback only, not %s\n", host.c_str());
        return 2;
    }

    std::vector<std::string> paths;
    for (const std::string& query : qaindex::bench::read_queries(queries_file)) {
        paths.push_back(path + url_encode(query));
    }
    {
        httplib::Client client(host, port);
        client.set_keep_alive(true);
        for (std::size_t i = 0; i < warmup; ++i) {
            static_cast<void>(client.Get(paths[i % paths.size()]));
        }
    }

    std::atomic<std::size_t> next{0};
    std::vector<ClientResult> results(clients);
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(time_limit));
    std::atomic<bool> process_gone{false};
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (while_pid > 0 && !finished) {
            if (!running(while_pid)) {
                process_gone = true;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    std::vector<std::thread> threads;
    for (std::size_t c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client client(host, port);
            client.set_keep_alive(true);
            client.set_read_timeout(static_cast<time_t>(time_limit) + 1);
            ClientResult& out = results[c];
            for (;;) {
                const std::size_t i = next.fetch_add(1);
                if (i >= requests || Clock::now() >= deadline || process_gone) {
                    break;
                }
                const auto sent = Clock::now();
                const auto answer = client.Get(paths[i % paths.size()]);
                const auto done = Clock::now();
                const int status = answer ? answer->status : 0;
                ++out.statuses[status];
                if (status != 200) {
                    ++out.failed;
                }
                out.millis.push_back(
                    std::chrono::duration<double, std::milli>(done - sent).count());
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    finished = true;
    watcher.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    std::vector<double> millis;
    std::map<int, std::size_t> statuses;
    std::size_t failed = 0;
    for (const ClientResult& result : results) {
        millis.insert(millis.end(), result.millis.begin(), result.millis.end());
        for (const auto& [status, count] : result.statuses) {
            statuses[status] += count;
        }
        failed += result.failed;
    }
    std::sort(millis.begin(), millis.end());
    using qaindex::bench::quantile;
    const char* stopped = millis.size() >= requests ? "requests"
                          : process_gone            ? "process exited"
                                                    : "time limit";
    const double rps = seconds > 0 ? static_cast<double>(millis.size()) / seconds : 0;
    std::string status_text;
    for (const auto& [status, count] : statuses) {
        status_text += (status_text.empty() ? "" : ", ") + std::string("\"") +
                       std::to_string(status) + "\": " + std::to_string(count);
    }
    if (json) {
        std::printf(
            "{\"label\": \"%s\", \"path\": \"%s\", \"clients\": %zu, \"requests\": %zu, "
            "\"failed\": %zu, \"statuses\": {%s}, \"seconds\": %.3f, \"requests_per_second\": "
            "%.1f, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, "
            "\"stopped_by\": \"%s\"}\n",
            label.c_str(), path.c_str(), clients, millis.size(), failed, status_text.c_str(),
            seconds, rps, quantile(millis, 0.5), quantile(millis, 0.95), quantile(millis, 0.99),
            millis.empty() ? 0.0 : millis.back(), stopped);
    } else {
        std::printf(
            "%s %zu clients: %zu requests (%zu failed) in %.1f s, %.1f requests/s, p50 %.2f ms, "
            "p95 %.2f ms, p99 %.2f ms, max %.2f ms (stopped by: %s)\n",
            label.c_str(), clients, millis.size(), failed, seconds, rps, quantile(millis, 0.5),
            quantile(millis, 0.95), quantile(millis, 0.99), millis.empty() ? 0.0 : millis.back(),
            stopped);
    }
    return failed == 0 ? 0 : 1;
}
