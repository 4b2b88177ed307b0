// SPDX-License-Identifier: Apache-2.0
// Similar Q&A helpers: tf-idf term selection over an entry's field terms, near-duplicates.
#include "search/similar.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "index/schema.hpp"
#include "search/ranking.hpp"

namespace qaindex::detail {
namespace {

// Calls add(stem, wdf) for each term of docid with the per-field prefix Z + field.
template <typename Add>
void field_stems(const Xapian::Database& db, Xapian::docid docid, std::string_view field,
                 Add&& add) {
    std::string prefix(schema::kStem);
    prefix += field;
    auto it = db.termlist_begin(docid);
    const auto end = db.termlist_end(docid);
    for (it.skip_to(prefix); it != end; ++it) {
        const std::string term = *it;
        if (!term.starts_with(prefix)) {
            break;
        }
        add(term.substr(prefix.size()), it.get_wdf());
    }
}

}  // namespace

std::set<std::string> question_stems(const Xapian::Database& db, Xapian::docid docid) {
    std::set<std::string> stems;
    auto add = [&](std::string stem, Xapian::termcount) { stems.insert(std::move(stem)); };
    field_stems(db, docid, schema::kTitle, add);
    field_stems(db, docid, schema::kQuestion, add);
    return stems;
}

std::set<std::string> text_stems(Analyzer& analyzer, std::string_view text) {
    std::set<std::string> stems;
    for (const Token& token : analyzer.analyze(text)) {
        if (!token.stopword && !token.stem.empty()) {
            stems.insert(token.stem);
        }
    }
    return stems;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) {
        return 0;
    }
    std::size_t common = 0;
    for (const std::string& stem : a) {
        if (b.contains(stem)) {
            ++common;
        }
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::string normalised_question(std::string_view question) {
    return schema::normalised_text(question);
}

void DuplicateFilter::add(std::set<std::string> stems) {
    kept_.push_back(std::move(stems));
}

std::optional<std::size_t> DuplicateFilter::repeated(const std::set<std::string>& stems) const {
    for (std::size_t i = 0; i < kept_.size(); ++i) {
        if (jaccard(stems, kept_[i]) >= ranking::kNearDuplicateJaccard) {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<WeightedTerm> entry_terms(const Xapian::Database& db, Xapian::docid docid) {
    std::map<std::string, double> frequency;
    field_stems(db, docid, schema::kTitle, [&](const std::string& stem, Xapian::termcount wdf) {
        frequency[stem] += 2.0 * wdf;
    });
    field_stems(db, docid, schema::kQuestion,
                [&](const std::string& stem, Xapian::termcount wdf) { frequency[stem] += wdf; });
    const double documents = std::max<double>(1.0, db.get_doccount());
    struct Ranked {
        WeightedTerm term;
        double score = 0;
    };
    std::vector<Ranked> ranked;
    for (const auto& [stem, tf] : frequency) {
        std::string term(schema::kStem);
        term += stem;
        const double df = db.get_termfreq(term);
        if (df <= 1) {
            continue;
        }
        const double weight = 1.0 + std::log(std::max(1.0, tf));
        ranked.push_back({{term, weight}, weight * std::log(documents / df)});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return a.score != b.score ? a.score > b.score : a.term.term < b.term.term;
    });
    std::vector<WeightedTerm> out;
    for (std::size_t i = 0; i < ranked.size() && i < ranking::kSimilarTerms; ++i) {
        out.push_back(ranked[i].term);
    }
    return out;
}

}  // namespace qaindex::detail
