// SPDX-License-Identifier: Apache-2.0
// The HTTP server: routing, error statuses, the request log, start and stop.
#include "qaserve/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <optional>

#include "qaindex/errors.hpp"
#include "qaserve/api.hpp"
#include "qaserve/pages.hpp"
#include "qaserve/params.hpp"
#include "qaserve/services.hpp"
#include "qaserve/worker_pool.hpp"

namespace qaindex::serve {
namespace {

using Clock = std::chrono::steady_clock;

// What a path asks for.
enum class Kind {
    ApiSearch,
    ApiEntry,
    ApiEntrySimilar,
    ApiEntryRelated,
    ApiSimilar,
    ApiStats,
    Health,
    Home,
    SearchPage,
    EntryPage,
    Style,
    None,
};

struct Route {
    Kind kind = Kind::None;
    std::string id;     // of /api/entries/{id}... and /entries/{id}
    bool json = false;  // errors as JSON (the API) or as a page
};

Route resolve(std::string_view path) {
    constexpr std::string_view kApiEntries = "/api/entries/";
    constexpr std::string_view kEntries = "/entries/";
    if (path == "/api/search") {
        return {Kind::ApiSearch, {}, true};
    }
    if (path.starts_with(kApiEntries) && path.size() > kApiEntries.size()) {
        // An id may hold slashes ("neurology/001_eyelid-twitching"): the suffix decides.
        const std::string_view rest = path.substr(kApiEntries.size());
        for (const auto& [suffix, kind] :
             {std::pair{std::string_view("/similar"), Kind::ApiEntrySimilar},
              std::pair{std::string_view("/related"), Kind::ApiEntryRelated}}) {
            if (rest.size() > suffix.size() && rest.ends_with(suffix)) {
                return {kind, std::string(rest.substr(0, rest.size() - suffix.size())), true};
            }
        }
        return {Kind::ApiEntry, std::string(rest), true};
    }
    if (path == "/api/similar") {
        return {Kind::ApiSimilar, {}, true};
    }
    if (path == "/api/stats") {
        return {Kind::ApiStats, {}, true};
    }
    if (path == "/healthz") {
        return {Kind::Health, {}, true};
    }
    if (path == "/api" || path.starts_with("/api/")) {
        return {Kind::None, {}, true};
    }
    if (path == "/") {
        return {Kind::Home, {}, false};
    }
    if (path == "/search") {
        return {Kind::SearchPage, {}, false};
    }
    if (path.starts_with(kEntries) && path.size() > kEntries.size()) {
        return {Kind::EntryPage, std::string(path.substr(kEntries.size())), false};
    }
    if (path == "/static/style.css") {
        return {Kind::Style, {}, false};
    }
    return {};
}

// When the request being answered on this thread started (set before routing).
thread_local std::optional<Clock::time_point> request_start;

// httplib's server, with two changes made on its listening socket.
class HttpServer : public httplib::Server {
  public:
    // httplib listens with a backlog of 5: connections past it wait for a SYN retransmission
    // (a second) under load. Listening again on Linux sets a new backlog.
    void raise_backlog(int backlog) { ::listen(svr_sock_, backlog); }

    // Stops accepting and lets every accepted connection be answered. httplib's stop() marks
    // its socket closed, and a worker that takes a queued connection after that closes it
    // unanswered; shutting the socket down instead ends the accept loop (httplib then
    // closes it) while the socket still counts as open, so queued connections are answered,
    // each until its client stops or its keep-alive ends (--keep-alive requests, 2 s idle).
    void stop_accepting() { ::shutdown(svr_sock_, SHUT_RDWR); }
};

constexpr std::string_view kSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

}  // namespace

struct Server::Impl {
    explicit Impl(ServerOptions options_)
        : options(std::move(options_)),
          services(options.database, [this](std::string_view line) { write_log(line); }) {}

    ServerOptions options;
    std::mutex log_mutex;
    Services services;
    HttpServer http;
    std::atomic<bool> stopping{false};

    void write_log(std::string_view line) {
        if (options.log) {
            options.log(line);
            return;
        }
        const std::lock_guard lock(log_mutex);
        std::fprintf(stderr, "qaserve: %.*s\n", static_cast<int>(line.size()), line.data());
    }

    void send_error(const Route& route, httplib::Response& response, const HttpError& error) {
        if (route.json) {
            api::send_error(response, error);
        } else {
            pages::send_error(response, error);
        }
    }

    void dispatch(const Route& route, const httplib::Request& request,
                  httplib::Response& response) {
        try {
            switch (route.kind) {
                case Kind::ApiSearch:
                    return api::search(request, response, services);
                case Kind::ApiEntry:
                    return api::entry(request, response, services, route.id);
                case Kind::ApiEntrySimilar:
                    return api::entry_similar(request, response, services, route.id);
                case Kind::ApiEntryRelated:
                    return api::entry_related(request, response, services, route.id);
                case Kind::ApiSimilar:
                    return api::similar_text(request, response, services);
                case Kind::ApiStats:
                    return api::stats(request, response, services);
                case Kind::Health:
                    return api::health(request, response, services);
                case Kind::Home:
                    return pages::home(request, response, services);
                case Kind::SearchPage:
                    return pages::search(request, response, services);
                case Kind::EntryPage:
                    return pages::entry(request, response, services, route.id);
                case Kind::Style:
                    return pages::stylesheet(request, response);
                case Kind::None:
                    break;
            }
            throw HttpError(404, "not_found", "no such page: " + request.path);
        } catch (const std::exception& error) {
            response = httplib::Response();
            send_error(route, response, services.http_error(error));
        }
    }

