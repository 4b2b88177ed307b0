// SPDX-License-Identifier: Apache-2.0
// `qaquery`: search an index, show an entry, its Similar Q&A or Related FAQ. A thin layer over
// Searcher.
#include "common/cli.hpp"
#include "common/search_output.hpp"
#include "common/terminal.hpp"
#include "qaindex/qaindex.hpp"
#include "qaquery/options.hpp"

int main(int argc, char** argv) {
    namespace cli = qaindex::cli;
    CLI::App app{"Search medical consultations indexed by `qaindex build`.", "qaquery"};
    cli::QueryOptions options;
    cli::add_query_options(app, options);

    return cli::run(app, argc, argv, [&] {
        const cli::QueryMode mode = cli::query_mode(options);
        const bool colour =
            !options.json && cli::use_colour(cli::parse_colour_when(options.colour), stdout);
        cli::read_stdin_text(options);
        auto searcher = qaindex::Searcher::open(
            qaindex::database_path(options.db),
            qaindex::SearcherOptions{.allow_partial = options.allow_partial});
        switch (mode) {
            case cli::QueryMode::Search: {
                const auto request = cli::search_request(options);
                const auto results = searcher.search(request);
                if (options.json) {
                    cli::print_json(stdout, cli::results_json(results, options.facet_limit));
                } else {
                    cli::print_search(stdout, results,
                                      {.offset = request.offset,
                                       .colour = colour,
                                       .explain = options.explain,
                                       .facet_limit = options.facet_limit,
                                       .width = cli::text_width(stdout)});
                }
                break;
            }
            case cli::QueryMode::Similar:
            case cli::QueryMode::SimilarTo: {
                const auto results = searcher.similar(cli::similar_request(options, mode));
                if (options.json) {
                    cli::print_json(stdout, cli::results_json(results));
                } else {
                    cli::print_similar(stdout, results, colour);
                }
                break;
            }
            case cli::QueryMode::Related: {
                const qaindex::EntryId id{*options.related};
                const auto related =
                    searcher.related({.id = id, .limit = options.limit == 0 ? 10 : options.limit});
                if (options.json) {
                    cli::print_json(stdout, cli::related_json(id, related));
                } else {
                    cli::print_related(stdout, related);
                }
                break;
            }
            case cli::QueryMode::Show: {
                const qaindex::EntryId id{*options.show};
                const auto entry = searcher.entry(id);
                if (!entry) {
                    throw qaindex::UsageError("no entry with id \"" + id.value + "\" in " +
                                              qaindex::database_path(options.db).string());
                }
                if (options.json) {
                    cli::print_json(stdout, cli::entry_record_json(*entry));
                } else {
                    cli::print_entry(stdout, *entry, colour);
                }
                break;
            }
        }
        return cli::kOk;
    });
}
