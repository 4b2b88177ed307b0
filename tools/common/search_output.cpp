// SPDX-License-Identifier: Apache-2.0
// Text and JSON printers of qaquery's results and entries, and of index statistics.
#include "common/search_output.hpp"

#include <fmt/core.h>

#include "common/build_output.hpp"
#include "common/terminal.hpp"
#include "qaindex/corpus.hpp"

namespace qaindex::cli {
namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kHighlight = "\033[1;33m";
constexpr std::string_view kDim = "\033[2m";
constexpr std::string_view kReset = "\033[0m";

// text escaped for the terminal, in style when colour.
std::string styled(std::string_view text, std::string_view style, bool colour) {
    if (!colour) {
        return printable(text);
    }
    return fmt::format("{}{}{}", style, printable(text), kReset);
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
    nlohmann::ordered_json parts = nlohmann::ordered_json::array();
    for (const ScorePart& part : explanation.parts) {
        parts.push_back({{"name", part.name}, {"value", part.value}, {"weight", part.weight}});
    }
    return {{"matched", matched},
            {"synonyms", explanation.synonyms},
            {"symptoms", explanation.symptoms},
            {"conditions", explanation.conditions},
            {"specialty", optional_json(explanation.specialty)},
            {"brevity", explanation.brevity},
            {"parts", std::move(parts)}};
}

nlohmann::ordered_json ids_json(const std::vector<EntryId>& ids) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const EntryId& id : ids) {
        out.push_back(id.value);
    }
    return out;
}

// "same question also asked as: a, b and 3 more" under a hit standing for its duplicates.
std::string same_question_line(const Hit& hit) {
    constexpr std::size_t kShown = 3;
    std::string line = "same question also asked as: ";
    std::size_t shown = 0;
    for (; shown < hit.duplicates.size() && shown < kShown; ++shown) {
        line += (shown == 0 ? "" : ", ") + printable(hit.duplicates[shown].value);
    }
    if (hit.duplicate_count > shown) {
        line += fmt::format("{}{} more", shown == 0 ? "" : " and ", hit.duplicate_count - shown);
    }
    return line;
}

void print_explanation(std::FILE* stream, const Explanation& explanation) {
    std::string matched;
    for (const MatchedTerm& term : explanation.matched) {
        matched +=
            fmt::format("{}{} ({})", matched.empty() ? "" : ", ", printable(term.term), term.field);
    }
    fmt::print(stream, "   matched: {}\n", matched.empty() ? "(concepts only)" : matched);
    auto list = [&](std::string_view label, const std::vector<std::string>& values) {
        if (values.empty()) {
            return;
        }
        std::string joined;
        for (const std::string& value : values) {
            joined += (joined.empty() ? "" : ", ") + printable(value);
        }
        fmt::print(stream, "   {}: {}\n", label, joined);
    };
    list("synonyms", explanation.synonyms);
    list("symptoms", explanation.symptoms);
    list("conditions", explanation.conditions);
    if (explanation.specialty) {
        fmt::print(stream, "   specialty: {}\n", printable(*explanation.specialty));
    }
    // The second stage's parts that count (a weight and a value), as weight x value.
    std::string parts;
    for (const ScorePart& part : explanation.parts) {
        if (part.weight != 0 && part.value != 0) {
            parts += fmt::format("{}{} {:.3f} x {:.3f}", parts.empty() ? "" : ", ", part.name,
                                 part.weight, part.value);
        }
    }
    if (!parts.empty()) {
        fmt::print(stream, "   score parts (brevity {:.2f}): {}\n", explanation.brevity, parts);
    }
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) {
        out += (out.empty() ? "" : "; ") + printable(value);
    }
    return out;
}

// "2005/03/09", as consultation pages write dates.
std::string page_date(const Date& date) {
    return fmt::format("{:04d}/{:02d}/{:02d}", date.year, date.month, date.day);
}

// "Dr. NAME reply SPECIALTY", without the parts that are absent.
std::string reply_header(const std::optional<std::string>& doctor,
                         const std::optional<std::string>& specialty) {
    std::string line = doctor ? "Dr. " + printable(*doctor) + " reply" : "Reply";
    if (specialty) {
        line += " " + printable(*specialty);
    }
    return line;
}

