// SPDX-License-Identifier: Apache-2.0
// Tests of lib/corpus/page_reader.cpp: consultation pages, field by field, and format_page().
#include "corpus/page_reader.hpp"

#include <catch2/catch.hpp>

#include "corpus/collect.hpp"
#include "qaindex/corpus.hpp"
#include "test_support.hpp"

using qaindex::Asker;
using qaindex::Consultation;
using qaindex::Date;
using qaindex::RelatedTopic;
using qaindex::Reply;
using qaindex::Sex;
using qaindex::SimilarQuestion;

namespace {

struct Parsed {
    std::optional<Consultation> entry;
    std::vector<qaindex::Diagnostic> diagnostics;
};

Parsed parse_text(std::string_view text, std::string_view id = "page",
                  std::string_view source = "page.txt") {
    qaindex::test::Collected collected;
    Parsed parsed;
    parsed.entry = qaindex::parse_page(text, id, source, collected.diagnostic_sink());
    parsed.diagnostics = std::move(collected.diagnostics);
    return parsed;
}

Consultation parse_fixture(const std::string& name) {
    const auto path = qaindex::test::fixture("pages/" + name);
    const std::string text = qaindex::test::read_file(path);
    REQUIRE_FALSE(text.empty());
    Parsed parsed = parse_text(text, "pages/" + name.substr(0, name.size() - 4), path.string());
    INFO(name);
    REQUIRE(parsed.diagnostics.empty());
    REQUIRE(parsed.entry.has_value());
    return std::move(*parsed.entry);
}

// What pages/cardiology.txt holds; its variants differ from it only where the test says.
Consultation cardiology_page() {
    Consultation entry;
    entry.id.value = "pages/cardiology";
    entry.title = "Palpitations after climbing stairs";
    entry.question =
        "Hello doctor, I am 45 years old and for about three weeks my heart has been racing "
        "whenever I climb two flights of stairs.\n"
        "It settles after five minutes of rest, but sometimes I also feel a tightness in my "
        "chest.\n"
        "Is this a heart problem, and should I have an ECG?";
    entry.asker = Asker{.name = "Mr. Chen", .age_group = "40~49", .sex = Sex::Male};
    entry.asked = Date{2021, 6, 14};
    entry.replies = {Reply{
        .doctor = "Lin Meihua",
        .specialty = "Cardiology",
        .text = "Palpitations on exertion that settle with rest can come from an arrhythmia, from "
                "anaemia or thyroid disease, or simply from being out of condition.\n"
                "Chest tightness together with palpitations should be checked: please have a "
                "resting ECG and, if it is normal, an exercise test or a 24-hour Holter "
                "recording.\n"
                "Seek emergency care at once if the tightness lasts more than a few minutes or "
                "spreads to the arm or jaw.",
        .date = Date{2021, 6, 15}}};
    entry.more_info =
        "Palpitations are the feeling that the heart is pounding, fluttering or beating "
        "irregularly.\n"
        "Common causes\n"
        "1. Exercise, caffeine, nicotine and stress.\n"
        "2. Arrhythmias such as atrial fibrillation or supraventricular tachycardia.\n"
        "3. Anaemia, an overactive thyroid and some medicines.\n"
        "When to see a doctor\n"
        "See a doctor promptly when palpitations come with chest pain, fainting or "
        "breathlessness.";
    entry.similar = {
        SimilarQuestion{
            .title = "Heart Racing at Night: Should I Worry About Arrhythmia?",
            .question_excerpt =
                "Doctor, lately my heart starts racing just as I fall asleep and I wake up with a "
                "pounding chest. My blood pressure is normal and I do not drink coffee in the "
                "evening. Could this be an arrhyth...",
            .doctor = "Lin Meihua",
            .specialty = "Cardiology",
            .reply_excerpt =
                "A racing heart at bedtime is often noticed more because the room is quiet, but "
                "an arrhythmia has to be ruled out. A 24-hour Holter recording is the simplest "
                "test; bring a diary of when it ha..."},
        SimilarQuestion{
            .title = "Chest Tightness When Walking Uphill: Angina or Anxiety?",
            .question_excerpt =
                "Hello, I am 52 and when I walk uphill my chest tightens, which goes away when I "
                "stop. My father had a heart attack at 60. What tests should I ask for?",
            .doctor = "Wu Jianguo",
            .specialty = "Cardiology",
            .reply_excerpt =
                "Chest tightness brought on by effort and relieved by rest is angina until "
                "proven otherwise, especially with your family history. Please see a "
                "cardiologist soon for an exercise test."},
    };
    entry.related = {
        RelatedTopic{"Palpitations", "Cardiology"},
        RelatedTopic{"Arrhythmia", "Cardiology"},
        RelatedTopic{"", "Cardiology"},
        RelatedTopic{"Chest Tightness", "Internal Medicine"},
    };
    entry.source = qaindex::test::fixture("pages/cardiology.txt").string();
    entry.language = "en";
    return entry;
}

// The page's own identity differs from variant to variant; the content must not.
Consultation with_identity(Consultation entry, const std::string& name) {
    entry.id.value = "pages/" + name.substr(0, name.size() - 4);
    entry.source = qaindex::test::fixture("pages/" + name).string();
    return entry;
}

}  // namespace

