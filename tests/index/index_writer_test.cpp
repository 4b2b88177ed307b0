// SPDX-License-Identifier: Apache-2.0
// Tests of IndexWriter and the documents it writes: terms, values, stored data, locking.
#include "qaindex/index_writer.hpp"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <algorithm>

#include "index/index_test_support.hpp"
#include "index/index_writer_impl.hpp"
#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/lexicon.hpp"
#include "test_support.hpp"

namespace {

namespace schema = qaindex::schema;
using qaindex::test::consultation;

Xapian::Database& database_of(const qaindex::IndexWriter& writer) {
    return qaindex::detail::IndexWriterAccess::impl(writer).database;
}

Xapian::docid docid_of(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::term(schema::kId, id);
    const auto it = db.postlist_begin(term);
    REQUIRE(it != db.postlist_end(term));
    return *it;
}

bool has_term(const Xapian::Database& db, Xapian::docid docid, const std::string& term) {
    auto it = db.termlist_begin(docid);
    it.skip_to(term);
    return it != db.termlist_end(docid) && *it == term;
}

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid docid,
                                       const std::string& term) {
    return {db.positionlist_begin(docid, term), db.positionlist_end(docid, term)};
}

qaindex::Consultation twitching_entry() {
    auto entry = consultation(
        "neuro/001", "Eyelid twitching",
        "My eyelid keeps twitching for two weeks. I have no fever.", "Dept. of Neurology",
        "Eyelid myokymia is usually benign; reduce coffee and sleep more.", {2005, 3, 9});
    entry.more_info = "Fatigue and caffeine are common triggers.";
    entry.related.push_back({.name = "Facial Twitching", .specialty = "Neurology"});
    return entry;
}

}  // namespace

TEST_CASE("A consultation's terms follow the schema", "[index]") {
    auto writer = qaindex::IndexWriter::in_memory();
    CHECK_FALSE(writer.add_or_replace(twitching_entry()));
    const auto& db = database_of(writer);
    const Xapian::docid docid = docid_of(db, "neuro/001");

    SECTION("free text: unstemmed with positions, stems overall and per field") {
        CHECK(has_term(db, docid, "twitching"));
        CHECK_FALSE(positions(db, docid, "twitching").empty());
        CHECK(has_term(db, docid, "Ztwitch"));
        CHECK(has_term(db, docid,
                       std::string(schema::kStem) + std::string(schema::kTitle) + "twitch"));
        CHECK(has_term(db, docid,
                       std::string(schema::kStem) + std::string(schema::kQuestion) + "twitch"));
        CHECK(has_term(db, docid,
                       std::string(schema::kStem) + std::string(schema::kReply) + "myokymia"));
        CHECK(has_term(db, docid,
                       std::string(schema::kStem) + std::string(schema::kMoreInfo) + "caffein"));
        // Stop words are positional only: phrases need them, ranking does not.
        CHECK(has_term(db, docid, "for"));
        CHECK_FALSE(has_term(db, docid, "Zfor"));
    }
    SECTION("More Info words are stems only") {
        CHECK_FALSE(has_term(db, docid, "caffeine"));
        CHECK(has_term(db, docid, "Zcaffein"));
        CHECK_FALSE(has_term(db, docid, "triggers"));
        CHECK(has_term(db, docid, "Ztrigger"));
        // A word of both the reply and More Info keeps the reply's positions only.
        CHECK(positions(db, docid, "and").size() == 1);
    }
    SECTION("the title outweighs the reply in the unprefixed terms") {
        Xapian::Database copy = db;
        auto title_wdf = [&](const std::string& term) {
            auto it = copy.termlist_begin(docid);
            it.skip_to(term);
            return it.get_wdf();
        };
        // "eyelid" appears once in the title and once in the question and the reply.
        CHECK(title_wdf("eyelid") == schema::kTitleWdf + schema::kQuestionWdf + schema::kReplyWdf);
    }
    SECTION("no phrase spans two fields") {
        const auto title = positions(db, docid, "twitching");
        const auto question = positions(db, docid, "my");
        REQUIRE_FALSE(title.empty());
        REQUIRE_FALSE(question.empty());
        CHECK(question.front() - title.back() >= schema::kFieldPositionGap);
    }
    SECTION("filter terms") {
        CHECK(has_term(db, docid, schema::term(schema::kSpecialty, "neurology")));
        CHECK(has_term(db, docid, schema::term(schema::kSex, "female")));
        CHECK(has_term(db, docid, schema::term(schema::kAgeGroup, "30-39")));
        CHECK(has_term(db, docid, schema::term(schema::kYear, "2005")));
        CHECK(has_term(db, docid, schema::term(schema::kDoctor, "ye boshou")));
        CHECK(has_term(db, docid, schema::term(schema::kLanguage, "en")));
    }
    SECTION("values: dates, canonical specialty, content hash") {
        const Xapian::Document document = db.get_document(docid);
        CHECK(document.get_value(schema::kAskedSlot) == "20050309");
        CHECK(document.get_value(schema::kRepliedSlot) == "20050309");
        CHECK(document.get_value(schema::kSpecialtySlot) == "Neurology");
        CHECK(document.get_value(schema::kContentSlot).size() == 16);
    }
    SECTION("stored data has what a hit needs, not the page's own lists") {
        const auto stored = schema::decode(db.get_document(docid).get_data());
        CHECK(stored.entry.id.value == "neuro/001");
        CHECK(stored.entry.title == "Eyelid twitching");
        CHECK(stored.entry.replies.at(0).doctor == "Ye Boshou");
        CHECK(stored.specialty == "Neurology");
        CHECK_FALSE(stored.entry.more_info.has_value());
        CHECK(stored.entry.related.empty());
    }
}

