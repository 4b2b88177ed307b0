// SPDX-License-Identifier: Apache-2.0
// Tests of the second stage of ranking: features worked by hand, and the weights file.
#include "search/scoring.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "search/ranking.hpp"

namespace schema = qaindex::schema;
using qaindex::detail::Feature;
using qaindex::detail::FeatureScorer;
using qaindex::detail::FeatureVector;
using qaindex::detail::QueryProfile;
using qaindex::detail::ScoredCandidate;
using qaindex::detail::ScoringModel;

namespace {

double at(const FeatureVector& features, Feature feature) {
    return features[static_cast<std::size_t>(feature)];
}

// An index of 100 entries where "glaucoma" is in 10, "laser" in 5, "treatment" in 50, every
// other stem in none (only the document frequencies matter to the features).
Xapian::WritableDatabase frequencies() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (unsigned i = 0; i < 100; ++i) {
        Xapian::Document document;
        document.add_term("Zfiller");
        if (i < 10) {
            document.add_term("Zglaucoma");
        }
        if (i < 5) {
            document.add_term("Zlaser");
            document.add_boolean_term("XCglaucoma");
        }
        if (i < 50) {
            document.add_term("Ztreatment");
        }
        db.add_document(document);
    }
    return db;
}

// The features of one candidate among others whose best first-stage weight is best.
FeatureVector one(FeatureScorer& scorer, const Xapian::Database& db, const QueryProfile& query,
                  const schema::EntryProfile& entry, double first_stage, double best) {
    const auto all = scorer.features(
        db, query, {ScoredCandidate{entry, first_stage}, ScoredCandidate{{}, best}});
    return all.front();
}

}  // namespace

