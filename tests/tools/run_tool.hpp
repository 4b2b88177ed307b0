// SPDX-License-Identifier: Apache-2.0
// Runs a built tool in a subprocess and captures its exit status, stdout and stderr.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

extern char** environ;

namespace qaindex::test {

/// What a tool run produced.
struct ToolRun {
    int status = -1;  ///< exit status, or -1 if it did not exit normally
    std::string out;
    std::string err;
};

/// Starts program with args, stdout and stderr sent to the given files, and the environment
/// plus extra_environment ("NAME=value" each); returns the pid.
inline pid_t spawn_tool(const std::string& program, const std::vector<std::string>& args,
                        const std::filesystem::path& out, const std::filesystem::path& err,
                        const std::vector<std::string>& extra_environment = {}) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> storage{program};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> extra = extra_environment;
    std::vector<char*> envp;
    for (char** variable = environ; *variable != nullptr; ++variable) {
        envp.push_back(*variable);
    }
    for (auto& variable : extra) {
        envp.push_back(variable.data());
    }
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int failed =
        posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return failed == 0 ? pid : -1;
}

/// Runs program with args to completion.
inline ToolRun run_tool(const std::string& program, const std::vector<std::string>& args) {
    ScratchDir scratch("tool-output");
    const auto out = scratch.path() / "out";
    const auto err = scratch.path() / "err";
    ToolRun run;
    const pid_t pid = spawn_tool(program, args, out, err);
    if (pid < 0) {
        return run;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(out);
    run.err = read_file(err);
    return run;
}

}  // namespace qaindex::test
