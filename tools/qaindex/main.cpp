// SPDX-License-Identifier: Apache-2.0
// `qaindex`: build, inspect, check, edit and export an index. A thin layer over the library.
#include <fmt/core.h>

#include "common/build_output.hpp"
#include "common/cli.hpp"
#include "common/search_output.hpp"
#include "common/terminal.hpp"
#include "qaindex/qaindex.hpp"

int main(int argc, char** argv) {
    namespace cli = qaindex::cli;
    CLI::App app{"Index medical consultations for qaquery.", "qaindex"};
    app.require_subcommand(1);
    app.footer(
        "--db DIR may come before or after the command. The index is --db DIR, else "
        "$QAINDEX_DB, else ./qaindex.db.");
    std::optional<std::filesystem::path> db;
    cli::add_database_option(app, db);

    qaindex::BuildOptions build;
    bool quiet = false;
    auto* build_command =
        app.add_subcommand("build", "index a corpus folder or file (incremental)");
    build_command->add_option("corpus", build.corpus, "folder (read recursively) or file")
        ->type_name("PATH")
        ->required()
        ->check(CLI::ExistingPath);
    cli::add_database_option(*build_command, db);
    build_command->add_flag("--rebuild", build.rebuild, "start over instead of updating");
    build_command->add_flag("--strict", build.strict, "fail at the first bad file or record");
    build_command
        ->add_option("--threads", build.threads, "analysis threads (default: one per core)")
        ->type_name("N")
        ->check(CLI::Range(0U, 1024U));
    build_command->add_flag("-q,--quiet", quiet, "no progress and no per-record warnings");
    std::optional<std::size_t> shards;
    std::optional<std::string> shard;
    auto* shards_option = build_command->add_option(
        "--shards", shards,
        "N shard indexes under --db by a stable hash of the id, and their list");
    build_command->add_option("--shard", shard, "only shard I of N (I/N), for one machine")
        ->excludes(shards_option);

    auto* stats_command = app.add_subcommand("stats", "entries, specialties, top symptoms, size");
    cli::add_database_option(*stats_command, db);
    std::size_t top = 20;
    cli::add_size_option(*stats_command, "--top", top, "symptoms to list (default 20)");
    bool json = false;
    stats_command->add_flag("--json", json, "print one JSON object");

    auto* check_command = app.add_subcommand("check", "check the database and its invariants");
    cli::add_database_option(*check_command, db);

    std::string delete_id;
    auto* delete_command = app.add_subcommand("delete", "remove one entry by id");
    delete_command->add_option("id", delete_id, "entry id")->type_name("ID")->required();
    cli::add_database_option(*delete_command, db);

    auto* export_command =
        app.add_subcommand("export", "write every entry as JSON Lines, which build reads back");
    cli::add_database_option(*export_command, db);

    return cli::run(app, argc, argv, [&] {
        const auto database = qaindex::database_path(db);
        // Of a shard list only stats, and --shards builds of its folder, are meant; the other
        // commands work on one index, so on each shard.
        if (qaindex::is_shard_list(database) && !*stats_command && !(*build_command && shards)) {
            const std::string command = *build_command    ? "build"
                                        : *check_command  ? "check"
                                        : *export_command ? "export"
                                                          : "delete";
            throw qaindex::UsageError(
                database.string() + " is a shard list: `qaindex " + command +
                "` works on one index, so give it each shard's folder as --db" +
                (command == "build" ? " (with --shard I/N), or build them all with --shards N"
                                    : ""));
        }
        if (*build_command) {
            build.database = database;
            cli::ProgressPrinter progress(stderr);
            if (!quiet) {
                build.on_progress = [&](const qaindex::BuildProgress& p) { progress(p); };
                build.on_diagnostic = [&](const qaindex::Diagnostic& d) {
                    progress.finish();
                    fmt::print(stderr, "qaindex: skipped: {}\n", cli::printable(d.to_string()));
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
            const auto stats = qaindex::index_stats(database, top);
            json ? cli::print_json(stdout, cli::stats_json(stats))
                 : cli::print_stats(stdout, stats);
            return cli::kOk;
        }
        if (*check_command) {
            const auto report = qaindex::check_index(database);
            cli::print_check(stdout, report, database);
            return report.ok() ? cli::kOk : cli::kFailure;
        }
        if (*export_command) {
            qaindex::for_each_entry(database, [](qaindex::Consultation&& entry) {
                fmt::print("{}\n", qaindex::format_json_line(entry));
            });
            return cli::kOk;
        }
        auto writer = qaindex::IndexWriter::open(database);
        if (!writer.remove(qaindex::EntryId{delete_id})) {
            throw qaindex::UsageError("no entry with id " + delete_id + " in " + database.string());
        }
        writer.commit();
        fmt::print("deleted {}\n", cli::printable(delete_id));
        return cli::kOk;
    });
}