TEST_CASE("Features of a candidate, worked by hand", "[search]") {
    const auto db = frequencies();
    const double glaucoma = std::log(100.0 / 10);
    const double laser = std::log(100.0 / 5);
    const double treatment = std::log(100.0 / 50);

    QueryProfile query;
    query.words = {{.stem = "glaucoma", .focus = true},
                   {.stem = "laser"},
                   {.stem = "treatment", .weight = 0.5}};
    query.pairs = {{"laser", "treatment"}, {"treatment", "glaucoma"}};
    query.concepts = {"XCglaucoma"};
    query.focus_concepts = {"XCglaucoma"};
    query.kinds = {"treatment"};

    // "Glaucoma" / "Is there treatment after laser surgery for glaucoma?"
    schema::EntryProfile specific{.title = {"glaucoma"},
                                  .question = {"treatment", "laser", "surgeri", "glaucoma"},
                                  .question_length = 4,
                                  .title_concepts = {"XCglaucoma"},
                                  .concepts = {"XCglaucoma"},
                                  .kinds = {"treatment"}};
    FeatureScorer scorer;
    const FeatureVector f = one(scorer, db, query, specific, 5.0, 10.0);
    const double total = glaucoma + laser + 0.5 * treatment;
    CHECK(at(f, Feature::FirstStage) == Approx(0.5));
    CHECK(at(f, Feature::Coverage) == Approx(1.0));
    CHECK(at(f, Feature::TitleCoverage) == Approx(glaucoma / total));
    CHECK(at(f, Feature::FocusCoverage) == Approx(1.0));
    // "surgeri" is in no entry: it weighs nothing, so the query holds all the entry's weight.
    CHECK(at(f, Feature::Precision) == Approx(1.0));
    CHECK(at(f, Feature::TitlePrecision) == Approx(1.0));
    CHECK(at(f, Feature::ConceptOverlap) == Approx(1.0));
    CHECK(at(f, Feature::FocusConcept) == Approx(1.0));
    CHECK(at(f, Feature::ForeignConcepts) == Approx(0.0));
    CHECK(at(f, Feature::KindMatch) == 1);
    CHECK(at(f, Feature::KindMismatch) == 0);
    CHECK(at(f, Feature::KindUnasked) == 0);
    // "laser ... treatment" is not in that order; "treatment laser surgeri glaucoma" has
    // glaucoma three stems after treatment, beyond the window.
    CHECK(at(f, Feature::Proximity) == Approx(0.0));
    CHECK(at(f, Feature::Length) == Approx(std::log(1.0 + 1 + 4)));

    // An untitled FAQ: "What causes glaucoma ?" — its question is its headline.
    schema::EntryProfile other{.question = {"caus", "glaucoma", "treatment", "laser"},
                               .question_length = 4,
                               .concepts = {"XCglaucoma", "XSpain"},
                               .kinds = {"cause"}};
    const FeatureVector g = one(scorer, db, query, other, 10.0, 10.0);
    CHECK(at(g, Feature::FirstStage) == Approx(1.0));
    CHECK(at(g, Feature::TitleCoverage) == Approx(1.0));
    CHECK(at(g, Feature::FocusCoverage) == Approx(1.0));
    CHECK(at(g, Feature::ForeignConcepts) == Approx(0.5));  // XSpain of two
    CHECK(at(g, Feature::KindMatch) == 0);
    CHECK(at(g, Feature::KindMismatch) == 1);
    // "treatment laser" holds neither pair in the query's order; "glaucoma treatment" is not
    // "treatment glaucoma".
    CHECK(at(g, Feature::Proximity) == Approx(0.0));

    // Only part of the query: the focus word missing.
    schema::EntryProfile unfocused{.title = {"laser", "treatment"},
                                   .question = {"laser", "treatment", "eye"},
                                   .question_length = 3};
    const FeatureVector h = one(scorer, db, query, unfocused, 1.0, 10.0);
    CHECK(at(h, Feature::Coverage) == Approx((laser + 0.5 * treatment) / total));
    CHECK(at(h, Feature::FocusCoverage) == Approx(0.0));
    CHECK(at(h, Feature::ConceptOverlap) == Approx(0.0));
    CHECK(at(h, Feature::FocusConcept) == Approx(0.0));
    CHECK(at(h, Feature::Proximity) ==
          Approx(laser > treatment ? treatment / (2 * treatment) : laser / (laser + treatment)));
    const QueryProfile what_is{.words = {{.stem = "glaucoma"}}};
    CHECK(at(one(scorer, db, what_is, specific, 1, 1), Feature::KindUnasked) == 1);
}

TEST_CASE("An entry's own profile is the query of its Similar Q&A", "[search]") {
    const schema::EntryProfile entry{.title = {"glaucoma"},
                                     .question = {"_what", "treatment", "_for", "glaucoma"},
                                     .title_concepts = {"XCglaucoma"},
                                     .concepts = {"XCglaucoma", "XSpain"},
                                     .kinds = {"treatment"}};
    const QueryProfile query = qaindex::detail::entry_query_profile(entry);
    REQUIRE(query.words.size() == 2);
    CHECK(query.words[0].stem == "glaucoma");
    CHECK(query.words[0].focus);
    CHECK(query.words[1].stem == "treatment");
    CHECK_FALSE(query.words[1].focus);
    CHECK(query.pairs ==
          std::vector<std::pair<std::string, std::string>>{{"treatment", "glaucoma"}});
    CHECK(query.focus_concepts == std::vector<std::string>{"XCglaucoma"});
    CHECK(query.concepts == entry.concepts);
    CHECK(query.kinds == entry.kinds);
    CHECK(query.text_words ==
          std::vector<std::string>{"glaucoma", "_what", "treatment", "_for", "glaucoma"});
}

