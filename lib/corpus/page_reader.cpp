// SPDX-License-Identifier: Apache-2.0
// Consultation pages: parse_page() and its inverse format_page().
//
// The layout, after the reference page (shared/reference/000_9ccf1e5a58cd5c5b.txt):
//
//   Facial nerve                                          title (first non-blank line)
//   Hello doctor, for the past two months, ...            question, one line per paragraph
//   Xiao Jie, 10~19 year old female. Ask Date: 2005/03/09 asker line (every part but the
//                                                         "Ask Date:" label is optional)
//   Dr. Ye Boshou reply Neurology                         zero or more reply blocks:
//   Involuntary facial twitching is ...                     header, paragraphs,
//   Reply Date: 2005/03/09                                  "Reply Date:" line
//   More Info / Similar Q&A / Related FAQ                 optional sections, each a label
//                                                         line followed by its lines
//
// Lines are trimmed and blank lines carry no meaning: they are dropped, and a field's
// paragraphs are joined with a single "\n" whatever the spacing around them. Structural labels
// are English on Chinese pages too ("Dr. 王大明 reply 神經內科").
#include "corpus/page_reader.hpp"

#include <array>
#include <cstdio>
#include <vector>

#include "corpus/text.hpp"
#include "corpus/utf8.hpp"
#include "qaindex/corpus.hpp"