// The facet's first limit values (all if 0), and how many it left out.
std::pair<std::vector<FacetCount>, std::size_t> first_values(const FacetCounts& facet,
                                                             std::size_t limit) {
    if (limit == 0 || facet.counts.size() <= limit) {
        return {facet.counts, 0};
    }
    return {std::vector<FacetCount>(facet.counts.begin(),
                                    facet.counts.begin() + static_cast<std::ptrdiff_t>(limit)),
            facet.counts.size() - limit};
}

}  // namespace

std::string highlighted(const Snippet& snippet, bool colour) {
    const std::string_view text = snippet.text;
    if (!colour) {
        return printable(text);
    }
    std::string out;
    std::size_t at = 0;
    for (const Highlight& h : snippet.highlights) {
        if (h.begin < at || h.end > text.size() || h.begin >= h.end) {
            continue;
        }
        out += printable(text.substr(at, h.begin - at));
        out += kHighlight;
        out += printable(text.substr(h.begin, h.end - h.begin));
        out += kReset;
        at = h.end;
    }
    out += printable(text.substr(at));
    return out;
}

// A partial answer says so before anything else; --explain says how shards were matched.
void print_shards(std::FILE* stream, const SearchResults& results, bool explain) {
    if (!results.shards) {
        return;
    }
    const ShardReport& shards = *results.shards;
    if (!shards.unavailable.empty()) {
        fmt::print(stream, "Partial results: {} of {} shards left out:\n",
                   shards.unavailable.size(), shards.listed);
        for (const std::string& shard : shards.unavailable) {
            fmt::print(stream, "  {}\n", shard);
        }
    }
    if (explain) {
        fmt::print(stream, "Shards: {} ({} over TCP): {}\n", shards.listed, shards.remote,
                   shards.matcher);
    }
}

