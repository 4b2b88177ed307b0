// SPDX-License-Identifier: Apache-2.0
// The index schema's helpers: term construction, normalised filter values, stored JSON.
#include "index/schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "qaindex/errors.hpp"

namespace qaindex::schema {
namespace {

using nlohmann::json;

std::string_view trim(std::string_view text) {
    const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
    while (!text.empty() && !not_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && !not_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// Cuts text to at most max bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max) {
    if (text.size() <= max) {
        return text;
    }
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    return text.substr(0, cut);
}

template <typename T>
void put(json& object, const char* key, const std::optional<T>& value) {
    if (value) {
        object[key] = *value;
    }
}

template <typename T>
std::optional<T> get(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return std::nullopt;
    }
    return it->get<T>();
}

std::vector<std::string> get_list(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? std::vector<std::string>{} : it->get<std::vector<std::string>>();
}

json date_json(const std::optional<Date>& date) {
    return date ? json(date->to_string()) : json(nullptr);
}

std::optional<Date> date_from(const json& object, const char* key) {
    const auto text = get<std::string>(object, key);
    return text ? Date::parse(*text) : std::nullopt;
}

json encode_entry(const Consultation& entry) {
    json out;
    out["id"] = entry.id.value;
    put(out, "title", entry.title);
    out["question"] = entry.question;
    json asker = json::object();
    put(asker, "name", entry.asker.name);
    put(asker, "age", entry.asker.age_group);
    if (entry.asker.sex) {
        asker["sex"] = std::string(to_string(*entry.asker.sex));
    }
    if (!asker.empty()) {
        out["asker"] = asker;
    }
    if (entry.asked) {
        out["asked"] = entry.asked->to_string();
    }
    json replies = json::array();
    for (const Reply& reply : entry.replies) {
        json r;
        put(r, "doctor", reply.doctor);
        put(r, "specialty", reply.specialty);
        r["text"] = reply.text;
        if (reply.date) {
            r["date"] = date_json(reply.date);
        }
        replies.push_back(std::move(r));
    }
    if (!replies.empty()) {
        out["replies"] = std::move(replies);
    }
    put(out, "qtype", entry.question_type);
    if (entry.focus) {
        json focus;
        focus["name"] = entry.focus->name;
        focus["synonyms"] = entry.focus->synonyms;
        focus["cuis"] = entry.focus->umls_cuis;
        focus["types"] = entry.focus->semantic_types;
        put(focus, "group", entry.focus->semantic_group);
        focus["categories"] = entry.focus->categories;
        out["focus"] = std::move(focus);
    }
    put(out, "source", entry.source);
    put(out, "url", entry.url);
    put(out, "lang", entry.language);
    return out;
}

Consultation decode_entry(const json& in) {
    Consultation entry;
    entry.id.value = in.at("id").get<std::string>();
    entry.title = get<std::string>(in, "title");
    entry.question = in.at("question").get<std::string>();
    if (const auto it = in.find("asker"); it != in.end()) {
        entry.asker.name = get<std::string>(*it, "name");
        entry.asker.age_group = get<std::string>(*it, "age");
        if (const auto sex = get<std::string>(*it, "sex")) {
            entry.asker.sex = parse_sex(*sex);
        }
    }
    entry.asked = date_from(in, "asked");
    if (const auto it = in.find("replies"); it != in.end()) {
        for (const json& r : *it) {
            Reply reply;
            reply.doctor = get<std::string>(r, "doctor");
            reply.specialty = get<std::string>(r, "specialty");
            reply.text = r.at("text").get<std::string>();
            reply.date = date_from(r, "date");
            entry.replies.push_back(std::move(reply));
        }
    }
    entry.question_type = get<std::string>(in, "qtype");
    if (const auto it = in.find("focus"); it != in.end()) {
        Focus focus;
        focus.name = it->at("name").get<std::string>();
        focus.synonyms = get_list(*it, "synonyms");
        focus.umls_cuis = get_list(*it, "cuis");
        focus.semantic_types = get_list(*it, "types");
        focus.semantic_group = get<std::string>(*it, "group");
        focus.categories = get_list(*it, "categories");
        entry.focus = std::move(focus);
    }
    entry.source = get<std::string>(in, "source");
    entry.url = get<std::string>(in, "url");
    entry.language = get<std::string>(in, "lang");
    return entry;
}

// The parts of a consultation that printing a hit never needs: the More Info article and the
// page's own Similar Q&A and Related FAQ lists. An empty object when it has none.
json encode_rest(const Consultation& entry) {
    json out = json::object();
    put(out, "more_info", entry.more_info);
    if (!entry.similar.empty()) {
        json rows = json::array();
        for (const SimilarQuestion& row : entry.similar) {
            json r;
            r["title"] = row.title;
            put(r, "question", row.question_excerpt);
            put(r, "doctor", row.doctor);
            put(r, "specialty", row.specialty);
            put(r, "reply", row.reply_excerpt);
            rows.push_back(std::move(r));
        }
        out["similar"] = std::move(rows);
    }
    if (!entry.related.empty()) {
        json topics = json::array();
        for (const RelatedTopic& topic : entry.related) {
            json t;
            t["name"] = topic.name;
            put(t, "specialty", topic.specialty);
            topics.push_back(std::move(t));
        }
        out["related"] = std::move(topics);
    }
    return out;
}

void decode_rest(const json& in, Consultation& entry) {
    entry.more_info = get<std::string>(in, "more_info");
    if (const auto it = in.find("similar"); it != in.end()) {
        for (const json& r : *it) {
            entry.similar.push_back({.title = r.at("title").get<std::string>(),
                                     .question_excerpt = get<std::string>(r, "question"),
                                     .doctor = get<std::string>(r, "doctor"),
                                     .specialty = get<std::string>(r, "specialty"),
                                     .reply_excerpt = get<std::string>(r, "reply")});
        }
    }
    if (const auto it = in.find("related"); it != in.end()) {
        for (const json& t : *it) {
            entry.related.push_back(
                {.name = t.at("name").get<std::string>(), .specialty = get<std::string>(t, "specialty")});
        }
    }
}

}  // namespace

std::string term(std::string_view prefix, std::string_view value) {
    std::string out(prefix);
    if (!prefix.empty() && !value.empty() && value.front() >= 'A' && value.front() <= 'Z') {
        out += ':';
    }
    // Xapian rejects terms over 245 bytes; keep well inside that.
    out += utf8_prefix(value, 240 - out.size());
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string concept_term(std::string_view prefix, std::string_view id) {
    return term(prefix, lower_ascii(id));
}

std::string slug(std::string_view name) {
    std::string out;
    bool pending_dash = false;
    for (const char c : lower_ascii(trim(name))) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80;
        if (keep) {
            if (pending_dash && !out.empty()) {
                out += '-';
            }
            out += c;
            pending_dash = false;
        } else {
            pending_dash = true;
        }
    }
    return out;
}

std::string normalise_age_group(std::string_view age_group) {
    const std::string text = lower_ascii(trim(age_group));
    // Two numbers with anything but digits between them form a range: "10~19", "10 to 19".
    std::size_t pos = 0;
    auto number = [&](std::string& out) {
        while (pos < text.size() && (text[pos] < '0' || text[pos] > '9')) {
            ++pos;
        }
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            out += text[pos++];
        }
        return !out.empty();
    };
    std::string low;
    std::string high;
    if (number(low) && number(high)) {
        return low + '-' + high;
    }
    return text;
}

