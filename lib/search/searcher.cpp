// SPDX-License-Identifier: Apache-2.0
// Searcher: search, Similar Q&A, Related FAQ and entry lookup over one index, reopening as needed.
#include "qaindex/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "index/index_reader.hpp"
#include "index/schema.hpp"
#include "index/shard_list.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/limits.hpp"
#include "search/boost_source.hpp"
#include "search/facets.hpp"
#include "search/free_text.hpp"
#include "search/lexicon_index.hpp"
#include "search/match.hpp"
#include "search/portable_match.hpp"
#include "search/query_builder.hpp"
#include "search/ranking.hpp"
#include "search/related.hpp"
#include "search/scoring.hpp"
#include "search/shard_set.hpp"
#include "search/similar.hpp"
#include "search/snippets.hpp"

namespace qaindex {

std::string_view to_string(Facet facet) {
    return facet == Facet::Specialty ? "specialty" : "symptom";
}

namespace {

namespace fs = std::filesystem;
using detail::QueryPlan;

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

bool filter_empty(const Filter& filter) {
    return filter == Filter{};
}

// A requested size (an offset, a limit: 64 bits) as a count of documents, capped at the
// documents there are: a plain cast to Xapian's 32-bit count would wrap (an offset of 2^32
// would show page 1), and sums of such counts must not overflow.
Xapian::doccount capped_count(std::size_t size, Xapian::doccount documents) {
    return size < documents ? static_cast<Xapian::doccount>(size) : documents;
}

const char* field_name(std::string_view prefix) {
    if (prefix == schema::kTitle) {
        return "title";
    }
    if (prefix == schema::kQuestion) {
        return "question";
    }
    if (prefix == schema::kReply) {
        return "reply";
    }
    return "more_info";
}

constexpr std::string_view kFieldPrefixes[] = {schema::kTitle, schema::kQuestion, schema::kReply,
                                               schema::kMoreInfo};

bool has_term(const Xapian::Document& document, const std::string& term) {
    auto it = document.termlist_begin();
    it.skip_to(term);
    return it != document.termlist_end() && *it == term;
}

std::string replace_word(std::string text, const std::string& word, const std::string& by) {
    auto is_word_byte = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !is_word_byte(text[at - 1]);
        const bool ends = at + word.size() >= text.size() || !is_word_byte(text[at + word.size()]);
        if (starts && ends) {
            return text.replace(at, word.size(), by);
        }
    }
    return text;
}

}  // namespace

struct Searcher::Impl {
    Impl(Xapian::Database database_, std::optional<fs::path> folder_, std::string name_,
         const Lexicon& lexicon_, bool spelling_,
         std::optional<detail::ShardSet> shards_ = std::nullopt)
        : folder(std::move(folder_)),
          shards(std::move(shards_)),
          name(std::move(name_)),
          db(std::move(database_)),
          lexicon(lexicon_),
          lexicon_index(&lexicon_ == &Lexicon::builtin() ? detail::LexiconIndex::of_builtin()
                                                         : detail::LexiconIndex::build(lexicon_)),
          free_text(analyzer, lexicon_, *lexicon_index),
          builder(analyzer, lexicon_, free_text),
          spelling(spelling_),
          matcher(folder),
          cores(std::thread::hardware_concurrency()) {}

    std::optional<fs::path> folder;  // set when opened from a folder: reopen from it
    // Set when opened from a shard list of several shards or a remote one: db joins them, and
    // every match is made of parts that travel (see portable()).
    std::optional<detail::ShardSet> shards;
    std::string name;
    Xapian::Database db;
    const Lexicon& lexicon;
    std::shared_ptr<const detail::LexiconIndex> lexicon_index;
    Analyzer analyzer;
    detail::FreeTextAnalyzer free_text;
    detail::QueryBuilder builder;
    bool spelling;  // the database has a spelling table (disk indexes)
    detail::Matcher matcher;
    unsigned cores;
    bool two_threads = true;                  // see Searcher::set_two_threads
    std::optional<Analyzer> second_analyzer;  // cuts snippets on the second thread
    const detail::ScoringModel& model = detail::ScoringModel::builtin();
    detail::FeatureScorer scorer{free_text.question_words().kind_stems()};

    // A first-stage match scored again by the second stage.
    struct Ranked {
        Xapian::docid docid = 0;
        double score = 0;
        std::optional<detail::FeatureVector> features;  // none: ranked by the first stage
    };

