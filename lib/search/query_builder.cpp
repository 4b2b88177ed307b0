// SPDX-License-Identifier: Apache-2.0
// QueryBuilder: the parsed query tree, concept boosts and filters as Xapian queries.
#include "search/query_builder.hpp"

#include <algorithm>
#include <map>

#include "index/schema.hpp"
#include "qaindex/errors.hpp"
#include "search/boost_source.hpp"
#include "search/filter_values.hpp"
#include "search/match.hpp"
#include "search/ranking.hpp"

namespace qaindex::detail {
namespace {

std::string_view field_prefix(QueryField field) {
    switch (field) {
        case QueryField::Title:
            return schema::kTitle;
        case QueryField::Question:
            return schema::kQuestion;
        case QueryField::Reply:
            return schema::kReply;
        case QueryField::MoreInfo:
            return schema::kMoreInfo;
        default:
            return {};
    }
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    std::vector<Xapian::Query> present;
    for (const Xapian::Query& part : parts) {
        if (!part.empty()) {
            present.push_back(part);
        }
    }
    if (present.empty()) {
        return {};
    }
    if (present.size() == 1) {
        return present.front();
    }
    return Xapian::Query(op, present.begin(), present.end());
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

}  // namespace

QueryBuilder::QueryBuilder(Analyzer& analyzer, const Lexicon& lexicon, FreeTextAnalyzer& free_text)
    : analyzer_(analyzer), lexicon_(lexicon), free_text_(free_text) {}

void QueryBuilder::absorb(FreeTextQuery&& text, QueryPlan& plan) const {
    for (Mention& mention : text.mentions) {
        if (!mention.negated) {
            plan.mentions.push_back(std::move(mention));
        }
    }
    for (ExpansionGroup& expansion : text.expansions) {
        plan.expansions.push_back(std::move(expansion));
    }
    for (Correction& correction : text.corrections) {
        plan.corrections.push_back(std::move(correction));
    }
    for (const std::string& specialty : text.named_specialties) {
        add_unique(plan.specialties, specialty);
    }
    for (std::string& stem : text.highlight_stems) {
        plan.highlight.stems.insert(std::move(stem));
    }
    for (std::string& word : text.highlight_words) {
        plan.highlight.exact.insert(std::move(word));
    }
    for (std::string& stem : text.secondary_stems) {
        plan.highlight.secondary.insert(std::move(stem));
    }
    for (std::string& term : text.concept_terms) {
        plan.source_terms.push_back(term);
        plan.searched_concepts.insert(std::move(term));
    }
    // A query of several free-word runs ("a AND b") is weighed as all of them together, a word
    // in two of them once, at the larger weight.
    QueryProfile& profile = plan.profile;
    for (QueryProfile::Word& word : text.profile.words) {
        const auto same =
            std::find_if(profile.words.begin(), profile.words.end(),
                         [&](const QueryProfile::Word& w) { return w.stem == word.stem; });
        if (same == profile.words.end()) {
            profile.words.push_back(std::move(word));
            continue;
        }
        same->weight = std::max(same->weight, word.weight);
        same->focus = same->focus || word.focus;
        for (std::string& form : word.forms) {
            add_unique(same->forms, form);
        }
    }
    for (std::string& word : text.profile.text_words) {
        profile.text_words.push_back(std::move(word));
    }
    for (auto& pair : text.profile.pairs) {
        profile.pairs.push_back(std::move(pair));
    }
    for (const std::string& term : text.profile.concepts) {
        add_unique(profile.concepts, term);
    }
    for (const std::string& term : text.profile.focus_concepts) {
        add_unique(profile.focus_concepts, term);
    }
    for (const std::string& kind : text.profile.kinds) {
        add_unique(profile.kinds, kind);
    }
}

QueryPlan QueryBuilder::plan_free_text(std::string_view text, const Xapian::Database& db,
                                       bool expand, bool spelling) {
    QueryPlan plan;
    FreeTextQuery words = free_text_.analyse(text, db, expand, spelling);
    plan.scored = words.query();
    plan.scored_parts = words.parts();
    const std::size_t named = words.named_specialties.size();
    absorb(std::move(words), plan);
    if (expand) {
        add_boosts(plan, named > 0 ? ranking::kNamedSpecialtyBoost : 0.0);
    }
    return plan;
}

QueryPlan QueryBuilder::plan(std::string_view text, const Xapian::Database& db, bool expand,
                             bool spelling) {
    if (!has_query_syntax(text)) {
        return plan_free_text(text, db, expand, spelling);
    }
    if (const auto tree = parse_query(text)) {
        try {
            QueryPlan plan;
            plan.scored = build(*tree, plan, db, expand, spelling);
            if (expand) {
                add_boosts(plan, plan.specialties.empty() ? 0.0 : ranking::kNamedSpecialtyBoost);
            }
            return plan;
        } catch (const Failure&) {
            // fall through to plain words
        }
    }
    QueryPlan plan = plan_free_text(plain_words(text), db, expand, spelling);
    plan.plain_words = true;
    return plan;
}

void QueryBuilder::add_boosts(QueryPlan& plan, double specialty_boost,
                              bool implied_specialties) const {
    std::vector<Xapian::Query> boosts;
    plan.boost_parts.clear();
    auto boost = [&](const std::string& term, double factor) {
        boosts.push_back(boost_query(term, factor));
        plan.boost_parts.push_back({.terms = {term}, .factor = factor, .boolean = true});
        plan.source_terms.push_back(term);
    };
    std::vector<std::string> seen;
    std::vector<std::string> implied;
    for (const Mention& mention : plan.mentions) {
        const bool symptom = mention.kind == ConceptKind::Symptom;
        const std::string term =
            schema::concept_term(symptom ? schema::kSymptom : schema::kCondition, mention.id);
        if (std::find(seen.begin(), seen.end(), term) != seen.end()) {
            continue;
        }
        seen.push_back(term);
        // Concepts the words named are searched with them already (FreeTextQuery).
        if (!plan.searched_concepts.contains(term)) {
            boost(term, ranking::kConceptBoost);
        }
        if (!implied_specialties) {
            continue;
        }
        if (symptom) {
            if (const Symptom* s = lexicon_.find_symptom(mention.id)) {
                for (const std::string& specialty : s->specialties) {
                    add_unique(implied, specialty);
                }
            }
        } else if (const Condition* c = lexicon_.find_condition(mention.id)) {
            for (const std::string& specialty : c->specialties) {
                add_unique(implied, specialty);
            }
        }
    }
    // Specialties the text names get specialty_boost; those implied by its symptoms a little.
    for (const std::string& specialty : plan.specialties) {
        if (specialty_boost > 0) {
            boost(schema::term(schema::kSpecialty, schema::slug(specialty)), specialty_boost);
        }
    }
    for (const std::string& specialty : implied) {
        if (std::find(plan.specialties.begin(), plan.specialties.end(), specialty) ==
            plan.specialties.end()) {
            boost(schema::term(schema::kSpecialty, schema::slug(specialty)),
                  ranking::kImpliedSpecialtyBoost);
            plan.specialties.push_back(specialty);
        }
    }
    plan.boosts = combine(Xapian::Query::OP_OR, boosts);
}

Xapian::Query QueryBuilder::build(const QueryNode& node, QueryPlan& plan,
                                  const Xapian::Database& db, bool expand, bool spelling) {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
        case Kind::Words: {
            if (node.field != QueryField::Any) {
                return field_words(node, plan);
            }
            FreeTextQuery words = free_text_.analyse(node.text, db, expand, spelling);
            Xapian::Query query = words.query();
            absorb(std::move(words), plan);
            return query;
        }
        case Kind::Phrase:
            return phrase(node, plan);
        case Kind::Value: {
            auto query = node.field == QueryField::Specialty ? specialty_query(node.text, db)
                                                             : symptom_query(node.text);
            if (!query) {
                throw Failure{};
            }
            // Alone, a value is a filter: weight 0 for every document it matches.
            return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *query, 0.0);
        }
        case Kind::Seq: {
            std::vector<Xapian::Query> ranked;
            std::map<QueryField, std::vector<Xapian::Query>> values;
            for (const QueryNode& child : node.children) {
                if (child.kind == Kind::Value) {
                    auto query = child.field == QueryField::Specialty
                                     ? specialty_query(child.text, db)
                                     : symptom_query(child.text);
                    if (!query) {
                        throw Failure{};
                    }
                    values[child.field].push_back(*query);
                } else {
                    ranked.push_back(build(child, plan, db, expand, spelling));
                }
            }
            Xapian::Query scored = combine(Xapian::Query::OP_OR, ranked);
            std::vector<Xapian::Query> filters;
            for (const auto& [field, alternatives] : values) {
                filters.push_back(combine(Xapian::Query::OP_OR, alternatives));
            }
            Xapian::Query filter = combine(Xapian::Query::OP_AND, filters);
            if (filter.empty()) {
                return scored;
            }
            if (scored.empty()) {
                return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0);
            }
            return Xapian::Query(Xapian::Query::OP_FILTER, scored, filter);
        }
        case Kind::And:
        case Kind::Or: {
            std::vector<Xapian::Query> parts;
            for (const QueryNode& child : node.children) {
                parts.push_back(build(child, plan, db, expand, spelling));
            }
            return combine(node.kind == Kind::And ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                           parts);
        }
        case Kind::AndNot: {
            Xapian::Query left = build(node.children.at(0), plan, db, expand, spelling);
            // Words excluded are not highlighted nor expanded: build them without the plan.
            QueryPlan ignored;
            Xapian::Query right = build(node.children.at(1), ignored, db, false, false);
            if (left.empty()) {
                throw Failure{};
            }
            return right.empty() ? left : Xapian::Query(Xapian::Query::OP_AND_NOT, left, right);
        }
    }
    return {};
}

