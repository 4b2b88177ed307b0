// SPDX-License-Identifier: Apache-2.0
// Tests of qaserve's API and pages: a Server in this process on an ephemeral loopback port,
// asked over HTTP, its answers checked against the Searcher's own on the same index.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>

#include "integration/tcp_server.hpp"
#include "qaindex/database.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/searcher.hpp"
#include "qaindex/shards.hpp"
#include "qaserve/params.hpp"
#include "qaserve/server.hpp"
#include "search/search_fixtures.hpp"

namespace {

using nlohmann::json;
using qaindex::serve::url_encode;

// An entry whose every text holds markup and quotes, and whose id needs encoding in a URL.
const std::string kOddId = "odd/it's \"odd\" & <b>";
const std::string kOddTitle = "<script>alert(\"x\")</script> Eyelid 'twitch'";

qaindex::Consultation odd_entry() {
    auto entry = qaindex::test::consultation(
        kOddId, kOddTitle,
        "My eyelid keeps twitching <b>all day</b> & \"night\"; it's <img src=x onerror=alert(1)>",
        "Neurology", "O'Brien <i>\"Doc\"</i>",
        "Eyelid twitching </p><script>alert('reply')</script> is usually harmless.", {2015, 5, 5},
        qaindex::Sex::Male, "30~39");
    entry.asker.name = "<u>Anon</u>";
    return entry;
}

const std::string kChineseId = "zh/头痛";

qaindex::Consultation chinese_entry() {
    auto entry = qaindex::test::consultation(
        kChineseId, "头痛三天了", "医生您好，我头痛三天了，晚上睡不好，需要做检查吗？", "神经科",
        "王明", "头痛伴睡眠不好多与紧张有关，建议规律作息，如持续请到神经科就诊。", {2019, 3, 2},
        qaindex::Sex::Female, "20~29");
    entry.language = "zh";
    return entry;
}

std::vector<qaindex::Consultation> server_entries() {
    auto entries = qaindex::test::fixture_consultations();
    entries.push_back(odd_entry());
    entries.push_back(chinese_entry());
    return entries;
}

void write_index(const std::filesystem::path& db,
                 const std::vector<qaindex::Consultation>& entries) {
    auto writer = qaindex::IndexWriter::open(db);
    for (const auto& entry : entries) {
        writer.add_or_replace(entry);
    }
    writer.commit();
}

// A Server on 127.0.0.1:<free port> over an index folder, running on its own thread.
class TestServer {
  public:
    explicit TestServer(bool with_index = true) : scratch_("qaserve") {
        if (with_index) {
            write_index(db(), server_entries());
        }
        start(db(), false);
    }
    // A server over an existing index folder or shard list.
    TestServer(const std::filesystem::path& database, bool allow_partial) : scratch_("qaserve") {
        start(database, allow_partial);
    }
    ~TestServer() { stop(); }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    [[nodiscard]] std::filesystem::path db() const { return scratch_.path() / "db"; }
    [[nodiscard]] const std::filesystem::path& scratch() const { return scratch_.path(); }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client out("127.0.0.1", port_);
        out.set_read_timeout(60);
        return out;
    }

    void stop() {
        if (thread_.joinable()) {
            server_->stop();
            thread_.join();
        }
    }
    [[nodiscard]] std::vector<std::string> log() {
        const std::lock_guard lock(log_mutex_);
        return log_;
    }