    // A hit to print: its stored entry, read from the index, its weight and the entries it
    // stands for.
    struct Found {
        schema::StoredEntry stored;
        double weight = 0;
        std::optional<Explanation> explanation;
        std::vector<EntryId> duplicates;
        std::size_t duplicate_count = 0;
    };

    void reopen() {
        scorer.clear();
        if (shards) {
            shards->reopen();
            db = shards->database();
            return;
        }
        detail::reopen_index(db, folder);
        if (folder) {
            matcher.reopen();
        }
    }

    // Whether matches must be made of parts that travel to xapian-tcpsrv and of statistics
    // of the joined shards: Xapian's own matcher (match_portably), boosts as PortableBoosts.
    // The Matcher's fast paths read postings and values of one database by its document ids
    // (the candidate pass, the split over two threads, facet tables) and TermBoostSource reads
    // each shard's own statistics; none of that may run on joined shards.
    [[nodiscard]] bool portable() const { return shards.has_value(); }

    detail::MatchResult run_match(const detail::MatchRequest& request) {
        return portable() ? detail::match_portably(db, request) : matcher.run(db, request);
    }

    // In a partial answer, the shards left out may have come back.
    void retry_unavailable_shards() {
        if (shards && shards->retry_unavailable()) {
            db = shards->database();
            scorer.clear();
        }
    }

    // How a sharded index answered: for SearchResults::shards and --explain.
    std::optional<ShardReport> shard_report() const {
        if (!shards) {
            return std::nullopt;
        }
        ShardReport report{.listed = shards->listed(),
                           .remote = shards->remote(),
                           .unavailable = shards->unavailable()};
        report.matcher =
            "Xapian's own matcher over the joined shards (term statistics shared: weights are "
            "one index's); not used: the second thread, the two-pass candidate ranking and the "
            "facet tables; concept boosts as fixed weights (their idf over all shards) instead "
            "of TermBoostSource; facets counted by ValueCountMatchSpy";
        if (report.remote > 0) {
            report.matcher +=
                "; no spelling table over TCP: misspellings are corrected from the lexicon only";
        }
        return report;
    }

    // Runs body, reopening and retrying when a concurrent build changed the index under it,
    // and turning Xapian's errors into ours.
    template <typename Body>
    auto guarded(const std::string& what, Body&& body) -> decltype(body()) {
        for (int attempt = 0;; ++attempt) {
            try {
                return body();
            } catch (const Xapian::DatabaseModifiedError& error) {
                if (attempt >= 2) {
                    throw IndexError(name + ": " + what + ": " + error.get_description());
                }
            } catch (const Xapian::DatabaseOpeningError& error) {
                if (attempt >= 2 || (!folder && !shards)) {
                    throw IndexError(name + ": " + what + ": " + error.get_description());
                }
            } catch (const Xapian::DatabaseError& error) {
                throw IndexError(name + ": " + what + ": " + error.get_description());
            } catch (const Xapian::NetworkError& error) {
                if (!shards || attempt >= 2) {
                    throw IndexError(name + ": " + what + ": " + error.get_description());
                }
                // Names the shard that broke; with partial answers, goes on without it.
                shards->handle_failure(error, what);
                db = shards->database();
                scorer.clear();
                continue;
            } catch (const Xapian::Error& error) {
                throw QueryError(what + ": " + error.get_description());
            }
            try {
                reopen();
            } catch (const Xapian::Error& error) {
                throw IndexError(name + ": cannot reopen: " + error.get_description());
            }
        }
    }

    // How many of the first stage's best the second stage scores again for a query of this
    // brevity: ranking::kRerankDepth for a short question, fewer as it lengthens (its features
    // weigh brevity x their weights, so they move fewer candidates far), never fewer than
    // kRerankDepth x kMinRerankShare.
    static std::size_t rerank_depth(double brevity) {
        namespace r = detail::ranking;
        return static_cast<std::size_t>(std::lround(static_cast<double>(r::kRerankDepth) *
                                                    std::max(r::kMinRerankShare, brevity)));
    }