TEST_CASE("Symptoms are tagged from the lexicon, negated ones are not", "[index]") {
    const qaindex::Lexicon& lexicon = qaindex::Lexicon::builtin();
    const qaindex::Symptom* twitch = lexicon.find_symptom("eyelid twitching");
    const qaindex::Symptom* fever = lexicon.find_symptom("fever");
    REQUIRE(twitch != nullptr);
    REQUIRE(fever != nullptr);

    auto writer = qaindex::IndexWriter::in_memory();
    writer.add_or_replace(twitching_entry());
    const auto& db = database_of(writer);
    const Xapian::docid docid = docid_of(db, "neuro/001");
    const auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    CHECK(has_term(db, docid, schema::term(schema::kSymptom, lower(twitch->id))));
    CHECK_FALSE(has_term(db, docid, schema::term(schema::kSymptom, lower(fever->id))));
    const std::string slot = db.get_document(docid).get_value(schema::kSymptomsSlot);
    CHECK(slot.find(twitch->id) != std::string::npos);
    for (const std::string& ancestor : lexicon.symptom_ancestors(twitch->id)) {
        CHECK(has_term(db, docid, schema::term(schema::kSymptomBroader, lower(ancestor))));
    }
}

TEST_CASE("add_or_replace replaces by id and remove deletes", "[index]") {
    auto writer = qaindex::IndexWriter::in_memory();
    CHECK_FALSE(
        writer.add_or_replace(consultation("a", "Headache", "My head hurts", "Neurology", "Rest")));
    CHECK_FALSE(
        writer.add_or_replace(consultation("b", "Rash", "Itchy rash", "Dermatology", "Cream")));
    CHECK(writer.size() == 2);
    CHECK(writer.add_or_replace(
        consultation("a", "Migraine", "Throbbing head", "Neurology", "Rest")));
    CHECK(writer.size() == 2);
    const auto& db = database_of(writer);
    CHECK(db.get_termfreq("migraine") == 1);
    CHECK(db.get_termfreq("headache") == 0);
    CHECK(writer.remove(qaindex::EntryId{"a"}));
    CHECK_FALSE(writer.remove(qaindex::EntryId{"a"}));
    CHECK(writer.size() == 1);
    qaindex::Consultation no_id;
    no_id.question = "x";
    CHECK_THROWS_AS(writer.add_or_replace(no_id), qaindex::UsageError);
}

TEST_CASE("A disk writer's changes appear at commit, and are discarded without it", "[index]") {
    qaindex::test::ScratchDir scratch("writer-commit");
    const auto db_path = scratch.path() / "db";
    {
        auto writer = qaindex::IndexWriter::open(db_path);
        writer.add_or_replace(consultation("a", "Headache", "My head hurts", "Neurology", "Rest"));
        writer.commit();
        writer.add_or_replace(consultation("b", "Rash", "Itchy rash", "Dermatology", "Cream"));
        CHECK(writer.size() == 2);
    }  // destroyed without commit: "b" is discarded
    const Xapian::Database db(db_path.string());
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_termfreq(schema::term(schema::kId, "a")) == 1);
    CHECK(db.get_metadata(std::string(schema::kMetaSchema)) == schema::kVersion);
    CHECK(db.get_metadata(std::string(schema::kMetaLexicon)) ==
          qaindex::Lexicon::builtin().fingerprint());
}

TEST_CASE("Only one writer at a time", "[index]") {
    qaindex::test::ScratchDir scratch("writer-lock");
    const auto db_path = scratch.path() / "db";
    auto first = qaindex::IndexWriter::open(db_path);
    try {
        auto second = qaindex::IndexWriter::open(db_path);
        FAIL("a second writer opened");
    } catch (const qaindex::IndexError& error) {
        CHECK_THAT(error.what(), Catch::Contains("being built by another process"));
        CHECK_THAT(error.what(), Catch::Contains(db_path.string()));
    }
}

TEST_CASE("A folder that is not an index is never written into", "[index]") {
    qaindex::test::ScratchDir scratch("writer-foreign");
    qaindex::test::write_text(scratch.path(), "notes.txt", "my notes");
    CHECK_THROWS_AS(qaindex::IndexWriter::open(scratch.path()), qaindex::IndexError);
    CHECK(std::filesystem::exists(scratch.path() / "notes.txt"));
    CHECK_FALSE(std::filesystem::exists(scratch.path() / "XAPIANDB"));
}

TEST_CASE("Red flags in a reply are not the asker's symptoms", "[index]") {
    const qaindex::Lexicon& lexicon = qaindex::Lexicon::builtin();
    const qaindex::Symptom* dizziness = lexicon.find_symptom("dizziness");
    const qaindex::Symptom* numbness = lexicon.find_symptom("numbness");
    const qaindex::Symptom* headache = lexicon.find_symptom("headache");
    REQUIRE(dizziness != nullptr);
    REQUIRE(numbness != nullptr);
    REQUIRE(headache != nullptr);
    auto writer = qaindex::IndexWriter::in_memory();
    writer.add_or_replace(consultation(
        "x", "Dizzy spells", "I wonder if this dizziness is serious.", "Neurology",
        "Your headache and dizziness are likely benign. See a doctor if you notice numbness."));
    const auto& db = database_of(writer);
    const auto stored = schema::decode(db.get_document(docid_of(db, "x")).get_data());
    const auto tagged = [&](const qaindex::Symptom* symptom) {
        return std::find(stored.symptoms.begin(), stored.symptoms.end(), symptom->id) !=
               stored.symptoms.end();
    };
    CHECK(tagged(dizziness));       // the asker's, though after "if"
    CHECK(tagged(headache));        // stated by the doctor
    CHECK_FALSE(tagged(numbness));  // a red flag to watch for
}