Xapian::Query QueryBuilder::field_words(const QueryNode& node, QueryPlan& plan) {
    std::vector<Xapian::Query> parts;
    for (const Token& token : analyzer_.analyze(node.text)) {
        if (token.stopword || token.term.empty() || token.term.size() > schema::kMaxTermBytes) {
            continue;
        }
        std::string term(schema::kStem);
        term += field_prefix(node.field);
        term += token.stem;
        parts.emplace_back(term);
        plan.highlight.stems.insert(token.stem);
    }
    return combine(Xapian::Query::OP_OR, parts);
}

void QueryBuilder::add_to_profile(std::string_view text, QueryProfile& profile) const {
    std::string previous;  // the last content stem, for pairs
    for (const Token& token : analyzer_.analyze(text)) {
        if (token.kind == TokenKind::Compound || token.term.empty() ||
            token.term.size() > schema::kMaxTermBytes) {
            continue;
        }
        if (token.stopword) {
            profile.text_words.push_back(schema::kProfileStopWord + token.term);
            continue;
        }
        profile.text_words.push_back(token.stem);
        if (std::none_of(profile.words.begin(), profile.words.end(),
                         [&](const QueryProfile::Word& w) { return w.stem == token.stem; })) {
            profile.words.push_back({.stem = token.stem});
        }
        if (!previous.empty() && previous != token.stem &&
            profile.pairs.size() < ranking::kMaxQueryPairs) {
            profile.pairs.emplace_back(previous, token.stem);
        }
        previous = token.stem;
    }
}

