// SPDX-License-Identifier: Apache-2.0
// Tests of the compiled lexicon: the built-in lexicon and its LexiconIndex, loaded from the form
// compiled at build time, are those data/lexicon/ gives when analysed now.
#include "lexicon/compiled_lexicon.hpp"

#include <catch2/catch.hpp>

#include "qaindex/analyzer.hpp"
#include "qaindex/errors.hpp"
#include "search/lexicon_index.hpp"
#include "test_support.hpp"

namespace {

using qaindex::Lexicon;
using qaindex::detail::BinaryReader;
using qaindex::detail::BinaryWriter;
using qaindex::detail::LexiconAccess;
using qaindex::detail::LexiconIndex;

std::string compiled(const Lexicon& lexicon) {
    BinaryWriter out;
    LexiconAccess::write(lexicon, out);
    return out.bytes();
}

std::string compiled(const LexiconIndex& index) {
    BinaryWriter out;
    index.write(out);
    return out.bytes();
}

const Lexicon& source_lexicon() {
    static const Lexicon lexicon =
        Lexicon::load(std::filesystem::path(QAINDEX_SOURCE_DIR) / "data/lexicon");
    return lexicon;
}

}  // namespace

TEST_CASE("The built-in lexicon is data/lexicon/ as analysed now, byte for byte", "[lexicon]") {
    const std::string_view embedded = qaindex::detail::compiled_lexicon();
    REQUIRE_FALSE(embedded.empty());
    // Loading and writing again gives the same bytes: nothing is lost on the way.
    CHECK(compiled(Lexicon::builtin()) == embedded);
    // Analysing the source files now gives the same bytes: the embedded form is not stale, and
    // a lexicon built by load() and one loaded from its compiled form hold the same.
    CHECK(compiled(source_lexicon()) == embedded);
    CHECK(Lexicon::builtin().fingerprint() == source_lexicon().fingerprint());

    const std::string_view index = qaindex::detail::compiled_lexicon_index();
    REQUIRE_FALSE(index.empty());
    CHECK(compiled(*LexiconIndex::of_builtin()) == index);
    CHECK(compiled(*LexiconIndex::build(source_lexicon())) == index);
}

TEST_CASE("The built-in lexicon answers as the one load() builds", "[lexicon]") {
    const Lexicon& builtin = Lexicon::builtin();
    const Lexicon& source = source_lexicon();
    CHECK(builtin.symptoms() == source.symptoms());
    CHECK(builtin.conditions() == source.conditions());
    CHECK(builtin.specialties() == source.specialties());
    CHECK(builtin.synonym_groups() == source.synonym_groups());
    CHECK(builtin.analysed_synonym_groups() == source.analysed_synonym_groups());
    qaindex::Analyzer analyzer;
    for (const std::string text :
         {"my eyelid keeps jumping and I have no fever", "pins and needles in my hands at night",
          "胸痛，没有发烧", "twiching face, weekness in the legs", "heart attack or chest pain?"}) {
        INFO(text);
        const auto tokens = analyzer.analyze(text);
        CHECK(builtin.find_mentions(tokens) == source.find_mentions(tokens));
    }
    for (const std::string name : {"facial twitching", "SYMP:0000462", "ringing in the ears"}) {
        INFO(name);
        const auto* a = builtin.find_symptom(name);
        const auto* b = source.find_symptom(name);
        REQUIRE((a == nullptr) == (b == nullptr));
        if (a != nullptr) {
            CHECK(*a == *b);
        }
    }
    CHECK(builtin.canonical_specialty("Dept. of Neurology") ==
          source.canonical_specialty("Dept. of Neurology"));
    CHECK(builtin.canonical_specialty("neurologist") == "Neurology");
}

