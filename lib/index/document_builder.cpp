// SPDX-License-Identifier: Apache-2.0
// Builds the Xapian document of one consultation: text terms per field, filter terms, values, data.
#include "index/document_builder.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace qaindex::detail {
namespace {

// Spelling suggestions are learnt from the words askers and titles use: plain English words
// of a sensible length. Numbers, codes and Chinese are not spelling material.
bool is_spelling_word(const Token& token) {
    if (token.kind != TokenKind::Word || token.stopword || token.term.size() < 3 ||
        token.term.size() > 24) {
        return false;
    }
    return std::all_of(token.term.begin(), token.term.end(),
                       [](char c) { return c >= 'a' && c <= 'z'; });
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

// Appends tokens' words to words in order, at most max of them in all (stems, stop words
// as schema::kProfileStopWord + the word; not Compound tokens, which repeat their parts);
// returns how many there were.
std::uint32_t add_words(const std::vector<Token>& tokens, std::vector<std::string>& words,
                        std::size_t max) {
    std::uint32_t count = 0;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Compound || token.term.empty() ||
            token.term.size() > schema::kMaxTermBytes) {
            continue;
        }
        ++count;
        if (words.size() < max) {
            words.push_back(token.stopword ? schema::kProfileStopWord + token.term : token.stem);
        }
    }
    return count;
}

// The stems of tokens' content words.
std::uint32_t count_stems(const std::vector<Token>& tokens) {
    std::uint32_t count = 0;
    for (const Token& token : tokens) {
        count += !token.stopword && token.kind != TokenKind::Compound && !token.stem.empty() &&
                         token.term.size() <= schema::kMaxTermBytes
                     ? 1U
                     : 0U;
    }
    return count;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const Lexicon& lexicon) : lexicon_(lexicon) {}

Xapian::termpos DocumentBuilder::index_text(Xapian::Document& document,
                                            const std::vector<Token>& tokens,
                                            std::string_view field_prefix, Xapian::termcount wdf,
                                            Xapian::termpos base, Words words) {
    Xapian::termpos last = base;
    std::string field_term;
    for (const Token& token : tokens) {
        if (token.term.empty() || token.term.size() > schema::kMaxTermBytes) {
            continue;
        }
        const Xapian::termpos position = base + token.position;
        last = std::max(last, position);
        if (words == Words::Exact) {
            document.add_posting(token.term, position, wdf);
        }
        if (token.stopword) {
            continue;
        }
        field_term.assign(schema::kStem);
        field_term += token.stem;
        document.add_term(field_term, wdf);
        field_term.assign(schema::kStem);
        field_term += field_prefix;
        field_term += token.stem;
        document.add_term(field_term, 1);
    }
    return last + schema::kFieldPositionGap;
}

void DocumentBuilder::add_mentions(const std::vector<Mention>& mentions, bool skip_hypothetical,
                                   std::vector<std::string>& symptoms,
                                   std::vector<std::string>& conditions) {
    for (const Mention& mention : mentions) {
        if (mention.negated || (skip_hypothetical && mention.hypothetical)) {
            continue;
        }
        add_unique(mention.kind == ConceptKind::Symptom ? symptoms : conditions, mention.id);
    }
}