  private:
    void start(const std::filesystem::path& database, bool allow_partial) {
        server_ = std::make_unique<qaindex::serve::Server>(
            qaindex::serve::ServerOptions{.database = database,
                                          .allow_partial = allow_partial,
                                          .threads = 2,
                                          .log = [this](std::string_view line) {
                                              const std::lock_guard lock(log_mutex_);
                                              log_.emplace_back(line);
                                          }});
        port_ = server_->bind("127.0.0.1", 0);
        thread_ = std::thread([this] { server_->run(); });
        for (int i = 0; i < 500 && !server_->running(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        REQUIRE(server_->running());
    }

    qaindex::test::ScratchDir scratch_;
    std::unique_ptr<qaindex::serve::Server> server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex log_mutex_;
    std::vector<std::string> log_;
};

struct Answer {
    int status = 0;
    std::string body;
    std::string content_type;
    std::string allow;
};

Answer answer(const httplib::Result& result) {
    REQUIRE(result);
    return {result->status, result->body, result->get_header_value("Content-Type"),
            result->get_header_value("Allow")};
}

Answer get(const TestServer& server, const std::string& path) {
    auto client = server.client();
    return answer(client.Get(path));
}

Answer post(const TestServer& server, const std::string& path, const std::string& body) {
    auto client = server.client();
    return answer(client.Post(path, body, "application/json"));
}

json get_json(const TestServer& server, const std::string& path, int status = 200) {
    const Answer got = get(server, path);
    INFO(path << " -> " << got.body);
    CHECK(got.status == status);
    CHECK(got.content_type == "application/json; charset=utf-8");
    return json::parse(got.body);
}

std::vector<std::string> result_ids(const json& results) {
    std::vector<std::string> out;
    for (const auto& hit : results.at("results")) {
        out.push_back(hit.at("id").get<std::string>());
    }
    return out;
}

// The path of an entry's API, its id percent-encoded segment by segment.
std::string entry_path(const std::string& prefix, const std::string& id,
                       const std::string& suffix = "") {
    std::string out = prefix;
    std::size_t at = 0;
    for (std::size_t slash = id.find('/'); slash != std::string::npos; slash = id.find('/', at)) {
        out += url_encode(id.substr(at, slash - at)) + '/';
        at = slash + 1;
    }
    return out + url_encode(id.substr(at)) + suffix;
}

// Checks an error answer: its status, JSON {"error": {"code", "message"}}, and that the
// message names no folder of the server's machine.
void check_error(const Answer& got, int status, const std::string& code,
                 const std::filesystem::path& secret) {
    INFO(got.body);
    CHECK(got.status == status);
    CHECK(got.content_type == "application/json; charset=utf-8");
    const json body = json::parse(got.body);
    CHECK(body.at("error").at("code") == code);
    CHECK_FALSE(body.at("error").at("message").get<std::string>().empty());
    CHECK(got.body.find(secret.string()) == std::string::npos);
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + what.size())) {
        ++n;
    }
    return n;
}

// The href values of <a> elements with the given class (or all links when empty).
std::vector<std::string> links(const std::string& html, const std::string& css_class = "") {
    const std::regex pattern(css_class.empty()
                                 ? std::string("<a [^>]*href=\"([^\"]*)\"")
                                 : "<a class=\"" + css_class + "\" href=\"([^\"]*)\"");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), pattern);
         it != std::sregex_iterator(); ++it) {
        out.push_back((*it)[1].str());
    }
    return out;
}

}  // namespace

TEST_CASE("GET /api/search answers qaquery --json's object for the Searcher's results", "[serve]") {
    TestServer server;
    auto searcher = qaindex::Searcher::open(server.db());

    const json body = get_json(server, "/api/search?q=facial%20twitching&facets=1&limit=3");
    for (const char* key : {"query", "total", "results", "facets", "suggestion", "expansions",
                            "symptoms", "conditions", "plain_words", "offset", "limit"}) {
        CHECK(body.contains(key));
    }
    qaindex::SearchRequest request{.text = "facial twitching", .limit = 3};
    request.facets = {qaindex::Facet::Specialty, qaindex::Facet::Symptom};
    const auto expected = searcher.search(request);
    CHECK(result_ids(body) == qaindex::test::ids(expected));
    CHECK(body.at("total") == expected.total);
    CHECK(body.at("limit") == 3);
    CHECK(body.at("offset") == 0);
    REQUIRE_FALSE(body.at("results").empty());
    const json& first = body.at("results").front();
    CHECK(first.at("title") == expected.hits.front().title.value());
    CHECK(first.at("source").is_null());  // a file of the server's machine
    CHECK(first.at("snippet").at("highlights").size() ==
          expected.hits.front().snippet.highlights.size());
    CHECK(body.at("facets").at("specialty").front().at("value") ==
          expected.facets.front().counts.front().value);

    SECTION("offset and limit page through the same ranking") {
        const json all = get_json(server, "/api/search?q=twitching&limit=10");
        const json second = get_json(server, "/api/search?q=twitching&limit=1&offset=1");
        REQUIRE(all.at("results").size() >= 2);
        CHECK(result_ids(second) == std::vector<std::string>{result_ids(all)[1]});
        CHECK(get_json(server, "/api/search?q=twitching").at("facets").empty());
    }
    SECTION("filters restrict the results") {
        const json cardio =
            get_json(server, "/api/search?q=pain&specialty=cardiologist&specialty=Neurology");
        REQUIRE_FALSE(cardio.at("results").empty());
        for (const auto& hit : cardio.at("results")) {
            CHECK((hit.at("specialty") == "Cardiology" || hit.at("specialty") == "Neurology"));
        }
        const json dated = get_json(server, "/api/search?specialty=Dermatology&since=2015-01-01");
        CHECK(result_ids(dated) == std::vector<std::string>{"derm/facial-cream"});
        const json men = get_json(server, "/api/search?q=chest%20pain&sex=male&age=50-59");
        CHECK(result_ids(men) == std::vector<std::string>{"cardio/chest-pain"});
        const json until = get_json(server, "/api/search?specialty=Dermatology&until=2011-01-01");
        CHECK(result_ids(until) == std::vector<std::string>{"derm/eczema"});
    }
    SECTION("HEAD answers the headers alone") {
        auto client = server.client();
        const auto result = client.Head("/api/search?q=twitching");
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->body.empty());
    }
}