Xapian::Query QueryBuilder::phrase(const QueryNode& node, QueryPlan& plan) {
    std::vector<std::string> terms;
    std::vector<Xapian::Query> field_terms;
    Xapian::termpos first = 0;
    Xapian::termpos last = 0;
    for (const Token& token : analyzer_.analyze(node.text)) {
        if (token.kind == TokenKind::Compound || token.term.empty() ||
            token.term.size() > schema::kMaxTermBytes) {
            continue;
        }
        if (terms.empty()) {
            first = token.position;
        }
        last = token.position;
        terms.push_back(token.term);
        if (!token.stopword) {
            plan.highlight.exact.insert(token.term);
            if (node.field != QueryField::Any) {
                std::string term(schema::kStem);
                term += field_prefix(node.field);
                term += token.stem;
                field_terms.emplace_back(term);
            }
        }
    }
    if (terms.empty()) {
        return {};
    }
    add_to_profile(node.text, plan.profile);
    // Stop words stay in a quoted phrase: "the who" is not "who".
    Xapian::Query query = terms.size() == 1 ? Xapian::Query(terms.front())
                                            : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(),
                                                            terms.end(), last - first + 1);
    if (field_terms.empty()) {
        return query;
    }
    // Positions are not kept per field, so a phrase in a field is the phrase anywhere and
    // each of its words in that field.
    std::vector<Xapian::Query> parts{query};
    parts.insert(parts.end(), field_terms.begin(), field_terms.end());
    return combine(Xapian::Query::OP_AND, parts);
}

