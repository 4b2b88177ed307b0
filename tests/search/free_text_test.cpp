// SPDX-License-Identifier: Apache-2.0
// Tests of free-text analysis: boilerplate, subject line, negation, question kinds, synonyms.
#include "search/free_text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "index/index_writer_impl.hpp"
#include "index/schema.hpp"
#include "qaindex/index_writer.hpp"
#include "search/query_builder.hpp"
#include "search/ranking.hpp"
#include "search/search_fixtures.hpp"

using qaindex::detail::FreeTextAnalyzer;
using qaindex::detail::FreeTextQuery;

namespace {

struct Setup {
    Setup() : writer(qaindex::IndexWriter::in_memory()) {
        for (const auto& entry : qaindex::test::fixture_consultations()) {
            writer.add_or_replace(entry);
        }
    }
    FreeTextQuery analyse(const std::string& text, bool expand = true) {
        return free_text.analyse(text, database(), expand, false);
    }
    Xapian::WritableDatabase& database() {
        return qaindex::detail::IndexWriterAccess::impl(writer).database;
    }
    qaindex::IndexWriter writer;
    qaindex::Analyzer analyzer;
    std::shared_ptr<const qaindex::detail::LexiconIndex> index =
        qaindex::detail::LexiconIndex::of_builtin();
    FreeTextAnalyzer free_text{analyzer, qaindex::Lexicon::builtin(), *index};
};

double weight_of(const FreeTextQuery& query, const std::string& term) {
    for (const auto& t : query.terms) {
        if (t.term == term) {
            return t.weight;
        }
    }
    return 0;
}

// token_weights' weight of the first token written term in text; -1 when there is none.
double token_weight(const qaindex::detail::QueryText& text, const std::string& term) {
    const auto weight = FreeTextAnalyzer::token_weights(text);
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        if (text.tokens[i].term == term) {
            return weight[i];
        }
    }
    return -1.0;
}

bool has_alternative(const FreeTextQuery& query, const std::string& to) {
    return std::any_of(query.expansions.begin(), query.expansions.end(), [&](const auto& group) {
        return std::any_of(group.alternatives.begin(), group.alternatives.end(),
                           [&](const auto& a) { return a.to == to; });
    });
}

}  // namespace

TEST_CASE("Consultation boilerplate is dropped, the same words elsewhere are kept", "[search]") {
    Setup setup;
    const auto polite =
        setup.analyse("Hello doctor, I would like to know why my hand shakes. Thank you!");
    CHECK(weight_of(polite, "Zhand") > 0);
    CHECK(weight_of(polite, "Zshake") > 0);
    for (const std::string dropped : {"Zhello", "Zdoctor", "Zlike", "Zknow", "Zthank"}) {
        INFO(dropped);
        CHECK(weight_of(polite, dropped) == 0);
    }
    const auto plain = setup.analyse("I do not know why my hand shakes");
    CHECK(weight_of(plain, "Zknow") > 0);
    // Nothing but courtesy is still searched, unless it is all stop words.
    CHECK(weight_of(setup.analyse("sincerely appreciated"), "Zsincer") > 0);
    CHECK(setup.analyse("thank you").empty());
}

TEST_CASE("The subject line of a pasted question weighs more", "[search]") {
    Setup setup;
    const auto query =
        setup.analyse("Stairs. I am 55 and when I climb them at home my legs get heavy.");
    CHECK(weight_of(query, "Zstair") > weight_of(query, "Zhome"));
    // A single sentence has no subject line.
    const auto single = setup.analyse("stairs at home");
    CHECK(weight_of(single, "Zstair") == Approx(weight_of(single, "Zhome")));
}

TEST_CASE("Negated symptoms weigh less, repeated words more", "[search]") {
    Setup setup;
    const auto query = setup.analyse("I have a headache but no fever, the headache is bad");
    CHECK(weight_of(query, "Zfever") > 0);
    CHECK(weight_of(query, "Zfever") < weight_of(query, "Zheadach"));
    const auto once = setup.analyse("tired stairs");
    const auto twice = setup.analyse("tired stairs stairs");
    CHECK(weight_of(twice, "Zstair") > weight_of(once, "Zstair"));
}

