// SPDX-License-Identifier: Apache-2.0
// Tests of tools/common's terminal text, size parsing and output helpers.
#include "common/terminal.hpp"

#include <catch2/catch.hpp>

#include "common/cli.hpp"
#include "common/search_output.hpp"
#include "qaindex/errors.hpp"

namespace cli = qaindex::cli;

TEST_CASE("printable() escapes control characters and bytes that are not UTF-8", "[tools]") {
    struct Case {
        std::string in;
        std::string out;
        std::string out_keeping_newlines;
    };
    const std::vector<Case> cases{
        {"plain id/1", "plain id/1", "plain id/1"},
        {"a\nb\tc", "a\\nb\\tc", "a\nb\tc"},
        {"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m", "\\x1b[31mred\\x1b[0m"},
        {"cr\rnul" + std::string(1, '\0') + "del\x7f", "cr\\rnul\\x00del\\x7f",
         "cr\\rnul\\x00del\\x7f"},
        {"csi\xc2\x9b" "2J", "csi\\u009b2J", "csi\\u009b2J"},    // C1 control U+009B
        {"caf\xc3\xa9 \xe8\x80\xb3\xe9\xb3\xb4", "caf\xc3\xa9 \xe8\x80\xb3\xe9\xb3\xb4",
         "caf\xc3\xa9 \xe8\x80\xb3\xe9\xb3\xb4"},                // é 耳鳴 unchanged
        {"nbsp\xc2\xa0", "nbsp\xc2\xa0", "nbsp\xc2\xa0"},        // U+00A0 is no control
        {"bad\xff\xc3", "bad\\xff\\xc3", "bad\\xff\\xc3"},       // invalid, truncated
        {"\xed\xa0\x80", "\\xed\\xa0\\x80", "\\xed\\xa0\\x80"},  // a surrogate
        {"\xc0\xaf", "\\xc0\\xaf", "\\xc0\\xaf"},                // overlong '/'
    };
    for (const Case& c : cases) {
        INFO(c.in);
        CHECK(cli::printable(c.in) == c.out);
        CHECK(cli::printable(c.in, true) == c.out_keeping_newlines);
    }
}

TEST_CASE("parse_size() takes decimal digits up to 2^64 - 1, nothing else", "[tools]") {
    CHECK(cli::parse_size("0") == std::size_t{0});
    CHECK(cli::parse_size("10") == std::size_t{10});
    CHECK(cli::parse_size("4294967296") == std::size_t{4294967296ULL});
    CHECK(cli::parse_size("18446744073709551615") == std::size_t{18446744073709551615ULL});
    for (const std::string bad : {"", "-1", "+1", " 1", "1 ", "0x10", "1e3", "1.5", "ten",
                                  "18446744073709551616", "99999999999999999999999"}) {
        INFO(bad);
        CHECK_FALSE(cli::parse_size(bad).has_value());
    }
}

TEST_CASE("Colour choice: --color values", "[tools]") {
    CHECK(cli::parse_colour_when("auto") == cli::ColourWhen::Auto);
    CHECK(cli::parse_colour_when("always") == cli::ColourWhen::Always);
    CHECK(cli::parse_colour_when("never") == cli::ColourWhen::Never);
    CHECK_THROWS_AS(cli::parse_colour_when("yes"), qaindex::UsageError);
    CHECK(cli::use_colour(cli::ColourWhen::Always, stdout));
    CHECK_FALSE(cli::use_colour(cli::ColourWhen::Never, stdout));
}

TEST_CASE("wrapped_list() wraps whole items under the first one", "[tools]") {
    CHECK(cli::wrapped_list("By x: ", {"a (1)", "b (2)"}, 100) == "By x: a (1), b (2)\n");
    CHECK(cli::wrapped_list("By x: ", {"alpha (1)", "beta (2)", "gamma (3)"}, 24) ==
          "By x: alpha (1),\n      beta (2),\n      gamma (3)\n");
    CHECK(cli::wrapped_list("L: ", {"one-item-longer-than-the-width"}, 10) ==
          "L: one-item-longer-than-the-width\n");
}

TEST_CASE("show_command() quotes an id for the shell only when it needs it", "[tools]") {
    CHECK(cli::show_command(qaindex::EntryId{"neurology/001_eyelid-twitching"}) ==
          "qaquery --show neurology/001_eyelid-twitching");
    CHECK(cli::show_command(qaindex::EntryId{"GHR_0000123_Sec2"}) ==
          "qaquery --show GHR_0000123_Sec2");
    CHECK(cli::show_command(qaindex::EntryId{"corpus.jsonl#12"}) ==
          "qaquery --show 'corpus.jsonl#12'");
    CHECK(cli::show_command(qaindex::EntryId{"it's here"}) ==
          "qaquery --show 'it'\\''s here'");
}
