// SPDX-License-Identifier: Apache-2.0
// `qaserve`: the JSON API and the pages of an index over HTTP. A thin layer over Server.
#include <pthread.h>
#include <signal.h>

#include <fmt/core.h>

#include <thread>

#include "common/cli.hpp"
#include "qaindex/database.hpp"
#include "qaindex/errors.hpp"
#include "qaserve/server.hpp"

int main(int argc, char** argv) {
    namespace cli = qaindex::cli;
    CLI::App app{"Serve an index built by `qaindex build` over HTTP: a JSON API and web pages.",
                 "qaserve"};
    std::optional<std::filesystem::path> db;
    std::string listen = "127.0.0.1:8080";
    std::size_t threads = 8;
    bool no_split = false;
    bool allow_partial = false;
    std::size_t keep_alive = 1;
    cli::add_database_option(app, db);
    app.add_option("--listen", listen, "address and port to listen on (port 0: any free port)")
        ->capture_default_str();
    app.add_option("--threads", threads, "worker threads, each with its own Searcher")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    app.add_option("--keep-alive", keep_alive,
                   "requests a connection may send before the server closes it (1: no keep-alive)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    app.add_flag("--no-split", no_split,
                 "a costly search never takes a second thread (Searcher::set_two_threads(false))");
    app.add_flag("--allow-partial", allow_partial,
                 "a shard list: answer from the shards that answer when some do not (and say so)");

    return cli::run(app, argc, argv, [&] {
        const auto colon = listen.rfind(':');
        int port = -1;
        if (colon != std::string::npos) {
            try {
                port = std::stoi(listen.substr(colon + 1));
            } catch (const std::exception&) {
                port = -1;
            }
        }
        if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535) {
            throw qaindex::UsageError("--listen " + listen + ": expected HOST:PORT");
        }
        // SIGINT and SIGTERM are taken by one thread, which stops the server: the requests
        // being answered finish, then run() returns.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);

        qaindex::serve::Server server(
            {.database = std::filesystem::absolute(qaindex::database_path(db)),
             .allow_partial = allow_partial,
             .threads = threads,
             .split_searches = !no_split,
             .keep_alive_requests = keep_alive});
        const int bound = server.bind(listen.substr(0, colon), port);
        fmt::print(stderr, "qaserve: serving {} on http://{}:{}/ with {} threads\n",
                   qaindex::database_path(db).string(), listen.substr(0, colon), bound, threads);
        std::thread waiter([&] {
            int signal = 0;
            sigwait(&signals, &signal);
            fmt::print(stderr, "qaserve: {}: finishing the requests being answered\n",
                       signal == SIGINT ? "SIGINT" : "SIGTERM");
            server.stop();
        });
        server.run();
        // run() also returns if listening failed: wake the waiter so it can be joined.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
        fmt::print(stderr, "qaserve: stopped\n");
        return cli::kOk;
    });
}