void print_search(std::FILE* stream, const SearchResults& results,
                  const SearchTextOptions& options) {
    const bool colour = options.colour;
    print_shards(stream, results, options.explain);
    if (results.suggestion) {
        fmt::print(stream, "Did you mean: {}\n", styled(*results.suggestion, kBold, colour));
    }
    if (results.plain_words) {
        fmt::print(stream, "(query syntax not understood: searched the words)\n");
    }
    if (options.explain) {
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
    std::size_t rank = options.offset;
    for (const Hit& hit : results.hits) {
        ++rank;
        fmt::print(stream, "\n{}. {}\n", rank,
                   styled(hit.title.value_or(hit.question_excerpt), kBold, colour));
        std::string meta = printable(hit.specialty.value_or(""));
        if (hit.doctor) {
            meta += (meta.empty() ? "" : " | ") + ("Dr. " + printable(*hit.doctor));
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
        if (hit.duplicate_count > 0) {
            fmt::print(stream, "   {}\n", styled(same_question_line(hit), kDim, colour));
        }
        if (options.explain && hit.explanation) {
            print_explanation(stream, *hit.explanation);
        }
    }
    for (const FacetCounts& facet : results.facets) {
        const auto [shown, left_out] = first_values(facet, options.facet_limit);
        std::vector<std::string> items;
        for (const FacetCount& count : shown) {
            items.push_back(fmt::format("{} ({})", printable(count.value), count.count));
        }
        if (left_out > 0) {
            items.push_back(fmt::format("and {} more (--facet-limit 0 lists all)", left_out));
        }
        if (items.empty()) {
            items.emplace_back("-");
        }
        fmt::print(
            stream, "\n{}",
            wrapped_list(fmt::format("By {}: ", to_string(facet.facet)), items, options.width));
    }
    const bool words = results.query.find_first_not_of(" \t\r\n") != std::string::npos;
    fmt::print(stream, "\n{} {} for {}\n", with_commas(results.total),
               results.total == 1 ? "result" : "results",
               words ? "\"" + printable(results.query) + "\"" : std::string("the filters"));
}

void print_similar(std::FILE* stream, const SearchResults& results, bool colour) {
    print_shards(stream, results, false);
    fmt::print(stream, "Similar Q&A\n");
    if (results.hits.empty()) {
        fmt::print(stream, "(none found)\n");
    }
    for (const Hit& hit : results.hits) {
        const std::string title = hit.title.value_or(hit.id.value);
        fmt::print(stream, "{}\n{}\n", styled(title, kBold, colour),
                   printable(hit.question_excerpt));
        if (hit.doctor || hit.specialty) {
            fmt::print(stream, "{}\n", reply_header(hit.doctor, hit.specialty));
        }
        fmt::print(stream, "{}[Read More] {} ({})\n", printable(hit.reply_excerpt.value_or("")),
                   printable(title), show_command(hit.id));
    }
}

void print_related(std::FILE* stream, const std::vector<RelatedFaq>& related) {
    fmt::print(stream, "Related FAQ\n");
    if (related.empty()) {
        fmt::print(stream, "(none found)\n");
    }
    for (const RelatedFaq& topic : related) {
        fmt::print(stream, "{}({})\n", printable(topic.topic),
                   printable(topic.specialty.value_or("")));
    }
}

void print_entry(std::FILE* stream, const Consultation& entry, bool colour) {
    const auto paragraphs = [&](std::string_view text) {
        fmt::print(stream, "{}\n", printable(text, true));
    };
    fmt::print(stream, "{}\n", styled(entry.title.value_or(entry.id.value), kBold, colour));
    paragraphs(entry.question);
    std::string asker = printable(entry.asker.name.value_or(""));
    std::string descriptor;
    if (entry.asker.age_group) {
        descriptor = printable(*entry.asker.age_group) + " year old";
    }
    if (entry.asker.sex) {
        descriptor += (descriptor.empty() ? "" : " ") + std::string(to_string(*entry.asker.sex));
    }
    if (!descriptor.empty()) {
        asker += (asker.empty() ? "" : ", ") + descriptor;
    }
    if (entry.asked) {
        asker += (asker.empty() ? "" : ". ") + ("Ask Date: " + page_date(*entry.asked));
    }
    if (!asker.empty()) {
        fmt::print(stream, "{}\n", asker);
    }
    for (const Reply& reply : entry.replies) {
        fmt::print(stream, "{}\n",
                   styled(reply_header(reply.doctor, reply.specialty), kBold, colour));
        if (!reply.text.empty()) {
            paragraphs(reply.text);
        }
        if (reply.date) {
            fmt::print(stream, "Reply Date: {}\n", page_date(*reply.date));
        }
    }
    if (entry.more_info) {
        fmt::print(stream, "{}\n", styled("More Info", kBold, colour));
        paragraphs(*entry.more_info);
    }
    if (!entry.similar.empty()) {
        fmt::print(stream, "{}\n", styled("Similar Q&A", kBold, colour));
        for (const SimilarQuestion& row : entry.similar) {
            fmt::print(stream, "{}\n", printable(row.title));
            if (row.question_excerpt) {
                fmt::print(stream, "{}\n", printable(*row.question_excerpt));
            }
            fmt::print(stream, "{}\n", reply_header(row.doctor, row.specialty));
            fmt::print(stream, "{}[Read More] {}\n", printable(row.reply_excerpt.value_or("")),
                       printable(row.title));
        }
    }
    if (!entry.related.empty()) {
        fmt::print(stream, "{}\n", styled("Related FAQ", kBold, colour));
        for (const RelatedTopic& topic : entry.related) {
            fmt::print(stream, "{}({})\n", printable(topic.name),
                       printable(topic.specialty.value_or("")));
        }
    }
    std::string about = "id: " + entry.id.value;
    if (entry.source) {
        about += "  source: " + *entry.source;
    }
    if (entry.url) {
        about += "  url: " + *entry.url;
    }
    if (entry.question_type) {
        about += "  question type: " + *entry.question_type;
    }
    fmt::print(stream, "\n{}\n", styled(about, kDim, colour));
}

std::string show_command(const EntryId& id) {
    const std::string& value = id.value;
    const bool plain = !value.empty() && value.find_first_not_of(
                                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789_./:@%+=,-") == std::string::npos;
    std::string quoted = "'";
    for (const char c : value) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    quoted += "'";
    return "qaquery --show " + printable(plain ? value : quoted);
}

nlohmann::ordered_json results_json(const SearchResults& results, std::size_t facet_limit) {
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
            {"duplicates", ids_json(hit.duplicates)},
            {"duplicate_count", hit.duplicate_count},
        };
        if (hit.explanation) {
            item["explanation"] = explanation_json(*hit.explanation);
        }
        hits.push_back(std::move(item));
    }
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    nlohmann::ordered_json left_out = nlohmann::ordered_json::object();
    for (const FacetCounts& facet : results.facets) {
        const auto [shown, omitted] = first_values(facet, facet_limit);
        nlohmann::ordered_json counts = nlohmann::ordered_json::array();
        for (const FacetCount& count : shown) {
            counts.push_back({{"value", count.value}, {"count", count.count}});
        }
        facets[std::string(to_string(facet.facet))] = std::move(counts);
        left_out[std::string(to_string(facet.facet))] = omitted;
    }
    nlohmann::ordered_json out = {{"query", results.query},
                                  {"total", results.total},
                                  {"results", std::move(hits)},
                                  {"facets", std::move(facets)}};
    if (facet_limit > 0) {
        out["facets_left_out"] = std::move(left_out);
    }
    out["suggestion"] = optional_json(results.suggestion);
    out["expansions"] = results.expansions;
    out["symptoms"] = results.symptoms;
    out["conditions"] = results.conditions;
    out["plain_words"] = results.plain_words;
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

nlohmann::ordered_json entry_record_json(const Consultation& entry) {
    nlohmann::ordered_json out = nlohmann::ordered_json::parse(format_json_line(entry));
    if (entry.source) {
        out["source"] = *entry.source;
    }
    return out;
}

nlohmann::ordered_json entry_json(const Consultation& entry) {
    nlohmann::ordered_json replies = nlohmann::ordered_json::array();
    for (const Reply& reply : entry.replies) {
        replies.push_back({{"doctor", optional_json(reply.doctor)},
                           {"specialty", optional_json(reply.specialty)},
                           {"text", reply.text},
                           {"date", date_json(reply.date)}});
    }
    nlohmann::ordered_json similar = nlohmann::ordered_json::array();
    for (const SimilarQuestion& row : entry.similar) {
        similar.push_back({{"title", row.title},
                           {"question_excerpt", optional_json(row.question_excerpt)},
                           {"doctor", optional_json(row.doctor)},
                           {"specialty", optional_json(row.specialty)},
                           {"reply_excerpt", optional_json(row.reply_excerpt)}});
    }
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (const RelatedTopic& topic : entry.related) {
        related.push_back({{"topic", topic.name}, {"specialty", optional_json(topic.specialty)}});
    }
    nlohmann::ordered_json focus = nullptr;
    if (entry.focus) {
        focus = {{"name", entry.focus->name},
                 {"synonyms", entry.focus->synonyms},
                 {"umls_cuis", entry.focus->umls_cuis},
                 {"semantic_types", entry.focus->semantic_types},
                 {"semantic_group", optional_json(entry.focus->semantic_group)},
                 {"categories", entry.focus->categories}};
    }
    const auto sex = entry.asker.sex ? nlohmann::ordered_json(to_string(*entry.asker.sex))
                                     : nlohmann::ordered_json(nullptr);
    return {{"id", entry.id.value},
            {"title", optional_json(entry.title)},
            {"question", entry.question},
            {"asker",
             {{"name", optional_json(entry.asker.name)},
              {"age_group", optional_json(entry.asker.age_group)},
              {"sex", sex}}},
            {"asked", date_json(entry.asked)},
            {"replies", std::move(replies)},
            {"more_info", optional_json(entry.more_info)},
            {"similar", std::move(similar)},
            {"related", std::move(related)},
            {"question_type", optional_json(entry.question_type)},
            {"focus", std::move(focus)},
            {"source", optional_json(entry.source)},
            {"url", optional_json(entry.url)},
            {"language", optional_json(entry.language)}};
}

nlohmann::ordered_json stats_json(const IndexStats& stats) {
    const auto named = [](const std::vector<NamedCount>& counts) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const NamedCount& count : counts) {
            out.push_back({{"name", count.name}, {"count", count.count}});
        }
        return out;
    };
    return {{"path", stats.path.string()},
            {"entries", stats.entries},
            {"bytes", stats.bytes},
            {"last_build", optional_json(stats.last_build)},
            {"corpus", optional_json(stats.corpus)},
            {"lexicon", stats.lexicon_fingerprint},
            {"specialties", named(stats.specialties)},
            {"entries_with_symptoms", stats.entries_with_symptoms},
            {"top_symptoms", named(stats.top_symptoms)}};
}

void print_json(std::FILE* stream, const nlohmann::ordered_json& json) {
    fmt::print(stream, "{}\n",
               json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace qaindex::cli