std::optional<Xapian::Query> QueryBuilder::specialty_query(std::string_view value,
                                                           const Xapian::Database& db) const {
    if (const auto canonical = lexicon_.canonical_specialty(value)) {
        return Xapian::Query(schema::term(schema::kSpecialty, schema::slug(*canonical)));
    }
    // A specialty the lexicon does not know is indexed as written.
    const std::string term = schema::term(schema::kSpecialty, schema::slug(value));
    if (!schema::slug(value).empty() && db.term_exists(term)) {
        return Xapian::Query(term);
    }
    return std::nullopt;
}

std::optional<Xapian::Query> QueryBuilder::symptom_query(std::string_view value) const {
    if (const Symptom* symptom = lexicon_.find_symptom(value)) {
        return Xapian::Query(
            Xapian::Query::OP_OR,
            Xapian::Query(schema::concept_term(schema::kSymptom, symptom->id)),
            Xapian::Query(schema::concept_term(schema::kSymptomBroader, symptom->id)));
    }
    if (const Condition* condition = lexicon_.find_condition(value)) {
        return Xapian::Query(schema::concept_term(schema::kCondition, condition->id));
    }
    return std::nullopt;
}

FilterQueries QueryBuilder::filters(const Filter& filter, const Xapian::Database& db) const {
    FilterQueries out;
    std::vector<Xapian::Query> specialties;
    for (const std::string& value : filter.specialties) {
        auto query = specialty_query(value, db);
        if (!query) {
            std::string known;
            for (const Specialty& specialty : lexicon_.specialties()) {
                known += known.empty() ? "" : ", ";
                known += specialty.name;
            }
            throw UsageError("unknown specialty \"" + value + "\"; known specialties: " + known);
        }
        specialties.push_back(*query);
    }
    out.specialty = combine(Xapian::Query::OP_OR, specialties);

    std::vector<Xapian::Query> symptoms;
    for (const std::string& value : filter.symptoms) {
        auto query = symptom_query(value);
        if (!query) {
            throw UsageError("unknown symptom \"" + value +
                             "\": give a symptom or condition the lexicon knows, by name or id");
        }
        symptoms.push_back(*query);
    }
    out.symptom = combine(Xapian::Query::OP_OR, symptoms);

    std::vector<Xapian::Query> rest;
    if (filter.since && filter.until && *filter.until < *filter.since) {
        throw UsageError("the --until date " + filter.until->to_string() +
                         " is before the --since date " + filter.since->to_string());
    }
    if (filter.since && filter.until) {
        rest.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kAskedSlot,
                          schema::date_value(*filter.since), schema::date_value(*filter.until));
    } else if (filter.since) {
        rest.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kAskedSlot,
                          schema::date_value(*filter.since));
    } else if (filter.until) {
        rest.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kAskedSlot,
                          schema::date_value(*filter.until));
    }
    if (filter.sex) {
        rest.emplace_back(schema::term(schema::kSex, to_string(*filter.sex)));
    }
    if (filter.age_group) {
        rest.emplace_back(schema::term(schema::kAgeGroup, filter_age_group(*filter.age_group)));
    }
    if (filter.language) {
        rest.emplace_back(schema::term(schema::kLanguage, filter_language(*filter.language)));
    }
    out.rest = combine(Xapian::Query::OP_AND, rest);
    return out;
}