BuiltEntry DocumentBuilder::build(const Consultation& entry,
                                  const std::optional<std::string>& file) {
    BuiltEntry built;
    Xapian::Document& document = built.document;
    built.id_term = schema::term(schema::kId, entry.id.value);
    built.record = entry.source.value_or(entry.id.value);
    document.add_boolean_term(built.id_term);

    std::vector<std::string> symptoms;
    std::vector<std::string> conditions;
    std::set<std::string> spellings;
    schema::EntryProfile profile;
    // The concepts and question kinds of the title and question go into the profile.
    auto profile_text = [&](const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                            bool title) {
        for (const Mention& mention : mentions) {
            if (mention.negated) {
                continue;
            }
            const std::string term = schema::concept_term(
                mention.kind == ConceptKind::Symptom ? schema::kSymptom : schema::kCondition,
                mention.id);
            add_unique(profile.concepts, term);
            if (title) {
                add_unique(profile.title_concepts, term);
            }
        }
        for (const QuestionKindMatch& match :
             question_words_.find(tokens, std::vector<bool>(tokens.size(), false))) {
            add_unique(profile.kinds, question_words_.kinds()[match.kind].name);
        }
    };

    // Text fields, each after the previous one's last position plus a gap.
    Xapian::termpos position = 1;
    if (entry.title) {
        const auto tokens = analyzer_.analyze(*entry.title);
        position = index_text(document, tokens, schema::kTitle, schema::kTitleWdf, position);
        const auto mentions = lexicon_.find_mentions(tokens);
        add_mentions(mentions, false, symptoms, conditions);
        add_words(tokens, profile.title, std::numeric_limits<std::size_t>::max());
        profile_text(tokens, mentions, true);
        for (const Token& token : tokens) {
            if (is_spelling_word(token)) {
                spellings.insert(token.term);
            }
        }
    }
    {
        const auto tokens = analyzer_.analyze(entry.question);
        position = index_text(document, tokens, schema::kQuestion, schema::kQuestionWdf, position);
        // The asker's "I wonder if this dizziness is serious" is about their dizziness.
        const auto mentions = lexicon_.find_mentions(tokens);
        add_mentions(mentions, false, symptoms, conditions);
        profile.question_length =
            add_words(tokens, profile.question, schema::EntryProfile::kMaxQuestionWords);
        profile_text(tokens, mentions, false);
        for (const Token& token : tokens) {
            if (is_spelling_word(token)) {
                spellings.insert(token.term);
            }
        }
    }
    for (const Reply& reply : entry.replies) {
        const auto tokens = analyzer_.analyze(reply.text);
        position = index_text(document, tokens, schema::kReply, schema::kReplyWdf, position);
        // Replies list red flags ("see a doctor if you notice weakness"): not the asker's.
        add_mentions(lexicon_.find_mentions(tokens), true, symptoms, conditions);
        profile.reply_length += count_stems(tokens);
    }
    // More Info articles are generic ("see a doctor if you have numbness, fever...") so they
    // are searchable but do not tag symptoms. Only their stems are indexed: an exact word or
    // a quoted phrase is looked for in the consultation itself. Their positions were a third
    // of the index (a generated 10,000-entry corpus: 99.1 MB -> 88.2 MB, build 0.96x the
    // time), their exact words a tenth of its terms.
    if (entry.more_info) {
        const auto tokens = analyzer_.analyze(*entry.more_info);
        index_text(document, tokens, schema::kMoreInfo, schema::kMoreInfoWdf, position,
                   Words::StemsOnly);
    }
    built.spellings.assign(spellings.begin(), spellings.end());

    // Symptoms: the mentioned ones (filter + facet) and their ancestors (filter only).
    std::string symptom_value;
    for (const std::string& id : symptoms) {
        document.add_boolean_term(schema::concept_term(schema::kSymptom, id));
        for (const std::string& ancestor : lexicon_.symptom_ancestors(id)) {
            document.add_boolean_term(schema::concept_term(schema::kSymptomBroader, ancestor));
        }
        if (!symptom_value.empty()) {
            symptom_value += '\n';
        }
        symptom_value += id;
    }
    for (const std::string& id : conditions) {
        document.add_boolean_term(schema::concept_term(schema::kCondition, id));
    }
    if (!symptom_value.empty()) {
        document.add_value(schema::kSymptomsSlot, symptom_value);
    }

    // Specialty: canonical where the lexicon knows the form, else as written.
    std::optional<std::string> specialty;
    if (const auto written = entry.specialty()) {
        specialty = lexicon_.canonical_specialty(*written).value_or(*written);
        document.add_boolean_term(schema::term(schema::kSpecialty, schema::slug(*specialty)));
        document.add_value(schema::kSpecialtySlot, *specialty);
    }
    for (const Reply& reply : entry.replies) {
        if (reply.doctor) {
            document.add_boolean_term(
                schema::term(schema::kDoctor, schema::normalise_doctor(*reply.doctor)));
        }
    }
    if (entry.asker.sex) {
        document.add_boolean_term(schema::term(schema::kSex, to_string(*entry.asker.sex)));
    }
    if (entry.asker.age_group) {
        document.add_boolean_term(
            schema::term(schema::kAgeGroup, schema::normalise_age_group(*entry.asker.age_group)));
    }
    if (entry.asked) {
        document.add_boolean_term(schema::term(schema::kYear, std::to_string(entry.asked->year)));
        document.add_value(schema::kAskedSlot, schema::date_value(*entry.asked));
    }
    if (!entry.replies.empty() && entry.replies.front().date) {
        document.add_value(schema::kRepliedSlot, schema::date_value(*entry.replies.front().date));
    }
    if (entry.language) {
        document.add_boolean_term(schema::term(schema::kLanguage, *entry.language));
    }
    if (entry.question_type) {
        document.add_boolean_term(schema::term(schema::kQuestionType, *entry.question_type));
    }
    if (file) {
        document.add_boolean_term(schema::term(schema::kFile, *file));
    }

    document.add_value(schema::kProfileSlot, schema::encode_profile(profile));
    const std::string question_key = schema::question_key(entry);
    document.add_boolean_term(schema::term(schema::kQuestionKey, question_key));
    document.add_value(schema::kQuestionKeySlot, question_key);

    // The hash covers the file too, so an entry that moved to another file counts as changed.
    built.content_hash = schema::hash_hex(schema::content_hash(entry) + '\n' + file.value_or(""));
    document.add_value(schema::kContentSlot, built.content_hash);

    schema::StoredEntry stored{.entry = entry,
                               .specialty = specialty,
                               .symptoms = std::move(symptoms),
                               .conditions = std::move(conditions),
                               .file = file};
    document.set_data(schema::encode(stored));
    return built;
}

}  // namespace qaindex::detail