TEST_CASE("GET /api/entries/{id} and its similar and related lists", "[serve]") {
    TestServer server;
    auto searcher = qaindex::Searcher::open(server.db());
    const std::string id = "neuro/facial-twitching";

    const json entry = get_json(server, entry_path("/api/entries/", id));
    CHECK(entry.at("id") == id);
    CHECK(entry.at("title") == "Facial nerve");
    CHECK(entry.at("asked") == "2005-03-09");
    CHECK(entry.at("asker").at("sex") == "female");
    CHECK(entry.at("asker").at("age_group") == "10~19");
    REQUIRE(entry.at("replies").size() == 1);
    CHECK(entry.at("replies").front().at("doctor") == "Ye Boshou");
    CHECK(entry.at("replies").front().at("specialty") == "Neurology");
    CHECK(entry.at("question") == searcher.entry(qaindex::EntryId{id})->question);
    CHECK(entry.at("source").is_null());

    const json similar = get_json(server, entry_path("/api/entries/", id, "/similar"));
    const auto expected = searcher.similar({.id = qaindex::EntryId{id}});
    CHECK(result_ids(similar) == qaindex::test::ids(expected));
    REQUIRE_FALSE(similar.at("results").empty());
    for (const auto& hit_id : result_ids(similar)) {
        CHECK(hit_id != id);
    }
    const json two = get_json(server, entry_path("/api/entries/", id, "/similar?limit=2"));
    CHECK(two.at("results").size() == std::min<std::size_t>(2, expected.hits.size()));

    const json related = get_json(server, entry_path("/api/entries/", id, "/related"));
    const auto topics = searcher.related({.id = qaindex::EntryId{id}});
    CHECK(related.at("id") == id);
    REQUIRE(related.at("related").size() == topics.size());
    for (std::size_t i = 0; i < topics.size(); ++i) {
        CHECK(related.at("related")[i].at("topic") == topics[i].topic);
        CHECK(related.at("related")[i].at("entries") == topics[i].entries);
    }
    const json one = get_json(server, entry_path("/api/entries/", id, "/related?limit=1"));
    CHECK(one.at("related").size() == std::min<std::size_t>(1, topics.size()));
}

TEST_CASE("POST /api/similar ranks the entries like a new question", "[serve]") {
    TestServer server;
    auto searcher = qaindex::Searcher::open(server.db());
    const std::string text = "my cheek twitches when I am tired";

    const Answer got = post(server, "/api/similar", json{{"text", text}, {"limit", 3}}.dump());
    INFO(got.body);
    REQUIRE(got.status == 200);
    const json body = json::parse(got.body);
    CHECK(result_ids(body) == qaindex::test::ids(searcher.similar({.text = text, .limit = 3})));
    CHECK_FALSE(body.at("results").empty());

    SECTION("bad bodies are 400, a body too large 413, GET 405") {
        check_error(post(server, "/api/similar", "{not json"), 400, "bad_body", server.db());
        check_error(post(server, "/api/similar", "[1, 2]"), 400, "bad_body", server.db());
        check_error(post(server, "/api/similar", R"({"limit": 3})"), 400, "bad_body", server.db());
        check_error(post(server, "/api/similar", R"({"text": 5})"), 400, "bad_body", server.db());
        check_error(post(server, "/api/similar", R"({"text": "x", "lmit": 3})"), 400, "bad_body",
                    server.db());
        check_error(post(server, "/api/similar", R"({"text": "tired", "limit": 0})"), 400,
                    "out_of_range", server.db());
        check_error(post(server, "/api/similar", R"({"text": "tired", "limit": 51})"), 400,
                    "out_of_range", server.db());
        check_error(post(server, "/api/similar", R"({"text": "   "})"), 400, "bad_request",
                    server.db());
        check_error(
            post(server, "/api/similar",
                 json{{"text", std::string(qaindex::serve::kMaxTextBytes + 1, 'a')}}.dump()),
            400, "query_too_long", server.db());
        check_error(
            post(server, "/api/similar",
                 json{{"text", std::string(qaindex::serve::kMaxBodyBytes + 10, 'a')}}.dump()),
            413, "payload_too_large", server.db());
        const Answer wrong = get(server, "/api/similar");
        check_error(wrong, 405, "method_not_allowed", server.db());
        CHECK(wrong.allow == "POST");
    }
}

