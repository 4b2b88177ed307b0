// SPDX-License-Identifier: Apache-2.0
// The HTML pages. Every text that comes from the index or the request goes through
// html_escape() (or to_html() for snippets); links are built from url_encode()d values.
#include "qaserve/pages.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "qaindex/errors.hpp"
#include "qaindex/snippet.hpp"
#include "qaserve/params.hpp"

namespace qaindex::serve::pages {
namespace {

constexpr std::string_view kSiteName = "Health Q&amp;A";
// Facet values shown before "More".
constexpr std::size_t kFacetShown = 8;
// Counting facets visits every match, and a pasted question matches much of a large index:
// its counts cost several times its search (bench/RESULTS.md, "qaserve under load") and tell
// little. The search page counts them for queries of up to this many words, for filtered
// searches, and when asked (facets=1); a longer question gets a link that asks.
constexpr std::size_t kFacetQueryWords = 8;

// Words of a query: runs of non-space bytes, and each two CJK characters (no spaces there).
std::size_t query_words(std::string_view q) {
    std::size_t words = 0;
    std::size_t wide = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        const auto byte = static_cast<unsigned char>(q[i]);
        const bool space = byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r';
        words += !space && !in_word ? 1 : 0;
        in_word = !space;
        wide += byte >= 0xE3 && byte <= 0xE9 ? 1 : 0;  // lead bytes of U+3000..U+9FFF
    }
    return std::max(words, wide / 2);
}

std::string esc(std::string_view text) {
    return html_escape(text);
}

// "2005/03/09", as consultation pages write dates.
std::string page_date(const Date& date) {
    std::string iso = date.to_string();
    std::replace(iso.begin(), iso.end(), '-', '/');
    return iso;
}

// The page of an entry: each segment of the id percent-encoded, its slashes kept.
std::string entry_href(const std::string& id) {
    std::string out = "/entries/";
    std::size_t at = 0;
    for (std::size_t slash = id.find('/'); slash != std::string::npos; slash = id.find('/', at)) {
        out += url_encode(std::string_view(id).substr(at, slash - at)) + '/';
        at = slash + 1;
    }
    return out + url_encode(std::string_view(id).substr(at));
}

// text cut at about max bytes, at a space where there is one, on a UTF-8 boundary.
std::string shorten(std::string_view text, std::size_t max) {
    if (text.size() <= max) {
        return std::string(text);
    }
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    const std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > max / 2) {
        cut = space;
    }
    return std::string(text.substr(0, cut)) + "...";
}

// One <p> per non-blank line of text.
std::string paragraphs(std::string_view text) {
    std::string out;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(at, end - at);
        while (!line.empty() &&
               (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.remove_suffix(1);
        }
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
            line.remove_prefix(1);
        }
        if (!line.empty()) {
            out += "<p>" + esc(line) + "</p>\n";
        }
        at = end + 1;
    }
    return out;
}

// What a search page shows and links to: the query, its filters and the page number.
struct PageState {
    std::string q;
    std::vector<std::string> specialties;
    std::vector<std::string> symptoms;
    std::optional<Date> since;
    std::optional<Date> until;
    std::optional<Sex> sex;
    std::string age;
    std::string lang;
    std::size_t page = 1;
    bool facets = false;  // counts asked for (facets=1)

    [[nodiscard]] bool has_filter() const {
        return !specialties.empty() || !symptoms.empty() || since || until || sex || !age.empty() ||
               !lang.empty();
    }

    [[nodiscard]] std::string href() const {
        std::string query;
        auto add = [&](std::string_view name, std::string_view value) {
            query += (query.empty() ? "?" : "&amp;") + std::string(name) + '=' + url_encode(value);
        };
        if (!q.empty()) {
            add("q", q);
        }
        for (const std::string& value : specialties) {
            add("specialty", value);
        }
        for (const std::string& value : symptoms) {
            add("symptom", value);
        }
        if (since) {
            add("since", since->to_string());
        }
        if (until) {
            add("until", until->to_string());
        }
        if (sex) {
            add("sex", to_string(*sex));
        }
        if (!age.empty()) {
            add("age", age);
        }
        if (!lang.empty()) {
            add("lang", lang);
        }
        if (facets) {
            add("facets", "1");
        }
        if (page > 1) {
            add("p", std::to_string(page));
        }
        return "/search" + query;
    }