    // matches (best first by the first stage) in the second stage's order: weights (the
    // use's blended by the query's brevity) over each one's features. Without a query
    // profile (query syntax only, a filter) the first stage's order and weights stand. When
    // the weights weigh the first stage alone the order would be the first stage's anyway, so
    // no feature is computed unless explain asks for the parts. Equal scores keep the first
    // stage's order.
    std::vector<Ranked> rerank(const std::vector<detail::Match>& matches,
                               const detail::QueryProfile& profile, const detail::Weights& weights,
                               bool explain) {
        std::vector<Ranked> out;
        out.reserve(matches.size());
        if (profile.empty() || (!explain && detail::first_stage_alone(weights))) {
            for (const detail::Match& m : matches) {
                out.push_back({m.docid, m.weight});
            }
            return out;
        }
        std::vector<detail::ScoredCandidate> candidates;
        candidates.reserve(matches.size());
        for (const detail::Match& m : matches) {
            candidates.push_back(
                {schema::decode_profile(db.get_document(m.docid, Xapian::DOC_ASSUME_VALID)
                                            .get_value(schema::kProfileSlot)),
                 m.weight});
        }
        const std::vector<detail::FeatureVector> features =
            scorer.features(db, profile, candidates);
        for (std::size_t i = 0; i < matches.size(); ++i) {
            out.push_back({matches[i].docid, detail::FeatureScorer::score(weights, features[i]),
                           features[i]});
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
        return out;
    }

    std::string question_key(Xapian::docid docid) const {
        return db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kQuestionKeySlot);
    }

