// SPDX-License-Identifier: Apache-2.0
// Tests of the qaquery tool: the built binary run on an index in a scratch folder.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <cstdio>

#include "qaindex/index_writer.hpp"
#include "search/search_fixtures.hpp"

namespace {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string quoted(const std::string& arg) {
    std::string out = "'";
    for (const char c : arg) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// Runs qaquery with args (and environment assignments before it), capturing its output.
Run qaquery(const std::vector<std::string>& args, const std::string& environment = "") {
    static int counter = 0;
    const auto err_path =
        std::filesystem::path(QAINDEX_TEST_SCRATCH_DIR) /
        ("qaquery-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(err_path.parent_path());
    std::string command = environment + " " + quoted(QAINDEX_QAQUERY);
    for (const std::string& arg : args) {
        command += " " + quoted(arg);
    }
    command += " 2>" + quoted(err_path.string());
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        run.out.append(buffer, n);
    }
    const int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.err = qaindex::test::read_file(err_path);
    std::filesystem::remove(err_path);
    return run;
}

class ToolIndex {
  public:
    ToolIndex() : scratch_("qaquery") {
        auto writer = qaindex::IndexWriter::open(db());
        for (const auto& entry : qaindex::test::fixture_consultations()) {
            writer.add_or_replace(entry);
        }
        writer.commit();
    }
    [[nodiscard]] std::string db() const { return (scratch_.path() / "db").string(); }