    // Hidden fields that carry the filters through a form.
    [[nodiscard]] std::string hidden_filters(bool with_refine) const {
        std::string out;
        auto hidden = [&](std::string_view name, std::string_view value) {
            out += "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" +
                   esc(value) + "\">";
        };
        for (const std::string& value : specialties) {
            hidden("specialty", value);
        }
        for (const std::string& value : symptoms) {
            hidden("symptom", value);
        }
        if (with_refine) {
            if (since) {
                hidden("since", since->to_string());
            }
            if (until) {
                hidden("until", until->to_string());
            }
            if (sex) {
                hidden("sex", to_string(*sex));
            }
            if (!age.empty()) {
                hidden("age", age);
            }
            if (!lang.empty()) {
                hidden("lang", lang);
            }
        }
        return out;
    }
};

// list with value added, or removed if it was there.
std::vector<std::string> toggled(std::vector<std::string> list, const std::string& value) {
    const auto it = std::find(list.begin(), list.end(), value);
    if (it == list.end()) {
        list.push_back(value);
    } else {
        list.erase(it);
    }
    return list;
}

std::string search_form(const PageState& state, bool hero) {
    return std::string("<form class=\"search") + (hero ? " hero-search" : "") +
           "\" action=\"/search\" method=\"get\" role=\"search\">"
           "<input type=\"search\" name=\"q\" value=\"" +
           esc(state.q) +
           "\" placeholder=\"Describe a symptom or ask a question\" "
           "aria-label=\"Search the consultations\" maxlength=\"" +
           std::to_string(kMaxQueryBytes) + "\"" + (hero ? " autofocus" : "") + ">" +
           state.hidden_filters(true) + "<button type=\"submit\">Search</button></form>";
}

// A whole page. title and description are HTML (already escaped); narrow: a reading column.
std::string layout(std::string_view title, std::string_view description, const PageState& state,
                   bool header_search, const std::string& body, bool narrow = false) {
    std::string out =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>";
    out += title.empty() ? std::string(kSiteName)
                         : std::string(title) + " · " + std::string(kSiteName);
    out += "</title>\n";
    if (!description.empty()) {
        out += "<meta name=\"description\" content=\"" + std::string(description) + "\">\n";
    }
    out +=
        "<link rel=\"icon\" href=\"data:,\">\n"
        "<link rel=\"stylesheet\" href=\"/static/style.css\">\n</head>\n<body>\n"
        "<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">"
        "<span class=\"brand-mark\" aria-hidden=\"true\">+</span>";
    out += kSiteName;
    out += "</a>";
    if (header_search) {
        out += search_form(state, false);
    }
    out += std::string("</div></header>\n<main class=\"wrap") + (narrow ? " narrow" : "") +
           "\">\n" + body +
           "</main>\n<footer class=\"site\"><div class=\"wrap\"><p>Replies are doctors' answers to "
           "the people who asked. They are not a diagnosis: for your own health, see a doctor."
           "</p><p>Search by qaindex.</p></div></footer>\n</body>\n</html>\n";
    return out;
}