    // The other entries asking the question of key (but docid and those in listed, which
    // are then added to it): at most Hit::kMaxListedDuplicates of their ids, and how many
    // there are.
    void add_same_question(Found& found, Xapian::docid docid, const std::string& key,
                           std::set<Xapian::docid>& listed) const {
        const std::string term = schema::term(schema::kQuestionKey, key);
        if (db.get_termfreq(term) <= 1) {
            return;
        }
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            if (*it == docid || !listed.insert(*it).second) {
                continue;
            }
            ++found.duplicate_count;
            if (found.duplicates.size() < Hit::kMaxListedDuplicates) {
                found.duplicates.push_back(
                    schema::decode(db.get_document(*it).get_data()).entry.id);
            }
        }
    }

    // The parts of a hit's score: each feature with the weight the query's brevity gives it.
    std::vector<ScorePart> score_parts(const detail::FeatureVector& features,
                                       const detail::Weights& weights) const {
        std::vector<ScorePart> parts;
        for (std::size_t i = 0; i < detail::kFeatureCount; ++i) {
            parts.push_back({std::string(detail::feature_name(static_cast<detail::Feature>(i))),
                             features[i], weights[i]});
        }
        return parts;
    }

    // The postings the plan's boosts and concepts read (see QueryPlan::source_terms).
    Xapian::doccount source_postings(const QueryPlan& plan) const {
        Xapian::doccount postings = 0;
        for (const std::string& term : plan.source_terms) {
            postings += db.get_termfreq(term);
        }
        return postings;
    }

    Xapian::docid find(const EntryId& id) const {
        const std::string term = schema::term(schema::kId, id.value);
        const auto it = db.postlist_begin(term);
        return it == db.postlist_end(term) ? 0 : *it;
    }

    std::string symptom_name(const std::string& id) const {
        const Symptom* symptom = lexicon.find_symptom(id);
        return symptom ? symptom->name : id;
    }

    std::string condition_name(const std::string& id) const {
        const Condition* condition = lexicon.find_condition(id);
        return condition ? condition->name : id;
    }

    // replies: whether the snippet may come from the replies (search) or only from the
    // question (Similar Q&A, which is about questions).
    Hit hit(const schema::StoredEntry& stored, double score, const detail::SnippetTerms& terms,
            std::size_t snippet_bytes, bool replies, Analyzer& snippet_analyzer) const {
        const Consultation& entry = stored.entry;
        Hit hit{.id = entry.id, .score = score, .title = entry.title};
        hit.specialty = stored.specialty ? stored.specialty : entry.specialty();
        for (const Reply& reply : entry.replies) {
            if (reply.doctor) {
                hit.doctor = reply.doctor;
                break;
            }
        }
        hit.asked = entry.asked;
        std::vector<std::string_view> texts{entry.question};
        for (const Reply& reply : entry.replies) {
            if (replies) {
                texts.emplace_back(reply.text);
            }
        }
        hit.snippet = detail::make_snippet(snippet_analyzer, texts, terms, snippet_bytes);
        hit.question_excerpt = detail::excerpt(entry.question);
        if (!entry.replies.empty()) {
            hit.reply_excerpt = detail::excerpt(entry.replies.front().text);
        }
        for (const std::string& id : stored.symptoms) {
            hit.symptoms.push_back(symptom_name(id));
        }
        hit.source = entry.source;
        return hit;
    }

    // The hits of found, in order. Cutting snippets is most of a page's cost once the match
    // is done (about 0.13 ms a hit, analysing the question and replies): from
    // kHitsForTwoThreads hits on, a second thread with an Analyzer of its own takes every
    // other one. Reading the index stays on this thread (its handle is not shared).
    static constexpr std::size_t kHitsForTwoThreads = 4;
    std::vector<Hit> hits(std::vector<Found>&& found, const detail::SnippetTerms& terms,
                          std::size_t snippet_bytes, bool replies) {
        std::vector<Hit> out(found.size());
        auto build = [&](std::size_t from, std::size_t step, Analyzer& with) {
            for (std::size_t i = from; i < found.size(); i += step) {
                out[i] = hit(found[i].stored, found[i].weight, terms, snippet_bytes, replies, with);
                out[i].explanation = std::move(found[i].explanation);
                out[i].duplicates = std::move(found[i].duplicates);
                out[i].duplicate_count = found[i].duplicate_count;
            }
        };
        if (two_threads && cores >= 2 && found.size() >= kHitsForTwoThreads) {
            if (!second_analyzer) {
                second_analyzer.emplace();
            }
            auto other = std::async(std::launch::async, [&] { build(1, 2, *second_analyzer); });
            build(0, 2, analyzer);
            other.get();
        } else {
            build(0, 1, analyzer);
        }
        return out;
    }

    // An Enquire over query, for explain()'s matching terms; none unless asked for.
    std::optional<Xapian::Enquire> explainer_for(const Xapian::Query& query, bool asked) const {
        std::optional<Xapian::Enquire> out;
        if (asked) {
            out.emplace(db);
            out->set_query(query);
        }
        return out;
    }

    // enquire: one whose query is the query that matched docid.
    Explanation explain(const Xapian::Enquire& enquire, Xapian::docid docid,
                        const Xapian::Document& document, const schema::StoredEntry& stored,
                        const QueryPlan& plan) const {
        Explanation out;
        const std::set<std::string> matching(enquire.get_matching_terms_begin(docid),
                                             enquire.get_matching_terms_end(docid));
        for (const std::string& term : matching) {
            // A portable boost matches by its term, a TermBoostSource by no term at all: the
            // same explanation either way (its concepts are listed below).
            if (portable() && std::find(plan.source_terms.begin(), plan.source_terms.end(), term) !=
                                  plan.source_terms.end()) {
                continue;
            }
            if (term.starts_with(schema::kStem) && term.size() > 1) {
                const std::string rest = term.substr(schema::kStem.size());
                bool field_term = false;
                for (const std::string_view prefix : kFieldPrefixes) {
                    if (rest.starts_with(prefix)) {
                        out.matched.push_back({rest.substr(prefix.size()), field_name(prefix)});
                        field_term = true;
                        break;
                    }
                }
                if (field_term) {
                    continue;
                }
                for (const std::string_view prefix : kFieldPrefixes) {
                    std::string field_term_name(schema::kStem);
                    field_term_name += prefix;
                    field_term_name += rest;
                    if (has_term(document, field_term_name)) {
                        out.matched.push_back({rest, field_name(prefix)});
                    }
                }
            } else if (term.starts_with(schema::kSymptomBroader) ||
                       term.starts_with(schema::kSymptom)) {
                const std::size_t prefix = schema::kSymptom.size();
                out.matched.push_back({symptom_name(term.substr(prefix)), "symptom"});
            } else if (term.starts_with(schema::kCondition)) {
                out.matched.push_back(
                    {condition_name(term.substr(schema::kCondition.size())), "condition"});
            } else if (term.starts_with(schema::kSpecialty)) {
                out.matched.push_back({term.substr(schema::kSpecialty.size()), "specialty"});
            } else if (!term.empty() && !(term.front() >= 'A' && term.front() <= 'Z')) {
                out.matched.push_back({term, "text"});
            }
        }
        const std::vector<std::string> matching_list(matching.begin(), matching.end());
        for (const detail::ExpansionGroup& group : plan.expansions) {
            for (std::size_t i = 0; i < group.alternatives.size(); ++i) {
                if (group.alternatives[i].matched_by(matching_list)) {
                    out.synonyms.push_back(group.describe(i));
                }
            }
        }
        auto tagged = [](const std::vector<std::string>& ids, const std::string& id) {
            return std::any_of(ids.begin(), ids.end(), [&](const std::string& x) {
                return schema::lower_ascii(x) == schema::lower_ascii(id);
            });
        };
        for (const Mention& mention : plan.mentions) {
            if (mention.kind == ConceptKind::Symptom && tagged(stored.symptoms, mention.id)) {
                out.symptoms.push_back(symptom_name(mention.id));
            } else if (mention.kind == ConceptKind::Condition &&
                       tagged(stored.conditions, mention.id)) {
                out.conditions.push_back(condition_name(mention.id));
            }
        }
        const auto specialty = stored.specialty ? stored.specialty : stored.entry.specialty();
        if (specialty && std::find(plan.specialties.begin(), plan.specialties.end(), *specialty) !=
                             plan.specialties.end()) {
            out.specialty = specialty;
        }
        return out;
    }

    static void describe_plan(const QueryPlan& plan, const Impl& self, SearchResults& results) {
        for (const Mention& mention : plan.mentions) {
            auto& list =
                mention.kind == ConceptKind::Symptom ? results.symptoms : results.conditions;
            const std::string name = mention.kind == ConceptKind::Symptom
                                         ? self.symptom_name(mention.id)
                                         : self.condition_name(mention.id);
            if (std::find(list.begin(), list.end(), name) == list.end()) {
                list.push_back(name);
            }
        }
        for (const detail::ExpansionGroup& group : plan.expansions) {
            for (std::size_t i = 0; i < group.alternatives.size(); ++i) {
                results.expansions.push_back(group.describe(i));
            }
        }
        results.plain_words = plan.plain_words;
    }

    SearchResults search(const SearchRequest& request) {
        SearchResults results{.query = request.text};
        const detail::FilterQueries filters = builder.filters(request.filter, db);
        const QueryPlan plan = blank(request.text)
                                   ? QueryPlan{}
                                   : builder.plan(request.text, db, request.expand, spelling);
        const Xapian::Query query = detail::QueryBuilder::compose(plan, filters);
        if (query.empty()) {
            throw QueryError("nothing to search for in \"" + request.text +
                             "\": it has no words the index could hold");
        }
        // The second stage scores the first stage's best kRerankDepth (or the whole page
        // asked for); collapsing identical questions may take a deeper look to fill it.
        const auto documents = db.get_doccount();
        const std::size_t offset = capped_count(request.offset, documents);
        const std::size_t wanted = offset + capped_count(request.limit, documents);
        const double brevity = scorer.brevity(plan.profile);
        std::size_t depth = std::max(rerank_depth(brevity), wanted);
        detail::MatchRequest match{.query = query,
                                   .count = capped_count(depth, documents),
                                   .extra_postings = source_postings(plan)};
        if (plan.scored.empty()) {
            match.newest_first = schema::kAskedSlot;
        }

        // Facet counts: a MatchSpy on this match sees every match once check_at_least covers
        // the whole database. A facet whose own filter is set must not be narrowed by it, so
        // it gets a second, unweighted match of the query without that filter; counting the
        // main match and subtracting is not possible (the filter removed those documents).
        std::vector<Facet> facets;
        for (const Facet facet : request.facets) {
            if (std::find(facets.begin(), facets.end(), facet) == facets.end()) {
                facets.push_back(facet);
            }
        }
        auto own_filter_set = [&](Facet facet) {
            return facet == Facet::Specialty ? !filters.specialty.empty()
                                             : !filters.symptom.empty();
        };
        auto facet_slot = [](Facet facet) {
            return detail::FacetSlot{detail::facet_slot(facet), facet == Facet::Symptom};
        };
        std::vector<Facet> counted;  // by the main match, in match.facets' order
        for (const Facet facet : facets) {
            if (!own_filter_set(facet)) {
                match.facets.push_back(facet_slot(facet));
                counted.push_back(facet);
            }
        }
        if (match.facets.empty()) {
            detail::QueryBuilder::CandidatePass pass =
                detail::QueryBuilder::candidate_pass(plan, filters, db);
            match.candidate_query = std::move(pass.query);
            match.candidate_terms = std::move(pass.terms);
            match.candidates = detail::ranking::kRankedCandidates;
        }
        match.check_at_least =
            match.facets.empty() ? capped_count(wanted + detail::ranking::kCheckAtLeast, documents)
                                 : documents;
        detail::MatchResult matched;
        std::vector<Ranked> page;  // the hits up to the page's end, each question once
        std::vector<std::string> page_keys;
        const detail::Weights weights = model.search.blend(brevity);
        for (;;) {
            match.count = capped_count(depth, documents);
            matched = run_match(match);
            const std::vector<Ranked> ranked =
                rerank(matched.matches, plan.profile, weights, request.explain);
            page.clear();
            page_keys.clear();
            for (const Ranked& r : ranked) {
                if (page.size() >= wanted) {
                    break;
                }
                std::string key = request.collapse ? question_key(r.docid) : std::string();
                if (!key.empty() &&
                    std::find(page_keys.begin(), page_keys.end(), key) != page_keys.end()) {
                    continue;
                }
                page.push_back(r);
                page_keys.push_back(std::move(key));
            }
            if (page.size() >= wanted || matched.matches.size() < match.count ||
                match.count == documents) {
                break;
            }
            depth *= 2;
        }
        results.total = matched.estimated;
        const std::optional<Xapian::Enquire> explainer = explainer_for(query, request.explain);
        std::vector<Found> found;
        std::set<Xapian::docid> listed;
        for (std::size_t i = offset; i < page.size(); ++i) {
            const Ranked& r = page[i];
            const Xapian::Document document = db.get_document(r.docid);
            Found& f = found.emplace_back(Found{schema::decode(document.get_data()), r.score});
            if (explainer) {
                f.explanation = explain(*explainer, r.docid, document, f.stored, plan);
                if (r.features) {
                    f.explanation->brevity = brevity;
                    f.explanation->parts = score_parts(*r.features, weights);
                }
            }
            if (!page_keys[i].empty()) {
                add_same_question(f, r.docid, page_keys[i], listed);
            }
        }
        results.hits = hits(std::move(found), plan.highlight, request.snippet_bytes, true);
        std::map<Facet, std::map<std::string, std::size_t>> counts;
        for (std::size_t i = 0; i < counted.size(); ++i) {
            counts[counted[i]] = std::move(matched.facet_counts[i]);
        }
        for (const Facet facet : facets) {
            if (own_filter_set(facet)) {
                detail::MatchResult all =
                    run_match({.query = detail::QueryBuilder::compose(plan, filters, facet),
                               .count = 0,
                               .check_at_least = documents,
                               .weighted = false,
                               .facets = {facet_slot(facet)}});
                counts[facet] = std::move(all.facet_counts.front());
            }
            results.facets.push_back(detail::facet_counts(facet, counts[facet], lexicon));
        }

        if (!plan.corrections.empty()) {
            std::string suggestion = request.text;
            for (const detail::Correction& correction : plan.corrections) {
                suggestion = replace_word(suggestion, correction.written, correction.corrected);
            }
            if (suggestion != request.text) {
                results.suggestion = suggestion;
            }
        }
        describe_plan(plan, *this, results);
        results.shards = shard_report();
        return results;
    }

    SearchResults similar(const SimilarRequest& request) {
        QueryPlan plan;
        std::set<std::string> source_stems;
        std::string source_key;
        Xapian::docid source = 0;
        if (request.id) {
            source = find(*request.id);
            if (source == 0) {
                throw UsageError("no entry with id \"" + request.id->value + "\" in " + name);
            }
            const Xapian::Document document = db.get_document(source);
            const schema::StoredEntry stored = schema::decode(document.get_data());
            // Searched like a long question: the strongest words everywhere, the others in
            // titles and questions (entry_terms() returns them strongest first).
            detail::FreeTextQuery words;
            words.terms = detail::entry_terms(db, source);
            for (std::size_t i = 0; i < words.terms.size(); ++i) {
                words.terms[i].questions_only = i >= detail::ranking::kFullTextWords;
                plan.highlight.stems.insert(words.terms[i].term.substr(schema::kStem.size()));
            }
            plan.scored = words.query();
            plan.scored_parts = words.parts();
            plan.profile = detail::entry_query_profile(
                schema::decode_profile(document.get_value(schema::kProfileSlot)));
            for (const std::string& id : stored.symptoms) {
                plan.mentions.push_back({.kind = ConceptKind::Symptom, .id = id});
            }
            for (const std::string& id : stored.conditions) {
                plan.mentions.push_back({.kind = ConceptKind::Condition, .id = id});
            }
            if (stored.specialty) {
                plan.specialties.push_back(*stored.specialty);
            }
            // The entry's own specialty says what its symptoms' usual ones only suggest; each
            // boost is a posting list read for every candidate (this one halved the match
            // time of Similar Q&A at 100,000 entries).
            builder.add_boosts(plan, detail::ranking::kSimilarSpecialtyBoost,
                               !stored.specialty.has_value());
            source_stems = detail::question_stems(db, source);
            source_key = document.get_value(schema::kQuestionKeySlot);
        } else {
            if (blank(request.text)) {
                throw UsageError("empty question: give an entry id or the text of a question");
            }
            plan = builder.plan_free_text(request.text, db, true, spelling);
        }
        SearchResults results{.query = request.id ? request.id->value : request.text};
        const detail::FilterQueries filters = builder.filters(request.filter, db);
        Xapian::Query query = detail::QueryBuilder::compose(plan, filters);
        if (plan.scored.empty() || query.empty()) {
            describe_plan(plan, *this, results);
            results.shards = shard_report();
            return results;  // nothing distinctive to look for
        }
        auto [candidates, candidate_terms] =
            detail::QueryBuilder::candidate_pass(plan, filters, db);
        if (source != 0) {
            const std::string id_term = schema::term(schema::kId, request.id->value);
            const Xapian::Query self(id_term);
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, self);
            if (!candidates.empty()) {
                candidates = Xapian::Query(Xapian::Query::OP_AND_NOT, candidates, self);
            }
            candidate_terms.excluded.push_back(id_term);
        }
        const std::optional<Xapian::Enquire> explainer = explainer_for(query, request.explain);
        const Xapian::doccount extra_postings = source_postings(plan);
        // An entry's Similar Q&A leaves out its own question asked again (the same key, or
        // nearly the same words); with collapse, a hit stands for the later ones asking its
        // question or nearly its words. A new question's near-twins are its best answers.
        const auto documents = db.get_doccount();
        const std::size_t limit = capped_count(request.limit, documents);
        const double brevity = scorer.brevity(plan.profile);
        std::size_t depth =
            std::max(rerank_depth(brevity), limit * detail::ranking::kSimilarOverfetch + 10);
        std::vector<Found> found;
        // A new question is ranked as a search of it (the same task: entries asking what it
        // asks), so by the search weights, fitted for questions; an entry by the similar ones.
        const detail::Weights weights =
            source != 0 ? model.similar.blend(brevity) : model.search.blend(brevity);
        for (;;) {
            const detail::MatchResult matched =
                run_match({.query = query,
                           .count = capped_count(depth, documents),
                           .extra_postings = extra_postings,
                           .candidate_query = candidates,
                           .candidate_terms = candidate_terms,
                           .candidates = detail::ranking::kRankedCandidates});
            const std::vector<Ranked> ranked =
                rerank(matched.matches, plan.profile, weights, request.explain);
            found.clear();
            detail::DuplicateFilter near;
            std::vector<std::string> keys;
            std::set<Xapian::docid> listed;  // under a hit already
            for (const Ranked& r : ranked) {
                if (found.size() >= limit) {
                    break;
                }
                if (r.docid == source || listed.contains(r.docid)) {
                    continue;
                }
                std::string key = question_key(r.docid);
                if (source != 0 && key == source_key) {
                    continue;
                }
                if (request.collapse && std::find(keys.begin(), keys.end(), key) != keys.end()) {
                    continue;  // listed under its first hit by add_same_question
                }
                std::set<std::string> stems = detail::question_stems(db, r.docid);
                if (source != 0 && detail::jaccard(stems, source_stems) >=
                                       detail::ranking::kNearDuplicateJaccard) {
                    continue;
                }
                const Xapian::Document document = db.get_document(r.docid);
                schema::StoredEntry stored = schema::decode(document.get_data());
                if (const auto repeated = request.collapse ? near.repeated(stems) : std::nullopt) {
                    Found& first = found[*repeated];
                    listed.insert(r.docid);
                    ++first.duplicate_count;
                    if (first.duplicates.size() < Hit::kMaxListedDuplicates) {
                        first.duplicates.push_back(stored.entry.id);
                    }
                    continue;
                }
                near.add(std::move(stems));
                Found& f = found.emplace_back(Found{std::move(stored), r.score});
                if (explainer) {
                    f.explanation = explain(*explainer, r.docid, document, f.stored, plan);
                    if (r.features) {
                        f.explanation->brevity = brevity;
                        f.explanation->parts = score_parts(*r.features, weights);
                    }
                }
                if (request.collapse) {
                    add_same_question(f, r.docid, key, listed);
                }
                keys.push_back(std::move(key));
            }
            if (found.size() >= limit || matched.matches.size() < capped_count(depth, documents) ||
                capped_count(depth, documents) == documents) {
                break;
            }
            depth *= 2;
        }
        results.hits = hits(std::move(found), plan.highlight, 240, false);
        results.total = results.hits.size();
        describe_plan(plan, *this, results);
        results.shards = shard_report();
        return results;
    }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Searcher Searcher::open(const fs::path& database, const Lexicon* lexicon) {
    return open(database, SearcherOptions{.lexicon = lexicon});
}