Xapian::Query QueryBuilder::compose(const QueryPlan& plan, const FilterQueries& filters,
                                    std::optional<Facet> ignore) {
    std::vector<Xapian::Query> filter_parts{filters.rest};
    if (ignore != Facet::Specialty) {
        filter_parts.push_back(filters.specialty);
    }
    if (ignore != Facet::Symptom) {
        filter_parts.push_back(filters.symptom);
    }
    const Xapian::Query filter = combine(Xapian::Query::OP_AND, filter_parts);
    Xapian::Query scored = plan.scored;
    if (!scored.empty() && !plan.boosts.empty()) {
        scored = Xapian::Query(Xapian::Query::OP_AND_MAYBE, scored, plan.boosts);
    }
    if (scored.empty()) {
        return filter.empty() ? Xapian::Query()
                              : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0);
    }
    return filter.empty() ? scored : Xapian::Query(Xapian::Query::OP_FILTER, scored, filter);
}

std::vector<std::size_t> QueryBuilder::rarer_parts(const QueryPlan& plan,
                                                   const FilterQueries& filters,
                                                   const Xapian::Database& db) {
    // A short query's common word may be what the user is after: only long questions (more
    // parts than are looked for everywhere) have rarer words enough to find the candidates.
    // A filtered match reads little beyond the filter's entries, and counts them exactly.
    const std::size_t parts = plan.scored.get_num_subqueries();
    if (plan.scored.get_type() != Xapian::Query::OP_OR || parts <= ranking::kFullTextWords ||
        !filters.empty()) {
        return {};
    }
    const double common = ranking::kCommonPartShare * db.get_doccount();
    std::vector<std::size_t> rarer;
    for (std::size_t i = 0; i < parts; ++i) {
        // Posting sources (concepts) have no terms: kept.
        if (static_cast<double>(term_postings(db, plan.scored.get_subquery(i))) <= common) {
            rarer.push_back(i);
        }
    }
    if (rarer.size() == parts) {
        return {};
    }
    return rarer;
}

QueryBuilder::CandidatePass QueryBuilder::candidate_pass(const QueryPlan& plan,
                                                         const FilterQueries& filters,
                                                         const Xapian::Database& db) {
    CandidatePass out;
    const std::vector<std::size_t> rarer = rarer_parts(plan, filters, db);
    if (rarer.empty()) {
        return out;
    }
    std::vector<Xapian::Query> parts;
    parts.reserve(rarer.size());
    for (const std::size_t i : rarer) {
        parts.push_back(plan.scored.get_subquery(i));
    }
    QueryPlan candidates;
    candidates.scored = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    candidates.boosts = plan.boosts;
    out.query = compose(candidates, {});

    if (plan.scored_parts.size() != plan.scored.get_num_subqueries()) {
        return out;  // not free text: no plain terms
    }
    for (std::size_t i = 0, next = 0; i < plan.scored_parts.size(); ++i) {
        if (next < rarer.size() && rarer[next] == i) {
            out.terms.parts.push_back(plan.scored_parts[i]);
            ++next;
        } else {
            out.terms.others.push_back(plan.scored_parts[i]);
        }
    }
    out.terms.boosts = plan.boost_parts;
    return out;
}

}  // namespace qaindex::detail
