// SPDX-License-Identifier: Apache-2.0
// Tests of Lexicon::find_mentions: multi-word matching, stems, scripts, and negation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"
#include "test_support.hpp"

using qaindex::Analyzer;
using qaindex::ConceptKind;
using qaindex::Lexicon;
using qaindex::Mention;
using qaindex::Token;

namespace {

const Lexicon& fixture_lexicon() {
    static const Lexicon lexicon = Lexicon::load(qaindex::test::fixture("lexicon"));
    return lexicon;
}

// "name[matched text]" per mention, "!" before negated ones, space-separated.
std::string describe(const Lexicon& lexicon, std::string_view text) {
    Analyzer analyzer;
    const std::vector<Token> tokens = analyzer.analyze(text);
    std::string out;
    for (const Mention& mention : lexicon.find_mentions(tokens)) {
        REQUIRE(mention.first_token <= mention.last_token);
        REQUIRE(mention.last_token < tokens.size());
        REQUIRE(mention.begin == tokens[mention.first_token].begin);
        REQUIRE(mention.end == tokens[mention.last_token].end);
        std::string name;
        if (mention.kind == ConceptKind::Symptom) {
            const qaindex::Symptom* symptom = lexicon.find_symptom(mention.id);
            REQUIRE(symptom != nullptr);
            name = symptom->name;
        } else {
            const qaindex::Condition* condition = lexicon.find_condition(mention.id);
            REQUIRE(condition != nullptr);
            name = condition->name;
        }
        if (!out.empty()) {
            out += ' ';
        }
        out += (mention.negated ? "!" : "") + name + "[" +
               std::string(text.substr(mention.begin, mention.end - mention.begin)) + "]";
    }
    return out;
}

struct Row {
    const char* text;
    const char* expected;
};

void check_rows(const std::vector<Row>& rows) {
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(describe(fixture_lexicon(), row.text) == row.expected);
    }
}

// The ids of the built-in lexicon's mentions in text, in order.
std::vector<std::string> builtin_ids(std::string_view text) {
    Analyzer analyzer;
    std::vector<std::string> out;
    for (const Mention& mention : Lexicon::builtin().find_mentions(analyzer.analyze(text))) {
        out.push_back(mention.id);
    }
    return out;
}

}  // namespace

TEST_CASE("find_mentions matches multi-word English phrases by stem", "[lexicon]") {
    check_rows({
        {"I have a headache", "headache[headache]"},
        {"Headaches every morning", "headache[Headaches]"},
        {"eyelid twitching", "eyelid twitching[eyelid twitching]"},
        {"My eyelids TWITCHES all day", "eyelid twitching[eyelids TWITCHES]"},
        {"my eyelids also tremble slightly", "eyelid twitching[eyelids also tremble]"},
        {"Twitching eyelid", "muscle twitching[Twitching]"},  // word order matters
        {"twiching and headach", "muscle twitching[twiching] headache[headach]"},
        {"ringing in my ears", "tinnitus[ringing in my ears]"},
        {"ringing in all of my ears", ""},  // four stop words: too far apart
        {"ringing in the left ears", ""},   // a content word in between
        {"pain in the chest. Also a headache", "chest pain[pain in the chest] headache[headache]"},
        {"pain. In the chest", "pain[pain]"},  // no match across a sentence
        {"chest pain, and pain", "chest pain[chest pain] pain[pain]"},
        {"a migraine headache", "migraine[migraine headache]"},  // longest match wins
        {"Bell's palsy or bells palsy", "Bell's palsy[Bell's palsy] Bell's palsy[bells palsy]"},
        {"AIDS patients", "AIDS[AIDS]"},
        {"hearing aids", ""},  // lower-case "aids" is stemmed to "aid"
        {"I feel dizzy and numb", "dizziness[feel dizzy] numbness[numb]"},
        {"HIGH BLOOD PRESSURE", "hypertension[HIGH BLOOD PRESSURE]"},
        {"pins and needles", "numbness[pins and needles]"},
        {"", ""},
    });
}

TEST_CASE("find_mentions matches Chinese in either script", "[lexicon]") {
    check_rows({
        {"\u6211\u6700\u8fd1\u982d\u75db", "headache[\u982d\u75db]"},  // 我最近頭痛
        {"\u6211\u6700\u8fd1\u5934\u75db", "headache[\u5934\u75db]"},  // 我最近头痛
        {"\u5934\u6655", "dizziness[\u5934\u6655]"},                   // 头晕
        {"\u8033\u9e23\u548c\u5934\u6655", "tinnitus[\u8033\u9e23] dizziness[\u5934\u6655]"},
        {"\u504f\u5934\u75db", "migraine[\u504f\u5934\u75db]"},  // 偏头痛, not 头痛
        {"\u53d1\u70e7", "fever[\u53d1\u70e7]"},                 // 发烧 for 發燒
        {"\u767c\u71b1", "fever[\u767c\u71b1]"},                 // 發熱 for 发热
        // 我眼皮跳动 (ICU: 我 眼皮 跳动): the lexicon's 眼皮跳 ends inside the word 跳动.
        {"\u6211\u773c\u76ae\u8df3\u52a8", "eyelid twitching[\u773c\u76ae\u8df3\u52a8]"},
        // 眼皮跳动了两个月 (ICU: 眼皮跳 动了 两 个 月).
        {"\u773c\u76ae\u8df3\u52a8\u4e86\u4e24\u4e2a\u6708",
         "eyelid twitching[\u773c\u76ae\u8df3]"},
        {"\u773c\u7751\u8df3\u52d5", "eyelid twitching[\u773c\u7751\u8df3\u52d5]"},  // 眼瞼跳動
        {"I have \u5934\u75db and cough", "headache[\u5934\u75db] cough[cough]"},
    });
}