Searcher Searcher::open(const fs::path& database, const SearcherOptions& options) {
    const Lexicon& chosen = options.lexicon ? *options.lexicon : Lexicon::builtin();
    const std::optional<fs::path> list_file = detail::shard_list_file(database);
    if (!list_file) {
        return Searcher(std::make_unique<Impl>(detail::open_index_folder(database), database,
                                               database.string(), chosen, true));
    }
    detail::ShardList list = detail::ShardList::read(*list_file);
    if (list.shards.size() == 1 && !list.any_remote()) {
        // One local shard holding a whole corpus is an index folder like any other, with every
        // fast path; one shard of several is checked (and joined) like the others.
        const fs::path folder = list.shards.front().folder;
        Xapian::Database db = detail::open_index_folder(folder);
        if (db.get_metadata(std::string(schema::kMetaShard)).empty()) {
            return Searcher(
                std::make_unique<Impl>(std::move(db), folder, folder.string(), chosen, true));
        }
    }
    const bool spelling = !list.any_remote();  // the remote protocol has no spelling calls
    detail::ShardSet shards(std::move(list), options.allow_partial);
    Xapian::Database joined = shards.database();
    const std::string name = shards.name();
    return Searcher(std::make_unique<Impl>(std::move(joined), std::nullopt, name, chosen, spelling,
                                           std::move(shards)));
}