TEST_CASE("Plain BM25 weighs every word but the classic stop words, as Lucene would", "[search]") {
    // 100 entries: "what" (a stop word here, so indexed as a word only) in 60, "glaucoma" in 10.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (unsigned i = 0; i < 100; ++i) {
        Xapian::Document document;
        if (i < 60) {
            document.add_term("what");
        }
        if (i < 10) {
            document.add_term("Zglaucoma");
        }
        db.add_document(document);
    }
    const QueryProfile query{.words = {{.stem = "glaucoma"}},
                             .text_words = {"_what", "_is", "glaucoma"}};
    const schema::EntryProfile a{.question = {"_what", "_is", "glaucoma"}};
    const schema::EntryProfile b{.question = {"_is", "glaucoma", "_the", "eye", "diseas"}};
    FeatureScorer scorer;
    const auto features = scorer.features(db, query, {{a, 1}, {b, 1}});
    auto bm25 = [](double n, double tf, double length, double mean) {
        const double idf = std::log(1 + (100 - n + 0.5) / (n + 0.5));
        return idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / mean));
    };
    // Lengths without "is" and "the": 2 and 3, mean 2.5.
    const double score_a = bm25(60, 1, 2, 2.5) + bm25(10, 1, 2, 2.5);
    const double score_b = bm25(10, 1, 3, 2.5);
    REQUIRE(score_a > score_b);
    CHECK(at(features[0], Feature::PlainBm25) == Approx(1.0));
    CHECK(at(features[1], Feature::PlainBm25) == Approx(score_b / score_a));
}

TEST_CASE("The score is the weighted sum of the features", "[search]") {
    qaindex::detail::Weights weights{};
    FeatureVector features{};
    weights[0] = 2;
    features[0] = 0.5;
    weights[3] = -1;
    features[3] = 0.25;
    CHECK(FeatureScorer::score(weights, features) == Approx(0.75));
}

TEST_CASE("The compiled-in weights load, one per feature and use", "[search]") {
    const ScoringModel& model = ScoringModel::builtin();
    CHECK(&model == &ScoringModel::builtin());
    // The first stage is always part of the model: without it the second stage would rank
    // candidates by their words alone.
    for (const auto* use : {&model.search, &model.similar}) {
        CHECK(use->short_questions[0] > 0);
        CHECK(use->long_questions[0] > 0);
    }
}

TEST_CASE("A bad weights file names its line", "[search]") {
    std::string all;
    double weight = 0;
    for (const char* use : {"search-short", "search-long", "similar-short", "similar-long"}) {
        weight += 1;
        for (std::size_t i = 0; i < qaindex::detail::kFeatureCount; ++i) {
            all += std::string(use) + "\t" +
                   std::string(qaindex::detail::feature_name(static_cast<Feature>(i))) + "\t" +
                   std::to_string(static_cast<int>(weight)) + "\n";
        }
    }
    const std::string header = "# comment\nuse\tfeature\tweight\n";
    const ScoringModel model = ScoringModel::parse(header + all, "w.tsv");
    CHECK(model.search.short_questions[5] == 1);
    CHECK(model.search.long_questions[5] == 2);
    CHECK(model.similar.short_questions[5] == 3);
    CHECK(model.similar.long_questions[5] == 4);

    struct Case {
        std::string text;
        std::string message;
    };
    const std::vector<Case> cases{
        {"", "w.tsv:1: no header"},
        {"use\tweight\n", "w.tsv:1: expected 3"},
        {"a\tb\tc\n", "w.tsv:1: expected the header"},
        {header + "rank\tcoverage\t1\n", "w.tsv:3: unknown use \"rank\""},
        // The one-model file of before the split by question length.
        {header + "search\tcoverage\t1\n", "w.tsv:3: unknown use \"search\""},
        {header + "search-short\tcolour\t1\n", "w.tsv:3: unknown feature \"colour\""},
        {header + "search-short\tcoverage\tx\n", "w.tsv:3: bad weight \"x\""},
        {header + "search-long\tcoverage\t1\nsearch-long\tcoverage\t2\n",
         "w.tsv:4: feature \"coverage\" given twice for search-long"},
        {header + "search-short\tcoverage\t1\n",
         "w.tsv: no weight for feature \"first_stage\" of search-short"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        try {
            (void)ScoringModel::parse(c.text, "w.tsv");
            FAIL("no error");
        } catch (const qaindex::InputError& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.message));
        }
    }
}