TEST_CASE("Stop words alone are nothing to search for", "[search]") {
    Setup setup;
    for (const char* text : {"to be or not to be", "the and of", "what is it?", ""}) {
        INFO(text);
        const auto query = setup.analyse(text);
        CHECK(query.empty());
        CHECK(query.query().empty());
    }
}

TEST_CASE("A long question keeps at most its strongest words", "[search]") {
    Setup setup;
    std::string text;
    for (const std::string word :
         {"eyelid",   "twitching", "ringing", "ears",       "concert",   "antibiotics", "tinnitus",
          "chest",    "pain",      "stairs",  "infarction", "father",    "exercise",    "rash",
          "cream",    "arms",      "itched",  "eczema",     "elbows",    "winter",      "migraine",
          "nausea",   "period",    "diary",   "tired",      "afternoon", "thyroid",     "cheek",
          "caffeine", "coffee",    "nerve",   "tension",    "months",    "examination", "computer",
          "evening",  "muscle",    "hearing", "noise"}) {
        text += word + " ";
    }
    const auto query = setup.analyse(text, false);
    CHECK(query.terms.size() == qaindex::detail::ranking::kMaxQueryTerms);
    // The strongest words are looked for everywhere, the others in titles and questions.
    for (std::size_t i = 0; i < query.terms.size(); ++i) {
        INFO(query.terms[i].term);
        CHECK(query.terms[i].questions_only == (i >= qaindex::detail::ranking::kFullTextWords));
    }
    const std::string description = query.query().get_description();
    CHECK(description.find("ZXQ") != std::string::npos);
    // A short query looks everywhere.
    for (const auto& term : setup.analyse("eyelid twitching").terms) {
        CHECK_FALSE(term.questions_only);
    }
}

TEST_CASE("Question kinds add their other words", "[search]") {
    Setup setup;
    const auto cure = setup.analyse("Is there a cure for tinnitus?");
    CHECK(has_alternative(cure, "treat"));
    CHECK(has_alternative(cure, "treatment"));
    CHECK_FALSE(has_alternative(cure, "cure"));  // the user's own word is searched as such
    const auto why = setup.analyse("why do my ears ring");
    CHECK(has_alternative(why, "cause"));
    CHECK_FALSE(setup.analyse("Is there a cure for tinnitus?", false).expansions.size() > 0);
}

TEST_CASE("Named symptoms are searched as concepts, word synonyms matched exactly", "[search]") {
    Setup setup;
    const qaindex::Symptom* tinnitus = qaindex::Lexicon::builtin().find_symptom("tinnitus");
    REQUIRE(tinnitus != nullptr);
    const std::string concept_term =
        qaindex::schema::concept_term(qaindex::schema::kSymptom, tinnitus->id);
    auto searches_tinnitus = [&](const FreeTextQuery& query) {
        return std::find(query.concept_terms.begin(), query.concept_terms.end(), concept_term) !=
               query.concept_terms.end();
    };
    // Lay and clinical words search the same concept, not each other's phrases.
    const auto lay = setup.analyse("ringing in my ears");
    REQUIRE_FALSE(lay.mentions.empty());
    CHECK(searches_tinnitus(lay));
    CHECK_FALSE(has_alternative(lay, "tinnitus"));
    // The concept's one-word forms are highlighted all the same, not the words of longer ones.
    CHECK(std::find(lay.secondary_stems.begin(), lay.secondary_stems.end(), "tinnitus") !=
          lay.secondary_stems.end());
    const auto facial = setup.analyse("facial twitching");
    CHECK(std::find(facial.secondary_stems.begin(), facial.secondary_stems.end(), "cheek") ==
          facial.secondary_stems.end());
    CHECK(searches_tinnitus(setup.analyse("tinnitus")));
    CHECK_FALSE(searches_tinnitus(setup.analyse("no ringing in my ears")));
    CHECK(setup.analyse("ringing in my ears", false).concept_terms.empty());

    // "working out" is exercise; "working" alone is not.
    const auto workout = setup.analyse("pain after working out");
    CHECK(has_alternative(workout, "exercise"));
    CHECK_FALSE(has_alternative(setup.analyse("pain after working all day"), "exercise"));
    // Expansions weigh less than the user's words.
    REQUIRE_FALSE(workout.expansions.empty());
    for (const auto& group : workout.expansions) {
        CHECK(group.weight < 1.0);
    }
}

