// SPDX-License-Identifier: Apache-2.0
// qaquery's options and their conversion into SearchRequest and SimilarRequest.
#include "qaquery/options.hpp"

#include <iostream>
#include <iterator>

#include "common/cli.hpp"
#include "qaindex/errors.hpp"

namespace qaindex::cli {
namespace {

std::optional<Date> date_option(const std::optional<std::string>& text, std::string_view option) {
    if (!text) {
        return std::nullopt;
    }
    const auto date = Date::parse(*text);
    if (!date) {
        throw UsageError(std::string(option) + " \"" + *text +
                         "\" is not a date (write YYYY-MM-DD or YYYY/MM/DD)");
    }
    return date;
}

std::string joined_words(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) {
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

bool has_filter(const QueryOptions& options) {
    return !options.specialties.empty() || !options.symptoms.empty() || options.since ||
           options.until || options.sex || options.age || options.lang;
}

std::string read_all(std::istream& in) {
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

void add_query_options(CLI::App& app, QueryOptions& options) {
    app.add_option("query", options.words,
                   "words, a pasted question (\"-\" reads it from standard input), or the "
                   "syntax: \"phrase\", AND, OR, NOT, title:, question:, reply:, specialty:, "
                   "symptom:")
        ->type_name("TEXT");
    add_database_option(app, options.db);
    add_size_option(app, "-n,--limit", options.limit,
                    "results to show (default 10; Similar Q&A 5, Related FAQ 10)");
    add_size_option(app, "--offset", options.offset, "results to skip (paging)");
    // One value per occurrence, so that `--symptom fever headache` leaves "headache" a word.
    app.add_option("--specialty", options.specialties,
                   "only this specialty, in any form (\"neurologist\"); one per option, repeat it "
                   "for any of several")
        ->type_name("NAME")
        ->allow_extra_args(false);
    app.add_option("--symptom", options.symptoms,
                   "only entries with this symptom (or a narrower one) or condition; one per "
                   "option, repeat it for any of several")
        ->type_name("NAME")
        ->allow_extra_args(false);
    app.add_option("--since", options.since, "asked on or after this date (YYYY-MM-DD)")
        ->type_name("DATE");
    app.add_option("--until", options.until, "asked on or before this date (YYYY-MM-DD)")
        ->type_name("DATE");
    app.add_option("--sex", options.sex, "asker's sex: female or male")->type_name("SEX");
    app.add_option("--age", options.age, "asker's age group: 30-39, 30~39, or an age: 35")
        ->type_name("AGE");
    app.add_option("--lang", options.lang, "entry language: en, zh")->type_name("LANG");
    app.add_flag("--facets", options.facets, "count matches by specialty and by symptom");
    add_size_option(app, "--facet-limit", options.facet_limit,
                    "values listed per facet (default 10; 0 lists all)");
    app.add_flag("--json", options.json, "print one JSON object");
    app.add_flag("--explain", options.explain, "show matched terms, synonyms and symptoms");
    app.add_flag("--no-expand", options.no_expand, "no synonym or symptom expansion");
    app.add_flag("--no-collapse", options.no_collapse,
                 "list entries asking the same question each as a hit of its own (by default "
                 "they are one hit, listing the others)");
    app.add_flag("--allow-partial", options.allow_partial,
                 "a shard list: search the shards that answer when some do not (and say so)");
    app.add_option("--color", options.colour,
                   "colour the text output: auto (a terminal, unless NO_COLOR is set), always, "
                   "never")
        ->type_name("WHEN");
    app.add_option("--similar", options.similar, "Similar Q&A of the entry with this id")
        ->type_name("ID");
    app.add_option("--similar-to", options.similar_to,
                   "Similar Q&A of a new question (\"-\": standard input)")
        ->type_name("TEXT");
    app.add_option("--related", options.related, "Related FAQ topics of the entry with this id")
        ->type_name("ID");
    app.add_option("--show", options.show, "the entry with this id, whole")->type_name("ID");
    for (CLI::Option* option : app.get_options()) {
        // A second value of a one-value option is an error, never silently the winner.
        if (option->get_items_expected_max() == 1 && option->get_expected_min() == 1) {
            option->multi_option_policy(CLI::MultiOptionPolicy::Throw);
        }
    }
    app.footer(
        "Every option takes one value, but --specialty and --symptom, which may be repeated: "
        "the values of one are alternatives (any of them), and different filters must all "
        "hold. Filters alone, without words, list every entry they match, newest first. "
        "The index is --db DIR, else $QAINDEX_DB, else ./qaindex.db.");
}

QueryMode query_mode(const QueryOptions& options) {
    const int modes = (options.similar ? 1 : 0) + (options.similar_to ? 1 : 0) +
                      (options.related ? 1 : 0) + (options.show ? 1 : 0) +
                      (options.words.empty() ? 0 : 1);
    if (modes == 0) {
        if (has_filter(options)) {
            return QueryMode::Search;
        }
        throw UsageError(
            "empty query: give words to search for, a filter (--specialty NAME ...), or "
            "--similar ID, --similar-to TEXT, --related ID or --show ID");
    }
    if (modes > 1) {
        throw UsageError(
            "give one of: words to search for, --similar ID, --similar-to TEXT, "
            "--related ID, --show ID");
    }
    if (options.similar) {
        return QueryMode::Similar;
    }
    if (options.similar_to) {
        return QueryMode::SimilarTo;
    }
    if (options.show) {
        return QueryMode::Show;
    }
    return options.related ? QueryMode::Related : QueryMode::Search;
}

void read_stdin_text(QueryOptions& options) {
    if (options.words.size() == 1 && options.words.front() == "-") {
        options.words.front() = read_all(std::cin);
    }
    if (options.similar_to == "-") {
        options.similar_to = read_all(std::cin);
    }
}

Filter query_filter(const QueryOptions& options) {
    Filter filter;
    filter.specialties = options.specialties;
    filter.symptoms = options.symptoms;
    filter.since = date_option(options.since, "--since");
    filter.until = date_option(options.until, "--until");
    if (options.sex) {
        filter.sex = parse_sex(*options.sex);
        if (!filter.sex) {
            throw UsageError("--sex \"" + *options.sex + "\": write female or male");
        }
    }
    filter.age_group = options.age;
    filter.language = options.lang;
    return filter;
}

SearchRequest search_request(const QueryOptions& options) {
    SearchRequest request{.text = joined_words(options.words),
                          .filter = query_filter(options),
                          .offset = options.offset,
                          .limit = options.limit == 0 ? 10 : options.limit,
                          .expand = !options.no_expand,
                          .explain = options.explain,
                          .collapse = !options.no_collapse};
    if (options.facets) {
        request.facets = {Facet::Specialty, Facet::Symptom};
    }
    return request;
}

SimilarRequest similar_request(const QueryOptions& options, QueryMode mode) {
    SimilarRequest request{.limit = options.limit == 0 ? 5 : options.limit,
                           .filter = query_filter(options),
                           .explain = options.explain,
                           .collapse = !options.no_collapse};
    if (mode == QueryMode::Similar) {
        request.id = EntryId{*options.similar};
    } else {
        request.text = *options.similar_to;
    }
    return request;
}

}  // namespace qaindex::cli
