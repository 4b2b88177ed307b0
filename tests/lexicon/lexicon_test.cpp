// SPDX-License-Identifier: Apache-2.0
// Tests of the Lexicon: lookups, specialties, synonym groups, and the built-in lexicon.
#include "qaindex/lexicon.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "test_support.hpp"

using qaindex::Analyzer;
using qaindex::Lexicon;
using qaindex::Mention;

namespace {

const Lexicon& fixture_lexicon() {
    static const Lexicon lexicon = Lexicon::load(qaindex::test::fixture("lexicon"));
    return lexicon;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("Lexicon::load reads the four files", "[lexicon]") {
    const Lexicon& lexicon = fixture_lexicon();
    REQUIRE(lexicon.symptoms().size() == 12);
    REQUIRE(lexicon.conditions().size() == 4);
    REQUIRE(lexicon.specialties().size() == 8);

    const qaindex::Symptom* eyelid = lexicon.find_symptom("QA:eyelid-twitching");
    REQUIRE(eyelid != nullptr);
    CHECK(eyelid->name == "eyelid twitching");
    CHECK(eyelid->parent == "SYMP:0000394");
    CHECK(eyelid->specialties == std::vector<std::string>{"Neurology"});
    CHECK(eyelid->clinical == std::vector<std::string>{"eyelid myokymia"});
    CHECK(eyelid->lay == std::vector<std::string>{"eye twitching", "eyelids tremble"});
    CHECK(eyelid->chinese == std::vector<std::string>{"眼皮跳", "眼瞼跳動"});

    // Specialty cells are stored canonical, whatever form the file used.
    CHECK(lexicon.find_symptom("tinnitus")->specialties ==
          std::vector<std::string>{"Otolaryngology"});
    CHECK(lexicon.find_symptom("numbness")->specialties == std::vector<std::string>{"Neurology"});

    const qaindex::Condition* palsy = lexicon.find_condition("QA:bells-palsy");
    REQUIRE(palsy != nullptr);
    CHECK(palsy->name == "Bell's palsy");
    CHECK(palsy->clinical == std::vector<std::string>{"facial nerve palsy"});
}

TEST_CASE("find_symptom and find_condition accept any form", "[lexicon]") {
    struct Row {
        const char* form;
        const char* id;  // nullptr: not found
    };
    const Row symptoms[] = {
        {"SYMP:0000504", "SYMP:0000504"},
        {"headache", "SYMP:0000504"},
        {"Headaches", "SYMP:0000504"},
        {"cephalalgia", "SYMP:0000504"},
        {"head pain", "SYMP:0000504"},
        {"headach", "SYMP:0000504"},
        {"頭痛", "SYMP:0000504"},
        {"头痛", "SYMP:0000504"},
        {"Eyelid Twitching", "QA:eyelid-twitching"},
        {"the eyelids twitching", "QA:eyelid-twitching"},
        {"眼睑跳动", "QA:eyelid-twitching"},
        {"ringing in my ears", "SYMP:0000393"},
        {"pain in chest", "SYMP:0000576"},
        {"Bell's palsy", nullptr},
        {"symp:0000504", nullptr},
        {"", nullptr},
        {"ache", nullptr},
    };
    for (const Row& row : symptoms) {
        CAPTURE(row.form);
        const qaindex::Symptom* found = fixture_lexicon().find_symptom(row.form);
        if (row.id == nullptr) {
            CHECK(found == nullptr);
        } else {
            REQUIRE(found != nullptr);
            CHECK(found->id == row.id);
        }
    }
    const Row conditions[] = {
        {"QA:aids", "QA:aids"},
        {"AIDS", "QA:aids"},
        {"Bells palsy", "QA:bells-palsy"},
        {"面瘫", "QA:bells-palsy"},
        {"high blood pressure", "QA:hypertension"},
        {"headache", nullptr},
    };
    for (const Row& row : conditions) {
        CAPTURE(row.form);
        const qaindex::Condition* found = fixture_lexicon().find_condition(row.form);
        if (row.id == nullptr) {
            CHECK(found == nullptr);
        } else {
            REQUIRE(found != nullptr);
            CHECK(found->id == row.id);
        }
    }
}

TEST_CASE("symptom_ancestors follows parents, nearest first", "[lexicon]") {
    const Lexicon& lexicon = fixture_lexicon();
    CHECK(lexicon.symptom_ancestors("QA:eyelid-twitching") ==
          std::vector<std::string>{"SYMP:0000394"});
    CHECK(lexicon.symptom_ancestors("SYMP:0000504") == std::vector<std::string>{"SYMP:0000099"});
    CHECK(lexicon.symptom_ancestors("SYMP:0000099").empty());
    CHECK(lexicon.symptom_ancestors("QA:unknown").empty());
}

TEST_CASE("canonical_specialty normalises any form of a specialty", "[lexicon]") {
    struct Row {
        const char* text;
        std::optional<std::string> expected;
    };
    const Row rows[] = {
        {"Neurology", "Neurology"},
        {"neurology", "Neurology"},
        {"NEUROLOGY", "Neurology"},
        {" Neurology. ", "Neurology"},
        {"neurologist", "Neurology"},
        {"Neurologists", "Neurology"},
        {"Dept. of Neurology", "Neurology"},
        {"Department of Neurology", "Neurology"},
        {"the Neurology Department", "Neurology"},
        {"Neurology Clinic", "Neurology"},
        {"Division of Neurology", "Neurology"},
        {"neuro", "Neurology"},
        {"神經內科", "Neurology"},
        {"神经内科", "Neurology"},
        {"神经科", "Neurology"},
        {"神經科", "Neurology"},
        {"ENT", "Otolaryngology"},
        {"Ear, Nose and Throat", "Otolaryngology"},
        {"OB/GYN", "Obstetrics and Gynecology"},
        {"obstetrics & gynecology", "Obstetrics and Gynecology"},
        {"婦產科", "Obstetrics and Gynecology"},
        {"内科", "Internal Medicine"},
        {"普通内科", "Internal Medicine"},
        {"肝病科", "Hepatology"},
        {"呼吸科", "Pulmonology"},
        {"Cardiac Surgery", std::nullopt},
        {"Dermatology", std::nullopt},
        {"外科", std::nullopt},
        {"Department", std::nullopt},
        {"", std::nullopt},
        {"...", std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(fixture_lexicon().canonical_specialty(row.text) == row.expected);
    }
}

TEST_CASE("Synonym groups include synonyms.tsv and every concept's forms", "[lexicon]") {
    const Lexicon& lexicon = fixture_lexicon();
    const auto& groups = lexicon.synonym_groups();
    REQUIRE(groups.size() == 4 + 12 + 4);
    CHECK(groups[0].clinical == std::vector<std::string>{"radiograph"});
    CHECK(groups[0].lay == std::vector<std::string>{"x-ray", "x-ray image"});
    const auto eyelid = std::find_if(groups.begin(), groups.end(), [](const auto& group) {
        return !group.clinical.empty() && group.clinical[0] == "eyelid twitching";
    });
    REQUIRE(eyelid != groups.end());
    CHECK(eyelid->clinical == std::vector<std::string>{"eyelid twitching", "eyelid myokymia"});
    CHECK(contains(eyelid->lay, "eyelids tremble"));
    CHECK(contains(eyelid->lay, "眼皮跳"));

    const auto analysed = lexicon.analyzed_synonym_groups();
    CHECK(analysed[0] == std::vector<std::string>{"radiograph", "x ray", "x ray image"});
    CHECK(analysed[3] == std::vector<std::string>{"magnetic resonance imaging", "mri"});
    const auto tinnitus = std::find_if(analysed.begin(), analysed.end(),
                                       [](const auto& group) { return group[0] == "tinnitus"; });
    REQUIRE(tinnitus != analysed.end());
    CHECK(*tinnitus ==
          std::vector<std::string>{"tinnitus", "ringing ears", "ears ringing", "耳鸣"});
    for (const auto& group : analysed) {
        CHECK(group.size() >= 2);
    }
    // "pain" has only 疼痛 besides its name; "cough" only 咳嗽: still two phrases each.
    CHECK(analysed.size() == 4 + 12 + 4);
}

TEST_CASE("The fingerprint follows the files' content", "[lexicon]") {
    const std::string first = fixture_lexicon().fingerprint();
    CHECK(first.size() == 16);
    CHECK(Lexicon::load(qaindex::test::fixture("lexicon")).fingerprint() == first);

    const qaindex::test::ScratchDir dir("lexicon-fingerprint");
    for (const char* name : {"symptoms.tsv", "conditions.tsv", "specialties.tsv", "synonyms.tsv"}) {
        std::filesystem::copy_file(qaindex::test::fixture("lexicon") / name, dir.path() / name);
    }
    std::ofstream(dir.path() / "synonyms.tsv", std::ios::app) << "cardiac\theart\n";
    CHECK(Lexicon::load(dir.path()).fingerprint() != first);
}

TEST_CASE("A Lexicon may be shared between threads", "[lexicon]") {
    const Lexicon& lexicon = fixture_lexicon();
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&lexicon, &results, i] {
            Analyzer analyzer;
            for (int round = 0; round < 20; ++round) {
                const auto mentions = lexicon.find_mentions(analyzer.analyze("no fever, 头痛"));
                const auto specialty = lexicon.canonical_specialty("神經科");
                results[i] = std::to_string(mentions.size()) + specialty.value_or("?");
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const std::string& result : results) {
        CHECK(result == "2Neurology");
    }
}

TEST_CASE("The built-in lexicon loads once and is consistent", "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    CHECK(&lexicon == &Lexicon::builtin());
    CHECK_FALSE(lexicon.symptoms().empty());
    CHECK_FALSE(lexicon.conditions().empty());
    // The same bytes as data/lexicon/ in the source tree (rebuilt whenever they change).
    CHECK(Lexicon::load(qaindex::test::source_dir() / "data" / "lexicon").fingerprint() ==
          lexicon.fingerprint());

    for (const qaindex::Symptom& symptom : lexicon.symptoms()) {
        CAPTURE(symptom.id);
        CHECK(lexicon.find_symptom(symptom.id) == &symptom);
        for (const std::string& specialty : symptom.specialties) {
            CHECK(lexicon.canonical_specialty(specialty) == specialty);
        }
    }
    for (const qaindex::Condition& condition : lexicon.conditions()) {
        CAPTURE(condition.id);
        CHECK(lexicon.find_condition(condition.id) == &condition);
    }
}

TEST_CASE("The built-in lexicon knows the project's specialties", "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    // The canonical names of LEXICON_FORMAT.md map to themselves.
    for (const char* name : {"Neurology",
                             "Cardiology",
                             "Dermatology",
                             "Gastroenterology",
                             "Otolaryngology",
                             "Ophthalmology",
                             "Orthopedics",
                             "Pediatrics",
                             "Psychiatry",
                             "Obstetrics and Gynecology",
                             "Urology",
                             "Family Medicine",
                             "Endocrinology",
                             "Pulmonology",
                             "Rheumatology",
                             "Nephrology",
                             "Internal Medicine",
                             "Oncology",
                             "Hematology",
                             "Infectious Disease",
                             "Allergy and Immunology",
                             "Dentistry",
                             "General Surgery",
                             "Rehabilitation Medicine",
                             "Emergency Medicine",
                             "Geriatrics",
                             "Genetics",
                             "Hepatology"}) {
        CAPTURE(name);
        CHECK(lexicon.canonical_specialty(name) == name);
    }
    struct Row {
        const char* text;
        const char* expected;
    };
    const Row rows[] = {
        {"neurology", "Neurology"},
        {"Neurologist", "Neurology"},
        {"Dept. of Neurology", "Neurology"},
        {"Department of Neurology", "Neurology"},
        {"neuro", "Neurology"},
        {"神經內科", "Neurology"},
        {"神经科", "Neurology"},
        // The departments of the zh-consultations sample.
        {"肝病科", "Hepatology"},
        {"消化科", "Gastroenterology"},
        {"心血管科", "Cardiology"},
        {"内分泌科", "Endocrinology"},
        {"呼吸科", "Pulmonology"},
        {"肾内科", "Nephrology"},
        {"感染科", "Infectious Disease"},
        {"血液科", "Hematology"},
        {"普通内科", "Internal Medicine"},
        {"风湿免疫科", "Rheumatology"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(lexicon.canonical_specialty(row.text) == row.expected);
    }
    CHECK(lexicon.canonical_specialty("no such specialty") == std::nullopt);
}

TEST_CASE("The built-in lexicon tags the reference consultation's question", "[lexicon]") {
    QAINDEX_REQUIRE_SHARED("reference/000_9ccf1e5a58cd5c5b.txt");
    const std::string page = qaindex::test::read_file(qaindex::test::shared_dir() /
                                                      "reference/000_9ccf1e5a58cd5c5b.txt");
    // The page: a title line, the question, then the asker's line with "Ask Date:".
    const std::size_t question_begin = page.find('\n') + 1;
    const std::size_t asker_line = page.rfind('\n', page.find("Ask Date:"));
    REQUIRE(question_begin < asker_line);
    const std::string question = page.substr(question_begin, asker_line - question_begin);
    REQUIRE_THAT(question, Catch::Contains("facial twitching"));

    const Lexicon& lexicon = Lexicon::builtin();
    Analyzer analyzer;
    std::vector<std::string> ids;
    for (const Mention& mention : lexicon.find_mentions(analyzer.analyze(question))) {
        CHECK_FALSE(mention.negated);
        ids.push_back(mention.id);
    }
    CAPTURE(ids);
    const qaindex::Symptom* eyelid = lexicon.find_symptom("eyelid twitching");
    REQUIRE(eyelid != nullptr);
    CHECK(contains(ids, eyelid->id));
    const qaindex::Symptom* twitching = lexicon.find_symptom("facial twitching");
    const qaindex::Symptom* spasm = lexicon.find_symptom("facial spasm");
    REQUIRE((twitching != nullptr || spasm != nullptr));
    CHECK(((twitching != nullptr && contains(ids, twitching->id)) ||
           (spasm != nullptr && contains(ids, spasm->id))));
    CHECK(lexicon.canonical_specialty("Neurology") == "Neurology");
}
