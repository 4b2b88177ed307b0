// SPDX-License-Identifier: Apache-2.0
// Tests of the qaquery tool: the built binary run on an index in a scratch folder.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>

#include "integration/tcp_server.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/shards.hpp"
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
    CHECK(similar.out.find("[Read More] Twitching cheek when tired (qaquery --show "
                           "neuro/cheek-twitching)") != std::string::npos);
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
    const std::string big = "18446744073709551616";  // 2^64: one past the largest size
    const std::vector<Case> cases{
        {{"--db", index.db()}, 2, "empty query"},
        {{"--db", "", "x"}, 2, "--db: an empty path names no index folder"},
        {{"--db", index.db(), "--limit", "-1", "x"}, 2, "\"-1\" is not a whole number"},
        {{"--db", index.db(), "--offset", big, "x"}, 2, "--offset: \"" + big + "\""},
        {{"--db", index.db(), "--limit", "0x10", "x"}, 2, "--limit"},
        {{"--db", index.db(), "--facet-limit", "-3", "x"}, 2, "--facet-limit"},
        {{"--db", index.db(), "--age", "abc", "x"}, 2, "age group \"abc\""},
        {{"--db", index.db(), "--age", "99-1", "x"}, 2, "age group \"99-1\" starts above"},
        {{"--db", index.db(), "--lang", "e\xff", "x"}, 2, "language \"e\\xff\""},
        {{"--db", index.db(), "--lang", "english language", "x"}, 2, "not a language tag"},
        {{"--db", index.db(), "--sex", "female", "--sex", "male", "x"}, 2, "--sex"},
        {{"--db", index.db(), "--since", "2001-01-01", "--since", "2002-01-01", "x"}, 2, "--since"},
        {{"--db", index.db(), "--color", "sometimes", "x"}, 2, "--color"},
        {{"--db", index.db(), "--show", "no/such"}, 2, "no entry with id \"no/such\""},
        {{"--db", index.db(), "--show", "a", "--related", "b"}, 2, "one of"},
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

TEST_CASE("qaquery --show prints a stored entry whole, --json as its JSON Lines record",
          "[tools]") {
    qaindex::test::ScratchDir scratch("qaquery-show");
    const std::string db = (scratch.path() / "db").string();
    qaindex::Consultation entry = qaindex::test::fixture_consultations().front();
    entry.asker.name = "Xiao Jie";
    entry.more_info = "Facial twitching\n1. Causes: stress and coffee.";
    entry.related.push_back({.name = "Facial Twitching", .specialty = "Neurology"});
    entry.source = "corpus/neuro/facial-twitching.txt";
    {
        auto writer = qaindex::IndexWriter::open(db);
        writer.add_or_replace(entry);
        writer.commit();
    }
    const Run text = qaquery({"--db", db, "--show", entry.id.value});
    INFO(text.err);
    REQUIRE(text.status == 0);
    const std::string expected =
        "Facial nerve\n" + entry.question +
        "\nXiao Jie, 10~19 year old female. Ask Date: 2005/03/09\n"
        "Dr. Ye Boshou reply Neurology\n" +
        entry.replies.front().text +
        "\nReply Date: 2005/03/09\n"
        "More Info\nFacial twitching\n1. Causes: stress and coffee.\n"
        "Related FAQ\nFacial Twitching(Neurology)\n"
        "\nid: neuro/facial-twitching  source: corpus/neuro/facial-twitching.txt\n";
    CHECK(text.out == expected);

    const Run json = qaquery({"--db", db, "--show", entry.id.value, "--json"});
    REQUIRE(json.status == 0);
    const auto record = nlohmann::json::parse(json.out);
    CHECK(record["id"] == "neuro/facial-twitching");
    CHECK(record["more_info"] == *entry.more_info);
    CHECK(record["asker_name"] == "Xiao Jie");
    CHECK(record["source"] == "corpus/neuro/facial-twitching.txt");
    // The record, less its source, is what format_json_line() writes: JSON Lines input.
    nlohmann::json line = record;
    line.erase("source");
    CHECK(line == nlohmann::json::parse(qaindex::format_json_line(entry)));
}

TEST_CASE("qaquery lists a filter's entries newest first without words", "[tools]") {
    ToolIndex index;
    const Run run = qaquery({"--db", index.db(), "--specialty", "neurologist", "--json"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto json = nlohmann::json::parse(run.out);
    REQUIRE(json["results"].size() >= 3);
    std::string previous = "9999-99-99";
    for (const auto& hit : json["results"]) {
        CHECK(hit["specialty"] == "Neurology");
        const std::string asked = hit["asked"];
        CHECK(asked <= previous);
        previous = asked;
    }
    // The same as an empty query with the filter.
    const Run empty = qaquery({"--db", index.db(), "", "--specialty", "neurologist", "--json"});
    REQUIRE(empty.status == 0);
    CHECK(nlohmann::json::parse(empty.out)["results"] == json["results"]);
    const Run text = qaquery({"--db", index.db(), "--specialty", "neurologist"});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("results for the filters") != std::string::npos);
}

TEST_CASE("qaquery sizes are 64-bit: an offset past 2^32 is no page at all", "[tools]") {
    ToolIndex index;
    const Run first = qaquery({"--db", index.db(), "--json", "twitching"});
    REQUIRE(first.status == 0);
    REQUIRE_FALSE(nlohmann::json::parse(first.out)["results"].empty());
    for (const std::string offset : {"4294967296", "4294967297", "18446744073709551615"}) {
        INFO(offset);
        const Run run = qaquery({"--db", index.db(), "--json", "--offset", offset, "twitching"});
        REQUIRE(run.status == 0);
        const auto json = nlohmann::json::parse(run.out);
        CHECK(json["results"].empty());
        CHECK(json["total"] == nlohmann::json::parse(first.out)["total"]);
    }
    const Run huge = qaquery({"--db", index.db(), "--json", "--limit", "4294967296", "twitching"});
    REQUIRE(huge.status == 0);
    CHECK(nlohmann::json::parse(huge.out)["results"].size() ==
          nlohmann::json::parse(first.out)["total"].get<std::size_t>());
    const Run similar = qaquery({"--db", index.db(), "--json", "--limit", "18446744073709551615",
                                 "--similar", "neuro/facial-twitching"});
    REQUIRE(similar.status == 0);
    CHECK_FALSE(nlohmann::json::parse(similar.out)["results"].empty());
}

TEST_CASE("qaquery --facet-limit shows the first values and says how many it left out", "[tools]") {
    ToolIndex index;
    const Run full = qaquery({"--db", index.db(), "--json", "--facets", "--facet-limit", "0",
                              "pain OR twitching OR ears OR itchy"});
    REQUIRE(full.status == 0);
    const auto symptoms = nlohmann::json::parse(full.out)["facets"]["symptom"];
    REQUIRE(symptoms.size() > 2);
    CHECK_FALSE(nlohmann::json::parse(full.out).contains("facets_left_out"));

    const Run two = qaquery({"--db", index.db(), "--json", "--facets", "--facet-limit", "2",
                             "pain OR twitching OR ears OR itchy"});
    REQUIRE(two.status == 0);
    const auto limited = nlohmann::json::parse(two.out);
    CHECK(limited["facets"]["symptom"].size() == 2);
    CHECK(limited["facets"]["symptom"][0] == symptoms[0]);
    CHECK(limited["facets_left_out"]["symptom"] == symptoms.size() - 2);

    const Run text = qaquery({"--db", index.db(), "--facets", "--facet-limit", "2",
                              "pain OR twitching OR ears OR itchy"});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("and " + std::to_string(symptoms.size() - 2) +
                        " more (--facet-limit 0 lists all)") != std::string::npos);
    std::size_t facet_lines = 0;
    for (std::size_t at = 0, end = 0; (end = text.out.find('\n', at)) != std::string::npos;
         at = end + 1) {
        const std::string line = text.out.substr(at, end - at);
        if (line.starts_with("By ") || line.starts_with("          ")) {
            ++facet_lines;
            CHECK(line.size() <= 100);  // facet lists wrap at 100 columns off a terminal
        }
    }
    CHECK(facet_lines >= 2);
}

TEST_CASE("qaquery colours only when asked or on a terminal without NO_COLOR", "[tools]") {
    ToolIndex index;
    const Run always = qaquery({"--db", index.db(), "--color", "always", "twitching"});
    REQUIRE(always.status == 0);
    CHECK(always.out.find("\033[") != std::string::npos);
    const Run never = qaquery({"--db", index.db(), "--color=never", "twitching"});
    CHECK(never.out.find('\033') == std::string::npos);
    // Off a terminal, auto is plain; always wins over NO_COLOR (a command-line choice).
    CHECK(qaquery({"--db", index.db(), "twitching"}).out.find('\033') == std::string::npos);
    const Run forced =
        qaquery({"--db", index.db(), "--color", "always", "twitching"}, "NO_COLOR=1");
    CHECK(forced.out.find("\033[") != std::string::npos);
}

TEST_CASE("qaquery - reads the question from standard input", "[tools]") {
    ToolIndex index;
    qaindex::test::ScratchDir scratch("qaquery-stdin");
    const auto question = scratch.path() / "question.txt";
    {
        std::ofstream out(question);
        out << "My cheek twitches when I am tired.\nWhat causes it?\n";
    }
    const Run piped =
        qaquery({"--db", index.db(), "--json", "-"}, "< " + quoted(question.string()));
    INFO(piped.err);
    REQUIRE(piped.status == 0);
    const auto json = nlohmann::json::parse(piped.out);
    CHECK(json["query"] == "My cheek twitches when I am tired.\nWhat causes it?\n");
    CHECK(json["results"][0]["id"] == "neuro/cheek-twitching");
    const Run similar =
        qaquery({"--db", index.db(), "--similar-to", "-"}, "< " + quoted(question.string()));
    REQUIRE(similar.status == 0);
    CHECK(similar.out.find("Twitching cheek when tired") != std::string::npos);
}

TEST_CASE("qaquery escapes control characters of stored text in its text output", "[tools]") {
    qaindex::test::ScratchDir scratch("qaquery-control");
    const std::string db = (scratch.path() / "db").string();
    qaindex::Consultation entry = qaindex::test::fixture_consultations().front();
    entry.id = qaindex::EntryId{"evil\n\x1b[2Jid"};
    entry.title = "Title\rwith \x1b[31mred\xc2\x9b";
    {
        auto writer = qaindex::IndexWriter::open(db);
        writer.add_or_replace(entry);
        writer.commit();
    }
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--db", db, "twitching"},
          std::vector<std::string>{"--db", db, "--show", entry.id.value},
          std::vector<std::string>{"--db", db, "--similar-to", "facial twitching eyelids"}}) {
        INFO(args.back());
        const Run run = qaquery(args);
        REQUIRE(run.status == 0);
        CHECK(run.out.find('\x1b') == std::string::npos);
        CHECK(run.out.find('\r') == std::string::npos);
        CHECK(run.out.find("\xc2\x9b") == std::string::npos);
    }
    const Run run = qaquery({"--db", db, "twitching"});
    CHECK(run.out.find("id: evil\\n\\x1b[2Jid") != std::string::npos);
    CHECK(run.out.find("Title\\rwith \\x1b[31mred\\u009b") != std::string::npos);
    // JSON keeps the text as it is, escaped the JSON way.
    const Run json = qaquery({"--db", db, "--json", "twitching"});
    CHECK(nlohmann::json::parse(json.out)["results"][0]["id"] == entry.id.value);
}