TEST_CASE("Lexicon misspellings are corrected and searched", "[search]") {
    Setup setup;
    const auto query = setup.analyse("facial twiching");
    REQUIRE(query.corrections.size() == 1);
    CHECK(query.corrections.front().written == "twiching");
    CHECK(query.corrections.front().corrected == "twitching");
    CHECK(query.corrections.front().searched);
    CHECK(weight_of(query, "Ztwitch") > 0);
}

TEST_CASE("A known misspelling is searched as one term with the word meant", "[search]") {
    Setup setup;
    const auto query = setup.analyse("facial twiching");
    const auto twitch = std::find_if(query.terms.begin(), query.terms.end(),
                                     [](const auto& t) { return t.term == "Ztwitch"; });
    REQUIRE(twitch != query.terms.end());
    // Its exact form, not its stem ("weekness" must not find "weeks").
    CHECK(twitch->variants == std::vector<std::string>{"twiching"});
    // The written form is no term of its own, and weighs as the user's word, not less.
    CHECK(weight_of(query, "Ztwich") == 0);
    CHECK(twitch->weight == weight_of(query, "Zfacial"));
    CHECK(query.highlight_words == std::vector<std::string>{"twiching"});
    // One subquery: Xapian weighs both forms as one term (OP_SYNONYM).
    const Xapian::Query whole = query.query();
    std::size_t with_both = 0;
    for (std::size_t i = 0; i < whole.get_num_subqueries(); ++i) {
        const Xapian::Query part = whole.get_subquery(i);
        const std::set<std::string> terms(part.get_unique_terms_begin(),
                                          part.get_unique_terms_end());
        CHECK(terms.count("twiching") == terms.count("Ztwitch"));
        with_both += terms.count("twiching");
    }
    CHECK(with_both == 1);
    const auto parts = query.parts();
    CHECK(std::count_if(parts.begin(), parts.end(), [](const auto& part) {
              return part.terms == std::vector<std::string>{"Ztwitch", "twiching"};
          }) == 1);
    // Looked for in titles and questions only, the word is; its exact form has no field terms.
    qaindex::detail::WeightedTerm weak = *twitch;
    weak.questions_only = true;
    CHECK(weak.searched_terms() == std::vector<std::string>{"ZStwitch", "ZXQtwitch", "twiching"});

    // "weekness" (listed for weakness) is searched as weakness, not as "week".
    const auto weekness = setup.analyse("general weekness");
    CHECK(weight_of(weekness, "Zweek") == 0);
    CHECK(weight_of(weekness, "Zweak") > 0);
}

TEST_CASE("A real word is never corrected as a misspelling", "[search]") {
    Setup setup;
    // "cancer sore" is listed for canker sore, but cancer is a word of the lexicon's forms.
    CHECK(setup.analyse("breast cancer").corrections.empty());
    CHECK(setup.analyse("sores that won't heal").corrections.empty());  // "heal" for heel
    CHECK(weight_of(setup.analyse("breast cancer"), "Zcanker") == 0);
    // Still corrected: words no correct form holds.
    CHECK(setup.analyse("stomache ache").corrections.size() == 1);
}

TEST_CASE("A misspelling names its symptom as written, not by its stem", "[search]") {
    Setup setup;
    const qaindex::Symptom* weakness = qaindex::Lexicon::builtin().find_symptom("weakness");
    REQUIRE(weakness != nullptr);
    auto names_weakness = [&](const FreeTextQuery& query) {
        return std::any_of(query.mentions.begin(), query.mentions.end(),
                           [&](const auto& m) { return m.id == weakness->id; });
    };
    // "weekness" is listed as a misspelling of weakness; its stem is "week".
    CHECK_FALSE(names_weakness(setup.analyse("a rash for three weeks")));
    CHECK(names_weakness(setup.analyse("I feel weak all day")));
    CHECK(names_weakness(setup.analyse("general weekness")));
}