TEST_CASE("GET /api/stats and /healthz describe the index without its path", "[serve]") {
    TestServer server;
    const Answer stats = get(server, "/api/stats");
    REQUIRE(stats.status == 200);
    const json body = json::parse(stats.body);
    CHECK(body.at("entries") == server_entries().size());
    CHECK_FALSE(body.at("specialties").empty());
    CHECK(body.at("specialties").front().at("count").get<std::size_t>() > 0);
    CHECK_FALSE(body.contains("path"));
    CHECK_FALSE(body.contains("corpus"));
    CHECK(stats.body.find(server.scratch().string()) == std::string::npos);

    const json health = get_json(server, "/healthz");
    CHECK(health.at("status") == "ok");
    CHECK(health.at("entries") == server_entries().size());
}

TEST_CASE("Every bad request gets its error status as JSON", "[serve]") {
    TestServer server;
    const auto& secret = server.scratch();
    SECTION("400: parameters") {
        check_error(get(server, "/api/search?q=a&limit=0"), 400, "out_of_range", secret);
        check_error(get(server, "/api/search?q=a&limit=101"), 400, "out_of_range", secret);
        check_error(get(server, "/api/search?q=a&limit=99999999999999999999999"), 400,
                    "out_of_range", secret);
        check_error(get(server, "/api/search?q=a&offset=10001"), 400, "out_of_range", secret);
        check_error(get(server, "/api/search?q=a&offset=ten"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/search?q=a&qq=b"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/search?q=a&q=b"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/search?q=a&since=yesterday"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/search?q=a&sex=x"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/search?q=a&facets=yes"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/search?q=%FF%FE"), 400, "bad_parameter", secret);
        check_error(
            get(server, "/api/search?q=" + std::string(qaindex::serve::kMaxQueryBytes + 1, 'a')),
            400, "query_too_long", secret);
        check_error(get(server, "/api/search"), 400, "bad_request", secret);
        check_error(get(server, "/api/search?q=pain&until=2000-01-01&since=2010-01-01"), 400,
                    "bad_request", secret);
        check_error(get(server, "/api/stats?verbose=1"), 400, "bad_parameter", secret);
        check_error(get(server, "/api/entries/neuro%2Ffacial-twitching/similar?limit=0"), 400,
                    "out_of_range", secret);
        const Answer unknown = get(server, "/api/search?q=pain&specialty=astrology");
        check_error(unknown, 400, "bad_request", secret);
        CHECK(unknown.body.find("astrology") != std::string::npos);
    }
    SECTION("404: unknown ids and paths") {
        check_error(get(server, "/api/entries/no/such-entry"), 404, "not_found", secret);
        check_error(get(server, "/api/entries/no-such-entry/similar"), 404, "not_found", secret);
        check_error(get(server, "/api/entries/no-such-entry/related"), 404, "not_found", secret);
        check_error(get(server, "/api/nothing"), 404, "not_found", secret);
        check_error(get(server, "/api/entries/"), 404, "not_found", secret);
    }
    SECTION("405: a method the path does not take, with Allow") {
        auto client = server.client();
        const Answer posted = answer(client.Post("/api/search", "q=a", "text/plain"));
        check_error(posted, 405, "method_not_allowed", secret);
        CHECK(posted.allow == "GET, HEAD");
        check_error(answer(client.Delete("/api/entries/neuro%2Ffacial-twitching")), 405,
                    "method_not_allowed", secret);
        check_error(answer(client.Put("/healthz", "", "text/plain")), 405, "method_not_allowed",
                    secret);
        // The connection after an unread body still answers the next request.
        CHECK(get(server, "/healthz").status == 200);
    }
}

TEST_CASE("Without an index the server answers 503, and serves the index once built", "[serve]") {
    TestServer server(false);
    const Answer api = get(server, "/api/search?q=twitching");
    check_error(api, 503, "index_unavailable", server.scratch());
    check_error(get(server, "/healthz"), 503, "index_unavailable", server.scratch());
    const Answer page = get(server, "/");
    CHECK(page.status == 503);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.body.find(server.scratch().string()) == std::string::npos);

    write_index(server.db(), qaindex::test::fixture_consultations());
    const json health = get_json(server, "/healthz");
    CHECK(health.at("entries") == qaindex::test::fixture_consultations().size());
}

