// SPDX-License-Identifier: Apache-2.0
// JSON Lines corpus files: parse_json_lines() and its inverse format_json_line().
//
// The schema: one consultation object per line. Blank lines are ignored, and so are keys not
// listed (a file may carry extra data); null, "" and blank strings count as absent.
//
//   key            type                   Consultation field
//   id             string or integer      id (absent: "<file>#<line>")
//   title          string                 title
//   question       string, required       question (must not be blank)
//   asker_name     string                 asker.name
//   asker_age      string or integer      asker.age_group, as written: "10~19", "35"
//   asker_sex      string                 asker.sex: "female"/"male" (also f/m, 女/男)
//   asked          date string            asked
//   reply          string                 the text of the single reply ...
//   doctor         string                 ... its doctor (without "Dr.")
//   specialty      string                 ... its specialty, the one the entry is filed under
//   replied        date string            ... its date
//   replies        array of {doctor, specialty, text, date}
//                                         replies, for two or more; not together with
//                                         reply, doctor, specialty or replied
//   more_info      string                 more_info
//   similar        array of {title (required), question, doctor, specialty, reply}
//                                         similar (excerpts as printed on the page)
//   related        array of {name, specialty} or of "Name(Specialty)" strings
//                                         related
//   question_type  string                 question_type ("symptoms", "treatment" ...)
//   focus          {name, synonyms, umls_cuis, semantic_types, semantic_group, categories}
//                                         focus (the lists are arrays of strings)
//   url            string                 url
//   lang           string (BCP 47)        language (absent: "zh" when the title or the
//                                         question holds Han characters, else "en")
//
// Dates are "2005-03-09" (also read: "2005/03/09", "2005.3.9"). A reply exists when it has
// text, a doctor, a specialty or a date. A line that is not a JSON object, has a key of the
// wrong type, lacks the question or holds a bad date is reported with its line number and
// skipped; the other lines are read. format_json_line() writes a single reply with the flat
// keys and two or more under "replies"; it writes no absent field and no "source" (the reader
// sets Consultation::source to "<file>:<line>").
#include "qaindex/corpus.hpp"

#include <nlohmann/json.hpp>

#include <utility>

#include "corpus/jsonl_reader.hpp"
#include "corpus/page_reader.hpp"
#include "corpus/text.hpp"
#include "corpus/utf8.hpp"

namespace qaindex {
namespace {

using nlohmann::json;

// Why a line is skipped; thrown inside the per-line conversion, caught in its loop.
struct BadRecord {
    Problem problem;
    std::string message;
};

[[noreturn]] void bad(std::string message) {
    throw BadRecord{Problem::Malformed, std::move(message)};
}

std::string in_quotes(std::string_view key) {
    return '"' + std::string(key) + '"';
}

const json* member(const json& object, const char* key) {
    const auto found = object.find(key);
    return found == object.end() || found->is_null() ? nullptr : &*found;
}

std::optional<std::string> optional_string(const json& object, const char* key,
                                           std::string_view where = {}) {
    const json* value = member(object, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        bad(in_quotes(key) + std::string(where) + " must be a string");
    }
    const auto& text = value->get_ref<const std::string&>();
    if (detail::trim(text).empty()) {
        return std::nullopt;
    }
    return text;
}

// Ids and ages are often written as numbers: 35 means "35".
std::optional<std::string> string_or_integer(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value != nullptr && value->is_number_integer()) {
        return value->dump();
    }
    if (value != nullptr && !value->is_string()) {
        bad(in_quotes(key) + " must be a string or an integer");
    }
    return optional_string(object, key);
}

std::optional<Date> optional_date(const json& object, const char* key,
                                  std::string_view where = {}) {
    const auto text = optional_string(object, key, where);
    if (!text) {
        return std::nullopt;
    }
    auto date = Date::parse(*text);
    if (!date) {
        bad("bad date in " + in_quotes(key) + std::string(where) + ": " + in_quotes(*text));
    }
    return date;
}

const json* optional_array(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value != nullptr && !value->is_array()) {
        bad(in_quotes(key) + " must be an array");
    }
    return value;
}

std::vector<std::string> string_array(const json& object, const char* key) {
    std::vector<std::string> strings;
    if (const json* array = optional_array(object, key)) {
        for (const json& item : *array) {
            if (!item.is_string()) {
                bad(in_quotes(key) + " must hold strings");
            }
            strings.push_back(item.get<std::string>());
        }
    }
    return strings;
}

void require_object(const json& value, std::string_view what) {
    if (!value.is_object()) {
        bad(std::string(what) + " must be a JSON object");
    }
}

bool has_content(const Reply& reply) {
    return !reply.text.empty() || reply.doctor || reply.specialty || reply.date;
}

