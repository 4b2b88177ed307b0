// SPDX-License-Identifier: Apache-2.0
// Related FAQ topics: an entry's tags, how many entries share each, and each one's usual specialty.
#include "search/related.hpp"

#include <algorithm>
#include <map>

#include "search/query_builder.hpp"

namespace qaindex::detail {
namespace {

// Enough to know a topic's usual specialty; reading every posting of "pain" would not change it.
constexpr std::size_t kSpecialtySample = 5000;

}  // namespace

std::string title_case(std::string_view text) {
    std::string out(text);
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        start = c == ' ' || c == '-' || c == '/' || c == '(';
    }
    return out;
}

// How many of the first kSpecialtySample entries holding `term` are under each specialty.
std::map<std::string, std::size_t> specialty_counts(const Xapian::Database& db,
                                                    const std::string& term) {
    std::map<std::string, std::size_t> counts;
    auto values = db.valuestream_begin(schema::kSpecialtySlot);
    const auto values_end = db.valuestream_end(schema::kSpecialtySlot);
    std::size_t seen = 0;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && seen < kSpecialtySample;
         ++it, ++seen) {
        if (values == values_end) {
            break;
        }
        if (values.get_docid() < *it) {
            values.skip_to(*it);
            if (values == values_end) {
                break;
            }
        }
        if (values.get_docid() == *it) {
            ++counts[*values];
        }
    }
    return counts;
}

std::optional<std::string> usual_specialty(const Xapian::Database& db, const std::string& term,
                                           const std::vector<std::string>& lexicon_specialties) {
    // The lexicon says which specialties handle a topic; the corpus only chooses among them.
    // A small corpus where two neurology pages mention red eyes must not make "bloodshot eye"
    // a neurology topic.
    if (lexicon_specialties.size() == 1) {
        return lexicon_specialties.front();  // nothing to choose: no postings to read
    }
    const auto counts = specialty_counts(db, term);
    if (!lexicon_specialties.empty()) {
        const std::string* best = &lexicon_specialties.front();
        std::size_t best_count = 0;
        for (const std::string& specialty : lexicon_specialties) {
            const auto found = counts.find(specialty);
            if (found != counts.end() && found->second > best_count) {
                best = &specialty;
                best_count = found->second;
            }
        }
        return *best;
    }
    const auto best =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best == counts.end()) {
        return std::nullopt;
    }
    return best->first;
}

std::vector<RelatedFaq> related_topics(const Xapian::Database& db, const schema::StoredEntry& entry,
                                       const Lexicon& lexicon, std::size_t limit) {
    std::vector<RelatedFaq> out;
    auto add = [&](const std::string& term, const std::string& name,
                   const std::vector<std::string>& specialties) {
        const auto entries = db.get_termfreq(term);
        if (entries <= 1) {
            return;  // only this entry: nothing to relate to
        }
        RelatedFaq topic{.topic = title_case(name), .entries = entries};
        topic.specialty = usual_specialty(db, term, specialties);
        out.push_back(std::move(topic));
    };
    for (const std::string& id : entry.symptoms) {
        const Symptom* symptom = lexicon.find_symptom(id);
        add(schema::concept_term(schema::kSymptom, id), symptom ? symptom->name : id,
            symptom ? symptom->specialties : std::vector<std::string>{});
    }
    for (const std::string& id : entry.conditions) {
        const Condition* condition = lexicon.find_condition(id);
        add(schema::concept_term(schema::kCondition, id), condition ? condition->name : id,
            condition ? condition->specialties : std::vector<std::string>{});
    }
    std::stable_sort(out.begin(), out.end(), [](const RelatedFaq& a, const RelatedFaq& b) {
        return a.entries > b.entries;
    });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

}  // namespace qaindex::detail