TEST_CASE("qaquery shows entries asking the same question as one hit, listed under it", "[tools]") {
    qaindex::test::ScratchDir scratch("qaquery-duplicates");
    const std::string db = (scratch.path() / "db").string();
    const qaindex::Consultation original = qaindex::test::fixture_consultations().front();
    {
        auto writer = qaindex::IndexWriter::open(db);
        for (const char* id : {"copy/a", "copy/b", "copy/c"}) {
            qaindex::Consultation copy = original;
            copy.id = qaindex::EntryId{id};
            writer.add_or_replace(copy);
        }
        writer.commit();
    }
    const std::string query = original.title.value_or(original.question);
    const Run text = qaquery({"--db", db, query});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("\n2. ") == std::string::npos);
    CHECK(text.out.find("same question also asked as: copy/b, copy/c") != std::string::npos);

    const Run json = qaquery({"--db", db, "--json", query});
    REQUIRE(json.status == 0);
    const auto results = nlohmann::json::parse(json.out).at("results");
    REQUIRE(results.size() == 1);
    CHECK(results[0].at("id") == "copy/a");
    CHECK(results[0].at("duplicates") == nlohmann::json::array({"copy/b", "copy/c"}));
    CHECK(results[0].at("duplicate_count") == 2);

    const Run all = qaquery({"--db", db, "--json", "--no-collapse", query});
    REQUIRE(all.status == 0);
    CHECK(nlohmann::json::parse(all.out).at("results").size() == 3);
}