TEST_CASE("A build of the index is served without a restart", "[serve]") {
    TestServer server;
    CHECK(get_json(server, "/healthz").at("entries") == server_entries().size());
    // Every worker has seen the first index.
    for (int i = 0; i < 4; ++i) {
        CHECK(get(server, "/api/search?q=twitching").status == 200);
    }

    SECTION("an incremental build (a commit into the live index)") {
        auto extra = qaindex::test::consultation(
            "extra/new-entry", "Hiccups for two days", "I have had hiccups for two days.",
            "Family Medicine", "Chen Yuting", "Try holding your breath.", {2024, 1, 2});
        {
            auto writer = qaindex::IndexWriter::open(server.db());
            writer.add_or_replace(extra);
            writer.commit();
        }
        for (int i = 0; i < 4; ++i) {
            CHECK(get_json(server, "/healthz").at("entries") == server_entries().size() + 1);
            CHECK(get(server, "/api/entries/extra%2Fnew-entry").status == 200);
        }
    }
    SECTION("a full build (a new generation replaces the index)") {
        const auto corpus = server.scratch() / "corpus";
        std::filesystem::create_directories(corpus);
        std::ofstream(corpus / "rebuilt.jsonl")
            << R"({"id": "j-1", "title": "Night sweats", "question": "I wake up soaked in sweat most nights.", "asked": "2023-01-05", "reply": "Please see a doctor for blood tests.", "doctor": "Lin Meihua", "specialty": "Internal Medicine", "lang": "en"})"
            << "\n";
        const auto report = qaindex::build_index(
            {.corpus = corpus, .database = server.db(), .rebuild = true, .threads = 1});
        REQUIRE(report.entries == 1);
        for (int i = 0; i < 4; ++i) {
            CHECK(get_json(server, "/healthz").at("entries") == 1);
            CHECK(get(server, "/api/entries/j-1").status == 200);
            CHECK(get(server, "/api/entries/neuro%2Ffacial-twitching").status == 404);
        }
    }
}

TEST_CASE("UTF-8 goes through queries, JSON and pages", "[serve]") {
    TestServer server;
    const json body = get_json(server, "/api/search?q=" + url_encode("头痛"));
    REQUIRE_FALSE(body.at("results").empty());
    CHECK(body.at("results").front().at("id") == kChineseId);
    CHECK(body.at("results").front().at("title") == "头痛三天了");
    CHECK(body.at("query") == "头痛");

    const json entry = get_json(server, entry_path("/api/entries/", kChineseId));
    CHECK(entry.at("replies").front().at("specialty") == "神经科");

    const Answer page = get(server, entry_path("/entries/", kChineseId));
    CHECK(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.body.find("<article class=\"consultation\" lang=\"zh\">") != std::string::npos);
    CHECK(page.body.find("<h1>头痛三天了</h1>") != std::string::npos);
    CHECK(page.body.find("Dr. 王明") != std::string::npos);

    const Answer search = get(server, "/search?q=" + url_encode("头痛"));
    CHECK(search.status == 200);
    CHECK(search.body.find(">头痛三天了</a>") != std::string::npos);
    CHECK(search.body.find("value=\"头痛\"") != std::string::npos);
}

TEST_CASE("Every text from the index or the request is escaped in the pages", "[serve]") {
    TestServer server;
    // The JSON keeps the text as it is.
    const json entry = get_json(server, entry_path("/api/entries/", kOddId));
    CHECK(entry.at("title") == kOddTitle);

    const Answer search = get(server, "/search?q=eyelid%20twitching");
    REQUIRE(search.status == 200);
    const Answer page = get(server, entry_path("/entries/", kOddId));
    REQUIRE(page.status == 200);
    const Answer reflected = get(server, "/search?q=" + url_encode("\"><script>alert(1)</script>") +
                                             "&specialty=" + url_encode("<b>x</b>"));
    CHECK(reflected.status == 400);  // an unknown specialty, named in the page
    for (const Answer* got : {&search, &page, &reflected}) {
        INFO(got->body);
        // The pages hold no script and no markup but their own.
        CHECK(got->body.find("<script") == std::string::npos);
        CHECK(got->body.find("<img") == std::string::npos);
        CHECK(got->body.find("<b>") == std::string::npos);
        CHECK(got->body.find("<u>") == std::string::npos);
        CHECK(got->body.find("<i>") == std::string::npos);
    }
    CHECK(search.body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Eyelid "
                           "&#39;twitch&#39;") != std::string::npos);
    CHECK(page.body.find("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Eyelid "
                         "&#39;twitch&#39;</h1>") != std::string::npos);
    CHECK(page.body.find("Dr. O&#39;Brien &lt;i&gt;&quot;Doc&quot;&lt;/i&gt;") !=
          std::string::npos);
    CHECK(page.body.find("&lt;u&gt;Anon&lt;/u&gt;, 30~39 year old male") != std::string::npos);
    CHECK(page.body.find("&lt;/p&gt;&lt;script&gt;alert(&#39;reply&#39;)") != std::string::npos);
    CHECK(reflected.body.find("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"") !=
          std::string::npos);
    // Links to the entry carry its id percent-encoded: no quote ends the attribute early.
    const std::string href = entry_path("/entries/", kOddId);
    CHECK(href.find('"') == std::string::npos);
    CHECK(search.body.find("href=\"" + href + "\"") != std::string::npos);
}