  private:
    qaindex::test::ScratchDir scratch_;
};

std::size_t lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("qaquery prints ranked hits as text", "[tools]") {
    ToolIndex index;
    const Run run = qaquery({"--db", index.db(), "facial twitching"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.empty());
    for (const std::string expected :
         {"1. Facial nerve", "Neurology | Dr. Ye Boshou | 2005-03-09", "twitching",
          "id: neuro/facial-twitching", "results for \"facial twitching\""}) {
        INFO(expected);
        CHECK(run.out.find(expected) != std::string::npos);
    }
    CHECK(run.out.find('\033') == std::string::npos);  // no colour when not a terminal

    const Run limited = qaquery({"--db", index.db(), "--limit", "1", "facial", "twitching"});
    REQUIRE(limited.status == 0);
    CHECK(limited.out.find("1. ") != std::string::npos);
    CHECK(limited.out.find("2. ") == std::string::npos);

    const Run env = qaquery({"tinnitus"}, "QAINDEX_DB=" + quoted(index.db()));
    REQUIRE(env.status == 0);
    CHECK(env.out.find("Tinnitus after antibiotics") != std::string::npos);

    const Run suggestion = qaquery({"--db", index.db(), "facial", "twiching"});
    REQUIRE(suggestion.status == 0);
    CHECK(suggestion.out.find("Did you mean: facial twitching") != std::string::npos);

    const Run explain = qaquery({"--db", index.db(), "--explain", "ringing in my ears"});
    REQUIRE(explain.status == 0);
    CHECK(explain.out.find("matched: ") != std::string::npos);
    CHECK(explain.out.find("Symptoms recognised: tinnitus") != std::string::npos);
    const Run synonyms = qaquery({"--db", index.db(), "--explain", "heart rehabilitation"});
    REQUIRE(synonyms.status == 0);
    CHECK(synonyms.out.find("Synonyms added: heart -> cardiac") != std::string::npos);

    const Run facets = qaquery({"--db", index.db(), "--facets", "twitching"});
    REQUIRE(facets.status == 0);
    CHECK(facets.out.find("By specialty: Neurology (") != std::string::npos);
    CHECK(facets.out.find("By symptom: ") != std::string::npos);
}

TEST_CASE("qaquery --json prints one object with every documented field", "[tools]") {
    ToolIndex index;
    const Run run = qaquery({"--db", index.db(), "--json", "--facets", "--limit", "3", "--offset",
                             "1", "facial twitching"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json["query"] == "facial twitching");
    CHECK(json["total"].get<std::size_t>() >= 4);
    REQUIRE(json["results"].size() == 3);
    for (const auto& hit : json["results"]) {
        for (const char* key : {"id", "score", "title", "specialty", "doctor", "asked", "snippet",
                                "question_excerpt", "reply_excerpt", "symptoms", "source"}) {
            INFO(key);
            CHECK(hit.contains(key));
        }
        CHECK(hit["snippet"]["text"].is_string());
        for (const auto& h : hit["snippet"]["highlights"]) {
            CHECK(h["begin"].get<std::size_t>() < h["end"].get<std::size_t>());
            CHECK(h["end"].get<std::size_t>() <= hit["snippet"]["text"].get<std::string>().size());
        }
    }
    CHECK(json["facets"]["specialty"].is_array());
    CHECK(json["facets"]["symptom"].is_array());
    CHECK(json["suggestion"].is_null());
    CHECK(json["expansions"].is_array());
    CHECK(json["symptoms"] == nlohmann::json::array({"facial twitching"}));
    CHECK(json["plain_words"] == false);

    const Run first = qaquery({"--db", index.db(), "--json", "--limit", "1", "facial twitching"});
    const auto top = nlohmann::json::parse(first.out)["results"][0];
    CHECK(top["asked"].is_string());
}

TEST_CASE("qaquery --similar, --similar-to and --related", "[tools]") {
    ToolIndex index;
    const Run similar = qaquery({"--db", index.db(), "--similar", "neuro/facial-twitching"});
    INFO(similar.err);
    REQUIRE(similar.status == 0);
    CHECK(similar.out.starts_with("Similar Q&A\n"));
    CHECK(similar.out.find("Twitching cheek when tired\n") != std::string::npos);
    CHECK(similar.out.find("Dr. Jiang Junyi reply Neurology\n") != std::string::npos);
    CHECK(similar.out.find("[Read More] Twitching cheek when tired (neuro/cheek-twitching)") !=
          std::string::npos);
    CHECK(similar.out.find("(neuro/facial-twitching)") == std::string::npos);
    CHECK(similar.out.find("(neuro/facial-twitching-copy)") == std::string::npos);

    const Run json = qaquery(
        {"--db", index.db(), "--json", "--similar", "neuro/facial-twitching", "--limit", "2"});
    REQUIRE(json.status == 0);
    const auto parsed = nlohmann::json::parse(json.out);
    REQUIRE(parsed["results"].size() <= 2);
    REQUIRE_FALSE(parsed["results"].empty());
    for (const auto& hit : parsed["results"]) {
        CHECK(hit["id"] != "neuro/facial-twitching");
        CHECK(hit.contains("score"));
        CHECK(hit.contains("question_excerpt"));
        CHECK(hit.contains("reply_excerpt"));
    }

    const Run to =
        qaquery({"--db", index.db(), "--similar-to", "My cheek twitches when I am tired"});
    REQUIRE(to.status == 0);
    CHECK(to.out.find("Twitching cheek when tired") != std::string::npos);

    const Run related = qaquery({"--db", index.db(), "--related", "neuro/facial-twitching"});
    REQUIRE(related.status == 0);
    CHECK(related.out.starts_with("Related FAQ\n"));
    CHECK(related.out.find("Facial Twitching(Neurology)\n") != std::string::npos);
    const Run related_json =
        qaquery({"--db", index.db(), "--json", "--related", "neuro/facial-twitching"});
    REQUIRE(related_json.status == 0);
    const auto topics = nlohmann::json::parse(related_json.out);
    CHECK(topics["id"] == "neuro/facial-twitching");
    CHECK_FALSE(topics["related"].empty());
}

TEST_CASE("qaquery reports bad input in one line and a non-zero status", "[tools]") {
    ToolIndex index;
    struct Case {
        std::vector<std::string> args;
        int status;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"--db", index.db()}, 2, "empty query"},
        {{"--db", index.db(), "   "}, 2, "empty query"},
        {{"--db", index.db(), "--bogus", "x"}, 2, "--bogus"},
        {{"--db", index.db(), "--specialty", "astrology", "x"}, 2, "Neurology"},
        {{"--db", index.db(), "--symptom", "purple elbows", "x"}, 2, "purple elbows"},
        {{"--db", index.db(), "--since", "2020-13-45", "x"}, 2, "2020-13-45"},
        {{"--db", index.db(), "--sex", "robot", "x"}, 2, "robot"},
        {{"--db", index.db(), "--limit", "many", "x"}, 2, "--limit"},
        {{"--db", index.db(), "--similar", "no/such"}, 2, "no/such"},
        {{"--db", index.db(), "--related", "no/such"}, 2, "no/such"},
        {{"--db", index.db(), "--similar", "neuro/facial-twitching", "words"}, 2, "one of"},
        {{"--db", index.db() + "-missing", "x"}, 1, "no index here"},
        {{"--db", index.db(), "?!"}, 1, "nothing to search"},
        {{"--db", index.db(), "the", "and", "of"}, 1, "nothing to search"},
    };
    for (const Case& c : cases) {
        INFO(c.args.back());
        const Run run = qaquery(c.args);
        CHECK(run.status == c.status);
        CHECK(run.err.starts_with("qaquery: error: "));
        CHECK(run.err.find(c.message) != std::string::npos);
        CHECK(lines(run.err) <= 2);  // the error, and for parse errors a pointer to --help
        CHECK(run.out.empty());
    }
}