TEST_CASE("A consultation page is read field by field", "[corpus][page]") {
    const Consultation entry = parse_fixture("cardiology.txt");
    const Consultation expected = cardiology_page();
    CHECK(entry.id == expected.id);
    CHECK(entry.title == expected.title);
    CHECK(entry.question == expected.question);
    CHECK(entry.asker.name == "Mr. Chen");
    CHECK(entry.asker.age_group == "40~49");
    CHECK(entry.asker.sex == Sex::Male);
    CHECK(entry.asked == Date{2021, 6, 14});
    REQUIRE(entry.replies.size() == 1);
    CHECK(entry.replies[0].doctor == "Lin Meihua");
    CHECK(entry.replies[0].specialty == "Cardiology");
    CHECK(entry.replies[0].text == expected.replies[0].text);
    CHECK(entry.replies[0].date == Date{2021, 6, 15});
    CHECK(entry.more_info == expected.more_info);
    REQUIRE(entry.similar.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        CHECK(entry.similar[i].title == expected.similar[i].title);
        CHECK(entry.similar[i].question_excerpt == expected.similar[i].question_excerpt);
        CHECK(entry.similar[i].doctor == expected.similar[i].doctor);
        CHECK(entry.similar[i].specialty == expected.similar[i].specialty);
        CHECK(entry.similar[i].reply_excerpt == expected.similar[i].reply_excerpt);
    }
    CHECK(entry.related == expected.related);
    CHECK_FALSE(entry.question_type.has_value());
    CHECK_FALSE(entry.focus.has_value());
    CHECK_FALSE(entry.url.has_value());
    CHECK(entry.source == expected.source);
    CHECK(entry.language == "en");
    CHECK(entry.specialty() == "Cardiology");
    CHECK(entry == expected);
}