    // Every request but POST /api/similar is routed here, before httplib reads a body.
    httplib::Server::HandlerResponse pre_route(const httplib::Request& request,
                                               httplib::Response& response) {
        request_start = Clock::now();
        const Route route = resolve(request.path);
        const bool get = request.method == "GET" || request.method == "HEAD";
        const bool post_route = route.kind == Kind::ApiSimilar;
        const bool allowed = post_route ? request.method == "POST" : get;
        if (route.kind != Kind::None && allowed) {
            if (post_route) {
                return httplib::Server::HandlerResponse::Unhandled;  // read the body first
            }
            dispatch(route, request, response);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (route.kind == Kind::None) {
            send_error(route, response,
                       HttpError(404, "not_found",
                                 route.json ? "no such API path: " + request.path
                                            : "There is no page at " + request.path + "."));
        } else {
            const std::string allow = post_route ? "POST" : "GET, HEAD";
            response.set_header("Allow", allow);
            send_error(route, response,
                       HttpError(405, "method_not_allowed",
                                 request.method + " is not allowed on " + request.path +
                                     " (allowed: " + allow + ")"));
        }
        if (!get) {
            // The body, if any, is left unread: the connection cannot carry another request.
            response.set_header("Connection", "close");
        }
        return httplib::Server::HandlerResponse::Handled;
    }

    // Errors httplib answers itself (a malformed request, a body or URI too long) get the
    // API's or the pages' form; responses the handlers made are left as they are.
    httplib::Server::HandlerResponse on_error(const httplib::Request& request,
                                              httplib::Response& response) {
        if (!response.body.empty()) {
            return httplib::Server::HandlerResponse::Unhandled;
        }
        const Route route = resolve(request.path);
        switch (response.status) {
            case 413:
                send_error(route, response,
                           HttpError(413, "payload_too_large",
                                     "the request body is larger than " +
                                         std::to_string(kMaxBodyBytes) + " bytes"));
                break;
            case 414:
                send_error(route, response,
                           HttpError(414, "uri_too_long",
                                     "the request's URI is too long: POST /api/similar takes "
                                     "long texts"));
                break;
            case 404:
                send_error(route, response, HttpError(404, "not_found", "not found"));
                break;
            default:
                send_error(
                    route, response,
                    HttpError(response.status, response.status >= 500 ? "internal" : "bad_request",
                              response.status >= 500 ? "internal error"
                                                     : "the request could not be read"));
        }
        return httplib::Server::HandlerResponse::Handled;
    }

    void log_request(const httplib::Request& request, const httplib::Response& response) {
        std::string ms = "-";
        if (request_start) {
            const double elapsed =
                std::chrono::duration<double, std::milli>(Clock::now() - *request_start).count();
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.1f", elapsed);
            ms = buffer;
            request_start.reset();
        }
        write_log(request.method + ' ' + request.path + ' ' + std::to_string(response.status) +
                  ' ' + ms + " ms");
    }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    // A client that hangs up while its answer is written must not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    Impl& impl = *impl_;
    auto& http = impl.http;
    const std::filesystem::path database = impl.options.database;
    const std::size_t threads = impl.options.threads;
    const bool split = impl.options.split_searches;
    const bool allow_partial = impl.options.allow_partial;
    http.new_task_queue = [database, threads, split, allow_partial] {
        return new WorkerPool(database, threads, split, allow_partial);
    };
    http.set_pre_routing_handler(
        [&impl](const httplib::Request& request, httplib::Response& response) {
            return impl.pre_route(request, response);
        });
    http.Post("/api/similar",
              [&impl](const httplib::Request& request, httplib::Response& response) {
                  impl.dispatch(resolve(request.path), request, response);
              });
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [&impl](const httplib::Request& request, httplib::Response& response) {
            return impl.on_error(request, response);
        }));
    http.set_exception_handler(
        [&impl](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
            impl.send_error(resolve(request.path), response,
                            HttpError(500, "internal", "internal error"));
        });
    http.set_logger([&impl](const httplib::Request& request, const httplib::Response& response) {
        impl.log_request(request, response);
    });
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", std::string(kSecurityPolicy)},
                              {"Referrer-Policy", "same-origin"}});
    http.set_payload_max_length(kMaxBodyBytes);
    http.set_tcp_nodelay(true);
    http.set_keep_alive_timeout(2);
    http.set_keep_alive_max_count(std::max<std::size_t>(impl.options.keep_alive_requests, 1));
    http.set_read_timeout(10);
    http.set_write_timeout(10);
}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
    const int bound = port == 0 ? impl_->http.bind_to_any_port(host)
                                : (impl_->http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        throw UsageError("cannot listen on " + host + ":" + std::to_string(port) +
                         " (address in use, or not an address of this machine)");
    }
    impl_->http.raise_backlog(1024);
    return bound;
}

void Server::run() {
    if (!impl_->stopping) {
        impl_->http.listen_after_bind();
    }
}

void Server::stop() {
    impl_->stopping = true;
    impl_->http.stop_accepting();
}

bool Server::running() const {
    return impl_->http.is_running();
}

}  // namespace qaindex::serve
