// SPDX-License-Identifier: Apache-2.0
#include "search/candidates.hpp"

#include <algorithm>
#include <cmath>

#include "search/boost_source.hpp"
#include "search/ranking.hpp"

namespace qaindex::detail {
namespace {

// What Xapian's BM25Weight gives per unit of factor for a term held by frequency of
// documents documents, before the wdf part: its idf (the ratio raised towards 1 where the
// "official" formula would go below log 2, as Xapian does) times k1 + 1.
double bm25_term_weight(double documents, double frequency) {
    double ratio = (documents - frequency + 0.5) / (frequency + 0.5);
    if (ratio < 2) {
        ratio = ratio * 0.5 + 1;
    }
    return std::log(ratio) * (ranking::kBm25K1 + 1);
}

// The share of documents matching any of two sets of shares held: their union if they are
// independent (Xapian's estimate of an OR).
double either(double documents, double a, double b) {
    return documents > 0 ? a + b - a * b / documents : 0;
}

// A synonym's document frequency as Xapian estimates it: its terms independent.
double synonym_frequency(const Xapian::Database& db, const std::vector<std::string>& terms) {
    double frequency = 0;
    for (const std::string& term : terms) {
        frequency = either(db.get_doccount(), frequency, db.get_termfreq(term));
    }
    return std::floor(frequency + 0.5);
}

// The documents of term in [first, last], each with its wdf, to visit(offset, wdf).
template <typename Visit>
void for_each_posting(const Xapian::Database& db, const std::string& term, Xapian::docid first,
                      Xapian::docid last, Visit visit) {
    const Xapian::PostingIterator end = db.postlist_end(term);
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (first > 1) {
        it.skip_to(first);
    }
    for (; it != end && *it <= last; ++it) {
        visit(*it - first, it.get_wdf());
    }
}

}  // namespace

Candidates best_candidates(const Xapian::Database& db, const CandidateTerms& terms,
                           Xapian::doccount count, Xapian::docid first, Xapian::docid last) {
    Candidates out;
    last = std::min(last, db.get_lastdocid());
    if (first == 0 || last < first || count == 0) {
        return out;
    }
    const std::size_t size = last - first + 1;
    const double documents = db.get_doccount();
    std::vector<double> weights(size, 0.0);
    std::vector<char> matched(size, 0);

    std::vector<Xapian::termcount> wdfs;  // a synonym's summed wdf per document
    std::vector<char> in_synonym;
    std::vector<std::size_t> touched;
    for (const ScoredPart& part : terms.parts) {
        if (part.boolean) {
            for (const std::string& term : part.terms) {
                const double weight =
                    TermBoostSource::idf(documents, db.get_termfreq(term)) * part.factor;
                for_each_posting(db, term, first, last, [&](std::size_t at, Xapian::termcount) {
                    weights[at] += weight;
                    matched[at] = 1;
                });
            }
            continue;
        }
        if (part.terms.empty()) {
            continue;
        }
        const double weight = part.terms.size() == 1
                                  ? bm25_term_weight(documents, db.get_termfreq(part.terms[0]))
                                  : bm25_term_weight(documents, synonym_frequency(db, part.terms));
        const double factor = weight * part.factor;
        auto add = [&](std::size_t at, Xapian::termcount wdf) {
            const double w = wdf;
            weights[at] += factor * w / (ranking::kBm25K1 + w);
            matched[at] = 1;
        };
        if (part.terms.size() == 1) {
            for_each_posting(db, part.terms[0], first, last, add);
            continue;
        }
        wdfs.resize(size, 0);
        in_synonym.resize(size, 0);
        for (const std::string& term : part.terms) {
            for_each_posting(db, term, first, last, [&](std::size_t at, Xapian::termcount wdf) {
                if (!in_synonym[at]) {
                    in_synonym[at] = 1;
                    touched.push_back(at);
                }
                wdfs[at] += wdf;
            });
        }
        for (const std::size_t at : touched) {
            add(at, wdfs[at]);
            wdfs[at] = 0;
            in_synonym[at] = 0;
        }
        touched.clear();
    }
    for (const std::string& term : terms.excluded) {
        for_each_posting(db, term, first, last,
                         [&](std::size_t at, Xapian::termcount) { matched[at] = 0; });
    }
    for (const ScoredPart& boost : terms.boosts) {
        for (const std::string& term : boost.terms) {
            const double weight =
                TermBoostSource::idf(documents, db.get_termfreq(term)) * boost.factor;
            for_each_posting(db, term, first, last, [&](std::size_t at, Xapian::termcount) {
                if (matched[at]) {
                    weights[at] += weight;
                }
            });
        }
    }

    for (std::size_t at = 0; at < size; ++at) {
        if (matched[at]) {
            out.best.push_back({static_cast<Xapian::docid>(first + at), weights[at]});
        }
    }
    out.matched = static_cast<Xapian::doccount>(out.best.size());
    auto better = [](const Candidate& a, const Candidate& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
    };
    if (out.best.size() > count) {
        std::nth_element(out.best.begin(), out.best.begin() + count, out.best.end(), better);
        out.best.resize(count);
    }
    std::sort(out.best.begin(), out.best.end(), better);
    return out;
}

Xapian::doccount estimated_matches(const Xapian::Database& db, const CandidateTerms& terms,
                                   Xapian::doccount matched) {
    const double documents = db.get_doccount();
    double estimate = matched;
    for (const ScoredPart& part : terms.others) {
        estimate = either(documents, estimate, synonym_frequency(db, part.terms));
    }
    return std::max(matched,
                    static_cast<Xapian::doccount>(std::lround(std::min(estimate, documents))));
}

}  // namespace qaindex::detail