TEST_CASE("find_mentions marks negated mentions", "[lexicon][negation]") {
    check_rows({
        {"no fever", "!fever[fever]"},
        {"No fever.", "!fever[fever]"},
        {"no history of chest pain", "!chest pain[chest pain]"},
        {"denies chest pain", "!chest pain[chest pain]"},
        {"She denied headache", "!headache[headache]"},
        {"without numbness", "!numbness[numbness]"},
        {"I am not experiencing dizziness", "!dizziness[dizziness]"},
        {"I have never had chest pain", "!chest pain[chest pain]"},
        {"negative for fever", "!fever[fever]"},
        {"free of headaches for two weeks", "!headache[headaches]"},
        {"absence of fever", "!fever[fever]"},
        {"I don't have any headache", "!headache[headache]"},
        {"I don\u2019t have any headache", "!headache[headache]"},
        {"no fever or cough", "!fever[fever] !cough[cough]"},
        {"denies fever, chills, or night sweats",
         "!fever[fever] !chills[chills] !night sweats[night sweats]"},
        {"no fever, cough or headache", "!fever[fever] !cough[cough] !headache[headache]"},
        {"I had a fever. No cough.", "fever[fever] !cough[cough]"},
        {"an anti-headache pill", "!headache[headache]"},
        {"a non-cough illness", "!cough[cough]"},
        {"\u6ca1\u6709\u53d1\u70e7", "!fever[\u53d1\u70e7]"},            // 没有发烧
        {"\u6c92\u6709\u767c\u71d2", "!fever[\u767c\u71d2]"},            // 沒有發燒
        {"\u65e0\u53d1\u70ed", "!fever[\u53d1\u70ed]"},                  // 无发热
        {"\u5426\u8ba4\u5934\u75db", "!headache[\u5934\u75db]"},         // 否认头痛
        {"\u672a\u51fa\u73b0\u5934\u6655", "!dizziness[\u5934\u6655]"},  // 未出现头晕
        {"\u6ca1\u6709\u53d1\u70e7\u548c\u54b3\u55fd",                   // 没有发烧和咳嗽
         "!fever[\u53d1\u70e7] !cough[\u54b3\u55fd]"},
    });
}

TEST_CASE("find_mentions does not over-trigger negation", "[lexicon][negation]") {
    check_rows({
        {"I have a fever", "fever[fever]"},
        {"no improvement in my headache", "headache[headache]"},
        {"the medicine did not help my headache", "headache[headache]"},
        {"no medicine cured my headache", "headache[headache]"},
        {"not only headache but also dizziness", "headache[headache] dizziness[dizziness]"},
        {"I'm not sure if it is a migraine", "migraine[migraine]"},
        {"I have no idea why I have headaches", "headache[headaches]"},
        {"no fever but a bad cough", "!fever[fever] cough[cough]"},
        {"No. I have a headache", "headache[headache]"},
        {"no fever, my head hurts and I feel dizzy",
         "!fever[fever] headache[head hurts] dizziness[feel dizzy]"},
        {"the headache did not improve", "headache[headache]"},
        {"no fever and I have a cough", "!fever[fever] cough[cough]"},
        // 吃药后头痛没有好转: the headache did not get better.
        {"\u5403\u836f\u540e\u5934\u75db\u6ca1\u6709\u597d\u8f6c", "headache[\u5934\u75db]"},
        // 我头痛，没有发烧: headache, no fever.
        {"\u6211\u5934\u75db\uff0c\u6ca1\u6709\u53d1\u70e7",
         "headache[\u5934\u75db] !fever[\u53d1\u70e7]"},
        // 头痛但是没有发烧: headache but no fever.
        {"\u5934\u75db\u4f46\u662f\u6ca1\u6709\u53d1\u70e7",
         "headache[\u5934\u75db] !fever[\u53d1\u70e7]"},
    });
}