TEST_CASE("The compiled LexiconIndex reads a concept when asked, as build() made it",
          "[lexicon]") {
    const auto loaded = LexiconIndex::of_builtin();
    const auto built = LexiconIndex::build(source_lexicon());
    std::size_t checked = 0;
    for (const auto& symptom : source_lexicon().symptoms()) {
        INFO(symptom.id);
        const auto* a = loaded->concept_forms(qaindex::ConceptKind::Symptom, symptom.id);
        const auto* b = built->concept_forms(qaindex::ConceptKind::Symptom, symptom.id);
        REQUIRE(a != nullptr);
        REQUIRE(b != nullptr);
        CHECK(*a == *b);
        // Asked again: the same forms, where they were.
        CHECK(loaded->concept_forms(qaindex::ConceptKind::Symptom, symptom.id) == a);
        for (const auto& form : *b) {
            CHECK(loaded->names_concept(qaindex::ConceptKind::Symptom, symptom.id,
                                          form.content_key, ""));
        }
        ++checked;
    }
    CHECK(checked == source_lexicon().symptoms().size());
    const auto& condition = source_lexicon().conditions().front();
    CHECK(*loaded->concept_forms(qaindex::ConceptKind::Condition, condition.id) ==
          *built->concept_forms(qaindex::ConceptKind::Condition, condition.id));
    CHECK(loaded->concept_forms(qaindex::ConceptKind::Symptom, "no such id") == nullptr);
    CHECK_FALSE(loaded->names_concept(qaindex::ConceptKind::Condition, condition.id,
                                        "not a form of it", "nor this"));
    // Written again with every concept read, or with none: the same bytes.
    CHECK(compiled(*loaded) == qaindex::detail::compiled_lexicon_index());
}

TEST_CASE("Compiled lexicon data that is cut short or of another format is refused",
          "[lexicon]") {
    const std::string_view embedded = qaindex::detail::compiled_lexicon();
    for (const std::size_t size : {std::size_t{0}, std::size_t{3}, embedded.size() / 2,
                                   embedded.size() - 1}) {
        INFO(size);
        BinaryReader in(embedded.substr(0, size));
        CHECK_THROWS_AS(LexiconAccess::read(in), qaindex::Error);
    }
    std::string other(embedded);
    other[0] = static_cast<char>(other[0] + 1);  // the format version
    BinaryReader in(other);
    CHECK_THROWS_WITH(LexiconAccess::read(in), Catch::Contains("format"));
    const std::string_view index = qaindex::detail::compiled_lexicon_index();
    BinaryReader cut(index.substr(0, index.size() / 3));
    CHECK_THROWS_AS(LexiconIndex::read(cut), qaindex::Error);
}

TEST_CASE("BinaryWriter and BinaryReader round-trip values in order", "[lexicon]") {
    BinaryWriter out;
    out.u8(7);
    out.u32(0xDEADBEEF);
    out.u64(std::uint64_t{1} << 40);
    out.boolean(true);
    out.str(std::string("a\0b", 3));
    out.optional_str(std::nullopt);
    out.optional_str("x");
    out.strings({"", "two", "三"});
    out.list(std::vector<bool>{true, false, true}, [](BinaryWriter& w, bool b) { w.boolean(b); });
    BinaryReader in(out.bytes());
    CHECK(in.u8() == 7);
    CHECK(in.u32() == 0xDEADBEEF);
    CHECK(in.u64() == std::uint64_t{1} << 40);
    CHECK(in.boolean());
    CHECK(in.str() == std::string("a\0b", 3));
    CHECK_FALSE(in.optional_str().has_value());
    CHECK(in.optional_str() == "x");
    CHECK(in.strings() == std::vector<std::string>{"", "two", "三"});
    CHECK(in.list([](BinaryReader& r) { return r.boolean(); }) ==
          std::vector<bool>{true, false, true});
    CHECK(in.done());
    CHECK_THROWS_AS(in.u8(), qaindex::Error);
    // A size larger than what is left is refused before anything is allocated.
    BinaryWriter lie;
    lie.u32(0xFFFFFFFF);
    BinaryReader liar(lie.bytes());
    CHECK_THROWS_AS(liar.str(), qaindex::Error);
}
