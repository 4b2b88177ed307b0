// SPDX-License-Identifier: Apache-2.0
// A real browser on qaserve's pages: Chromium, headless, driven over the DevTools protocol on
// a pipe, loads the home page, searches, opens an entry and follows a Similar Q&A "Read More"
// link, checking the DOM at each step and saving screenshots of the entry page. Without a
// Chromium that starts, the test says why and is skipped.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

#include "qaindex/index_writer.hpp"
#include "qaserve/server.hpp"
#include "test_support.hpp"

extern char** environ;

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Every wait of the test is bounded by this.
constexpr auto kStepTimeout = std::chrono::seconds(30);

// The first executable named chromium (or $QAINDEX_CHROMIUM) on PATH, or "".
std::string find_chromium() {
    if (const char* given = std::getenv("QAINDEX_CHROMIUM"); given != nullptr && *given != 0) {
        return given;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    std::size_t at = 0;
    while (at <= dirs.size()) {
        std::size_t end = dirs.find(':', at);
        if (end == std::string::npos) {
            end = dirs.size();
        }
        for (const char* name : {"chromium", "chromium-browser"}) {
            const auto candidate = std::filesystem::path(dirs.substr(at, end - at)) / name;
            if (::access(candidate.c_str(), X_OK) == 0) {
                return candidate.string();
            }
        }
        at = end + 1;
    }
    return {};
}

std::vector<unsigned char> base64_decode(const std::string& text) {
    std::vector<unsigned char> out;
    unsigned value = 0;
    int bits = 0;
    for (const char c : text) {
        int digit = -1;
        if (c >= 'A' && c <= 'Z') {
            digit = c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            digit = c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            digit = c - '0' + 52;
        } else if (c == '+') {
            digit = 62;
        } else if (c == '/') {
            digit = 63;
        }
        if (digit < 0) {
            continue;  // '=' padding
        }
        value = (value << 6U) | static_cast<unsigned>(digit);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(
                static_cast<unsigned char>((value >> static_cast<unsigned>(bits)) & 0xFFU));
        }
    }
    return out;
}