std::string normalise_doctor(std::string_view doctor) {
    std::string_view text = trim(doctor);
    for (const std::string_view title : {"Dr. ", "Dr ", "dr. ", "dr ", "Doctor "}) {
        if (text.starts_with(title)) {
            text.remove_prefix(title.size());
            break;
        }
    }
    return lower_ascii(trim(text));
}

std::string file_key(std::string_view relative_path) {
    // Terms and metadata keys must stay under Xapian's 245-byte limit.
    if (relative_path.size() <= 160) {
        return std::string(relative_path);
    }
    return std::string(utf8_prefix(relative_path, 120)) + '#' + hash_hex(relative_path);
}

std::string date_value(const Date& date) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d%02d%02d", date.year, date.month, date.day);
    return buffer.data();
}

std::string hash_hex(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    std::array<char, 17> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%016llx", static_cast<unsigned long long>(hash));
    return buffer.data();
}

std::string normalised_text(std::string_view text) {
    std::string out;
    bool gap = false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool upper = c >= 'A' && c <= 'Z';
        if (!upper && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && byte < 0x80) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) {
            out += ' ';
        }
        out += upper ? static_cast<char>(c - 'A' + 'a') : c;
        gap = false;
    }
    return out;
}

std::string question_key(const Consultation& entry) {
    return hash_hex(normalised_text(entry.title.value_or("")) + '\n' +
                    normalised_text(entry.question));
}

namespace {

constexpr char kProfileItem = '\x1f';

void put_items(std::string& out, const std::vector<std::string>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += kProfileItem;
        }
        out += items[i];
    }
    out += '\n';
}

