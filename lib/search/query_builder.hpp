// SPDX-License-Identifier: Apache-2.0
// QueryBuilder: a request's text and filter to Xapian queries, with what was recognised on the way.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/analyzer.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/search.hpp"
#include "search/candidates.hpp"
#include "search/free_text.hpp"
#include "search/query_parser.hpp"
#include "search/snippets.hpp"

namespace qaindex::detail {

/// The text part of a query and everything learnt while building it.
struct QueryPlan {
    Xapian::Query scored;  ///< the ranked part; empty for a filter-only query
    Xapian::Query boosts;  ///< concept boosts (OP_AND_MAYBE onto scored); may be empty
    /// scored's parts as plain terms when it is free text (one per subquery), else empty.
    std::vector<ScoredPart> scored_parts;
    std::vector<ScoredPart> boost_parts;      ///< boosts' parts as plain terms
    std::set<std::string> searched_concepts;  ///< concept terms the scored part searches
    /// Terms read through a TermBoostSource (boosts and searched concepts): the matcher does
    /// not see them among the query's terms, but reads their postings all the same.
    std::vector<std::string> source_terms;
    std::vector<Mention> mentions;  ///< symptoms and conditions named, not negated
    std::vector<ExpansionGroup> expansions;
    std::vector<Correction> corrections;
    std::vector<std::string> specialties;  ///< named or implied by the mentions
    SnippetTerms highlight;
    bool plain_words = false;  ///< the syntax was rejected: built from the plain words
    QueryProfile profile;      ///< what the second stage weighs (the free words' profiles)
};

/// The filter of a request as queries, one per field, so a facet can leave its own out.
struct FilterQueries {
    Xapian::Query specialty;
    Xapian::Query symptom;
    Xapian::Query rest;  ///< dates, sex, age group, language (ANDed)

    [[nodiscard]] bool empty() const {
        return specialty.empty() && symptom.empty() && rest.empty();
    }
};

/// Builds queries for one Searcher (it holds a FreeTextAnalyzer, hence one Analyzer).
class QueryBuilder {
  public:
    QueryBuilder(Analyzer& analyzer, const Lexicon& lexicon, FreeTextAnalyzer& free_text);

    /// The plan for text (which may use the query syntax). Never throws for bad syntax: text
    /// the parser rejects, or with a specialty:/symptom: value the lexicon does not know, is
    /// searched as plain words (QueryPlan::plain_words).
    [[nodiscard]] QueryPlan plan(std::string_view text, const Xapian::Database& db, bool expand,
                                 bool spelling);

    /// The plan for free words only (no syntax): Similar Q&A for new text.
    [[nodiscard]] QueryPlan plan_free_text(std::string_view text, const Xapian::Database& db,
                                           bool expand, bool spelling);

    /// Adds concept boosts to plan for its mentions and specialties (done by plan()), and,
    /// when implied_specialties, a smaller one for the usual specialties of its mentions.
    void add_boosts(QueryPlan& plan, double specialty_boost, bool implied_specialties = true) const;

    /// The queries of filter. Throws UsageError naming the value and the known ones for a
    /// specialty or symptom neither the lexicon nor the index knows.
    [[nodiscard]] FilterQueries filters(const Filter& filter, const Xapian::Database& db) const;

    /// The whole query: plan's scored part with its boosts, filtered by filters, leaving out
    /// the filter of ignore if given (facet counts). An empty Query if
    /// there is nothing to run.
    [[nodiscard]] static Xapian::Query compose(const QueryPlan& plan, const FilterQueries& filters,
                                               std::optional<Facet> ignore = std::nullopt);

    /// A costly match's candidate pass (see Matcher).
    struct CandidatePass {
        /// compose() without the scored parts held by more than ranking::kCommonPartShare of
        /// the database's entries.
        Xapian::Query query;
        /// The same candidates as plain terms, scored faster (best_candidates); empty when
        /// the plan's scored part is not free text.
        CandidateTerms terms;
    };
    /// Plan's candidate pass, its rarer parts chosen once for both forms. Both are empty when
    /// plan's scored part is not a disjunction of more than ranking::kFullTextWords parts (a
    /// long question), when no part or every part is that common, or when filters are set (a
    /// filtered match is cheaper, and its total exact up to ranking::kCheckAtLeast).
    [[nodiscard]] static CandidatePass candidate_pass(const QueryPlan& plan,
                                                      const FilterQueries& filters,
                                                      const Xapian::Database& db);

    /// The filter term query for a specialty in any lexicon form, or nullopt.
    [[nodiscard]] std::optional<Xapian::Query> specialty_query(std::string_view value,
                                                               const Xapian::Database& db) const;
    /// The filter query for a symptom (itself or any narrower one) or a condition, or nullopt.
    [[nodiscard]] std::optional<Xapian::Query> symptom_query(std::string_view value) const;

  private:
    struct Failure {};  // a part the syntax cannot take: fall back to plain words
    Xapian::Query build(const QueryNode& node, QueryPlan& plan, const Xapian::Database& db,
                        bool expand, bool spelling);
    Xapian::Query field_words(const QueryNode& node, QueryPlan& plan);
    Xapian::Query phrase(const QueryNode& node, QueryPlan& plan);
    // Adds a quoted phrase's words to the profile the second stage weighs, as free words are
    // (each content stem once, every word in text_words, consecutive content stems as pairs):
    // without them 'What is the "dawn" phenomenon?' was scored on "phenomenon" alone.
    void add_to_profile(std::string_view text, QueryProfile& profile) const;
    void absorb(FreeTextQuery&& text, QueryPlan& plan) const;
    // The indexes of plan's scored parts that candidates are chosen by (see candidate_pass),
    // or none when there are no candidates to choose.
    static std::vector<std::size_t> rarer_parts(const QueryPlan& plan, const FilterQueries& filters,
                                                const Xapian::Database& db);

    Analyzer& analyzer_;
    const Lexicon& lexicon_;
    FreeTextAnalyzer& free_text_;
};

}  // namespace qaindex::detail
