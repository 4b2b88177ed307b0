// SPDX-License-Identifier: Apache-2.0
// Text and JSON printers of qaquery's results.
#include "common/search_output.hpp"

#include <fmt/core.h>

#include "common/build_output.hpp"

namespace qaindex::cli {
namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kHighlight = "\033[1;33m";
constexpr std::string_view kDim = "\033[2m";
constexpr std::string_view kReset = "\033[0m";

std::string styled(std::string_view text, std::string_view style, bool colour) {
    if (!colour) {
        return std::string(text);
    }
    return fmt::format("{}{}{}", style, text, kReset);
}

template <typename T>
nlohmann::ordered_json optional_json(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json date_json(const std::optional<Date>& date) {
    return date ? nlohmann::ordered_json(date->to_string()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json explanation_json(const Explanation& explanation) {
    nlohmann::ordered_json matched = nlohmann::ordered_json::array();
    for (const MatchedTerm& term : explanation.matched) {
        matched.push_back({{"term", term.term}, {"field", term.field}});
    }
    return {{"matched", matched},
            {"synonyms", explanation.synonyms},
            {"symptoms", explanation.symptoms},
            {"conditions", explanation.conditions},
            {"specialty", optional_json(explanation.specialty)}};
}

void print_explanation(std::FILE* stream, const Explanation& explanation) {
    std::string matched;
    for (const MatchedTerm& term : explanation.matched) {
        matched += fmt::format("{}{} ({})", matched.empty() ? "" : ", ", term.term, term.field);
    }
    fmt::print(stream, "   matched: {}\n", matched.empty() ? "(concepts only)" : matched);
    auto list = [&](std::string_view label, const std::vector<std::string>& values) {
        if (values.empty()) {
            return;
        }
        std::string joined;
        for (const std::string& value : values) {
            joined += (joined.empty() ? "" : ", ") + value;
        }
        fmt::print(stream, "   {}: {}\n", label, joined);
    };
    list("synonyms", explanation.synonyms);
    list("symptoms", explanation.symptoms);
    list("conditions", explanation.conditions);
    if (explanation.specialty) {
        fmt::print(stream, "   specialty: {}\n", *explanation.specialty);
    }
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) {
        out += (out.empty() ? "" : "; ") + value;
    }
    return out;
}

}  // namespace

std::string highlighted(const Snippet& snippet, bool colour) {
    if (!colour) {
        return snippet.text;
    }
    std::string out;
    std::size_t at = 0;
    for (const Highlight& h : snippet.highlights) {
        if (h.begin < at || h.end > snippet.text.size() || h.begin >= h.end) {
            continue;
        }
        out.append(snippet.text, at, h.begin - at);
        out += kHighlight;
        out.append(snippet.text, h.begin, h.end - h.begin);
        out += kReset;
        at = h.end;
    }
    out.append(snippet.text, at);
    return out;
}

// A partial answer says so before anything else; --explain says how shards were matched.
void print_shards(std::FILE* stream, const SearchResults& results, bool explain) {
    if (!results.shards) {
        return;
    }
    const ShardReport& shards = *results.shards;
    if (!shards.unavailable.empty()) {
        fmt::print(stream, "Partial results: {} of {} shards left out:\n", shards.unavailable.size(),
                   shards.listed);
        for (const std::string& shard : shards.unavailable) {
            fmt::print(stream, "  {}\n", shard);
        }
    }
    if (explain) {
        fmt::print(stream, "Shards: {} ({} over TCP): {}\n", shards.listed, shards.remote,
                   shards.matcher);
    }
}

void print_search(std::FILE* stream, const SearchResults& results, std::size_t offset, bool colour,
                  bool explain) {
    print_shards(stream, results, explain);
    if (results.suggestion) {
        fmt::print(stream, "Did you mean: {}\n", styled(*results.suggestion, kBold, colour));
    }
    if (results.plain_words) {
        fmt::print(stream, "(query syntax not understood: searched the words)\n");
    }
    if (explain) {
        if (!results.symptoms.empty()) {
            fmt::print(stream, "Symptoms recognised: {}\n", joined(results.symptoms));
        }
        if (!results.conditions.empty()) {
            fmt::print(stream, "Conditions recognised: {}\n", joined(results.conditions));
        }
        if (!results.expansions.empty()) {
            fmt::print(stream, "Synonyms added: {}\n", joined(results.expansions));
        }
    }
    if (results.hits.empty()) {
        fmt::print(stream, "No results{}.\n", results.total > 0 ? " on this page" : "");
    }
    std::size_t rank = offset;
    for (const Hit& hit : results.hits) {
        ++rank;
        fmt::print(stream, "\n{}. {}\n", rank,
                   styled(hit.title.value_or(hit.question_excerpt), kBold, colour));
        std::string meta = hit.specialty.value_or("");
        if (hit.doctor) {
            meta += (meta.empty() ? "" : " | ") + ("Dr. " + *hit.doctor);
        }
        if (hit.asked) {
            meta += (meta.empty() ? "" : " | ") + hit.asked->to_string();
        }
        if (!meta.empty()) {
            fmt::print(stream, "   {}\n", meta);
        }
        if (!hit.snippet.text.empty()) {
            fmt::print(stream, "   {}\n", highlighted(hit.snippet, colour));
        }
        fmt::print(
            stream, "   {}\n",
            styled(fmt::format("id: {}  score: {:.3f}", hit.id.value, hit.score), kDim, colour));
        if (explain && hit.explanation) {
            print_explanation(stream, *hit.explanation);
        }
    }
    for (const FacetCounts& facet : results.facets) {
        std::string counts;
        for (const FacetCount& count : facet.counts) {
            counts +=
                fmt::format("{}{} ({})", counts.empty() ? "" : ", ", count.value, count.count);
        }
        fmt::print(stream, "\nBy {}: {}\n", to_string(facet.facet), counts.empty() ? "-" : counts);
    }
    fmt::print(stream, "\n{} {} for \"{}\"\n", with_commas(results.total),
               results.total == 1 ? "result" : "results", results.query);
}

void print_similar(std::FILE* stream, const SearchResults& results, bool colour) {
    print_shards(stream, results, false);
    fmt::print(stream, "Similar Q&A\n");
    if (results.hits.empty()) {
        fmt::print(stream, "(none found)\n");
    }
    for (const Hit& hit : results.hits) {
        const std::string title = hit.title.value_or(hit.id.value);
        fmt::print(stream, "{}\n{}\n", styled(title, kBold, colour), hit.question_excerpt);
        if (hit.doctor || hit.specialty) {
            std::string line = hit.doctor ? "Dr. " + *hit.doctor + " reply" : "reply";
            if (hit.specialty) {
                line += " " + *hit.specialty;
            }
            fmt::print(stream, "{}\n", line);
        }
        fmt::print(stream, "{}[Read More] {} ({})\n", hit.reply_excerpt.value_or(""), title,
                   hit.id.value);
    }
}

void print_related(std::FILE* stream, const std::vector<RelatedFaq>& related) {
    fmt::print(stream, "Related FAQ\n");
    if (related.empty()) {
        fmt::print(stream, "(none found)\n");
    }
    for (const RelatedFaq& topic : related) {
        fmt::print(stream, "{}({})\n", topic.topic, topic.specialty.value_or(""));
    }
}

nlohmann::ordered_json results_json(const SearchResults& results) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const Hit& hit : results.hits) {
        nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
        for (const Highlight& h : hit.snippet.highlights) {
            highlights.push_back({{"begin", h.begin}, {"end", h.end}});
        }
        nlohmann::ordered_json item = {
            {"id", hit.id.value},
            {"score", hit.score},
            {"title", optional_json(hit.title)},
            {"specialty", optional_json(hit.specialty)},
            {"doctor", optional_json(hit.doctor)},
            {"asked", date_json(hit.asked)},
            {"snippet", {{"text", hit.snippet.text}, {"highlights", highlights}}},
            {"question_excerpt", hit.question_excerpt},
            {"reply_excerpt", optional_json(hit.reply_excerpt)},
            {"symptoms", hit.symptoms},
            {"source", optional_json(hit.source)},
        };
        if (hit.explanation) {
            item["explanation"] = explanation_json(*hit.explanation);
        }
        hits.push_back(std::move(item));
    }
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const FacetCounts& facet : results.facets) {
        nlohmann::ordered_json counts = nlohmann::ordered_json::array();
        for (const FacetCount& count : facet.counts) {
            counts.push_back({{"value", count.value}, {"count", count.count}});
        }
        facets[std::string(to_string(facet.facet))] = std::move(counts);
    }
    nlohmann::ordered_json out = {{"query", results.query},
                                  {"total", results.total},
                                  {"results", std::move(hits)},
                                  {"facets", std::move(facets)},
                                  {"suggestion", optional_json(results.suggestion)},
                                  {"expansions", results.expansions},
                                  {"symptoms", results.symptoms},
                                  {"conditions", results.conditions},
                                  {"plain_words", results.plain_words}};
    if (results.shards) {
        out["shards"] = {{"listed", results.shards->listed},
                         {"remote", results.shards->remote},
                         {"unavailable", results.shards->unavailable},
                         {"matcher", results.shards->matcher}};
    }
    return out;
}

nlohmann::ordered_json related_json(const EntryId& id, const std::vector<RelatedFaq>& related) {
    nlohmann::ordered_json topics = nlohmann::ordered_json::array();
    for (const RelatedFaq& topic : related) {
        topics.push_back({{"topic", topic.topic},
                          {"specialty", optional_json(topic.specialty)},
                          {"entries", topic.entries}});
    }
    return {{"id", id.value}, {"related", std::move(topics)}};
}

void print_json(std::FILE* stream, const nlohmann::ordered_json& json) {
    fmt::print(stream, "{}\n",
               json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace qaindex::cli