TEST_CASE("The reference page is read field by field", "[corpus][page]") {
    QAINDEX_REQUIRE_SHARED("reference/000_9ccf1e5a58cd5c5b.txt");
    const auto path = qaindex::test::shared_dir() / "reference/000_9ccf1e5a58cd5c5b.txt";
    const std::string text = qaindex::test::read_file(path);
    const Parsed parsed = parse_text(text, "000_9ccf1e5a58cd5c5b", path.string());
    REQUIRE(parsed.diagnostics.empty());
    REQUIRE(parsed.entry);
    const Consultation& entry = *parsed.entry;

    CHECK(entry.id.value == "000_9ccf1e5a58cd5c5b");
    CHECK(entry.source == path.string());
    CHECK(entry.language == "en");
    CHECK(entry.title == "Facial nerve");
    CHECK(entry.question ==
          "Hello doctor, for the past two months, I have been experiencing occasional "
          "involuntary facial twitching, and my eyelids also tremble slightly.\n"
          "Sometimes the twitching lasts for a long time, and the duration of the facial spasms "
          "varies.\n"
          "Could you please explain why this is happening? Do I need further examination?");
    CHECK(entry.asker == Asker{.name = "Xiao Jie", .age_group = "10~19", .sex = Sex::Female});
    CHECK(entry.asked == Date{2005, 3, 9});

    REQUIRE(entry.replies.size() == 1);
    const Reply& reply = entry.replies[0];
    CHECK(reply.doctor == "Ye Boshou");
    CHECK(reply.specialty == "Neurology");
    CHECK(reply.date == Date{2005, 3, 9});
    CHECK(reply.text ==
          "Involuntary facial twitching is a phenomenon of neurological instability, which may "
          "be related to tension and nerve excitability.\n"
          "It is advisable to reduce the intake of stimulating foods such as coffee.\n"
          "If the symptoms persist, a neurological examination should be conducted.");
    CHECK(entry.specialty() == "Neurology");

    REQUIRE(entry.more_info);
    const std::string& more = *entry.more_info;
    CHECK(
        more.starts_with("Facial nerve issues can manifest in various ways, including "
                         "involuntary twitching or spasms, which you are experiencing."));
    CHECK(
        more.ends_with("Your health and well-being are paramount, and early intervention can "
                       "make a significant difference in your recovery."));
    CHECK(std::count(more.begin(), more.end(), '\n') == 20);  // 21 lines
    CHECK(more.find("\nCauses of Facial Nerve Issues\n") != std::string::npos);
    CHECK(more.find("Similar Q&A") == std::string::npos);

    const std::vector<SimilarQuestion> similar = {
        {.title = "Understanding Facial Nerve Disorders: Symptoms, Causes, and Treatment Options",
         .question_excerpt =
             "Hello, Director! I would like to consult you about the issue of facial nerve "
             "dysfunction. I often experience involuntary eyebrow twitching or eyelid spasms, "
             "which lead to frequent headaches and eye fatigue. At times, it becomes severe "
             "enough to cause nausea, causing me significan...",
         .doctor = "Ye Boshou",
         .specialty = "Neurology",
         .reply_excerpt =
             "Occasional tics are nothing to worry about. The speed of speech is related to "
             "personality and mood; try self-adjusting and relaxing to see if it improves. If "
             "there is still no improvement, a visit to the clinic is necessary to check for "
             "other issues, such as hyperthyroidism, amon..."},
        {.title = "Understanding Facial Nerve Issues: Symptoms, Causes, and Treatment Options",
         .question_excerpt =
             "Hello, doctors! I am 28 years old, and in March of this year, I noticed weakness on "
             "the right side of my face, with difficulty closing my right eye. I have noticeable "
             "asymmetry in my eyes, and when I drink, water leaks from the right side of my "
             "mouth. When I try to move the right...",
         .doctor = "Jiang Junyi",
         .specialty = "Neurology",
         .reply_excerpt =
             "Hello Dr. De: You mentioned that \"some doctors said I have both facial nerve "
             "paralysis and spasms... (I am completely confused).\" Generally speaking, facial "
             "nerve paralysis occurs due to inflammation, which prevents the muscle tissue it "
             "innervates from contracting adequ..."},
        {.title = "Facial Numbness: Is It a Neurological Issue or Stress-Related?",
         .question_excerpt =
             "Hello, I have been experiencing facial numbness for almost six months, sometimes on "
             "the right side and sometimes on the left. The symptoms occur when I feel startled "
             "or anxious. I have seen a neurologist twice and also went to a large hospital for "
             "examinations, but the results sh...",
         .doctor = "Gao Chunde",
         .specialty = "Neurology",
         .reply_excerpt =
             "Sometimes, excessive nervousness or high levels of stress can lead to abnormal "
             "sensory sensations. It can be helpful to practice relaxation techniques and "
             "redirect your attention. Engaging in outdoor activities and spending time in "
             "nature regularly can also improve the situation."},
        {.title = "Understanding Facial Nerve Issues: Symptoms and Treatment Options",
         .question_excerpt =
             "Hello Dr. Yeh, My symptoms are as follows: whenever I open my mouth, I experience "
             "pain in the area of my cheeks, which makes eating uncomfortable. Although it is not "
             "severe enough to prevent me from eating, it is still quite distressing. Initially, "
             "the symptoms were just a tempo...",
         .doctor = "Ye Boshou",
         .specialty = "Neurology",
         .reply_excerpt =
             "This is not related to the facial nerve; it may be due to temporomandibular joint "
             "inflammation or malocclusion. It is recommended to consult a neurologist to "
             "identify the underlying cause. Dr. Yeh Po-Shou from Hsinchu Hospital, Neurology "
             "Department."},
    };
    REQUIRE(entry.similar.size() == similar.size());
    for (std::size_t i = 0; i < similar.size(); ++i) {
        CAPTURE(i);
        CHECK(entry.similar[i].title == similar[i].title);
        CHECK(entry.similar[i].question_excerpt == similar[i].question_excerpt);
        CHECK(entry.similar[i].doctor == similar[i].doctor);
        CHECK(entry.similar[i].specialty == similar[i].specialty);
        CHECK(entry.similar[i].reply_excerpt == similar[i].reply_excerpt);
    }

    const std::vector<RelatedTopic> related = {
        {"", "Neurology"},
        {"Facial Nerve Palsy", "Neurology"},
        {"Facial Numbness", "Neurology"},
        {"Facial And Hand Numbness", "Neurology"},
        {"Facial Twitching", "Neurology"},
        {"Face", "Neurology"},
        {"Trigeminal Neuralgia", "Neurology"},
        {"Nerve Damage", "Neurology"},
        {"Neck", "Neurology"},
        {"Nerve Compression", "Neurology"},
    };
    CHECK(entry.related == related);
    CHECK_FALSE(entry.question_type.has_value());
    CHECK_FALSE(entry.focus.has_value());
    CHECK_FALSE(entry.url.has_value());
}