// Why the browser could not be used: the test is skipped, not failed.
struct BrowserUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Chromium with the DevTools protocol on a pipe (its fds 3 and 4, messages ending in '\0'),
// one page attached. The process runs in a group of its own, killed when this goes away.
class Browser {
  public:
    Browser(const std::string& program, const std::filesystem::path& folder) : folder_(folder) {
        int to_browser[2];
        int from_browser[2];
        if (::pipe2(to_browser, O_CLOEXEC) != 0 || ::pipe2(from_browser, O_CLOEXEC) != 0) {
            throw BrowserUnavailable("cannot create pipes");
        }
        // Out of the way of fds 3 and 4, which the child's copies must become.
        const int child_in = ::fcntl(to_browser[0], F_DUPFD_CLOEXEC, 10);
        const int child_out = ::fcntl(from_browser[1], F_DUPFD_CLOEXEC, 10);
        ::close(to_browser[0]);
        ::close(from_browser[1]);
        write_fd_ = to_browser[1];
        read_fd_ = from_browser[0];

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, child_in, 3);
        posix_spawn_file_actions_adddup2(&actions, child_out, 4);
        const std::string log = (folder / "chromium.log").string();
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        std::vector<std::string> args = {program,
                                         "--headless",
                                         "--no-sandbox",
                                         "--disable-gpu",
                                         "--disable-quic",
                                         "--no-first-run",
                                         "--disable-background-networking",
                                         "--disable-component-update",
                                         "--disable-sync",
                                         "--hide-scrollbars",
                                         "--user-data-dir=" + (folder / "profile").string(),
                                         "--remote-debugging-pipe",
                                         "about:blank"};
        std::vector<char*> argv;
        for (std::string& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        const int failed =
            posix_spawn(&pid_, program.c_str(), &actions, &attributes, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        ::close(child_in);
        ::close(child_out);
        if (failed != 0) {
            pid_ = -1;
            throw BrowserUnavailable(program + " could not be started");
        }
        try {
            call("Browser.getVersion");
        } catch (const std::runtime_error& error) {
            throw BrowserUnavailable(program + " did not answer (" + error.what() +
                                     "); its output: " + log_tail());
        }
        const json target = call("Target.createTarget", {{"url", "about:blank"}});
        const json attached =
            call("Target.attachToTarget", {{"targetId", target.at("targetId")}, {"flatten", true}});
        session_ = attached.at("sessionId").get<std::string>();
        call("Page.enable", json::object(), session_);
        call("Runtime.enable", json::object(), session_);
    }

    ~Browser() {
        if (pid_ > 0) {
            try {
                send("Browser.close", json::object(), {});
            } catch (const std::exception&) {
            }
            const auto deadline = Clock::now() + std::chrono::seconds(10);
            int status = 0;
            while (::waitpid(pid_, &status, WNOHANG) == 0 && Clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            // The group holds the renderer and helper processes this browser started.
            ::kill(-pid_, SIGKILL);
            ::waitpid(pid_, &status, WNOHANG);
        }
        ::close(write_fd_);
        ::close(read_fd_);
    }
    Browser(const Browser&) = delete;
    Browser& operator=(const Browser&) = delete;

    // Goes to url and waits for its load event.
    void navigate(const std::string& url) {
        events_.clear();
        call("Page.navigate", {{"url", url}}, session_);
        wait_event("Page.loadEventFired");
    }

    // The value of a JavaScript expression in the page (JSON-serialisable).
    json evaluate(const std::string& expression) {
        const json result = call("Runtime.evaluate",
                                 {{"expression", expression}, {"returnByValue", true}}, session_);
        if (result.contains("exceptionDetails")) {
            throw std::runtime_error("JavaScript failed: " + expression + ": " +
                                     result.at("exceptionDetails").dump());
        }
        return result.at("result").value("value", json());
    }

    // Runs an expression that navigates (a click, a form submission) and waits for the new
    // page's load event.
    void evaluate_and_wait(const std::string& expression) {
        events_.clear();
        evaluate(expression);
        wait_event("Page.loadEventFired");
    }

    // Sets the viewport (mobile: a phone's, with its viewport meta honoured).
    void viewport(int width, int height, bool mobile) {
        call("Emulation.setDeviceMetricsOverride",
             {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", mobile}},
             session_);
    }

    // Saves the whole page, not just the viewport, as a PNG.
    void screenshot(const std::filesystem::path& file) {
        const int width = evaluate("document.documentElement.scrollWidth").get<int>();
        const int height = evaluate("document.documentElement.scrollHeight").get<int>();
        const json shot = call(
            "Page.captureScreenshot",
            {{"format", "png"},
             {"captureBeyondViewport", true},
             {"clip", {{"x", 0}, {"y", 0}, {"width", width}, {"height", height}, {"scale", 1}}}},
            session_);
        const auto png = base64_decode(shot.at("data").get<std::string>());
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(png.data()),
                   static_cast<std::streamsize>(png.size()));
    }

  private:
    int send(const std::string& method, const json& params, const std::string& session) {
        json message = {{"id", ++last_id_}, {"method", method}, {"params", params}};
        if (!session.empty()) {
            message["sessionId"] = session;
        }
        const std::string text = message.dump() + '\0';
        std::size_t written = 0;
        while (written < text.size()) {
            const ssize_t n = ::write(write_fd_, text.data() + written, text.size() - written);
            if (n <= 0) {
                throw std::runtime_error("the browser's pipe is closed");
            }
            written += static_cast<std::size_t>(n);
        }
        return last_id_;
    }

    // The next message from the browser, or an exception at the deadline.
    json receive(Clock::time_point deadline) {
        for (;;) {
            const auto end = buffer_.find('\0');
            if (end != std::string::npos) {
                json message = json::parse(buffer_.substr(0, end));
                buffer_.erase(0, end + 1);
                return message;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) {
                throw std::runtime_error("no answer from the browser in time");
            }
            pollfd fd{read_fd_, POLLIN, 0};
            if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) {
                continue;
            }
            char chunk[65536];
            const ssize_t n = ::read(read_fd_, chunk, sizeof chunk);
            if (n <= 0) {
                throw std::runtime_error("the browser closed its pipe");
            }
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    json call(const std::string& method, const json& params = json::object(),
              const std::string& session = {}) {
        const int id = send(method, params, session);
        const auto deadline = Clock::now() + kStepTimeout;
        for (;;) {
            json message = receive(deadline);
            if (!message.contains("id")) {
                events_.push_back(std::move(message));
                continue;
            }
            if (message.at("id") == id) {
                if (message.contains("error")) {
                    throw std::runtime_error(method + ": " + message.at("error").dump());
                }
                return message.value("result", json::object());
            }
        }
    }

    void wait_event(const std::string& method) {
        const auto deadline = Clock::now() + kStepTimeout;
        for (;;) {
            for (const json& event : events_) {
                if (event.value("method", "") == method) {
                    events_.clear();
                    return;
                }
            }
            events_.clear();
            json message = receive(deadline);
            if (!message.contains("id")) {
                events_.push_back(std::move(message));
            }
        }
    }

    std::string log_tail() const {
        const std::string log = qaindex::test::read_file(folder_ / "chromium.log");
        return log.size() > 600 ? log.substr(log.size() - 600) : log;
    }

    std::filesystem::path folder_;
    pid_t pid_ = -1;
    int write_fd_ = -1;
    int read_fd_ = -1;
    int last_id_ = 0;
    std::string session_;
    std::string buffer_;
    std::vector<json> events_;
};

// qaserve over an index of the sample corpus (data/corpus), on 127.0.0.1:<free port>.
class SampleServer {
  public:
    explicit SampleServer(const std::filesystem::path& db) {
        const auto report = qaindex::build_index(
            {.corpus = qaindex::test::source_dir() / "data" / "corpus", .database = db});
        REQUIRE(report.entries > 0);
        server_ = std::make_unique<qaindex::serve::Server>(qaindex::serve::ServerOptions{
            .database = db, .threads = 4, .log = [](std::string_view) {}});
        port_ = server_->bind("127.0.0.1", 0);
        thread_ = std::thread([this] { server_->run(); });
        for (int i = 0; i < 500 && !server_->running(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        REQUIRE(server_->running());
    }
    ~SampleServer() {
        server_->stop();
        thread_.join();
    }
    SampleServer(const SampleServer&) = delete;
    SampleServer& operator=(const SampleServer&) = delete;

    [[nodiscard]] std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

  private:
    std::unique_ptr<qaindex::serve::Server> server_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace

TEST_CASE("In Chromium: search, open an entry, follow a Similar Q&A Read More link",
          "[serve][browser]") {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        std::cout << "QAINDEX-SKIPPED: no chromium on PATH (tools/setup-debian.sh installs it; "
                     "or set QAINDEX_CHROMIUM)\n";
        return;
    }
    qaindex::test::ScratchDir scratch("browser");
    SampleServer server(scratch.path() / "db");
    std::optional<Browser> browser;
    try {
        browser.emplace(chromium, scratch.path());
    } catch (const BrowserUnavailable& error) {
        std::cout << "QAINDEX-SKIPPED: Chromium cannot start here: " << error.what() << "\n";
        return;
    }
    const std::filesystem::path shots = QAINDEX_SCREENSHOT_DIR;
    browser->viewport(1280, 900, false);

    // The home page and its search box.
    browser->navigate(server.url("/"));
    CHECK(browser->evaluate("document.title").get<std::string>().find("Health Q&A") !=
          std::string::npos);
    REQUIRE(browser->evaluate("document.querySelector('input[name=q]') !== null").get<bool>());

    // A search typed into the box and submitted, as a user would.
    browser->evaluate_and_wait(
        "const box = document.querySelector('input[name=q]');"
        "box.value = 'for weeks my eyelid keeps jumping, should I worry?';"
        "box.form.requestSubmit();");
    CHECK(browser->evaluate("location.pathname").get<std::string>() == "/search");
    CHECK(browser->evaluate("new URLSearchParams(location.search).get('q')").get<std::string>() ==
          "for weeks my eyelid keeps jumping, should I worry?");
    const int hits = browser->evaluate("document.querySelectorAll('li.hit').length").get<int>();
    CHECK(hits > 0);
    CHECK(hits <= 10);
    CHECK(browser->evaluate("document.querySelectorAll('li.hit mark').length").get<int>() > 0);
    // A pasted question is answered without facet counts; the link asks for them.
    CHECK(browser->evaluate("document.querySelectorAll('.facet a[href*=\"specialty=\"]').length")
              .get<int>() == 0);
    browser->evaluate_and_wait("document.querySelector('a.count-facets').click()");
    CHECK(browser->evaluate("new URLSearchParams(location.search).get('facets')")
              .get<std::string>() == "1");
    CHECK(browser->evaluate("document.querySelectorAll('.facet a[href*=\"specialty=\"]').length")
              .get<int>() > 0);
    CHECK(browser->evaluate("document.querySelectorAll('li.hit').length").get<int>() == hits);
    browser->screenshot(shots / "search-desktop.png");

    // The first result opens its entry.
    const std::string first =
        browser->evaluate("document.querySelector('li.hit h2 a').href").get<std::string>();
    browser->evaluate_and_wait("document.querySelector('li.hit h2 a').click()");
    CHECK(browser->evaluate("location.href").get<std::string>() == first);
    CHECK(browser->evaluate("location.pathname.startsWith('/entries/')").get<bool>());
    CHECK_FALSE(
        browser->evaluate("document.querySelector('h1').textContent").get<std::string>().empty());
    CHECK(browser->evaluate("document.querySelector('.reply-by') !== null").get<bool>());
    CHECK(browser->evaluate("document.querySelector('.asker').textContent")
              .get<std::string>()
              .find("Ask Date:") != std::string::npos);
    // Its Similar Q&A lists other entries, each with a Read More link to it.
    const json similar = browser->evaluate(
        "[...document.querySelectorAll('.similar .similar-item')].map(item => ({"
        "  title: item.querySelector('h3 a').href,"
        "  more: item.querySelector('a.read-more').href,"
        "  more_text: item.querySelector('a.read-more').textContent}))");
    REQUIRE(similar.is_array());
    REQUIRE_FALSE(similar.empty());
    for (const json& item : similar) {
        CHECK(item.at("more") == item.at("title"));
        CHECK(item.at("more_text") == "Read More");
        CHECK(item.at("more").get<std::string>().find(server.url("/entries/")) == 0);
        CHECK(item.at("more") != first);
    }
    CHECK(browser->evaluate("document.querySelectorAll('.related .topics a').length").get<int>() >
          0);
    browser->screenshot(shots / "entry-desktop.png");

    // On a phone: one column, nothing wider than the screen.
    browser->viewport(412, 915, true);
    CHECK(
        browser->evaluate("document.documentElement.scrollWidth <= window.innerWidth").get<bool>());
    browser->screenshot(shots / "entry-mobile.png");
    browser->viewport(1280, 900, false);

    // Read More leads to that entry's page, with a Similar Q&A of its own.
    const std::string target = similar.front().at("more").get<std::string>();
    browser->evaluate_and_wait("document.querySelector('.similar a.read-more').click()");
    CHECK(browser->evaluate("location.href").get<std::string>() == target);
    CHECK(
        browser->evaluate("document.querySelector('.similar h2').textContent").get<std::string>() ==
        "Similar Q&A");
    CHECK_FALSE(
        browser->evaluate("document.querySelector('h1').textContent").get<std::string>().empty());
    std::cout << "Screenshots: " << shots.string() << "\n";
}