TEST_CASE("The search page: snippets, facets that filter, Did you mean, paging", "[serve]") {
    TestServer server;
    const Answer home = get(server, "/");
    CHECK(home.status == 200);
    CHECK(home.body.find("<form class=\"search hero-search\" action=\"/search\"") !=
          std::string::npos);
    CHECK(home.body.find("name=\"q\"") != std::string::npos);
    CHECK(home.body.find("/search?specialty=Neurology") != std::string::npos);

    const Answer page = get(server, "/search?q=facial%20twitching");
    REQUIRE(page.status == 200);
    CHECK(page.body.find("<mark>twitching</mark>") != std::string::npos);
    const auto entry_links = links(page.body);
    CHECK(std::find(entry_links.begin(), entry_links.end(), "/entries/neuro/facial-twitching") !=
          entry_links.end());
    // A facet link filters, and the filtered page shows only that specialty.
    const std::string facet = "/search?q=facial%20twitching&amp;specialty=Dermatology";
    CHECK(page.body.find("href=\"" + facet + "\"") != std::string::npos);
    const Answer filtered = get(server, "/search?q=facial%20twitching&specialty=Dermatology");
    REQUIRE(filtered.status == 200);
    CHECK(count_of(filtered.body, "<li class=\"hit\">") == 1);
    CHECK(filtered.body.find("<span class=\"tag\">Dermatology</span>") != std::string::npos);
    CHECK(filtered.body.find("class=\"on\" aria-current=\"true\">Dermatology") !=
          std::string::npos);
    // Its chip removes the filter again.
    CHECK(filtered.body.find("<a class=\"chip\" href=\"/search?q=facial%20twitching\"") !=
          std::string::npos);

    // A pasted question gets its results without facet counts, and a link that asks for them.
    const std::string question =
        url_encode("for two months my face keeps twitching when I am tired, is it serious?");
    const Answer pasted = get(server, "/search?q=" + question);
    REQUIRE(pasted.status == 200);
    CHECK(count_of(pasted.body, "<li class=\"hit\">") > 0);
    CHECK(pasted.body.find("<section class=\"facet\"><h2>Specialty") == std::string::npos);
    const std::string counted = "/search?q=" + question + "&amp;facets=1";
    CHECK(pasted.body.find("<a class=\"count-facets\" href=\"" + counted + "\">") !=
          std::string::npos);
    const Answer with_counts = get(server, "/search?q=" + question + "&facets=1");
    CHECK(with_counts.body.find("<section class=\"facet\"><h2>Specialty") != std::string::npos);
    CHECK(with_counts.body.find("class=\"count-facets\"") == std::string::npos);
    CHECK(page.body.find("<section class=\"facet\"><h2>Specialty") != std::string::npos);

    const Answer misspelt = get(server, "/search?q=twiching");
    CHECK(misspelt.body.find("Did you mean <a href=\"/search?q=twitching\">twitching</a>?") !=
          std::string::npos);

    const Answer first = get(server, "/search?lang=en");
    REQUIRE(first.status == 200);
    CHECK(count_of(first.body, "<li class=\"hit\">") == 10);
    CHECK(first.body.find("Page 1 of 2") != std::string::npos);
    CHECK(first.body.find("<a rel=\"next\" href=\"/search?lang=en&amp;p=2\">") !=
          std::string::npos);
    const Answer second = get(server, "/search?lang=en&p=2");
    CHECK(count_of(second.body, "<li class=\"hit\">") == server_entries().size() - 1 - 10);
    CHECK(second.body.find("<ol class=\"hits\" start=\"11\">") != std::string::npos);

    const Answer bad = get(server, "/search?q=pain&since=never");
    CHECK(bad.status == 400);
    CHECK(bad.body.find("class=\"error\"") != std::string::npos);
    const Answer nothing = get(server, "/nothing-here");
    CHECK(nothing.status == 404);
    CHECK(nothing.content_type == "text/html; charset=utf-8");
    const Answer style = get(server, "/static/style.css");
    CHECK(style.status == 200);
    CHECK(style.content_type == "text/css; charset=utf-8");
}