TEST_CASE("format_page writes the reference page back byte for byte", "[corpus][page]") {
    QAINDEX_REQUIRE_SHARED("reference/000_9ccf1e5a58cd5c5b.txt");
    const std::string text = qaindex::test::read_file(qaindex::test::shared_dir() /
                                                      "reference/000_9ccf1e5a58cd5c5b.txt");
    const Parsed parsed = parse_text(text);
    REQUIRE(parsed.entry);
    CHECK(qaindex::format_page(*parsed.entry) == text);
}

TEST_CASE("Pages without optional sections lack only those fields", "[corpus][page]") {
    SECTION("no More Info") {
        Consultation expected = with_identity(cardiology_page(), "no_more_info.txt");
        expected.more_info.reset();
        CHECK(parse_fixture("no_more_info.txt") == expected);
    }
    SECTION("no Similar Q&A") {
        Consultation expected = with_identity(cardiology_page(), "no_similar.txt");
        expected.similar.clear();
        CHECK(parse_fixture("no_similar.txt") == expected);
    }
    SECTION("no Related FAQ") {
        Consultation expected = with_identity(cardiology_page(), "no_related.txt");
        expected.related.clear();
        CHECK(parse_fixture("no_related.txt") == expected);
    }
    SECTION("no reply and no asker details") {
        const Consultation entry = parse_fixture("minimal.txt");
        CHECK(entry.title == "Blood test results");
        CHECK(entry.question == "My cholesterol came back at 6.8 mmol/L. Is that high?");
        CHECK(entry.asker == Asker{});
        CHECK(entry.asked == Date{2024, 1, 9});
        CHECK(entry.replies.empty());
        CHECK_FALSE(entry.more_info.has_value());
        CHECK(entry.similar.empty());
        CHECK(entry.related.empty());
        CHECK_FALSE(entry.specialty().has_value());
    }
}

TEST_CASE("CRLF line ends, a BOM and extra blank lines read like the plain page",
          "[corpus][page]") {
    for (const char* name : {"crlf.txt", "bom.txt", "extra_blank_lines.txt"}) {
        CAPTURE(name);
        CHECK(parse_fixture(name) == with_identity(cardiology_page(), name));
    }
}

TEST_CASE("Multi-paragraph questions and replies keep one paragraph per line", "[corpus][page]") {
    // Blank lines between paragraphs are dropped: paragraphs are joined by a single "\n".
    const Consultation entry = parse_fixture("multi_paragraph.txt");
    CHECK(entry.title == "Persistent dry cough for two months");
    CHECK(entry.question ==
          "Hello doctor, I have had a dry cough for two months. It is worse at night and when I "
          "talk for a long time.\n"
          "I do not smoke, and I have no fever, but I sometimes feel heartburn after dinner.\n"
          "I already took cough syrup for two weeks without any change. What should I do next?");
    CHECK(entry.asker == Asker{.name = "Ms. Huang", .age_group = "30~39", .sex = Sex::Female});
    REQUIRE(entry.replies.size() == 1);
    CHECK(entry.replies[0].doctor == "Zhou Wenjie");
    CHECK(entry.replies[0].specialty == "Pulmonology");
    CHECK(entry.replies[0].text ==
          "A cough lasting more than eight weeks is called chronic. The three most common causes "
          "in non-smokers are postnasal drip, asthma and acid reflux.\n"
          "Your heartburn after dinner makes reflux likely: avoid eating within three hours of "
          "bedtime and raise the head of your bed.\n"
          "If the cough continues for another month, please have a chest X-ray and a lung "
          "function test.");
    CHECK(entry.replies[0].date == Date{2022, 11, 4});
}