TEST_CASE("A symptom named across a word like \"keeps\" is searched as its concept", "[search]") {
    Setup setup;
    const auto& lexicon = qaindex::Lexicon::builtin();
    const auto ids = [&](const std::string& text) {
        std::vector<std::string> out;
        for (const auto& mention : setup.analyse(text).mentions) {
            out.push_back(mention.id);
        }
        return out;
    };
    const auto eyelid = ids("eyelid jumping");
    REQUIRE(eyelid.size() == 1);
    REQUIRE(lexicon.find_symptom(eyelid.front()) != nullptr);
    CHECK(ids("my eyelid keeps jumping") == eyelid);
    CHECK(ids("my eyelid suddenly started jumping") == eyelid);
    // A form that holds the word itself still names its concept.
    CHECK(ids("my eyelid keeps twitching") == eyelid);
    const std::string concept_term =
        qaindex::schema::concept_term(qaindex::schema::kSymptom, eyelid.front());
    const auto query = setup.analyse("for weeks my eyelid keeps jumping");
    CHECK(std::find(query.concept_terms.begin(), query.concept_terms.end(), concept_term) !=
          query.concept_terms.end());
}

TEST_CASE("A long question's candidate query leaves out its common parts", "[search]") {
    Setup setup;
    qaindex::detail::QueryBuilder builder(setup.analyzer, qaindex::Lexicon::builtin(),
                                          setup.free_text);
    const Xapian::Database& db = setup.database();
    const double common = qaindex::detail::ranking::kCommonPartShare * db.get_doccount();
    const auto terms = [](const Xapian::Query& query) {
        return std::set<std::string>(query.get_unique_terms_begin(), query.get_unique_terms_end());
    };
    const auto candidates = [&](const std::string& text) {
        return qaindex::detail::QueryBuilder::candidate_pass(builder.plan(text, db, true, false),
                                                             {}, db)
            .query;
    };
    const std::string question =
        "Hello doctor, for three weeks my left eyelid keeps twitching and my face twitches "
        "too, there is ringing in my ears at night, a headache every morning after coffee and "
        "pain in my neck. What could cause this and what can I do?";
    const auto plan = builder.plan(question, db, true, false);
    const Xapian::Query whole = qaindex::detail::QueryBuilder::compose(plan, {});
    const Xapian::Query rarer = candidates(question);
    REQUIRE_FALSE(rarer.empty());
    const auto all = terms(whole);
    std::size_t left_out = 0;
    for (const std::string& term : all) {
        if (terms(rarer).count(term) == 0) {
            ++left_out;
        }
    }
    CHECK(left_out > 0);
    // What is kept is a part of the question, and no kept part is common.
    for (const std::string& term : terms(rarer)) {
        INFO(term);
        CHECK(all.count(term) == 1);
    }
    const Xapian::Query parts =
        rarer.get_type() == Xapian::Query::OP_AND_MAYBE ? rarer.get_subquery(0) : rarer;
    REQUIRE(parts.get_type() == Xapian::Query::OP_OR);
    for (std::size_t i = 0; i < parts.get_num_subqueries(); ++i) {
        const Xapian::Query part = parts.get_subquery(i);
        double postings = 0;
        for (auto t = part.get_unique_terms_begin(); t != part.get_unique_terms_end(); ++t) {
            postings += db.get_termfreq(*t);
        }
        CHECK(postings <= common);
    }
    // Its plain terms are the same rarer parts, the others kept for the estimate only.
    const auto pass = qaindex::detail::QueryBuilder::candidate_pass(plan, {}, db);
    CHECK(pass.terms.parts.size() == parts.get_num_subqueries());
    CHECK(pass.terms.parts.size() + pass.terms.others.size() == plan.scored.get_num_subqueries());
    for (const qaindex::detail::ScoredPart& part : pass.terms.parts) {
        // Concepts are read through posting sources, which hold no query terms.
        for (const std::string& term : part.boolean ? std::vector<std::string>{} : part.terms) {
            INFO(term);
            CHECK(terms(rarer).count(term) == 1);
        }
    }
    // Nor has a filtered one, which counts its matches exactly.
    qaindex::detail::FilterQueries filtered;
    filtered.specialty =
        Xapian::Query(qaindex::schema::term(qaindex::schema::kSpecialty, "neurology"));
    const auto filtered_pass = qaindex::detail::QueryBuilder::candidate_pass(plan, filtered, db);
    CHECK(filtered_pass.query.empty());
    CHECK(filtered_pass.terms.empty());
    // Short queries, whose common word may be the point, have none.
    CHECK(candidates("facial twitching").empty());
    CHECK(candidates("ringing in my ears").empty());
}

