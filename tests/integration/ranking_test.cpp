// SPDX-License-Identifier: Apache-2.0
// The ranking's failure classes of issue 18, each as a small collection of NIH-style FAQ
// entries and a lay question: the entry a clinician would give the asker must come first (or
// above the one that used to beat it), for search and for Similar Q&A of the new question.
#include <catch2/catch.hpp>

#include "search/scoring.hpp"
#include "search/search_fixtures.hpp"

namespace {

using qaindex::Consultation;
using qaindex::SearchResults;
using qaindex::test::Backend;
using qaindex::test::FixtureIndex;
using qaindex::test::rank_of;

Consultation faq(std::string id, std::string title, std::string question, std::string reply) {
    return qaindex::test::consultation(std::move(id), std::move(title), std::move(question),
                                       "Family Medicine", "NIH", std::move(reply), {2017, 5, 1});
}

std::vector<Consultation> faq_collection() {
    return {
        faq("anemia/symptoms", "Anemia", "What are the symptoms of Anemia?",
            "The most common symptom of anemia is fatigue. Other signs and symptoms include "
            "shortness of breath, dizziness, headache, cold hands and feet, pale skin and chest "
            "pain. Mild anemia may cause no symptoms at all."),
        faq("anemia/treatments", "Anemia", "What are the treatments for Anemia?",
            "Treatment depends on the type, cause and severity: iron or vitamin supplements, "
            "changes in diet, medicines, blood transfusions or, rarely, surgery."),
        faq("headache/what", "Headache", "What is Headache?",
            "Almost everyone has a headache at some point. Tension headaches are the most "
            "common; migraine and cluster headaches are other kinds. A headache can also be a "
            "symptom of another condition."),
        faq("fainting/what", "Fainting", "What is Fainting?",
            "Fainting is a short loss of consciousness caused by a drop in blood flow to the "
            "brain. The person usually recovers within minutes."),
        faq("glaucoma/what", "Glaucoma", "What is Glaucoma?",
            "Glaucoma is a group of diseases that damage the optic nerve and can lead to vision "
            "loss and blindness, often with high pressure in the eye."),
        faq("glaucoma/treatments", "Glaucoma", "What are the treatments for Glaucoma?",
            "Glaucoma is treated with medicines, usually eye drops, laser trabeculoplasty or "
            "conventional surgery. None of these can restore vision already lost."),
        faq("glaucoma/after-laser", "Glaucoma",
            "Is there treatment after laser surgery for glaucoma?",
            "Yes. The effect of laser surgery may wear off over time. Eye drops can be started "
            "again, the laser repeated, or conventional surgery done if the pressure rises."),
        faq("pemphigoid/what", "Pemphigoid", "What is Pemphigoid?",
            "Pemphigoid is a rare autoimmune disease that causes large fluid-filled blisters on "
            "the skin, mostly in older adults."),
        faq("pemphigoid/treatments", "Pemphigoid", "What are the treatments for Pemphigoid?",
            "Corticosteroid creams or pills and other drugs that calm the immune system heal "
            "the blisters in most people."),
        faq("ocular-cicatricial-pemphigoid/what", "Ocular cicatricial pemphigoid",
            "What is ocular cicatricial pemphigoid?",
            "Ocular cicatricial pemphigoid is an autoimmune disease of the conjunctiva that "
            "leads to scarring of the eye surface, dry eyes and, untreated, blindness. It is "
            "treated with drugs that suppress the immune system."),
        faq("dry-eye/what", "Dry eye", "What is Dry eye?",
            "Dry eye happens when the eyes do not make enough tears or the tears dry too fast."),
        faq("iron/foods", "Iron in diet", "Which foods are rich in iron?",
            "Red meat, beans, lentils, spinach and fortified cereals are good sources of iron."),
    };
}

// The rank of better is above that of worse, for search and for Similar Q&A of the text.
void check_above(qaindex::Searcher& searcher, const std::string& text, const std::string& better,
                 const std::string& worse) {
    INFO(text);
    const SearchResults search = searcher.search({.text = text, .limit = 20});
    const SearchResults similar = searcher.similar({.text = text, .limit = 20});
    INFO("search: " << rank_of(search, better) << " against " << rank_of(search, worse));
    CHECK(rank_of(search, better) < rank_of(search, worse));
    INFO("similar: " << rank_of(similar, better) << " against " << rank_of(similar, worse));
    CHECK(rank_of(similar, better) < rank_of(similar, worse));
}

}  // namespace