TEST_CASE("A Traditional Chinese page uses the English labels", "[corpus][page]") {
    const Consultation entry = parse_fixture("zh_traditional.txt");
    CHECK(entry.title == "頭痛與失眠");
    CHECK(
        entry.question ==
        "醫師您好，我最近兩個月常常頭痛，尤其是下午的時候，晚上也睡不好。\n請問需要做腦部檢查嗎？");
    CHECK(entry.asker == Asker{.name = "陳小姐", .age_group = "30~39", .sex = Sex::Female});
    CHECK(entry.asked == Date{2019, 5, 2});
    REQUIRE(entry.replies.size() == 1);
    CHECK(entry.replies[0].doctor == "王大明");
    CHECK(entry.replies[0].specialty == "神經內科");
    CHECK(entry.replies[0].text ==
          "您好，緊張型頭痛常與壓力及睡眠不足有關，建議規律作息並適度運動。\n"
          "若頭痛加劇或伴隨嘔吐、視力模糊，請儘快至神經內科門診檢查。");
    CHECK(entry.replies[0].date == Date{2019, 5, 3});
    CHECK(entry.similar ==
          std::vector<SimilarQuestion>{
              {.title = "長期失眠怎麼辦？",
               .question_excerpt = "醫師您好，我已經失眠半年，每天只睡三四個小時，白天精神很差...",
               .doctor = "李小華",
               .specialty = "精神科",
               .reply_excerpt = "失眠的原因很多，建議先建立固定的睡眠時間，睡前避免使用手機..."}});
    CHECK(entry.related == std::vector<RelatedTopic>{{"頭痛", "神經內科"}, {"失眠", "精神科"}});
    CHECK(entry.language == "zh");
}

TEST_CASE("Two doctors' replies become two replies in page order", "[corpus][page]") {
    const Consultation entry = parse_fixture("two_doctors.txt");
    CHECK(entry.asker == Asker{.name = std::nullopt, .age_group = "20~29", .sex = Sex::Female});
    REQUIRE(entry.replies.size() == 2);
    CHECK(entry.replies[0].doctor == "Kao Shih-chieh");
    CHECK(entry.replies[0].specialty == "Orthopedics");
    CHECK(entry.replies[0].date == Date{2023, 2, 21});
    CHECK(entry.replies[0].text.starts_with("Pain going down stairs"));
    CHECK(entry.replies[1].doctor == "Tsai Ya-ting");
    CHECK(entry.replies[1].specialty == "Rehabilitation");
    CHECK(entry.replies[1].date == Date{2023, 2, 23});
    CHECK(entry.replies[1].text.starts_with("Strengthening the thigh"));
    CHECK(entry.specialty() == "Orthopedics");
    CHECK(entry.related == std::vector<RelatedTopic>{{"Knee Pain", "Orthopedics"},
                                                     {"Runner's Knee", "Rehabilitation"}});
}

TEST_CASE("Asker lines: every part but the Ask Date label is optional", "[corpus][page]") {
    struct Row {
        const char* line;
        Asker asker;
        const char* date;
    };
    const Row rows[] = {
        {"Xiao Jie, 10~19 year old female. Ask Date: 2005/03/09",
         {"Xiao Jie", "10~19", Sex::Female},
         "2005/03/09"},
        {"陳小姐, 30~39 year old female. Ask Date: 2019/05/02",
         {"陳小姐", "30~39", Sex::Female},
         "2019/05/02"},
        {"Ask Date: 2005/03/09", {}, "2005/03/09"},
        {"Ask Date:", {}, ""},
        {"Xiao Jie. Ask Date: 2005/03/09", {"Xiao Jie", std::nullopt, std::nullopt}, "2005/03/09"},
        {"10~19 year old female. Ask Date: 2005/03/09",
         {std::nullopt, "10~19", Sex::Female},
         "2005/03/09"},
        {"female. Ask Date: 2005/03/09", {std::nullopt, std::nullopt, Sex::Female}, "2005/03/09"},
        {"Wang, male. Ask Date: 2001/01/01", {"Wang", std::nullopt, Sex::Male}, "2001/01/01"},
        {"Wang, 35 years old. Ask Date: 2001/01/01", {"Wang", "35", std::nullopt}, "2001/01/01"},
        {"Wang, Li. Ask Date: 2001/01/01", {"Wang, Li", std::nullopt, std::nullopt}, "2001/01/01"},
        {"Wang, Li, 50~59 year old male. Ask Date: 2001/01/01",
         {"Wang, Li", "50~59", Sex::Male},
         "2001/01/01"},
        {"王先生，40~49 year old male. Ask Date: 2001/01/01",
         {"王先生", "40~49", Sex::Male},
         "2001/01/01"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.line);
        const auto parsed = qaindex::detail::parse_asker_line(row.line);
        REQUIRE(parsed);
        CHECK(parsed->asker == row.asker);
        CHECK(parsed->date_text == row.date);
    }
    // Lines that only mention the label are question text, not asker lines.
    CHECK_FALSE(qaindex::detail::parse_asker_line("What is the Ask Date: field for?"));
    CHECK_FALSE(qaindex::detail::parse_asker_line("Xiao Jie, 10~19 year old female."));
}