Searcher Searcher::open(const IndexWriter& writer, const Lexicon* lexicon) {
    detail::WriterDatabase opened = detail::writer_database(writer);
    const Lexicon& chosen = lexicon ? *lexicon : *opened.lexicon;
    return Searcher(std::make_unique<Impl>(std::move(opened.database), std::nullopt,
                                           std::move(opened.name), chosen, opened.on_disk));
}

SearchResults Searcher::search(const SearchRequest& request) {
    if (blank(request.text) && filter_empty(request.filter)) {
        throw UsageError("empty query: give words to search for, or a filter");
    }
    if (const auto problem = query_too_long(request.text)) {
        throw UsageError(*problem);
    }
    return impl_->guarded("search \"" + request.text + "\"", [&] {
        impl_->retry_unavailable_shards();
        const detail::PortableBoosts boosts(impl_->portable() ? &impl_->db : nullptr);
        return impl_->search(request);
    });
}

SearchResults Searcher::similar(const SimilarRequest& request) {
    if (request.id && !request.text.empty()) {
        throw UsageError("a Similar Q&A request names entry " + request.id->value +
                         " and text: give one or the other");
    }
    if (const auto problem = query_too_long(request.text)) {
        throw UsageError(*problem);
    }
    const std::string what = request.id ? "similar to entry " + request.id->value
                                        : "similar to \"" + request.text + "\"";
    return impl_->guarded(what, [&] {
        impl_->retry_unavailable_shards();
        const detail::PortableBoosts boosts(impl_->portable() ? &impl_->db : nullptr);
        return impl_->similar(request);
    });
}