TEST_CASE("The subject line outweighs a symptom named in passing", "[integration][ranking]") {
    FixtureIndex index(Backend::Memory, faq_collection());
    const std::string question =
        "symptoms of anemia. When my iron is low do people get headaches before they faint?";
    check_above(index.searcher(), question, "anemia/symptoms", "headache/what");
    check_above(index.searcher(), question, "anemia/symptoms", "fainting/what");
}

TEST_CASE("Words that narrow the question count: the specific entry beats the generic one",
          "[integration][ranking]") {
    FixtureIndex index(Backend::Memory, faq_collection());
    check_above(index.searcher(),
                "My mother had laser surgery for glaucoma last year. Is there any treatment now "
                "that her eye pressure is up again?",
                "glaucoma/after-laser", "glaucoma/treatments");
}

TEST_CASE("A longer condition name beats the one word of it the lexicon knows",
          "[integration][ranking]") {
    FixtureIndex index(Backend::Memory, faq_collection());
    for (const char* question :
         {"What is ocular cicatricial pemphigoid?",
          "my doctor says I have ocular cicatricial pemphigoid, how is it treated?",
          "ocular cicatricial pemphigoid"}) {
        check_above(index.searcher(), question, "ocular-cicatricial-pemphigoid/what",
                    "pemphigoid/treatments");
        check_above(index.searcher(), question, "ocular-cicatricial-pemphigoid/what",
                    "pemphigoid/what");
    }
}

TEST_CASE(
    "Explaining a long question gives every hit's score parts, weighed for long questions, and "
    "changes no rank",
    "[integration][ranking]") {
    FixtureIndex index(Backend::Memory, faq_collection());
    // Long enough (24 content words and more) to be weighed as a long question alone (brevity 0).
    const std::string question =
        "My mother is seventy and had laser surgery for glaucoma in both eyes two years ago, "
        "and now the doctor says her eye pressure is high again and she may lose vision. What "
        "treatment can she have after the laser, and is surgery safe at her age? She also has "
        "diabetes, high blood pressure and arthritis in her knees, and takes metformin, "
        "lisinopril and ibuprofen every morning.";
    for (const bool similar : {false, true}) {
        INFO((similar ? "similar" : "search"));
        const auto run = [&](bool explain) {
            return similar ? index.searcher().similar(
                                 {.text = question, .limit = 10, .explain = explain})
                           : index.searcher().search(
                                 {.text = question, .limit = 10, .explain = explain});
        };
        const SearchResults plain = run(false);
        const SearchResults explained = run(true);
        REQUIRE_FALSE(explained.hits.empty());
        CHECK(qaindex::test::ids(explained) == qaindex::test::ids(plain));
        for (const qaindex::Hit& hit : explained.hits) {
            INFO(hit.id.value);
            REQUIRE(hit.explanation);
            REQUIRE(hit.explanation->parts.size() == qaindex::detail::kFeatureCount);
            CHECK(hit.explanation->brevity == 0);
            // A new question's Similar Q&A is ranked as its search.
            const auto& weights = qaindex::detail::ScoringModel::builtin().search.long_questions;
            double sum = 0;
            for (std::size_t i = 0; i < weights.size(); ++i) {
                CHECK(hit.explanation->parts[i].weight == weights[i]);
                sum += hit.explanation->parts[i].weight * hit.explanation->parts[i].value;
            }
            CHECK(hit.score == Approx(sum));
        }
    }
}