std::vector<std::string> get_items(std::string_view line) {
    std::vector<std::string> items;
    while (!line.empty()) {
        const std::size_t end = std::min(line.find(kProfileItem), line.size());
        items.emplace_back(line.substr(0, end));
        line.remove_prefix(std::min(end + 1, line.size()));
    }
    return items;
}

std::uint32_t get_count(std::string_view text) {
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw IndexError("corrupt entry profile: bad count \"" + std::string(text) + "\"");
    }
    return value;
}

}  // namespace

std::string encode_profile(const EntryProfile& profile) {
    std::string out = "2\n";  // the format's version
    put_items(out, profile.title);
    put_items(out, profile.question);
    out += std::to_string(profile.question_length) + ' ' + std::to_string(profile.reply_length);
    out += '\n';
    put_items(out, profile.title_concepts);
    put_items(out, profile.concepts);
    put_items(out, profile.kinds);
    return out;
}

EntryProfile decode_profile(std::string_view data) {
    std::vector<std::string_view> lines;
    while (!data.empty()) {
        const std::size_t end = data.find('\n');
        if (end == std::string_view::npos) {
            throw IndexError("corrupt entry profile: unterminated line");
        }
        lines.push_back(data.substr(0, end));
        data.remove_prefix(end + 1);
    }
    if (lines.size() != 7 || lines[0] != "2") {
        throw IndexError("corrupt entry profile: expected 7 lines of format 2, got " +
                         std::to_string(lines.size()));
    }
    EntryProfile profile;
    profile.title = get_items(lines[1]);
    profile.question = get_items(lines[2]);
    const std::size_t space = lines[3].find(' ');
    if (space == std::string_view::npos) {
        throw IndexError("corrupt entry profile: bad lengths");
    }
    profile.question_length = get_count(lines[3].substr(0, space));
    profile.reply_length = get_count(lines[3].substr(space + 1));
    profile.title_concepts = get_items(lines[4]);
    profile.concepts = get_items(lines[5]);
    profile.kinds = get_items(lines[6]);
    return profile;
}

std::string encode(const StoredEntry& stored) {
    json out = encode_entry(stored.entry);
    put(out, "specialty_canonical", stored.specialty);
    if (!stored.symptoms.empty()) {
        out["symptoms"] = stored.symptoms;
    }
    if (!stored.conditions.empty()) {
        out["conditions"] = stored.conditions;
    }
    put(out, "file", stored.file);
    // Compact JSON holds no raw newline (one in a string is escaped), so '\n' ends line 1.
    std::string data = out.dump(-1, ' ', false, json::error_handler_t::replace);
    const json rest = encode_rest(stored.entry);
    if (!rest.empty()) {
        data += '\n';
        data += rest.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    return data;
}

StoredEntry decode(std::string_view data) {
    try {
        const json in = json::parse(data.substr(0, data.find('\n')));
        StoredEntry stored;
        stored.entry = decode_entry(in);
        stored.specialty = get<std::string>(in, "specialty_canonical");
        stored.symptoms = get_list(in, "symptoms");
        stored.conditions = get_list(in, "conditions");
        stored.file = get<std::string>(in, "file");
        return stored;
    } catch (const json::exception& e) {
        throw IndexError(std::string("corrupt stored entry data: ") + e.what());
    }
}

StoredEntry decode_whole(std::string_view data) {
    StoredEntry stored = decode(data);
    const std::size_t end = data.find('\n');
    if (end == std::string_view::npos) {
        return stored;
    }
    try {
        decode_rest(json::parse(data.substr(end + 1)), stored.entry);
    } catch (const json::exception& e) {
        throw IndexError(std::string("corrupt stored entry data (More Info, Similar Q&A, ") +
                         "Related FAQ): " + e.what());
    }
    return stored;
}

std::string content_hash(const Consultation& entry) {
    json all = encode_entry(entry);
    put(all, "more_info", entry.more_info);
    json similar = json::array();
    for (const SimilarQuestion& s : entry.similar) {
        similar.push_back({s.title, s.question_excerpt.value_or(""), s.doctor.value_or(""),
                           s.specialty.value_or(""), s.reply_excerpt.value_or("")});
    }
    all["similar"] = std::move(similar);
    json related = json::array();
    for (const RelatedTopic& r : entry.related) {
        related.push_back({r.name, r.specialty.value_or("")});
    }
    all["related"] = std::move(related);
    return hash_hex(all.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace qaindex::schema
