// SPDX-License-Identifier: Apache-2.0
// Shared tool plumbing: --db, terminal detection, one catch for every tool's errors.
#include "common/cli.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <exception>

#include "qaindex/errors.hpp"

namespace qaindex::cli {

void add_database_option(CLI::App& app, std::optional<std::filesystem::path>& database) {
    app.add_option("--db", database,
                   "index folder or shard list (default: $QAINDEX_DB, then ./qaindex.db)");
}

bool is_terminal(std::FILE* stream) { return ::isatty(::fileno(stream)) == 1; }

int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
    const std::string tool = app.get_name();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "{}: error: {}\nRun '{} --help' for usage.\n", tool, e.what(), tool);
        return kUsage;
    }
    try {
        return body();
    } catch (const UsageError& e) {
        fmt::print(stderr, "{}: error: {}\n", tool, e.what());
        return kUsage;
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: error: {}\n", tool, e.what());
        return kFailure;
    }
}

}  // namespace qaindex::cli