TEST_CASE("Reply headers name the doctor and specialty, sentences are not headers",
          "[corpus][page]") {
    using qaindex::detail::ReplyHeader;
    struct Row {
        const char* line;
        std::optional<ReplyHeader> header;
    };
    const Row rows[] = {
        {"Dr. Ye Boshou reply Neurology", ReplyHeader{"Ye Boshou", "Neurology"}},
        {"Dr. 王大明 reply 神經內科", ReplyHeader{"王大明", "神經內科"}},
        {"Dr. J. Smith reply Family Medicine", ReplyHeader{"J. Smith", "Family Medicine"}},
        {"Dr. Ye Boshou reply", ReplyHeader{"Ye Boshou", std::nullopt}},
        {"Dr. reply Neurology", ReplyHeader{std::nullopt, "Neurology"}},
        {"Dr. reply", ReplyHeader{}},
        {"Dr. Lin will reply to you soon.", std::nullopt},
        {"Dr. Lin said, reply when you can", std::nullopt},
        {"Dr.Ye reply Neurology", std::nullopt},
        {"Doctor Ye reply Neurology", std::nullopt},
        {"Dr. Ye replied Neurology", std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.line);
        CHECK(qaindex::detail::parse_reply_header(row.line) == row.header);
    }
}

TEST_CASE("Related FAQ rows split name and specialty at the last parenthesis", "[corpus][page]") {
    struct Row {
        const char* line;
        RelatedTopic topic;
    };
    const Row rows[] = {
        {"Facial Twitching(Neurology)", {"Facial Twitching", "Neurology"}},
        {"(Neurology)", {"", "Neurology"}},
        {"Bell's Palsy (Facial)(Neurology)", {"Bell's Palsy (Facial)", "Neurology"}},
        {"Headache", {"Headache", std::nullopt}},
        {"Headache()", {"Headache", std::nullopt}},
        {"頭痛（神經內科）", {"頭痛", "神經內科"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.line);
        CHECK(qaindex::detail::parse_related_topic(row.line) == row.topic);
    }
}

TEST_CASE("Broken pages yield one diagnostic with file, line and problem", "[corpus][page]") {
    using qaindex::Problem;
    struct Row {
        const char* name;
        std::string text;
        std::size_t line;
        Problem problem;
    };
    const Row rows[] = {
        {"empty", "", 1, Problem::Empty},
        {"blank lines only", "\n  \n\t\n", 1, Problem::Empty},
        {"title only", "Title\n", 1, Problem::Truncated},
        {"no Ask Date line", "Title\nQuestion one\nQuestion two\n", 3, Problem::Truncated},
        {"no title", "Ask Date: 2020/01/01\n", 1, Problem::Truncated},
        {"no question", "Title\n\nXiao Jie. Ask Date: 2020/01/01\n", 3, Problem::Truncated},
        {"reply without Reply Date at the end", "T\nQ\nAsk Date: 2020/01/01\nDr. A reply B\nText\n",
         4, Problem::Truncated},
        {"reply without Reply Date before More Info",
         "T\nQ\nAsk Date: 2020/01/01\nDr. A reply B\nText\nMore Info\nM\n", 4, Problem::Truncated},
        {"reply without Reply Date before the next reply",
         "T\nQ\nAsk Date: 2020/01/01\nDr. A reply B\nText\nDr. C reply D\nT2\nReply Date: "
         "2020/01/02\n",
         4, Problem::Truncated},
        {"second reply without Reply Date",
         "T\nQ\nAsk Date: 2020/01/01\nDr. A reply B\nText\nReply Date: 2020/01/02\n\nDr. C reply "
         "D\nT2\n",
         8, Problem::Truncated},
        {"bad Ask Date", "T\nQ\nAsk Date: 2020/02/30\n", 3, Problem::Malformed},
        {"bad Reply Date", "T\nQ\nAsk Date: 2020/01/01\nDr. A reply B\nText\nReply Date: soon\n", 6,
         Problem::Malformed},
        {"stray line after the asker line", "T\nQ\nAsk Date: 2020/01/01\nSomething else\n", 4,
         Problem::Malformed},
        {"invalid UTF-8", "T\nQ\nQ2 \xC3\x28\nAsk Date: 2020/01/01\n", 3, Problem::InvalidUtf8},
        {"overlong UTF-8", "T\n\xC0\xAF\nAsk Date: 2020/01/01\n", 2, Problem::InvalidUtf8},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        const Parsed parsed = parse_text(row.text, "x", "dir/x.txt");
        CHECK_FALSE(parsed.entry.has_value());
        REQUIRE(parsed.diagnostics.size() == 1);
        const qaindex::Diagnostic& d = parsed.diagnostics[0];
        CHECK(d.file == "dir/x.txt");
        CHECK(d.line == row.line);
        CHECK(d.problem == row.problem);
        CHECK_FALSE(d.message.empty());
    }
}

TEST_CASE("A reply line that merely mentions a doctor stays reply text", "[corpus][page]") {
    const Parsed parsed = parse_text(
        "T\nQ\nAsk Date: 2020/01/01\nDr. A reply B\nFirst line.\nDr. Lin will reply to you "
        "soon.\nReply Date: 2020/01/02\n");
    REQUIRE(parsed.entry);
    REQUIRE(parsed.entry->replies.size() == 1);
    CHECK(parsed.entry->replies[0].text == "First line.\nDr. Lin will reply to you soon.");
}

TEST_CASE("format_page round-trips every page fixture", "[corpus][page]") {
    for (const char* name :
         {"cardiology.txt", "no_more_info.txt", "no_similar.txt", "no_related.txt",
          "multi_paragraph.txt", "zh_traditional.txt", "two_doctors.txt", "minimal.txt"}) {
        CAPTURE(name);
        const Consultation entry = parse_fixture(name);
        const std::string page = qaindex::format_page(entry);
        const Parsed again = parse_text(page, entry.id.value, *entry.source);
        REQUIRE(again.diagnostics.empty());
        REQUIRE(again.entry);
        CHECK(*again.entry == entry);
    }
    // The plain fixture is written in the layout format_page produces, bar the final newline.
    const std::string text =
        qaindex::test::read_file(qaindex::test::fixture("pages/cardiology.txt"));
    CHECK(qaindex::format_page(parse_fixture("cardiology.txt")) + "\n" == text);
}

TEST_CASE("format_page keeps absent parts absent on the way back", "[corpus][page]") {
    Consultation entry;
    entry.id.value = "x";
    entry.title = "Title";
    entry.question = "Question";
    entry.asker = Asker{.name = "Mr. Jr.", .age_group = std::nullopt, .sex = Sex::Male};
    entry.replies = {
        Reply{.doctor = std::nullopt, .specialty = "Neurology", .text = "A"},
        Reply{.doctor = "B", .specialty = std::nullopt, .text = "", .date = Date{2020, 1, 2}}};
    entry.similar = {
        SimilarQuestion{.title = "Only a title"},
        SimilarQuestion{.title = "T2", .question_excerpt = "Q2", .reply_excerpt = "R2"}};
    entry.related = {RelatedTopic{"", std::nullopt},
                     RelatedTopic{"Ends (in brackets)", std::nullopt},
                     RelatedTopic{"Plain", std::nullopt}};
    entry.source = "x.txt";
    entry.language = "en";
    const std::string page = qaindex::format_page(entry);
    CAPTURE(page);
    const Parsed parsed = parse_text(page, "x", "x.txt");
    REQUIRE(parsed.diagnostics.empty());
    REQUIRE(parsed.entry);
    CHECK(*parsed.entry == entry);
}
