// SPDX-License-Identifier: Apache-2.0
// qaserve's JSON API: search, entries, Similar Q&A, Related FAQ, statistics, health.
#pragma once

#include <httplib.h>

#include <string>

#include "qaserve/http_error.hpp"
#include "qaserve/services.hpp"

namespace qaindex::serve::api {

/// GET /api/search?q=&specialty=&symptom=&since=&until=&sex=&age=&lang=&facets=1&explain=1
/// &expand=0&limit=&offset=: qaquery --json's object, plus offset and limit.
void search(const httplib::Request& request, httplib::Response& response, Services& services);

/// GET /api/entries/{id}: the stored consultation (entry_json).
void entry(const httplib::Request& request, httplib::Response& response, Services& services,
           const std::string& id);

/// GET /api/entries/{id}/similar?limit=: Similar Q&A of the entry (results_json).
void entry_similar(const httplib::Request& request, httplib::Response& response, Services& services,
                   const std::string& id);

/// GET /api/entries/{id}/related?limit=: Related FAQ of the entry (related_json).
void entry_related(const httplib::Request& request, httplib::Response& response, Services& services,
                   const std::string& id);

/// POST /api/similar with {"text": ..., "limit": N}: Similar Q&A of a new question.
void similar_text(const httplib::Request& request, httplib::Response& response, Services& services);

/// GET /api/stats: entries, specialties, top symptoms, size, last build.
void stats(const httplib::Request& request, httplib::Response& response, Services& services);

/// GET /healthz: {"status": "ok", "entries": N}, or 503 when no index can be opened.
void health(const httplib::Request& request, httplib::Response& response, Services& services);

/// Answers error as {"error": {"code", "message"}} with its status.
void send_error(httplib::Response& response, const HttpError& error);

}  // namespace qaindex::serve::api