void send_html(httplib::Response& response, std::string html, int status = 200) {
    response.status = status;
    response.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string count_phrase(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

std::string hit_html(const Hit& hit) {
    std::string out = "<li class=\"hit\"><h2 class=\"hit-title\"><a href=\"" +
                      esc(entry_href(hit.id.value)) + "\">" +
                      esc(hit.title.value_or(shorten(hit.question_excerpt, 100))) + "</a></h2>";
    out += "<p class=\"hit-meta\">";
    if (hit.specialty) {
        out += "<span class=\"tag\">" + esc(*hit.specialty) + "</span> ";
    }
    if (hit.doctor) {
        out += "<span>Dr. " + esc(*hit.doctor) + "</span> ";
    }
    if (hit.asked) {
        out += "<span>Asked " + page_date(*hit.asked) + "</span>";
    }
    out += "</p>";
    const std::string snippet =
        hit.snippet.text.empty() ? esc(hit.question_excerpt) : to_html(hit.snippet);
    out += "<p class=\"hit-snippet\">" + snippet + "</p></li>\n";
    return out;
}

std::string facet_html(const FacetCounts& facet, const PageState& state) {
    const bool specialty = facet.facet == Facet::Specialty;
    const auto& selected = specialty ? state.specialties : state.symptoms;
    std::string items;
    std::string more;
    std::size_t shown = 0;
    for (const FacetCount& count : facet.counts) {
        const bool on = std::find(selected.begin(), selected.end(), count.value) != selected.end();
        PageState next = state;
        next.page = 1;
        (specialty ? next.specialties : next.symptoms) = toggled(selected, count.value);
        std::string item = "<li><a href=\"" + next.href() + "\"" +
                           (on ? " class=\"on\" aria-current=\"true\"" : "") + ">" +
                           esc(count.value) + " <span class=\"n\">" + std::to_string(count.count) +
                           "</span></a></li>";
        (shown < kFacetShown || on ? items : more) += item;
        ++shown;
    }
    if (items.empty()) {
        return {};
    }
    std::string out = "<section class=\"facet\"><h2>" +
                      std::string(specialty ? "Specialty" : "Symptom") + "</h2><ul>" + items +
                      "</ul>";
    if (!more.empty()) {
        out += "<details class=\"more\"><summary>More</summary><ul>" + more + "</ul></details>";
    }
    return out + "</section>\n";
}

std::string chips_html(const PageState& state) {
    std::string chips;
    auto chip = [&](const std::string& label, const PageState& without) {
        chips += "<li><a class=\"chip\" href=\"" + without.href() + "\" title=\"Remove\">" +
                 esc(label) + " <span aria-hidden=\"true\">×</span></a></li>";
    };
    for (const std::string& value : state.specialties) {
        PageState next = state;
        next.page = 1;
        next.specialties = toggled(state.specialties, value);
        chip(value, next);
    }
    for (const std::string& value : state.symptoms) {
        PageState next = state;
        next.page = 1;
        next.symptoms = toggled(state.symptoms, value);
        chip(value, next);
    }
    auto single = [&](bool present, const std::string& label, auto clear) {
        if (present) {
            PageState next = state;
            next.page = 1;
            clear(next);
            chip(label, next);
        }
    };
    single(state.since.has_value(), "from " + (state.since ? page_date(*state.since) : ""),
           [](PageState& s) { s.since.reset(); });
    single(state.until.has_value(), "to " + (state.until ? page_date(*state.until) : ""),
           [](PageState& s) { s.until.reset(); });
    single(state.sex.has_value(), state.sex ? std::string(to_string(*state.sex)) : "",
           [](PageState& s) { s.sex.reset(); });
    single(!state.age.empty(), "age " + state.age, [](PageState& s) { s.age.clear(); });
    single(!state.lang.empty(), "language " + state.lang, [](PageState& s) { s.lang.clear(); });
    if (chips.empty()) {
        return {};
    }
    return "<ul class=\"chips\" aria-label=\"Filters\">" + chips + "</ul>\n";
}

std::string refine_html(const PageState& state) {
    std::string out = "<details class=\"refine\"";
    out += state.since || state.until || state.sex || !state.age.empty() ? " open" : "";
    out += "><summary>More filters</summary><form action=\"/search\" method=\"get\">";
    if (!state.q.empty()) {
        out += "<input type=\"hidden\" name=\"q\" value=\"" + esc(state.q) + "\">";
    }
    out += state.hidden_filters(false);
    out += "<label>Sex <select name=\"sex\"><option value=\"\">Any</option>";
    for (const Sex sex : {Sex::Female, Sex::Male}) {
        const std::string name(to_string(sex));
        out += "<option value=\"" + name + "\"" + (state.sex == sex ? " selected" : "") + ">" +
               (sex == Sex::Female ? "Female" : "Male") + "</option>";
    }
    out += "</select></label>";
    out += "<label>Age group <input name=\"age\" value=\"" + esc(state.age) +
           "\" placeholder=\"30-39\" size=\"6\"></label>";
    out += "<label>Asked from <input type=\"date\" name=\"since\" value=\"" +
           (state.since ? state.since->to_string() : "") + "\"></label>";
    out += "<label>to <input type=\"date\" name=\"until\" value=\"" +
           (state.until ? state.until->to_string() : "") + "\"></label>";
    if (!state.lang.empty()) {
        out += "<input type=\"hidden\" name=\"lang\" value=\"" + esc(state.lang) + "\">";
    }
    return out + "<button type=\"submit\">Apply</button></form></details>\n";
}

std::string pager_html(const PageState& state, std::size_t total) {
    const std::size_t last_reachable = kMaxOffset / kPageSize + 1;
    const std::size_t pages = std::min((total + kPageSize - 1) / kPageSize, last_reachable);
    if (pages <= 1) {
        return {};
    }
    std::string out = "<nav class=\"pager\" aria-label=\"Pages\">";
    PageState other = state;
    if (state.page > 1) {
        other.page = state.page - 1;
        out += "<a rel=\"prev\" href=\"" + other.href() + "\">‹ Previous</a>";
    }
    out += "<span>Page " + std::to_string(state.page) + " of " + std::to_string(pages) + "</span>";
    if (state.page < pages) {
        other.page = state.page + 1;
        out += "<a rel=\"next\" href=\"" + other.href() + "\">Next ›</a>";
    }
    return out + "</nav>\n";
}

// The page's state from the request. Throws HttpError 400 for a bad value.
PageState page_state(const QueryParams& params, SearchRequest& request) {
    PageState state;
    request = search_from(params);
    state.q = request.text;
    state.specialties = request.filter.specialties;
    state.symptoms = request.filter.symptoms;
    state.since = request.filter.since;
    state.until = request.filter.until;
    state.sex = request.filter.sex;
    state.age = request.filter.age_group.value_or("");
    state.lang = request.filter.language.value_or("");
    state.page = params.number("p", 1, 1, kMaxOffset / kPageSize + 1);
    request.limit = kPageSize;
    request.offset = (state.page - 1) * kPageSize;
    state.facets = params.flag("facets");
    request.facets.clear();
    if (state.facets || state.has_filter() || query_words(state.q) <= kFacetQueryWords) {
        request.facets = {Facet::Specialty, Facet::Symptom};
    }
    return state;
}

std::string heading(const PageState& state, const SearchResults& results) {
    std::string what;
    if (!state.q.empty()) {
        what = " for “" + esc(state.q) + "”";
    } else if (state.specialties.size() == 1 && state.symptoms.empty()) {
        what = " in " + esc(state.specialties.front());
    }
    return "<h1 class=\"count\">" + count_phrase(results.total, "consultation", "consultations") +
           what + "</h1>\n";
}

std::string results_html(const PageState& state, const SearchResults& results) {
    std::string out = "<div class=\"results-head\">" + heading(state, results);
    if (results.shards && !results.shards->unavailable.empty()) {
        // qaserve --allow-partial over a shard list: say that some of the archive is missing
        // (which shards is for the log, not for visitors).
        out += "<p class=\"note\">Part of the archive is not available right now (" +
               std::to_string(results.shards->unavailable.size()) + " of " +
               std::to_string(results.shards->listed) +
               " parts): these results may be incomplete.</p>\n";
    }
    if (results.suggestion) {
        PageState corrected = state;
        corrected.q = *results.suggestion;
        corrected.page = 1;
        out += "<p class=\"did-you-mean\">Did you mean <a href=\"" + corrected.href() + "\">" +
               esc(*results.suggestion) + "</a>?</p>\n";
    }
    if (results.plain_words) {
        out +=
            "<p class=\"note\">The query syntax was not understood, so its words were "
            "searched.</p>\n";
    }
    if (results.total > 0) {
        out += "<p class=\"to-facets\"><a href=\"#facets\">Refine by specialty or symptom</a></p>";
    }
    out += chips_html(state) +
           "</div>\n<div class=\"layout\">\n<section class=\"results\" "
           "aria-label=\"Results\">\n";
    if (results.hits.empty()) {
        out += "<p class=\"empty\">No consultations match";
        out += results.total > 0 ? " on this page."
                                 : ". Try fewer or other words, or remove a filter.";
        out += "</p>\n";
    } else {
        out += "<ol class=\"hits\" start=\"" + std::to_string((state.page - 1) * kPageSize + 1) +
               "\">\n";
        for (const Hit& hit : results.hits) {
            out += hit_html(hit);
        }
        out += "</ol>\n";
    }
    out +=
        pager_html(state, results.total) + "</section>\n<aside class=\"facets\" id=\"facets\">\n";
    for (const FacetCounts& facet : results.facets) {
        out += facet_html(facet, state);
    }
    if (results.facets.empty() && results.total > 0) {
        PageState counted = state;
        counted.facets = true;
        out += "<section class=\"facet\"><h2>Refine</h2><p><a class=\"count-facets\" href=\"" +
               counted.href() + "\">Count the results by specialty and symptom</a></p></section>\n";
    }
    out += refine_html(state) + "</aside>\n</div>\n";
    return out;
}

std::string message_html(std::string_view message) {
    return "<p class=\"error\" role=\"alert\">" + esc(message) + "</p>\n";
}

std::string home_body(const IndexStats& stats) {
    std::string out =
        "<section class=\"hero\"><h1>Ask the doctors' archive</h1>"
        "<p>Search " +
        count_phrase(stats.entries, "consultation", "consultations") +
        " between patients and doctors: type a few words or your whole question.</p>" +
        search_form(PageState{}, true) + "</section>\n";
    if (!stats.top_symptoms.empty()) {
        out += "<section class=\"browse\"><h2>Common topics</h2><ul class=\"topics\">";
        for (std::size_t i = 0; i < stats.top_symptoms.size() && i < 12; ++i) {
            PageState state;
            state.symptoms = {stats.top_symptoms[i].name};
            out += "<li><a href=\"" + state.href() + "\">" + esc(stats.top_symptoms[i].name) +
                   "</a></li>";
        }
        out += "</ul></section>\n";
    }
    if (!stats.specialties.empty()) {
        out += "<section class=\"browse\"><h2>Browse by specialty</h2><ul class=\"specialties\">";
        for (const NamedCount& specialty : stats.specialties) {
            PageState state;
            state.specialties = {specialty.name};
            out += "<li><a href=\"" + state.href() + "\">" + esc(specialty.name) +
                   " <span class=\"n\">" + std::to_string(specialty.count) + "</span></a></li>";
        }
        out += "</ul></section>\n";
    }
    return out;
}

std::string asker_line(const Consultation& entry) {
    std::string who;
    if (entry.asker.name) {
        who = *entry.asker.name;
    }
    std::string description;
    if (entry.asker.age_group) {
        description = *entry.asker.age_group + " year old";
    }
    if (entry.asker.sex) {
        description += (description.empty() ? "" : " ") + std::string(to_string(*entry.asker.sex));
    }
    if (!description.empty()) {
        who += (who.empty() ? "" : ", ") + description;
    }
    std::string out = esc(who);
    if (entry.asked) {
        out += (out.empty() ? "" : ". ") + std::string("Ask Date: ") + page_date(*entry.asked);
    }
    return out;
}

std::string entry_body(const Consultation& entry, const SearchResults& similar,
                       const std::vector<RelatedFaq>& related) {
    const std::string title = entry.title.value_or(shorten(entry.question, 100));
    std::string out = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/\">Home</a>";
    if (const auto specialty = entry.specialty()) {
        PageState state;
        state.specialties = {*specialty};
        out += "<span aria-hidden=\"true\">›</span><a href=\"" + state.href() + "\">" +
               esc(*specialty) + "</a>";
    }
    out += "</nav>\n<article class=\"consultation\"";
    if (entry.language) {
        out += " lang=\"" + esc(*entry.language) + "\"";
    }
    out += ">\n<h1>" + esc(title) + "</h1>\n<div class=\"question\">\n" +
           paragraphs(entry.question) + "</div>\n";
    const std::string asker = asker_line(entry);
    if (!asker.empty()) {
        out += "<p class=\"asker\">" + asker + "</p>\n";
    }
    for (const Reply& reply : entry.replies) {
        out += "<section class=\"reply\">\n<h2 class=\"reply-by\">";
        if (reply.doctor) {
            out += "<span class=\"doctor\">Dr. " + esc(*reply.doctor) + "</span> ";
        }
        out += "reply";
        if (reply.specialty) {
            out += " <span class=\"specialty\">" + esc(*reply.specialty) + "</span>";
        }
        out += "</h2>\n<div class=\"reply-text\">\n" + paragraphs(reply.text) + "</div>\n";
        if (reply.date) {
            out += "<p class=\"reply-date\">Reply Date: " + page_date(*reply.date) + "</p>\n";
        }
        out += "</section>\n";
    }
    if (entry.more_info) {
        out += "<section class=\"more-info\">\n<h2>More Info</h2>\n" +
               paragraphs(*entry.more_info) + "</section>\n";
    }
    out += "</article>\n";

    out +=
        "<section class=\"similar\" aria-labelledby=\"similar-title\">\n"
        "<h2 id=\"similar-title\">Similar Q&amp;A</h2>\n";
    if (similar.hits.empty()) {
        out += "<p class=\"empty\">No similar consultations found.</p>\n";
    }
    for (const Hit& hit : similar.hits) {
        const std::string href = esc(entry_href(hit.id.value));
        const std::string hit_title = hit.title.value_or(shorten(hit.question_excerpt, 100));
        out += "<article class=\"similar-item\">\n<h3><a href=\"" + href + "\">" + esc(hit_title) +
               "</a></h3>\n<p class=\"similar-question\">" + esc(hit.question_excerpt) + "</p>\n";
        if (hit.doctor || hit.specialty) {
            out += "<p class=\"similar-by\">";
            if (hit.doctor) {
                out += "Dr. " + esc(*hit.doctor) + " ";
            }
            out += "reply";
            if (hit.specialty) {
                out += " " + esc(*hit.specialty);
            }
            out += "</p>\n";
        }
        out += "<p class=\"similar-reply\">" + esc(hit.reply_excerpt.value_or("")) +
               " <a class=\"read-more\" href=\"" + href +
               "\" aria-label=\"Read More: " + esc(hit_title) +
               "\">Read More</a></p>\n</article>\n";
    }
    out += "</section>\n";

    out +=
        "<section class=\"related\" aria-labelledby=\"related-title\">\n"
        "<h2 id=\"related-title\">Related FAQ</h2>\n";
    if (related.empty()) {
        out += "<p class=\"empty\">No related topics.</p>\n";
    } else {
        out += "<ul class=\"topics\">";
        for (const RelatedFaq& topic : related) {
            PageState state;
            state.q = topic.topic;
            out += "<li><a href=\"" + state.href() + "\">" + esc(topic.topic);
            if (topic.specialty) {
                out += "<span class=\"topic-specialty\">(" + esc(*topic.specialty) + ")</span>";
            }
            out += "</a></li>";
        }
        out += "</ul>\n";
    }
    return out + "</section>\n";
}

}  // namespace

void home(const httplib::Request&, httplib::Response& response, Services& services) {
    send_html(response, layout({}, "Search doctors' answers to patients' questions.", PageState{},
                               false, home_body(services.stats())));
}

void search(const httplib::Request& request, httplib::Response& response, Services& services) {
    const QueryParams params(request.params, {}, false);
    SearchRequest search;
    PageState state;
    try {
        state = page_state(params, search);
    } catch (const HttpError& error) {
        send_html(response, layout("Search", {}, state, true, message_html(error.what())),
                  error.status());
        return;
    }
    if (state.q.empty() && !state.has_filter()) {
        home(request, response, services);
        return;
    }
    const std::string title = state.q.empty() ? "Search" : shorten(state.q, 60);
    try {
        const SearchResults results = services.searcher().search(search);
        send_html(response, layout(esc(title), {}, state, true, results_html(state, results)));
    } catch (const UsageError& error) {
        const HttpError http = services.http_error(error);
        send_html(response, layout(esc(title), {}, state, true, message_html(http.what())),
                  http.status());
    } catch (const QueryError& error) {
        const HttpError http = services.http_error(error);
        send_html(response, layout(esc(title), {}, state, true, message_html(http.what())),
                  http.status());
    }
}

void entry(const httplib::Request&, httplib::Response& response, Services& services,
           const std::string& id) {
    Searcher& searcher = services.searcher();
    const auto consultation = searcher.entry(EntryId{id});
    if (!consultation) {
        throw HttpError(404, "not_found", "There is no consultation with the id \"" + id + "\".");
    }
    SearchResults similar;
    std::vector<RelatedFaq> related;
    try {
        similar = searcher.similar({.id = consultation->id, .limit = 5});
        related = searcher.related({.id = consultation->id, .limit = 10});
    } catch (const QueryError&) {
        // An entry with no searchable words has no Similar Q&A: the page shows none.
    }
    const std::string title = consultation->title.value_or(shorten(consultation->question, 60));
    send_html(response, layout(esc(title), esc(shorten(consultation->question, 160)), PageState{},
                               true, entry_body(*consultation, similar, related), true));
}

void stylesheet(const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "public, max-age=300");
    response.set_content(std::string(stylesheet_text()), "text/css; charset=utf-8");
}

void send_error(httplib::Response& response, const HttpError& error) {
    const std::string heading = error.status() == 404   ? "Page not found"
                                : error.status() == 503 ? "The archive is not available"
                                : error.status() >= 500 ? "Something went wrong"
                                                        : "This request cannot be answered";
    send_html(
        response,
        layout(heading, {}, PageState{}, true,
               "<section class=\"problem\"><h1>" + heading + "</h1>" + message_html(error.what()) +
                   "<p><a href=\"/\">Go to the home page</a></p></section>\n"),
        error.status());
}

}  // namespace qaindex::serve::pages