TEST_CASE("A query's parts as plain terms follow its subqueries", "[search]") {
    Setup setup;
    const std::string text =
        "For three weeks there has been a ringing in my ears after a concert, my eyelid keeps "
        "twitching, I drink a lot of coffee, my chest hurts on the stairs and I am tired";
    const auto analysed = setup.analyse(text);
    const Xapian::Query query = analysed.query();
    const auto parts = analysed.parts();
    REQUIRE(query.get_type() == Xapian::Query::OP_OR);
    REQUIRE(parts.size() == query.get_num_subqueries());
    std::size_t booleans = 0;
    std::size_t synonyms = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Xapian::Query sub = query.get_subquery(i);
        std::set<std::string> terms(sub.get_unique_terms_begin(), sub.get_unique_terms_end());
        INFO(sub.get_description());
        if (parts[i].boolean) {
            ++booleans;
            CHECK(terms.empty());  // a TermBoostSource
            CHECK(parts[i].factor == qaindex::detail::ranking::kConceptBoost);
            continue;
        }
        if (parts[i].terms.size() > 1) {
            ++synonyms;
        }
        for (const std::string& term : parts[i].terms) {
            CHECK(terms.erase(term) == 1);
        }
        // What is left are the words of phrase alternatives, which are indexed unstemmed.
        for (const std::string& term : terms) {
            CHECK_FALSE(term.starts_with(qaindex::schema::kStem));
        }
    }
    CHECK(booleans == analysed.concept_terms.size());
    CHECK(booleans > 0);
    CHECK(synonyms > 0);
}

// ---- The stages one at a time ---------------------------------------------------------

TEST_CASE("Stage read: tokens with the polite frame dropped", "[search]") {
    Setup setup;
    const auto text = setup.free_text.read("Dear doctor, I would like to know why my hand shakes");
    REQUIRE(text.any_content);
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        if (text.content(i)) {
            kept.push_back(text.tokens[i].term);
        }
    }
    CHECK(kept == std::vector<std::string>{"hand", "shakes"});
    CHECK_FALSE(setup.free_text.read("the and of").any_content);
    // Courtesy words that are not stop words are kept when they are all there is.
    CHECK(setup.free_text.read("sincerely appreciated").any_content);
}

TEST_CASE("Stage subject_line: a short first sentence followed by more", "[search]") {
    Setup setup;
    struct Case {
        std::string text;
        std::size_t subject_words;  // 0: no subject line
    };
    const std::vector<Case> cases{
        {"High blood pressure. It comes up at night.", 3},
        {"Arrhythmia. can arrhythmia occur after ablation?", 1},
        {"stairs at home", 0},                                     // one sentence
        {"Stairs. the and of", 0},                                 // nothing after it
        {"one two three four five six seven. And then more.", 0},  // too long
        {"Why? Because my knee hurts", 1},
        // An age introduces the patient, as clinicians' questions begin: no subject line.
        {"85-year-old woman. What dose of zantac?", 0},
        {"Three-week-old girl. Is this rash normal?", 0},
        {"Girl with a rash. Is this normal?", 4},  // no age: the topic
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto text = setup.free_text.read(c.text);
        const std::size_t end = FreeTextAnalyzer::subject_line(text);
        std::size_t words = 0;
        for (std::size_t i = 0; i < end; ++i) {
            words += text.tokens[i].kind != qaindex::TokenKind::Compound ? 1U : 0U;
        }
        CHECK(words == c.subject_words);
    }
}