TEST_CASE("find_mentions reports token ranges and byte offsets", "[lexicon]") {
    Analyzer analyzer;
    const std::string text = "Hello, my eyelids also tremble and I get x-ray headaches";
    const std::vector<Token> tokens = analyzer.analyze(text);
    const std::vector<Mention> mentions = fixture_lexicon().find_mentions(tokens);
    REQUIRE(mentions.size() == 2);
    CHECK(mentions[0].id == "QA:eyelid-twitching");
    CHECK(mentions[0].kind == ConceptKind::Symptom);
    CHECK(tokens[mentions[0].first_token].term == "eyelids");
    CHECK(tokens[mentions[0].last_token].term == "tremble");
    CHECK(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin) ==
          "eyelids also tremble");
    CHECK(mentions[1].id == "SYMP:0000504");
    CHECK(text.substr(mentions[1].begin) == "headaches");
    CHECK_FALSE(mentions[1].negated);
}

TEST_CASE("find_mentions marks hypothetical mentions", "[lexicon][negation]") {
    // "name" for a mention the text has, "?name" for one only supposed.
    const auto hypothetical = [](std::string_view text) {
        Analyzer analyzer;
        std::string out;
        for (const Mention& mention : fixture_lexicon().find_mentions(analyzer.analyze(text))) {
            const qaindex::Symptom* symptom = fixture_lexicon().find_symptom(mention.id);
            const qaindex::Condition* condition = fixture_lexicon().find_condition(mention.id);
            out += std::string(out.empty() ? "" : " ") + (mention.hypothetical ? "?" : "") +
                   (symptom != nullptr ? symptom->name : condition->name);
        }
        return out;
    };
    const Row rows[] = {
        {"See a doctor if you notice numbness", "?numbness"},
        {"If the headache gets worse, come back", "?headache"},
        {"if you have a fever, chills or night sweats, call us", "?fever ?chills ?night sweats"},
        {"Come in if you have a fever. The cough will pass", "?fever cough"},
        {"Unless the dizziness stops, see an ENT", "?dizziness"},
        {"Should you develop chest pain, call an ambulance", "?chest pain"},
        {"watch out for fever", "?fever"},
        {"in case of chest pain, go to the emergency room", "?chest pain"},
        {"Your headache is a tension headache, but if a fever starts, call",
         "headache headache ?fever"},
        {"I have a headache and a cough", "headache cough"},
        {"I wonder if this headache is serious", "?headache"},
        {"See a doctor if you notice fever, numbness, or a cough that wakes you",
         "?fever ?numbness ?cough"},
        {"If the headache returns, rest. I see you have a fever", "?headache fever"},
        // 如果出现胸痛 (if chest pain appears); 我头痛 (I have a headache).
        {"\u5982\u679c\u51fa\u73b0\u53d1\u70e7", "?fever"},
        {"\u6211\u5934\u75db", "headache"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(hypothetical(row.text) == row.expected);
    }
}

TEST_CASE("Misspellings match only as written, never as the real word they stem to", "[lexicon]") {
    // The built-in lexicon lists "weekness" for weakness; stemmed, it would be "week".
    const Lexicon& lexicon = Lexicon::builtin();
    const qaindex::Symptom* weakness = lexicon.find_symptom("weakness");
    REQUIRE(weakness != nullptr);
    REQUIRE(std::find(weakness->misspellings.begin(), weakness->misspellings.end(), "weekness") !=
            weakness->misspellings.end());
    CHECK(builtin_ids("for two weeks, once a week") == std::vector<std::string>{});
    CHECK(builtin_ids("weekness in my legs").front() == weakness->id);
    CHECK(builtin_ids("I feel weak") == std::vector<std::string>{weakness->id});
}

TEST_CASE("find_mentions passes over words saying when or how often, right before a word",
          "[lexicon]") {
    check_rows({
        {"my eyelid keeps twitching", "eyelid twitching[eyelid keeps twitching]"},
        {"my ears are constantly ringing", "tinnitus[ears are constantly ringing]"},
        {"my head suddenly started hurting", "headache[head suddenly started hurting]"},
        // At most two of them.
        {"my head suddenly always started hurting", ""},
        // Only right before the next word: "keep the eye moist" is not "eye moist".
        {"my eyelid keeps on twitching", "muscle twitching[twitching]"},
        // Never the start of a phrase, and a negation still counts.
        {"keeps twitching", "muscle twitching[twitching]"},
        {"I don't have my ears constantly ringing", "!tinnitus[ears constantly ringing]"},
    });
}

TEST_CASE("A phrase that holds a filler word still matches, and so does the one without it",
          "[lexicon]") {
    // The built-in lexicon has "eyelid keeps twitching" and "nose keeps running", as well as
    // "eyelid jumping": "keeps" must be tried both as part of a phrase and passed over.
    const auto runny_nose = builtin_ids("runny nose");
    const auto eyelid = builtin_ids("eyelid twitching");
    REQUIRE(runny_nose.size() == 1);
    REQUIRE(eyelid.size() == 1);
    CHECK(builtin_ids("my nose keeps running") == runny_nose);
    CHECK(builtin_ids("my eyelid keeps twitching") == eyelid);
    CHECK(builtin_ids("for weeks my eyelid keeps jumping") == eyelid);
    CHECK(builtin_ids("my eyelid jumping") == eyelid);
}