std::vector<Reply> read_replies(const json& object) {
    std::vector<Reply> replies;
    if (const json* array = optional_array(object, "replies")) {
        for (const char* key : {"reply", "doctor", "specialty", "replied"}) {
            if (member(object, key) != nullptr) {
                bad("use either \"replies\" or " + in_quotes(key) + ", not both");
            }
        }
        for (const json& item : *array) {
            require_object(item, "each of \"replies\"");
            Reply reply{.doctor = optional_string(item, "doctor", " in \"replies\""),
                        .specialty = optional_string(item, "specialty", " in \"replies\""),
                        .text = optional_string(item, "text", " in \"replies\"").value_or(""),
                        .date = optional_date(item, "date", " in \"replies\"")};
            if (has_content(reply)) {
                replies.push_back(std::move(reply));
            }
        }
        return replies;
    }
    Reply reply{.doctor = optional_string(object, "doctor"),
                .specialty = optional_string(object, "specialty"),
                .text = optional_string(object, "reply").value_or(""),
                .date = optional_date(object, "replied")};
    if (has_content(reply)) {
        replies.push_back(std::move(reply));
    }
    return replies;
}

std::vector<SimilarQuestion> read_similar(const json& object) {
    std::vector<SimilarQuestion> rows;
    if (const json* array = optional_array(object, "similar")) {
        for (const json& item : *array) {
            require_object(item, "each of \"similar\"");
            auto title = optional_string(item, "title", " in \"similar\"");
            if (!title) {
                bad("an item of \"similar\" has no \"title\"");
            }
            rows.push_back(
                {.title = std::move(*title),
                 .question_excerpt = optional_string(item, "question", " in \"similar\""),
                 .doctor = optional_string(item, "doctor", " in \"similar\""),
                 .specialty = optional_string(item, "specialty", " in \"similar\""),
                 .reply_excerpt = optional_string(item, "reply", " in \"similar\"")});
        }
    }
    return rows;
}

std::vector<RelatedTopic> read_related(const json& object) {
    std::vector<RelatedTopic> topics;
    if (const json* array = optional_array(object, "related")) {
        for (const json& item : *array) {
            if (item.is_string()) {
                topics.push_back(detail::parse_related_topic(item.get_ref<const std::string&>()));
                continue;
            }
            require_object(item, "each of \"related\"");
            topics.push_back({.name = optional_string(item, "name", " in \"related\"").value_or(""),
                              .specialty = optional_string(item, "specialty", " in \"related\"")});
        }
    }
    return topics;
}

std::optional<Focus> read_focus(const json& object) {
    const json* value = member(object, "focus");
    if (value == nullptr) {
        return std::nullopt;
    }
    require_object(*value, "\"focus\"");
    return Focus{.name = optional_string(*value, "name", " in \"focus\"").value_or(""),
                 .synonyms = string_array(*value, "synonyms"),
                 .umls_cuis = string_array(*value, "umls_cuis"),
                 .semantic_types = string_array(*value, "semantic_types"),
                 .semantic_group = optional_string(*value, "semantic_group", " in \"focus\""),
                 .categories = string_array(*value, "categories")};
}

Consultation read_entry(const json& object, std::string_view source, std::string_view id_base,
                        std::size_t line) {
    require_object(object, "the line");
    const json* question = member(object, "question");
    if (question == nullptr) {
        bad("no \"question\"");
    }
    if (!question->is_string()) {
        bad("\"question\" must be a string");
    }
    if (detail::trim(question->get_ref<const std::string&>()).empty()) {
        throw BadRecord{Problem::Empty, "blank \"question\""};
    }
    Consultation entry;
    entry.question = question->get<std::string>();
    auto id = string_or_integer(object, "id");
    entry.id.value = id ? std::move(*id) : std::string(id_base) + '#' + std::to_string(line);
    entry.title = optional_string(object, "title");
    entry.asker.name = optional_string(object, "asker_name");
    entry.asker.age_group = string_or_integer(object, "asker_age");
    if (const auto sex = optional_string(object, "asker_sex")) {
        entry.asker.sex = parse_sex(*sex);
        if (!entry.asker.sex) {
            bad("\"asker_sex\" must be \"female\" or \"male\", not " + in_quotes(*sex));
        }
    }
    entry.asked = optional_date(object, "asked");
    entry.replies = read_replies(object);
    entry.more_info = optional_string(object, "more_info");
    entry.similar = read_similar(object);
    entry.related = read_related(object);
    entry.question_type = optional_string(object, "question_type");
    entry.focus = read_focus(object);
    entry.url = optional_string(object, "url");
    entry.language = optional_string(object, "lang");
    if (!entry.language) {
        const bool chinese = detail::contains_han(entry.question) ||
                             (entry.title && detail::contains_han(*entry.title));
        entry.language = chinese ? "zh" : "en";
    }
    entry.source = std::string(source) + ':' + std::to_string(line);
    return entry;
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error ...". Each line is parsed alone, so "line 1" would mislead: keep the rest.
std::string json_error(const std::exception& error) {
    std::string_view text = error.what();
    if (const std::size_t end = text.find("] "); text.starts_with('[') && end != text.npos) {
        text.remove_prefix(end + 2);
    }
    std::string message(text);
    if (const std::size_t at = message.find("at line 1, "); at != std::string::npos) {
        message.erase(at + 3, 8);
    }
    return message;
}

}  // namespace

