// SPDX-License-Identifier: Apache-2.0
// Small consultations for search tests, and indexes of them in memory and on disk.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/searcher.hpp"
#include "test_support.hpp"

namespace qaindex::test {

inline Consultation consultation(std::string id, std::optional<std::string> title,
                                 std::string question, std::string specialty, std::string doctor,
                                 std::string reply, Date asked,
                                 std::optional<Sex> sex = std::nullopt,
                                 std::optional<std::string> age = std::nullopt) {
    Consultation entry;
    entry.id = EntryId{std::move(id)};
    entry.title = std::move(title);
    entry.question = std::move(question);
    entry.asked = asked;
    entry.asker.sex = sex;
    entry.asker.age_group = std::move(age);
    entry.replies.push_back({.doctor = std::move(doctor),
                             .specialty = std::move(specialty),
                             .text = std::move(reply),
                             .date = asked});
    entry.language = "en";
    return entry;
}

/// Twelve consultations chosen so that each search feature has something to find and
/// something to leave out. Ids say what each is for.
inline std::vector<Consultation> fixture_consultations() {
    return {
        consultation("neuro/facial-twitching", "Facial nerve",
                     "Hello doctor, for the past two months I have been experiencing occasional "
                     "involuntary facial twitching, and my eyelids also tremble slightly. Do I "
                     "need further examination?",
                     "Neurology", "Ye Boshou",
                     "Involuntary Twitching of the face may be related to tension and nerve "
                     "excitability. Reduce coffee. If the symptoms persist, a neurological "
                     "examination should be conducted.",
                     {2005, 3, 9}, Sex::Female, "10~19"),
        // The same question again under another id: a near-duplicate of the first.
        consultation("neuro/facial-twitching-copy", "Facial nerve twitching",
                     "Hello doctor, for the past two months I have been experiencing occasional "
                     "involuntary facial twitching, and my eyelids also tremble slightly. Do I "
                     "need further examination?",
                     "Neurology", "Ye Boshou",
                     "Reduce coffee and rest; see a neurologist if it persists.", {2005, 3, 10},
                     Sex::Female, "10~19"),
        consultation("neuro/cheek-twitching", "Twitching cheek when tired",
                     "My left cheek twitches when I am tired or stressed, sometimes for an hour. "
                     "It is annoying but painless. What causes this facial twitching?",
                     "Neurology", "Jiang Junyi",
                     "Facial twitching that comes with fatigue is usually benign. Sleep well and "
                     "limit caffeine.",
                     {2011, 6, 14}, Sex::Male, "30~39"),
        consultation("neuro/eyelid-jumping", "My eyelid keeps jumping",
                     "For a week my lower eyelid keeps jumping, mostly in the evening after "
                     "working at the computer.",
                     "Ophthalmology", "Lin Wenhao",
                     "This is eyelid myokymia, a harmless contraction of the orbicularis muscle. "
                     "Sleep more and take breaks.",
                     {2016, 9, 3}, Sex::Female, "20~29"),
        consultation(
            "neuro/migraine-title", "Migraine every month",
            "I get a pounding one-sided headache every month before my period, with "
            "nausea. What can I do?",
            "Neurology", "Gao Chunde",
            "Keep a diary of the attacks and discuss preventive treatment with your doctor.",
            {2014, 1, 20}, Sex::Female, "30~39"),
        consultation("neuro/reply-only", "Tired in the afternoon",
                     "I feel very tired every afternoon and need to lie down.", "Family Medicine",
                     "Chen Yuting",
                     "Afternoon tiredness has many causes; a migraine can also leave you drained "
                     "the next day. Have your thyroid checked.",
                     {2019, 5, 2}, Sex::Male, "40~49"),
        consultation("ent/ringing-lay", "Ringing in my ears",
                     "There has been a high ringing in my ears for three weeks since a concert. "
                     "Will it stop?",
                     "Otolaryngology", "Wu Mingde",
                     "Noise exposure can cause this. Protect your hearing and come for a hearing "
                     "test if it lasts.",
                     {2018, 7, 1}, Sex::Male, "20~29"),
        consultation("ent/tinnitus-clinical", "Tinnitus after antibiotics",
                     "After a course of antibiotics I developed tinnitus.", "Otolaryngology",
                     "Wu Mingde",
                     "Some medicines are ototoxic; stop them only after talking with the "
                     "prescriber, and have an audiogram.",
                     {2020, 2, 11}, Sex::Female, "50~59"),
        consultation("cardio/chest-pain", "Chest pain when climbing stairs",
                     "I am 55 and get chest pain when climbing stairs that goes away when I rest.",
                     "Cardiology", "Huang Zhiwei",
                     "Exertional chest pain needs a stress test to look for coronary disease.",
                     {2012, 4, 5}, Sex::Male, "50~59"),
        consultation(
            "cardio/infarction-clinical", "Recovery after myocardial infarction",
            "My father had a myocardial infarction last year. How much exercise is safe "
            "now?",
            "Cardiology", "Huang Zhiwei",
            "Cardiac rehabilitation programmes build up exercise safely after an infarction.",
            {2021, 10, 30}, Sex::Male, "60~69"),
        consultation("derm/facial-cream", "Rash after a new cream",
                     "I used a facial cream and the next day my arms itched. My leg is twitching "
                     "too but that is old.",
                     "Dermatology", "Xu Lihua",
                     "This looks like contact dermatitis from the cream; stop using it.",
                     {2022, 8, 19}, Sex::Female, "40~49"),
        consultation("derm/eczema", "Dry itchy patches",
                     "I have dry itchy patches on my elbows every winter.", "Dermatology",
                     "Xu Lihua", "Moisturise twice a day; this is likely eczema.", {2010, 12, 1},
                     Sex::Female, "60~69"),
    };
}

/// Where a test's index lives.
/// An in-memory writer holding fixture_consultations(), uncommitted: for tests of the search
/// module's parts, which read its database (detail::writer_database()).
inline IndexWriter fixture_writer() {
    IndexWriter writer = IndexWriter::in_memory();
    for (const Consultation& entry : fixture_consultations()) {
        writer.add_or_replace(entry);
    }
    return writer;
}

enum class Backend { Memory, Disk };

inline const char* to_string(Backend backend) {
    return backend == Backend::Memory ? "in memory" : "on disk";
}

/// An index of the fixture consultations and a Searcher over it.
class FixtureIndex {
  public:
    explicit FixtureIndex(Backend backend,
                          const std::vector<Consultation>& entries = fixture_consultations())
        : scratch_("search") {
        if (backend == Backend::Memory) {
            writer_ = std::make_unique<IndexWriter>(IndexWriter::in_memory());
            for (const Consultation& entry : entries) {
                writer_->add_or_replace(entry);
            }
            searcher_ = std::make_unique<Searcher>(Searcher::open(*writer_));
        } else {
            {
                IndexWriter writer = IndexWriter::open(path());
                for (const Consultation& entry : entries) {
                    writer.add_or_replace(entry);
                }
                writer.commit();
            }
            searcher_ = std::make_unique<Searcher>(Searcher::open(path()));
        }
    }

    [[nodiscard]] Searcher& searcher() { return *searcher_; }
    [[nodiscard]] std::filesystem::path path() const { return scratch_.path() / "db"; }

  private:
    ScratchDir scratch_;
    std::unique_ptr<IndexWriter> writer_;  // before searcher_: it must outlive it
    std::unique_ptr<Searcher> searcher_;
};

/// The ids of results, in order.
inline std::vector<std::string> ids(const SearchResults& results) {
    std::vector<std::string> out;
    for (const Hit& hit : results.hits) {
        out.push_back(hit.id.value);
    }
    return out;
}

/// Whether id is among the results.
inline bool found(const SearchResults& results, const std::string& id) {
    const auto list = ids(results);
    return std::find(list.begin(), list.end(), id) != list.end();
}

/// The rank (0-based) of id in the results, or results.hits.size() if absent.
inline std::size_t rank_of(const SearchResults& results, const std::string& id) {
    const auto list = ids(results);
    return static_cast<std::size_t>(std::find(list.begin(), list.end(), id) - list.begin());
}

}  // namespace qaindex::test
