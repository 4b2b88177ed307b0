// SPDX-License-Identifier: Apache-2.0
// qaquery's options and their conversion into SearchRequest and SimilarRequest.
#include "qaquery/options.hpp"

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

}  // namespace

void add_query_options(CLI::App& app, QueryOptions& options) {
    app.add_option("query", options.words,
                   "words, a pasted question, or the syntax: \"phrase\", AND, OR, NOT, title:, "
                   "question:, reply:, specialty:, symptom:");
    add_database_option(app, options.db);
    app.add_option("-n,--limit", options.limit, "results to show (default 10; Similar Q&A 5)");
    app.add_option("--offset", options.offset, "results to skip (paging)");
    // One value per occurrence, so that `--symptom fever headache` leaves "headache" a word.
    app.add_option("--specialty", options.specialties,
                   "only this specialty, in any form (\"neurologist\"); repeatable")
        ->allow_extra_args(false);
    app.add_option("--symptom", options.symptoms,
                   "only entries with this symptom or a narrower one; repeatable")
        ->allow_extra_args(false);
    app.add_option("--since", options.since, "asked on or after this date (YYYY-MM-DD)");
    app.add_option("--until", options.until, "asked on or before this date (YYYY-MM-DD)");
    app.add_option("--sex", options.sex, "asker's sex: female or male");
    app.add_option("--age", options.age, "asker's age group: 10-19, 30~39 ...");
    app.add_option("--lang", options.lang, "entry language: en, zh");
    app.add_flag("--facets", options.facets, "count matches by specialty and by symptom");
    app.add_flag("--json", options.json, "print one JSON object");
    app.add_flag("--explain", options.explain, "show matched terms, synonyms and symptoms");
    app.add_flag("--no-expand", options.no_expand, "no synonym or symptom expansion");
    app.add_flag("--allow-partial", options.allow_partial,
                 "a shard list: search the shards that answer when some do not (and say so)");
    app.add_option("--similar", options.similar, "Similar Q&A of the entry with this id");
    app.add_option("--similar-to", options.similar_to, "Similar Q&A of a new question");
    app.add_option("--related", options.related, "Related FAQ topics of the entry with this id");
}

QueryMode query_mode(const QueryOptions& options) {
    const int modes = (options.similar ? 1 : 0) + (options.similar_to ? 1 : 0) +
                      (options.related ? 1 : 0) + (options.words.empty() ? 0 : 1);
    if (modes == 0) {
        throw UsageError(
            "empty query: give words to search for, or --similar ID, "
            "--similar-to TEXT or --related ID");
    }
    if (modes > 1) {
        throw UsageError(
            "give one of: words to search for, --similar ID, --similar-to TEXT, "
            "--related ID");
    }
    if (options.similar) {
        return QueryMode::Similar;
    }
    if (options.similar_to) {
        return QueryMode::SimilarTo;
    }
    return options.related ? QueryMode::Related : QueryMode::Search;
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
                          .explain = options.explain};
    if (options.facets) {
        request.facets = {Facet::Specialty, Facet::Symptom};
    }
    return request;
}

SimilarRequest similar_request(const QueryOptions& options, QueryMode mode) {
    SimilarRequest request{.limit = options.limit == 0 ? 5 : options.limit,
                           .filter = query_filter(options),
                           .explain = options.explain};
    if (mode == QueryMode::Similar) {
        request.id = EntryId{*options.similar};
    } else {
        request.text = *options.similar_to;
    }
    return request;
}

}  // namespace qaindex::cli
