// SPDX-License-Identifier: Apache-2.0
// `qaindex`: build, inspect, check and edit an index. A thin layer over the library.
#include <fmt/core.h>

#include "common/build_output.hpp"
#include "common/cli.hpp"
#include "qaindex/qaindex.hpp"

int main(int argc, char** argv) {
    namespace cli = qaindex::cli;
    CLI::App app{"Index medical consultations for qaquery.", "qaindex"};
    app.require_subcommand(1);
    std::optional<std::filesystem::path> db;

    qaindex::BuildOptions build;
    bool quiet = false;
    auto* build_command = app.add_subcommand("build", "index a corpus folder or file (incremental)");
    build_command->add_option("corpus", build.corpus, "folder (read recursively) or file")
        ->required()
        ->check(CLI::ExistingPath);
    cli::add_database_option(*build_command, db);
    build_command->add_flag("--rebuild", build.rebuild, "start over instead of updating");
    build_command->add_flag("--strict", build.strict, "fail at the first bad file or record");
    build_command->add_option("--threads", build.threads, "analysis threads (default: one per core)");
    build_command->add_flag("-q,--quiet", quiet, "no progress and no per-record warnings");
    std::optional<std::size_t> shards;
    std::optional<std::string> shard;
    auto* shards_option = build_command->add_option(
        "--shards", shards, "N shard indexes under --db by a stable hash of the id, and their list");
    build_command->add_option("--shard", shard, "only shard I of N (I/N), for one machine")
        ->excludes(shards_option);

    auto* stats_command = app.add_subcommand("stats", "entries, specialties, top symptoms, size");
    cli::add_database_option(*stats_command, db);
    std::size_t top = 20;
    stats_command->add_option("--top", top, "symptoms to list")->capture_default_str();

    auto* check_command = app.add_subcommand("check", "check the database and its invariants");
    cli::add_database_option(*check_command, db);

    std::string delete_id;
    auto* delete_command = app.add_subcommand("delete", "remove one entry by id");
    delete_command->add_option("id", delete_id, "entry id")->required();
    cli::add_database_option(*delete_command, db);

    return cli::run(app, argc, argv, [&] {
        const auto database = qaindex::database_path(db);
        if (*build_command) {
            build.database = database;
            cli::ProgressPrinter progress(stderr);
            if (!quiet) {
                build.on_progress = [&](const qaindex::BuildProgress& p) { progress(p); };
                build.on_diagnostic = [&](const qaindex::Diagnostic& d) {
                    progress.finish();
                    fmt::print(stderr, "qaindex: skipped: {}\n", d.to_string());
                };
            }
            if (shard) {
                build.shard = qaindex::parse_shard_selection(*shard);
            }
            if (shards) {
                const auto sharded = qaindex::build_shards(build, *shards);
                progress.finish();
                cli::print_build_report(stdout, sharded.total, database);
                for (std::size_t i = 0; i < sharded.shards.size(); ++i) {
                    fmt::print("  shard {}   {} entries\n", i + 1,
                               cli::with_commas(sharded.shards[i].entries));
                }
                fmt::print("  list      {}\n", sharded.list.string());
                return cli::kOk;
            }
            const auto report = qaindex::build_index(build);
            progress.finish();
            cli::print_build_report(stdout, report, database);
            return cli::kOk;
        }
        if (*stats_command) {
            cli::print_stats(stdout, qaindex::index_stats(database, top));
            return cli::kOk;
        }
        if (*check_command) {
            const auto report = qaindex::check_index(database);
            cli::print_check(stdout, report, database);
            return report.ok() ? cli::kOk : cli::kFailure;
        }
        auto writer = qaindex::IndexWriter::open(database);
        if (!writer.remove(qaindex::EntryId{delete_id})) {
            throw qaindex::UsageError("no entry with id " + delete_id + " in " + database.string());
        }
        writer.commit();
        fmt::print("deleted {}\n", delete_id);
        return cli::kOk;
    });
}
