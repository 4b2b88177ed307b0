// SPDX-License-Identifier: Apache-2.0
// The JSON API's handlers: parameters in, the library's answer out in qaquery --json's shapes.
#include "qaserve/api.hpp"

#include <nlohmann/json.hpp>

#include "common/search_output.hpp"
#include "qaserve/params.hpp"

namespace qaindex::serve::api {
namespace {

using Json = nlohmann::ordered_json;

void send(httplib::Response& response, const Json& body, int status = 200) {
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

// Where an entry came from is a file of the server's machine: the API leaves it out.
Json without_sources(Json results) {
    for (Json& hit : results["results"]) {
        hit["source"] = nullptr;
    }
    return results;
}

constexpr std::string_view kLimitOnly[] = {"limit"};

// A request that takes no parameters: any is HttpError 400.
void no_params(const httplib::Request& request) {
    static_cast<void>(QueryParams(request.params, {}, true));
}

// The entry, or HttpError 404.
Consultation existing(Services& services, const std::string& id) {
    auto entry = services.searcher().entry(EntryId{id});
    if (!entry) {
        throw HttpError(404, "not_found", "no entry with id \"" + id + "\"");
    }
    return std::move(*entry);
}

}  // namespace

void send_error(httplib::Response& response, const HttpError& error) {
    send(response, {{"error", {{"code", error.code()}, {"message", error.what()}}}},
         error.status());
}

void search(const httplib::Request& request, httplib::Response& response, Services& services) {
    const QueryParams params(request.params, kSearchParams, true);
    const SearchRequest search = search_from(params);
    Json body = without_sources(cli::results_json(services.searcher().search(search)));
    body["offset"] = search.offset;
    body["limit"] = search.limit;
    send(response, body);
}

void entry(const httplib::Request& request, httplib::Response& response, Services& services,
           const std::string& id) {
    no_params(request);
    Json body = cli::entry_json(existing(services, id));
    body["source"] = nullptr;
    send(response, body);
}

void entry_similar(const httplib::Request& request, httplib::Response& response, Services& services,
                   const std::string& id) {
    const QueryParams params(request.params, kLimitOnly, true);
    const std::size_t limit = params.number("limit", 5, 1, kMaxListLimit);
    existing(services, id);
    const auto results = services.searcher().similar({.id = EntryId{id}, .limit = limit});
    send(response, without_sources(cli::results_json(results)));
}

void entry_related(const httplib::Request& request, httplib::Response& response, Services& services,
                   const std::string& id) {
    const QueryParams params(request.params, kLimitOnly, true);
    const std::size_t limit = params.number("limit", 10, 1, kMaxListLimit);
    existing(services, id);
    send(response, cli::related_json(EntryId{id}, services.searcher().related(EntryId{id}, limit)));
}

void similar_text(const httplib::Request& request, httplib::Response& response,
                  Services& services) {
    no_params(request);
    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        throw HttpError(400, "bad_body", "the body must be a JSON object: {\"text\": \"...\"}");
    }
    for (const auto& [key, value] : body.items()) {
        if (key != "text" && key != "limit") {
            throw HttpError(400, "bad_body", "unknown field \"" + key + "\" (known: text, limit)");
        }
    }
    if (!body.contains("text") || !body["text"].is_string()) {
        throw HttpError(400, "bad_body", "field \"text\" (a string) is missing");
    }
    const std::string text = body["text"].get<std::string>();
    if (text.size() > kMaxTextBytes) {
        throw HttpError(400, "query_too_long",
                        "text is too long: " + std::to_string(text.size()) + " bytes, at most " +
                            std::to_string(kMaxTextBytes));
    }
    if (!valid_utf8(text)) {
        throw HttpError(400, "bad_body", "text is not valid UTF-8");
    }
    std::size_t limit = 5;
    if (body.contains("limit")) {
        const auto& value = body["limit"];
        if (!value.is_number_integer() || value.get<long long>() < 1 ||
            value.get<long long>() > static_cast<long long>(kMaxListLimit)) {
            throw HttpError(
                400, "out_of_range",
                "limit must be a whole number from 1 to " + std::to_string(kMaxListLimit));
        }
        limit = value.get<std::size_t>();
    }
    const auto results = services.searcher().similar({.text = text, .limit = limit});
    send(response, without_sources(cli::results_json(results)));
}

void stats(const httplib::Request& request, httplib::Response& response, Services& services) {
    no_params(request);
    const IndexStats stats = services.stats();
    auto counts = [](const std::vector<NamedCount>& list) {
        Json out = Json::array();
        for (const NamedCount& item : list) {
            out.push_back({{"name", item.name}, {"count", item.count}});
        }
        return out;
    };
    // The index's path and the corpus's are the server's business: left out.
    send(response, {{"entries", stats.entries},
                    {"specialties", counts(stats.specialties)},
                    {"top_symptoms", counts(stats.top_symptoms)},
                    {"entries_with_symptoms", stats.entries_with_symptoms},
                    {"bytes", stats.bytes},
                    {"last_build", stats.last_build ? Json(*stats.last_build) : Json(nullptr)},
                    {"lexicon_fingerprint", stats.lexicon_fingerprint}});
}

void health(const httplib::Request& request, httplib::Response& response, Services& services) {
    no_params(request);
    send(response, {{"status", "ok"}, {"entries", services.searcher().size()}});
}

}  // namespace qaindex::serve::api