TEST_CASE("The entry page: the consultation, Similar Q&A and Related FAQ", "[serve]") {
    TestServer server;
    auto searcher = qaindex::Searcher::open(server.db());
    const std::string id = "neuro/facial-twitching";
    const Answer page = get(server, "/entries/" + id);
    REQUIRE(page.status == 200);
    const std::string& html = page.body;
    CHECK(html.find("<h1>Facial nerve</h1>") != std::string::npos);
    CHECK(html.find("<p class=\"asker\">10~19 year old female. Ask Date: 2005/03/09</p>") !=
          std::string::npos);
    CHECK(html.find("<span class=\"doctor\">Dr. Ye Boshou</span> reply <span "
                    "class=\"specialty\">Neurology</span>") != std::string::npos);
    CHECK(html.find("<p class=\"reply-date\">Reply Date: 2005/03/09</p>") != std::string::npos);
    // The sections come in the reference page's order.
    const auto similar_at = html.find(">Similar Q&amp;A</h2>");
    const auto related_at = html.find(">Related FAQ</h2>");
    REQUIRE(similar_at != std::string::npos);
    REQUIRE(related_at != std::string::npos);
    CHECK(html.find("Reply Date:") < similar_at);
    CHECK(similar_at < related_at);

    // Read More links lead to the Similar Q&A the Searcher gives, never to the entry itself.
    std::vector<std::string> expected;
    for (const auto& similar_id :
         qaindex::test::ids(searcher.similar({.id = qaindex::EntryId{id}}))) {
        expected.push_back(entry_path("/entries/", similar_id));
    }
    REQUIRE_FALSE(expected.empty());
    CHECK(links(html, "read-more") == expected);
    CHECK(count_of(html, "class=\"similar-item\"") == expected.size());

    const auto topics = searcher.related({.id = qaindex::EntryId{id}});
    REQUIRE_FALSE(topics.empty());
    // Each topic links to a search for it: "Topic(Specialty)" as the reference page writes it.
    std::string topic =
        "<a href=\"/search?q=" + url_encode(topics.front().topic) + "\">" + topics.front().topic;
    if (topics.front().specialty) {
        topic += "<span class=\"topic-specialty\">(" + *topics.front().specialty + ")</span>";
    }
    CHECK(html.find(topic + "</a>") != std::string::npos);
    CHECK(count_of(html, "<a href=\"/search?q=") == topics.size());

    const Answer missing = get(server, "/entries/no/such-entry");
    CHECK(missing.status == 404);
    CHECK(missing.body.find("no/such-entry") != std::string::npos);
}

TEST_CASE("Each request is logged: method, path, status, milliseconds", "[serve]") {
    TestServer server;
    CHECK(get(server, "/healthz").status == 200);
    CHECK(get(server, "/api/nothing?secret=words").status == 404);
    server.stop();
    const auto log = server.log();
    const std::regex line(R"((GET|POST) (\S+) (\d{3}) \d+\.\d ms)");
    std::vector<std::string> requests;
    for (const std::string& entry : log) {
        std::smatch match;
        if (std::regex_match(entry, match, line)) {
            requests.push_back(match[1].str() + ' ' + match[2].str() + ' ' + match[3].str());
        }
    }
    // Each line is written once its answer is sent, so two workers' lines may come either way.
    std::sort(requests.begin(), requests.end());
    CHECK(requests == std::vector<std::string>{"GET /api/nothing 404", "GET /healthz 200"});
    for (const std::string& entry : log) {
        CHECK(entry.find("secret") == std::string::npos);  // queries stay out of the log
    }
}