std::size_t parse_json_lines(std::string_view text, std::string_view source,
                             std::string_view id_base, const EntrySink& emit,
                             const DiagnosticSink& diagnose) {
    return detail::parse_json_lines(text, source, id_base, emit, diagnose, {});
}

std::size_t detail::parse_json_lines(std::string_view text, std::string_view source,
                                     std::string_view id_base, const EntrySink& emit,
                                     const DiagnosticSink& diagnose, const ProgressSink& progress) {
    const std::size_t bom = text.size() - detail::strip_bom(text).size();
    text = detail::strip_bom(text);
    std::size_t emitted = 0;
    detail::LineCursor cursor(text);
    std::string_view line;
    std::size_t number = 0;
    while (cursor.next(line, number)) {
        if (progress) {
            progress(bom + cursor.position());
        }
        if (detail::trim(line).empty()) {
            continue;
        }
        if (const std::size_t bad_byte = detail::find_invalid_utf8(line);
            bad_byte != std::string_view::npos) {
            detail::report(diagnose, source, number, Problem::InvalidUtf8,
                           detail::invalid_utf8_message(line, bad_byte));
            continue;
        }
        // Only parsing happens inside the try: a sink that throws must reach the caller.
        std::optional<Consultation> entry;
        std::optional<BadRecord> problem;
        try {
            entry = read_entry(json::parse(line), source, id_base, number);
        } catch (const json::exception& error) {
            problem = BadRecord{Problem::Malformed, "not JSON: " + json_error(error)};
        } catch (BadRecord& record) {
            problem = std::move(record);
        }
        if (problem) {
            detail::report(diagnose, source, number, problem->problem, std::move(problem->message));
            continue;
        }
        ++emitted;
        if (emit) {
            emit(std::move(*entry));
        }
    }
    return emitted;
}

std::string format_json_line(const Consultation& entry) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    const auto put = [&out](const char* key, const std::optional<std::string>& value) {
        if (value) {
            out[key] = *value;
        }
    };
    const auto put_date = [&out](const char* key, const std::optional<Date>& value) {
        if (value) {
            out[key] = value->to_string();
        }
    };
    if (!entry.id.value.empty()) {
        out["id"] = entry.id.value;
    }
    put("title", entry.title);
    out["question"] = entry.question;
    put("asker_name", entry.asker.name);
    put("asker_age", entry.asker.age_group);
    if (entry.asker.sex) {
        out["asker_sex"] = to_string(*entry.asker.sex);
    }
    put_date("asked", entry.asked);
    if (entry.replies.size() == 1) {
        const Reply& reply = entry.replies.front();
        if (!reply.text.empty()) {
            out["reply"] = reply.text;
        }
        put("doctor", reply.doctor);
        put("specialty", reply.specialty);
        put_date("replied", reply.date);
    } else if (!entry.replies.empty()) {
        auto& replies = out["replies"] = nlohmann::ordered_json::array();
        for (const Reply& reply : entry.replies) {
            nlohmann::ordered_json item = nlohmann::ordered_json::object();
            if (reply.doctor) {
                item["doctor"] = *reply.doctor;
            }
            if (reply.specialty) {
                item["specialty"] = *reply.specialty;
            }
            item["text"] = reply.text;
            if (reply.date) {
                item["date"] = reply.date->to_string();
            }
            replies.push_back(std::move(item));
        }
    }
    put("more_info", entry.more_info);
    if (!entry.similar.empty()) {
        auto& rows = out["similar"] = nlohmann::ordered_json::array();
        for (const SimilarQuestion& row : entry.similar) {
            nlohmann::ordered_json item = {{"title", row.title}};
            for (const auto& [key, value] :
                 {std::pair{"question", &row.question_excerpt}, std::pair{"doctor", &row.doctor},
                  std::pair{"specialty", &row.specialty}, std::pair{"reply", &row.reply_excerpt}}) {
                if (*value) {
                    item[key] = **value;
                }
            }
            rows.push_back(std::move(item));
        }
    }
    if (!entry.related.empty()) {
        auto& topics = out["related"] = nlohmann::ordered_json::array();
        for (const RelatedTopic& topic : entry.related) {
            nlohmann::ordered_json item = {{"name", topic.name}};
            if (topic.specialty) {
                item["specialty"] = *topic.specialty;
            }
            topics.push_back(std::move(item));
        }
    }
    put("question_type", entry.question_type);
    if (entry.focus) {
        const Focus& focus = *entry.focus;
        nlohmann::ordered_json item = {{"name", focus.name}};
        const auto put_list = [&item](const char* key, const std::vector<std::string>& list) {
            if (!list.empty()) {
                item[key] = list;
            }
        };
        put_list("synonyms", focus.synonyms);
        put_list("umls_cuis", focus.umls_cuis);
        put_list("semantic_types", focus.semantic_types);
        if (focus.semantic_group) {
            item["semantic_group"] = *focus.semantic_group;
        }
        put_list("categories", focus.categories);
        out["focus"] = std::move(item);
    }
    put("url", entry.url);
    put("lang", entry.language);
    // Strings from the readers are valid UTF-8; anything else becomes U+FFFD, never a throw.
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace qaindex