std::vector<RelatedFaq> Searcher::related(const RelatedRequest& request) {
    const EntryId& id = request.id;
    return impl_->guarded("related topics of entry " + id.value, [&] {
        const Xapian::docid docid = impl_->find(id);
        if (docid == 0) {
            throw UsageError("no entry with id \"" + id.value + "\" in " + impl_->name);
        }
        const schema::StoredEntry stored = schema::decode(impl_->db.get_document(docid).get_data());
        return detail::related_topics(impl_->db, stored, impl_->lexicon, request.limit);
    });
}

std::optional<Consultation> Searcher::entry(const EntryId& id) {
    return impl_->guarded("entry " + id.value, [&]() -> std::optional<Consultation> {
        const Xapian::docid docid = impl_->find(id);
        if (docid == 0) {
            return std::nullopt;
        }
        return schema::decode_whole(impl_->db.get_document(docid).get_data()).entry;
    });
}

std::size_t Searcher::size() const {
    return impl_->db.get_doccount();
}

void Searcher::set_two_threads(bool allowed) {
    impl_->two_threads = allowed;
    impl_->matcher.set_two_threads(allowed);
}

void Searcher::set_two_passes(bool allowed) {
    impl_->matcher.set_two_passes(allowed);
}

void Searcher::reopen() {
    impl_->guarded("reopen", [&] {
        impl_->reopen();
        return 0;
    });
}

}  // namespace qaindex