TEST_CASE("Stage token_weights: subject, mention and negation factors", "[search]") {
    Setup setup;
    auto text = setup.free_text.read("Knee pain. I have no fever at all but my knee hurts");
    text.subject = FreeTextAnalyzer::subject_line(text);
    text.mentions = setup.free_text.mentions(text);
    auto weight_at = [&](const std::string& term) { return token_weight(text, term); };
    using namespace qaindex::detail::ranking;
    // "knee pain" is the subject line and a mention.
    CHECK(weight_at("pain") == Approx((1 + kSubjectBoost) * (1 + kMentionBoost)));
    CHECK(weight_at("fever") == Approx(kNegatedWeight));
    CHECK(weight_at("all") == Approx(1.0));
}

TEST_CASE("Stage token_weights: the words of an age weigh kAgeWeight", "[search]") {
    Setup setup;
    auto text = setup.free_text.read("I saw a 50-year-old man and a 6 months old boy with a rash");
    const auto weight = FreeTextAnalyzer::token_weights(text);
    using qaindex::detail::ranking::kAgeWeight;
    std::map<std::string, double> by_term;
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        by_term[text.tokens[i].term] = weight[i];
    }
    for (const char* term : {"50", "year", "old", "50yearold", "6", "months"}) {
        INFO(term);
        REQUIRE(by_term.contains(term));
        CHECK(by_term[term] == Approx(kAgeWeight));
    }
    for (const char* term : {"man", "boy", "rash", "saw"}) {
        INFO(term);
        CHECK(by_term[term] == Approx(1.0));
    }
}

TEST_CASE("Stage token_weights: words in parentheses are an aside, a smiley opens none",
          "[search]") {
    Setup setup;
    auto weight_of = [&](const std::string& question, const std::string& term) {
        auto text = setup.free_text.read(question);
        text.mentions = setup.free_text.mentions(text);
        return token_weight(text, term);
    };
    using qaindex::detail::ranking::kAsideWeight;
    const double plain = weight_of("How do you do a paracentesis for ascites?", "ascites");
    REQUIRE(plain > 0);
    CHECK(weight_of("How do you do a paracentesis (for ascites)?", "ascites") ==
          Approx(kAsideWeight * plain));
    CHECK(weight_of("How do you do a paracentesis (for ascites)?", "paracentesis") ==
          Approx(weight_of("How do you do a paracentesis for ascites?", "paracentesis")));
    // ":(" and ":)" are smileys; an unclosed "(" and a long bracketed question are no aside.
    CHECK(weight_of("please help :( my wife has a milk allergy, is there a cure :)", "cure") ==
          Approx(1.0));
    CHECK(weight_of("is there a cure (for a milk allergy", "allergy") ==
          Approx(weight_of("is there a cure for a milk allergy", "allergy")));
    CHECK(weight_of("Knee pain (is there any cure for the pain in my left knee that comes at "
                    "night and wakes me)",
                    "wakes") == Approx(1.0));
}

TEST_CASE("Stage token_weights: the sentence that asks weighs more than the story around it",
          "[search]") {
    Setup setup;
    auto weight_of = [&](const std::string& question, const std::string& term) {
        auto text = setup.free_text.read(question);
        text.subject = FreeTextAnalyzer::subject_line(text);
        return token_weight(text, term);
    };
    using qaindex::detail::ranking::kQuestionSentenceBoost;
    const std::string story = "A patient has neonatal testicular torsion after a long delivery. ";
    CHECK(weight_of(story + "How much damage is there to the other testicle?", "damage") ==
          Approx(1 + kQuestionSentenceBoost));
    CHECK(weight_of(story + "How much damage is there to the other testicle?", "torsion") ==
          Approx(1.0));
    // Announced without a question mark.
    CHECK(weight_of(story + "The question is whether the other testicle is damaged.", "damaged") ==
          Approx(1 + kQuestionSentenceBoost));
    // Every sentence asks, or none does: nothing stands out.
    CHECK(weight_of("Is torsion painful? How much damage is there to the testicle?", "damage") ==
          Approx(1.0));
    CHECK(weight_of(story + "The other testicle may be damaged.", "damaged") == Approx(1.0));
    // A run-on of more than kQuestionSentenceMaxWords words ending with "?" is the story.
    CHECK(weight_of(story + "Hello I burnt my wrist two days ago and after last night I have woken "
                            "up with a swollen hand and the skin has gone tight so what should I "
                            "do about this?",
                    "wrist") == Approx(1.0));
}

