// SPDX-License-Identifier: Apache-2.0
// qaserve's HTML pages: home, search with facets, a consultation with its Similar Q&A and
// Related FAQ. Server-rendered, no JavaScript, every text from the index escaped.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

#include "qaserve/http_error.hpp"
#include "qaserve/services.hpp"

namespace qaindex::serve::pages {

/// Results per page of /search.
inline constexpr std::size_t kPageSize = 10;

/// GET /: a search box, example questions and the specialties to browse.
void home(const httplib::Request& request, httplib::Response& response, Services& services);

/// GET /search?q=&specialty=&symptom=&since=&until=&sex=&age=&lang=&p=: results with
/// highlighted snippets, specialty and symptom facets as links that filter, "Did you mean",
/// paging. Without q or a filter: the home page.
void search(const httplib::Request& request, httplib::Response& response, Services& services);

/// GET /entries/{id}: the consultation laid out like a consultation site's page (title,
/// question, asker line, each reply with its doctor, specialty and date, More Info), then its
/// Similar Q&A and Related FAQ.
void entry(const httplib::Request& request, httplib::Response& response, Services& services,
           const std::string& id);

/// GET /static/style.css: the one stylesheet.
void stylesheet(const httplib::Request& request, httplib::Response& response);

/// Answers error as an HTML page with its status.
void send_error(httplib::Response& response, const HttpError& error);

/// The stylesheet's text (style.cpp).
[[nodiscard]] std::string_view stylesheet_text();

}  // namespace qaindex::serve::pages