TEST_CASE("stop() lets a request being answered finish, then refuses connections", "[serve]") {
    TestServer server;
    // A POST whose body arrives in two parts: the server is reading it when it is stopped.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const std::string body = R"({"text": "my cheek twitches when I am tired"})";
    const std::string head =
        "POST /api/similar HTTP/1.1\r\nHost: localhost\r\n"
        "Content-Type: application/json\r\nConnection: close\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10);
    REQUIRE(::send(fd, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::thread stopper([&] { server.stop(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const std::string rest = body.substr(10);
    REQUIRE(::send(fd, rest.data(), rest.size(), 0) == static_cast<ssize_t>(rest.size()));
    std::string reply;
    char buffer[4096];
    for (ssize_t n = 0; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    stopper.join();
    CHECK(reply.starts_with("HTTP/1.1 200 OK\r\n"));
    CHECK(reply.find("\"results\":[{") != std::string::npos);

    httplib::Client client("127.0.0.1", server.port());
    client.set_connection_timeout(2);
    CHECK_FALSE(client.Get("/healthz"));
}

// qaserve --db over a shard list: the joined shards answer as the one index of the same entries;
// a remote shard that is down is a 503 (its name in the log, not the answer) unless
// --allow-partial, which answers from the others and says so.
TEST_CASE("qaserve serves a shard list as one index", "[serve][shards]") {
    qaindex::test::ScratchDir scratch("qaserve-shards");
    qaindex::BuildOptions options;
    options.corpus = qaindex::test::source_dir() / "data" / "corpus";
    options.threads = 2;
    options.database = scratch.path() / "one.db";
    (void)qaindex::build_index(options);
    options.database = scratch.path() / "sharded.db";
    (void)qaindex::build_shards(options, 2);
    auto whole = qaindex::Searcher::open(scratch.path() / "one.db");
    const auto expected = whole.search({.text = "eyelid twitching", .limit = 10});
    REQUIRE(expected.hits.size() > 2);
    {
        TestServer server(options.database, false);  // the folder of shards (its SHARDS list)
        const json body = get_json(server, "/api/search?q=eyelid%20twitching&limit=10");
        CHECK(result_ids(body) == qaindex::test::ids(expected));
        CHECK(body.at("total") == expected.total);
        CHECK(body.at("shards").at("listed") == 2);
        CHECK(body.at("shards").at("unavailable").empty());
        const json stats = get_json(server, "/api/stats");
        CHECK(stats.at("entries") == whole.size());
        const auto one = qaindex::index_stats(scratch.path() / "one.db");
        CHECK(stats.at("specialties").size() == one.specialties.size());
        CHECK(stats.at("specialties").front().at("count") == one.specialties.front().count);
    }
    if (qaindex::test::tcpsrv_program().empty()) {
        std::cout << "QAINDEX-SKIPPED: remote part: xapian-tcpsrv (Debian package xapian-tools) "
                     "is not installed\n";
        return;
    }
    qaindex::test::TcpServer first(options.database / "shard-1-of-2");
    qaindex::test::TcpServer second(options.database / "shard-2-of-2");
    const auto list = scratch.path() / "remote.txt";
    std::ofstream(list) << "tcp 127.0.0.1 " << first.port() << "\ntcp 127.0.0.1 " << second.port()
                        << "\n";
    TestServer strict(list, false);
    TestServer partial(list, true);
    CHECK(result_ids(get_json(strict, "/api/search?q=eyelid%20twitching&limit=10")) ==
          qaindex::test::ids(expected));
    CHECK(result_ids(get_json(partial, "/api/search?q=eyelid%20twitching&limit=10")) ==
          qaindex::test::ids(expected));
    CHECK(get_json(strict, "/api/stats").at("entries") == whole.size());

    second.stop();
    check_error(get(strict, "/api/search?q=pain"), 503, "index_unavailable", scratch.path());
    const std::string shard_name = "tcp 127.0.0.1 " + std::to_string(second.port());
    const auto strict_log = strict.log();
    CHECK(std::any_of(strict_log.begin(), strict_log.end(), [&](const std::string& line) {
        return line.find(shard_name) != std::string::npos &&
               line.find("does not answer") != std::string::npos;
    }));
    const json left = get_json(partial, "/api/search?q=pain&limit=50");
    REQUIRE(left.at("shards").at("unavailable").size() == 1);
    CHECK(left.at("shards").at("unavailable").front().get<std::string>().find(shard_name) !=
          std::string::npos);
    REQUIRE_FALSE(left.at("results").empty());
    for (const auto& hit : left.at("results")) {
        CHECK(qaindex::shard_of(qaindex::EntryId{hit.at("id").get<std::string>()}, 2) == 0);
    }
    const Answer page = get(partial, "/search?q=pain");
    CHECK(page.status == 200);
    CHECK_THAT(page.body,
               Catch::Contains("Part of the archive is not available right now (1 of 2"));
}