TEST_CASE("Words of kinds of answer are left to the kind features", "[search]") {
    const auto db = frequencies();
    QueryProfile query;
    query.words = {{.stem = "glaucoma"}, {.stem = "treatment"}};
    query.pairs = {{"glaucoma", "treatment"}};
    // "How is glaucoma treated?": "treat" is not "treatment", but both say what is asked.
    const schema::EntryProfile treated{.question = {"glaucoma", "treat"}, .question_length = 2};
    FeatureScorer plain;
    FeatureScorer kinds({"treat", "treatment"});
    CHECK(at(one(plain, db, query, treated, 1, 1), Feature::Coverage) < 1.0);
    CHECK(at(one(kinds, db, query, treated, 1, 1), Feature::Coverage) == Approx(1.0));
    CHECK(at(one(kinds, db, query, treated, 1, 1), Feature::Precision) == Approx(1.0));
    // The pair holds a kind word: there is none left to look for.
    CHECK(at(one(kinds, db, query, treated, 1, 1), Feature::Proximity) == 0);
}

TEST_CASE("A query's brevity blends the weights for short and long questions", "[search]") {
    using namespace qaindex::detail::ranking;
    const auto db = frequencies();
    const schema::EntryProfile entry{.question = {"glaucoma"}, .question_length = 1};
    auto with_words = [&](std::size_t count) {
        QueryProfile query;
        query.words.push_back({.stem = "glaucoma"});
        for (std::size_t i = 1; i < count; ++i) {
            query.words.push_back({.stem = "w" + std::to_string(i)});  // in no entry
        }
        return query;
    };
    FeatureScorer scorer({"treatment"});
    const std::size_t middle = (kShortQuestionWords + kLongQuestionWords) / 2;
    CHECK(scorer.brevity(with_words(1)) == 1);
    CHECK(scorer.brevity(with_words(kShortQuestionWords)) == 1);
    CHECK(scorer.brevity(with_words(middle)) ==
          Approx(static_cast<double>(kLongQuestionWords - middle) /
                 static_cast<double>(kLongQuestionWords - kShortQuestionWords)));
    CHECK(scorer.brevity(with_words(kLongQuestionWords)) == 0);
    CHECK(scorer.brevity(with_words(kLongQuestionWords * 2)) == 0);
    // Words of kinds of answer do not make a question longer.
    QueryProfile asked = with_words(kShortQuestionWords);
    asked.words.push_back({.stem = "treatment"});
    CHECK(scorer.brevity(asked) == 1);

    // A long question's features are computed as a short one's: the weights tell them apart.
    const auto short_features = one(scorer, db, with_words(kShortQuestionWords), entry, 1, 2);
    const auto long_features = one(scorer, db, with_words(kLongQuestionWords), entry, 1, 2);
    CHECK(at(short_features, Feature::Coverage) == Approx(1.0));  // the others weigh nothing
    CHECK(at(long_features, Feature::Coverage) == Approx(1.0));
    CHECK(at(long_features, Feature::FirstStage) == Approx(0.5));

    qaindex::detail::UseWeights use;
    use.short_questions[0] = 1;
    use.short_questions[2] = 4;
    use.long_questions[0] = 3;
    const auto half = use.blend(0.25);
    CHECK(half[0] == Approx(0.25 * 1 + 0.75 * 3));
    CHECK(half[2] == Approx(0.25 * 4));
    CHECK(use.blend(1) == use.short_questions);
    CHECK(use.blend(0) == use.long_questions);
    CHECK(qaindex::detail::first_stage_alone(use.long_questions));
    CHECK_FALSE(qaindex::detail::first_stage_alone(use.short_questions));
}