TEST_CASE("qaquery --explain prints the second stage's score parts", "[tools]") {
    ToolIndex index;
    const Run json = qaquery({"--db", index.db(), "--json", "--explain", "ringing in my ears"});
    REQUIRE(json.status == 0);
    const auto hits = nlohmann::json::parse(json.out).at("results");
    REQUIRE_FALSE(hits.empty());
    const auto parts = hits[0].at("explanation").at("parts");
    REQUIRE_FALSE(parts.empty());
    CHECK(parts[0].at("name") == "first_stage");
    CHECK(parts[0].at("value").get<double>() > 0);
    // Plain BM25 sees the query's words: the best hit holds them in its title or question.
    CHECK(parts[1].at("name") == "plain_bm25");
    CHECK(parts[1].at("value").get<double>() > 0);
    for (const auto& part : parts) {
        CHECK(part.contains("weight"));
    }
    const Run text = qaquery({"--db", index.db(), "--explain", "ringing in my ears"});
    REQUIRE(text.status == 0);
    // Four words: a short question, weighed as such.
    CHECK(text.out.find("score parts (brevity 1.00): first_stage ") != std::string::npos);
    CHECK(hits[0].at("explanation").at("brevity").get<double>() == 1.0);
}

TEST_CASE(
    "qaquery --db a shard list answers as one index, names a shard that is down, --allow-partial "
    "says so",
    "[tools][shards]") {
    if (qaindex::test::tcpsrv_program().empty()) {
        std::cout << "QAINDEX-SKIPPED: xapian-tcpsrv (Debian package xapian-tools) is not "
                     "installed\n";
        return;
    }
    qaindex::test::ScratchDir scratch("qaquery-shards");
    qaindex::BuildOptions options;
    options.corpus = qaindex::test::source_dir() / "data" / "corpus";
    options.threads = 2;
    options.database = scratch.path() / "one.db";
    (void)qaindex::build_index(options);
    options.database = scratch.path() / "sharded.db";
    (void)qaindex::build_shards(options, 2);
    qaindex::test::TcpServer first(options.database / "shard-1-of-2");
    qaindex::test::TcpServer second(options.database / "shard-2-of-2");
    const std::string list = (scratch.path() / "remote.txt").string();
    std::ofstream(list) << "tcp 127.0.0.1 " << first.port() << "\ntcp 127.0.0.1 " << second.port()
                        << "\n";

    const Run whole = qaquery({"--db", (scratch.path() / "one.db").string(), "--json",
                               "chest pain when climbing stairs"});
    const Run remote = qaquery({"--db", list, "--json", "chest pain when climbing stairs"});
    REQUIRE(whole.status == 0);
    REQUIRE(remote.status == 0);
    const auto expected = nlohmann::json::parse(whole.out);
    const auto got = nlohmann::json::parse(remote.out);
    REQUIRE(got.at("results").size() == expected.at("results").size());
    REQUIRE_FALSE(got.at("results").empty());
    CHECK(got.at("results").front().at("id") == expected.at("results").front().at("id"));
    CHECK(got.at("total") == expected.at("total"));
    CHECK(got.at("shards").at("remote") == 2);
    const Run explained = qaquery({"--db", list, "--explain", "chest pain"});
    CHECK(explained.out.find("Shards: 2 (2 over TCP): Xapian's own matcher") != std::string::npos);

    second.stop();
    const std::string shard = "shard 2 of 2, tcp 127.0.0.1 " + std::to_string(second.port()) +
                              " (" + list + ":2) cannot be opened";
    const Run down = qaquery({"--db", list, "chest pain"});
    CHECK(down.status == 1);
    CHECK(down.out.empty());  // no partial answer
    CHECK(down.err.starts_with("qaquery: error: "));
    CHECK(down.err.find(shard) != std::string::npos);
    CHECK(down.err.find("--allow-partial") != std::string::npos);

    const Run partial = qaquery({"--db", list, "--allow-partial", "chest pain"});
    CHECK(partial.status == 0);
    CHECK(
        partial.out.starts_with("Partial results: 1 of 2 shards left out:\n  shard 2 of 2, tcp "));
}
