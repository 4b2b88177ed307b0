// SPDX-License-Identifier: Apache-2.0
// Shared tool plumbing: --db, terminal detection, one catch for every tool's errors.
#include "common/cli.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <charconv>
#include <cstdint>
#include <exception>
#include <limits>

#include "common/terminal.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/version.hpp"

namespace qaindex::cli {

void add_database_option(CLI::App& app, std::optional<std::filesystem::path>& database) {
    app.add_option("--db", database,
                   "index folder or shard list (default: $QAINDEX_DB, then ./qaindex.db)")
        ->type_name("DIR")
        ->check(
            [](const std::string& value) {
                return value.empty() ? std::string("an empty path names no index folder")
                                     : std::string();
            },
            "");
}

std::optional<std::size_t> parse_size(std::string_view text) {
    std::uint64_t value = 0;
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() ||
        value > std::numeric_limits<std::size_t>::max()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(value);
}

CLI::Option* add_size_option(CLI::App& app, const std::string& name, std::size_t& target,
                             const std::string& description) {
    return app
        .add_option_function<std::string>(
            name,
            [&target, name](const std::string& text) {
                const auto value = parse_size(text);
                if (!value) {
                    throw CLI::ValidationError(
                        name, "\"" + printable(text) + "\" is not a whole number from 0 to " +
                                  std::to_string(std::numeric_limits<std::size_t>::max()));
                }
                target = *value;
            },
            description)
        ->type_name("N");
}

bool is_terminal(std::FILE* stream) {
    return ::isatty(::fileno(stream)) == 1;
}

int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
    const std::string tool = app.get_name();
    app.set_version_flag(
        "--version", [tool] { return version_text(tool); },
        "print the versions of this tool, the index schema, Xapian and ICU");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "{}: error: {}\nRun '{} --help' for usage.\n", tool, printable(e.what()),
                   tool);
        return kUsage;
    }
    try {
        return body();
    } catch (const UsageError& e) {
        fmt::print(stderr, "{}: error: {}\n", tool, printable(e.what()));
        return kUsage;
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: error: {}\n", tool, printable(e.what()));
        return kFailure;
    }
}

}  // namespace qaindex::cli