TEST_CASE("Similar Q&A of a new question ranks as its search, of an entry by the similar weights",
          "[integration][ranking]") {
    FixtureIndex index(Backend::Memory, faq_collection());
    const qaindex::detail::ScoringModel& model = qaindex::detail::ScoringModel::builtin();
    // Short (brevity 1), so the fitted search-short weights differ from the similar ones.
    REQUIRE(model.search.short_questions != model.similar.short_questions);
    const std::string question = "treatment for glaucoma after laser surgery";
    const SearchResults search = index.searcher().search(
        {.text = question, .limit = 10, .explain = true, .collapse = false});
    const SearchResults similar = index.searcher().similar(
        {.text = question, .limit = 10, .explain = true, .collapse = false});
    REQUIRE(search.hits.size() >= 3);
    CHECK(qaindex::test::ids(similar) == qaindex::test::ids(search));
    for (std::size_t i = 0; i < search.hits.size() && i < similar.hits.size(); ++i) {
        INFO(search.hits[i].id.value);
        CHECK(similar.hits[i].score == Approx(search.hits[i].score));
        REQUIRE(similar.hits[i].explanation);
        CHECK(similar.hits[i].explanation->brevity == 1);
        for (std::size_t f = 0; f < qaindex::detail::kFeatureCount; ++f) {
            CHECK(similar.hits[i].explanation->parts[f].weight == model.search.short_questions[f]);
        }
    }
    const SearchResults of_entry = index.searcher().similar(
        {.id = qaindex::EntryId{"glaucoma/after-laser"}, .limit = 5, .explain = true});
    REQUIRE_FALSE(of_entry.hits.empty());
    const qaindex::Explanation& explained = *of_entry.hits[0].explanation;
    const qaindex::detail::Weights weights = model.similar.blend(explained.brevity);
    for (std::size_t f = 0; f < qaindex::detail::kFeatureCount; ++f) {
        CHECK(explained.parts[f].weight == weights[f]);
    }
}

TEST_CASE(
    "A clinician's question is about its question, not the patient's age, the story or a "
    "quotation",
    "[integration][ranking]") {
    auto clinical = [](std::string id, std::string question) {
        return faq(std::move(id), "", std::move(question), "");
    };
    FixtureIndex index(Backend::Memory,
                       {
                           clinical("paget",
                                    "50-year-old man with Paget's disease. Should I "
                                    "treat medically?"),
                           clinical("memory",
                                    "Why do women over 30 complain of difficulty "
                                    "remembering?"),
                           clinical("vaccine",
                                    "Should I give a pneumococcal vaccine to a "
                                    "15-month-old?"),
                           clinical("fluoride", "Should she be on fluoride?"),
                           clinical("chest",
                                    "40-50-year-old men with chest wall pain, how much "
                                    "workup is needed?"),
                           clinical("rash", "What is this rash on a 15-month-old's legs?"),
                           clinical("thyroid", "What is the dose of thyroxine for a woman?"),
                           clinical("cough", "Why does this child keep coughing at night?"),
                           clinical("torsion", "What is testicular torsion?"),
                           clinical("torsion-damage", "How much damage is there to the testicle?"),
                           clinical("lomotil", "What is the dose of Lomotil?"),
                           clinical("diarrhea", "What causes diarrhea in a woman?"),
                       });
    // The age as a rare compound ("50yearold") and the quoted question as a phrase found
    // nowhere word for word made the age the match.
    check_above(index.searcher(),
                "50-year-old woman. \"Why does every woman over age 30 complain of trouble "
                "remembering things?\"",
                "memory", "paget");
    check_above(index.searcher(),
                "15-month-old girl. The mother asked if she should be on fluoride supplements.",
                "fluoride", "vaccine");
    // The sentence that asks says what is wanted; the story names the condition.
    check_above(index.searcher(),
                "A patient has neonatal testicular torsion after a difficult delivery. How much "
                "damage is there to the other testicle?",
                "torsion-damage", "torsion");
    // A short quoted question is a quotation, not a phrase found nowhere.
    check_above(index.searcher(), "45-year-old woman with diarrhea. \"What is dosing on Lomotil?\"",
                "lomotil", "diarrhea");
}