TEST_CASE("Stage strongest_terms: weight x idf, the strongest first, the weak ones in titles",
          "[search]") {
    Setup setup;
    qaindex::detail::StemWeights stems;
    stems.add("Ztwitch", 1.0, 0);   // rare in the fixtures
    stems.add("Zmonth", 1.0, 1);    // as rare, found later
    stems.add("Znowhere", 5.0, 2);  // in no entry: last, whatever its weight
    stems.add("Ztwitch", 1.0, 3);   // repeated: 1 + kRepeatBoost
    const auto terms = FreeTextAnalyzer::strongest_terms(stems, setup.database());
    REQUIRE(terms.size() == 3);
    CHECK(terms[0].term == "Ztwitch");
    CHECK(terms[0].weight == Approx(1 + qaindex::detail::ranking::kRepeatBoost));
    CHECK(terms[2].term == "Znowhere");
    CHECK_FALSE(terms[0].questions_only);
}

TEST_CASE("Stage profile: words, focus, pairs, concepts and kinds", "[search]") {
    Setup setup;
    auto text = setup.free_text.read(
        "Ringing ears. What causes the ringing in my ears, not a headache? Ringing ringing");
    text.subject = FreeTextAnalyzer::subject_line(text);
    text.mentions = setup.free_text.mentions(text);
    text.meant.assign(text.tokens.size(), nullptr);
    const auto kinds = std::vector<qaindex::detail::QuestionKindMatch>{{.kind = 1}};
    const auto profile = setup.free_text.profile(text, kinds);
    auto word = [&](const std::string& stem) {
        for (const auto& w : profile.words) {
            if (w.stem == stem) {
                return w;
            }
        }
        FAIL("no word " << stem);
        return profile.words.front();
    };
    CHECK(word("ring").focus);
    CHECK(word("ring").weight ==
          Approx(1 + qaindex::detail::ranking::kRepeatBoost *
                         static_cast<double>(qaindex::detail::ranking::kMaxRepeats - 1)));
    CHECK_FALSE(word("caus").focus);
    CHECK(word("headach").weight == Approx(qaindex::detail::ranking::kNegatedWeight));
    // Pairs stop at sentence ends: "ears. What" is not a pair.
    const auto& pairs = profile.pairs;
    CHECK(std::find(pairs.begin(), pairs.end(),
                    std::pair<std::string, std::string>{"ring", "ear"}) != pairs.end());
    CHECK(std::find(pairs.begin(), pairs.end(),
                    std::pair<std::string, std::string>{"ear", "caus"}) == pairs.end());
    const std::string tinnitus =
        qaindex::schema::concept_term(qaindex::schema::kSymptom, text.mentions.front().id);
    CHECK(std::find(profile.concepts.begin(), profile.concepts.end(), tinnitus) !=
          profile.concepts.end());
    CHECK(profile.focus_concepts == std::vector<std::string>{tinnitus});
    CHECK(profile.kinds == std::vector<std::string>{"cause"});
}

TEST_CASE("Stage named_specialties: specialty words in any form", "[search]") {
    Setup setup;
    CHECK(setup.free_text.named_specialties(setup.free_text.read("should I see a neurologist")) ==
          std::vector<std::string>{"Neurology"});
    CHECK(setup.free_text.named_specialties(setup.free_text.read(
              "an ear nose and throat doctor")) == std::vector<std::string>{"Otolaryngology"});
    CHECK(setup.free_text.named_specialties(setup.free_text.read("my knee hurts")).empty());
}