namespace qaindex {
namespace {

constexpr std::string_view kDoctorPrefix = "Dr.";
constexpr std::string_view kReplyWord = " reply";
constexpr std::string_view kAskDate = "Ask Date:";
constexpr std::string_view kReplyDate = "Reply Date:";
constexpr std::string_view kMoreInfo = "More Info";
constexpr std::string_view kSimilar = "Similar Q&A";
constexpr std::string_view kRelated = "Related FAQ";
constexpr std::string_view kReadMore = "[Read More]";

}  // namespace

namespace detail {
namespace {

// A reply text line may start with "Dr." and contain " reply " too ("Dr. Lin will reply
// to you after the scan."). Header parts are short names, never sentences.
constexpr std::size_t kMaxHeaderPart = 80;

bool looks_like_sentence(std::string_view part) {
    constexpr std::array<std::string_view, 9> marks = {",",  ";",  "!",  "?", "，",
                                                       "；", "！", "？", "。"};
    for (std::string_view mark : marks) {
        if (part.find(mark) != std::string_view::npos) {
            return true;
        }
    }
    return !part.empty() && part.back() == '.';
}

bool remove_suffix(std::string_view& text, std::string_view suffix) {
    if (text.ends_with(suffix)) {
        text.remove_suffix(suffix.size());
        return true;
    }
    return false;
}

// "10~19 year old female", "30~39 year old", "male": true when it reads as age and/or sex.
bool parse_descriptor(std::string_view text, Asker& asker) {
    for (std::string_view label : {std::string_view("years old"), std::string_view("year old")}) {
        const std::size_t pos = text.find(label);
        if (pos == std::string_view::npos) {
            continue;
        }
        const std::string_view age = trim(text.substr(0, pos));
        const std::string_view rest = trim(text.substr(pos + label.size()));
        if (age.empty()) {
            return false;
        }
        std::optional<Sex> sex;
        if (!rest.empty()) {
            sex = parse_sex(rest);
            if (!sex) {
                return false;
            }
        }
        asker.age_group = std::string(age);
        asker.sex = sex;
        return true;
    }
    if (const auto sex = parse_sex(text)) {
        asker.sex = sex;
        return true;
    }
    return false;
}

}  // namespace

std::optional<ReplyHeader> parse_reply_header(std::string_view line) {
    if (!line.starts_with(kDoctorPrefix)) {
        return std::nullopt;
    }
    const std::string_view rest = line.substr(kDoctorPrefix.size());
    if (rest.empty() || rest.front() != ' ') {
        return std::nullopt;
    }
    std::string_view doctor;
    std::string_view specialty;
    const std::size_t pos = rest.find(" reply ");
    if (pos != std::string_view::npos) {
        doctor = rest.substr(0, pos);
        specialty = rest.substr(pos + kReplyWord.size() + 1);
    } else if (rest.ends_with(kReplyWord)) {
        doctor = rest.substr(0, rest.size() - kReplyWord.size());
    } else {
        return std::nullopt;
    }
    doctor = trim(doctor);
    specialty = trim(specialty);
    if (doctor.size() > kMaxHeaderPart || specialty.size() > kMaxHeaderPart ||
        looks_like_sentence(doctor) || looks_like_sentence(specialty)) {
        return std::nullopt;
    }
    return ReplyHeader{non_empty(doctor), non_empty(specialty)};
}

std::optional<AskerLine> parse_asker_line(std::string_view line) {
    const std::size_t pos = line.find(kAskDate);
    if (pos == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view prefix = trim(line.substr(0, pos));
    // The label follows the asker's description after a full stop; a question line that
    // merely mentions "Ask Date:" mid-sentence is not an asker line.
    if (!prefix.empty() && !remove_suffix(prefix, ".") && !remove_suffix(prefix, "。")) {
        return std::nullopt;
    }
    prefix = trim(prefix);
    AskerLine result;
    result.date_text = trim(line.substr(pos + kAskDate.size()));
    if (prefix.empty()) {
        return result;
    }
    // "Name, descriptor": the name may itself hold a comma, the descriptor never does.
    std::size_t comma = prefix.rfind(',');
    std::size_t comma_size = 1;
    const std::size_t wide_comma = prefix.rfind("，");
    if (wide_comma != std::string_view::npos &&
        (comma == std::string_view::npos || wide_comma > comma)) {
        comma = wide_comma;
        comma_size = std::string_view("，").size();
    }
    if (comma != std::string_view::npos) {
        const std::string_view name = trim(prefix.substr(0, comma));
        Asker asker;
        if (!name.empty() && parse_descriptor(trim(prefix.substr(comma + comma_size)), asker)) {
            asker.name = std::string(name);
            result.asker = std::move(asker);
            return result;
        }
    } else if (parse_descriptor(prefix, result.asker)) {
        return result;
    }
    result.asker.name = std::string(prefix);
    return result;
}

RelatedTopic parse_related_topic(std::string_view line) {
    struct Brackets {
        std::string_view open;
        std::string_view close;
    };
    for (const Brackets brackets : {Brackets{"(", ")"}, Brackets{"（", "）"}}) {
        if (!line.ends_with(brackets.close)) {
            continue;
        }
        const std::size_t open = line.rfind(brackets.open);
        if (open == std::string_view::npos) {
            continue;
        }
        const std::size_t inside = open + brackets.open.size();
        return RelatedTopic{
            .name = std::string(trim(line.substr(0, open))),
            .specialty =
                non_empty(line.substr(inside, line.size() - brackets.close.size() - inside)),
        };
    }
    return RelatedTopic{.name = std::string(trim(line)), .specialty = std::nullopt};
}

}  // namespace detail

namespace {

using detail::trim;

struct PageLine {
    std::string_view text;  // trimmed, never empty
    std::size_t number;     // 1-based
};

enum class Section { MoreInfo, Similar, Related };

std::optional<Section> section_of(std::string_view line) {
    if (line == kMoreInfo) {
        return Section::MoreInfo;
    }
    if (line == kSimilar) {
        return Section::Similar;
    }
    if (line == kRelated) {
        return Section::Related;
    }
    return std::nullopt;
}

bool is_asker_line(std::string_view line) {
    return detail::parse_asker_line(line).has_value();
}

std::string join_lines(const std::vector<PageLine>& lines, std::size_t begin, std::size_t end) {
    std::size_t size = 0;
    for (std::size_t i = begin; i < end; ++i) {
        size += lines[i].text.size() + 1;
    }
    std::string text;
    text.reserve(size);
    for (std::size_t i = begin; i < end; ++i) {
        if (i != begin) {
            text += '\n';
        }
        text += lines[i].text;
    }
    return text;
}

// Reads the rows of "Similar Q&A": title; question excerpt; "Dr. X reply Y"; reply excerpt
// ending in "[Read More] <title>". Rows missing their excerpt or header lines are kept.
void parse_similar(const std::vector<PageLine>& lines, std::size_t begin, std::size_t end,
                   std::vector<SimilarQuestion>& rows) {
    const auto reply_excerpt = [](std::string_view line) {
        const std::size_t marker = line.find(kReadMore);
        return detail::non_empty(line.substr(0, marker));
    };
    std::size_t i = begin;
    while (i < end) {
        SimilarQuestion row;
        row.title = std::string(lines[i++].text);
        if (i < end && !detail::parse_reply_header(lines[i].text) &&
            lines[i].text.find(kReadMore) == std::string_view::npos) {
            row.question_excerpt = std::string(lines[i++].text);
        }
        if (i < end) {
            if (auto header = detail::parse_reply_header(lines[i].text)) {
                row.doctor = std::move(header->doctor);
                row.specialty = std::move(header->specialty);
                ++i;
                if (i < end) {
                    row.reply_excerpt = reply_excerpt(lines[i++].text);
                }
            } else if (lines[i].text.find(kReadMore) != std::string_view::npos) {
                row.reply_excerpt = reply_excerpt(lines[i++].text);
            }
        }
        rows.push_back(std::move(row));
    }
}

std::string page_date(const Date& date) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d/%02d/%02d", date.year, date.month, date.day);
    return buffer.data();
}

// The page form of a date label's value; empty means "no date" and parses back to nullopt.
bool read_date(std::string_view text, std::optional<Date>& date) {
    if (text.empty()) {
        date.reset();
        return true;
    }
    date = Date::parse(text);
    return date.has_value();
}

}  // namespace

std::optional<Consultation> parse_page(std::string_view text, std::string_view id,
                                       std::string_view source, const DiagnosticSink& diagnose) {
    text = detail::strip_bom(text);
    const auto fail = [&](std::size_t line, Problem problem, std::string message) {
        detail::report(diagnose, source, line, problem, std::move(message));
        return std::nullopt;
    };
    if (const std::size_t bad = detail::find_invalid_utf8(text); bad != std::string_view::npos) {
        return fail(detail::line_at(text, bad), Problem::InvalidUtf8,
                    detail::invalid_utf8_message(text, bad));
    }

    std::vector<PageLine> lines;
    detail::LineCursor cursor(text);
    std::string_view raw;
    std::size_t number = 0;
    while (cursor.next(raw, number)) {
        if (const std::string_view line = trim(raw); !line.empty()) {
            lines.push_back({line, number});
        }
    }
    const std::size_t n = lines.size();
    if (n == 0) {
        return fail(1, Problem::Empty, "empty page");
    }
    if (is_asker_line(lines[0].text)) {
        return fail(lines[0].number, Problem::Truncated, "page has no title before its asker line");
    }
    std::size_t asker_at = 1;
    while (asker_at < n && !is_asker_line(lines[asker_at].text)) {
        ++asker_at;
    }
    if (asker_at == n) {
        return fail(lines[n - 1].number, Problem::Truncated,
                    "page ends without its \"Ask Date:\" line");
    }
    if (asker_at == 1) {
        return fail(lines[1].number, Problem::Truncated,
                    "page has no question before its asker line");
    }

    Consultation entry;
    entry.id = EntryId{std::string(id)};
    entry.title = std::string(lines[0].text);
    entry.question = join_lines(lines, 1, asker_at);
    auto asker = detail::parse_asker_line(lines[asker_at].text);
    entry.asker = std::move(asker->asker);
    if (!read_date(asker->date_text, entry.asked)) {
        return fail(lines[asker_at].number, Problem::Malformed,
                    "bad Ask Date \"" + std::string(asker->date_text) + "\"");
    }

    std::size_t i = asker_at + 1;
    while (i < n) {
        auto header = detail::parse_reply_header(lines[i].text);
        if (!header) {
            break;
        }
        const std::size_t header_at = i;
        std::size_t date_at = i + 1;
        while (date_at < n && !lines[date_at].text.starts_with(kReplyDate)) {
            // A new block or section before "Reply Date:" means this block was cut short.
            if (section_of(lines[date_at].text) ||
                detail::parse_reply_header(lines[date_at].text)) {
                break;
            }
            ++date_at;
        }
        if (date_at == n || !lines[date_at].text.starts_with(kReplyDate)) {
            return fail(lines[header_at].number, Problem::Truncated,
                        "reply has no \"Reply Date:\" line");
        }
        Reply reply;
        reply.doctor = std::move(header->doctor);
        reply.specialty = std::move(header->specialty);
        reply.text = join_lines(lines, header_at + 1, date_at);
        const std::string_view date_text = trim(lines[date_at].text.substr(kReplyDate.size()));
        if (!read_date(date_text, reply.date)) {
            return fail(lines[date_at].number, Problem::Malformed,
                        "bad Reply Date \"" + std::string(date_text) + "\"");
        }
        entry.replies.push_back(std::move(reply));
        i = date_at + 1;
    }

    while (i < n) {
        const auto section = section_of(lines[i].text);
        if (!section) {
            return fail(lines[i].number, Problem::Malformed,
                        "unexpected line: expected a reply (\"Dr. NAME reply SPECIALTY\"), "
                        "More Info, Similar Q&A or Related FAQ");
        }
        std::size_t end = i + 1;
        while (end < n && !section_of(lines[end].text)) {
            ++end;
        }
        switch (*section) {
            case Section::MoreInfo:
                if (end > i + 1) {
                    std::string more = join_lines(lines, i + 1, end);
                    entry.more_info = entry.more_info ? *entry.more_info + '\n' + more : more;
                }
                break;
            case Section::Similar:
                parse_similar(lines, i + 1, end, entry.similar);
                break;
            case Section::Related:
                for (std::size_t k = i + 1; k < end; ++k) {
                    entry.related.push_back(detail::parse_related_topic(lines[k].text));
                }
                break;
        }
        i = end;
    }

    entry.source = detail::non_empty(source);
    const bool chinese = detail::contains_han(entry.question) || detail::contains_han(*entry.title);
    entry.language = chinese ? "zh" : "en";
    return entry;
}

std::string format_page(const Consultation& entry) {
    std::string page;
    const auto line = [&page](std::string_view text) {
        if (!page.empty()) {
            page += '\n';
        }
        page += text;
    };
    const auto header = [&line](const std::optional<std::string>& doctor,
                                const std::optional<std::string>& specialty) {
        std::string text(kDoctorPrefix);
        text += ' ';
        if (doctor) {
            text += *doctor;
            text += ' ';
        }
        text += "reply";
        if (specialty) {
            text += ' ';
            text += *specialty;
        }
        line(text);
    };
    const auto date_line = [&line](std::string_view label, const std::optional<Date>& date) {
        std::string text(label);
        if (date) {
            text += ' ';
            text += page_date(*date);
        }
        line(text);
    };

    // A page needs a title line; entries from title-less sources get their question's first line.
    line(entry.title ? std::string_view(*entry.title)
                     : std::string_view(entry.question).substr(0, entry.question.find('\n')));
    line(entry.question);

    std::string asker;
    if (entry.asker.name) {
        asker = *entry.asker.name;
    }
    std::string descriptor;
    if (entry.asker.age_group) {
        descriptor = *entry.asker.age_group + " year old";
    }
    if (entry.asker.sex) {
        descriptor += descriptor.empty() ? "" : " ";
        descriptor += to_string(*entry.asker.sex);
    }
    if (!descriptor.empty()) {
        asker += asker.empty() ? "" : ", ";
        asker += descriptor;
    }
    if (!asker.empty()) {
        asker += ". ";
    }
    asker += kAskDate;
    line(asker);
    if (entry.asked) {
        page += ' ';
        page += page_date(*entry.asked);
    }

    for (const Reply& reply : entry.replies) {
        header(reply.doctor, reply.specialty);
        if (!reply.text.empty()) {
            line(reply.text);
        }
        date_line(kReplyDate, reply.date);
    }
    if (entry.more_info) {
        line(kMoreInfo);
        line(*entry.more_info);
    }
    if (!entry.similar.empty()) {
        line(kSimilar);
        for (const SimilarQuestion& row : entry.similar) {
            line(row.title);
            if (row.question_excerpt) {
                line(*row.question_excerpt);
            }
            header(row.doctor, row.specialty);
            line(row.reply_excerpt.value_or(""));
            page += kReadMore;
            page += ' ';
            page += row.title;
        }
    }
    if (!entry.related.empty()) {
        line(kRelated);
        for (const RelatedTopic& topic : entry.related) {
            line(topic.name);
            // "()" keeps an empty name's line from being blank, and a name ending in ")" from
            // being read as a specialty.
            if (topic.specialty || topic.name.empty() || topic.name.ends_with(')')) {
                page += '(';
                page += topic.specialty.value_or("");
                page += ')';
            }
        }
    }
    return page;
}

}  // namespace qaindex
