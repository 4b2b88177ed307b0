// SPDX-License-Identifier: Apache-2.0
// The input limits: which field of a consultation is too large, and whether a query is.
#include "qaindex/limits.hpp"

#include <functional>

namespace qaindex {
namespace {

// 1048576 -> "1,048,576": sizes in messages are read by people.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) {
        digits.insert(i - 3, ",");
    }
    return digits;
}

std::string sized(std::size_t limit) {
    return grouped(limit) + " bytes (" +
           (limit >= (std::size_t{1} << 20) ? std::to_string(limit >> 20) + " MiB)"
                                            : std::to_string(limit >> 10) + " KiB)");
}

// Calls visit(name, text) for every text field of entry.
void for_each_field(const Consultation& entry,
                    const std::function<void(std::string_view, std::string_view)>& visit) {
    const auto optional = [&](std::string_view name, const std::optional<std::string>& text) {
        if (text) {
            visit(name, *text);
        }
    };
    visit("id", entry.id.value);
    optional("title", entry.title);
    visit("question", entry.question);
    optional("asker name", entry.asker.name);
    optional("age group", entry.asker.age_group);
    for (const Reply& reply : entry.replies) {
        optional("reply doctor", reply.doctor);
        optional("reply specialty", reply.specialty);
        visit("reply", reply.text);
    }
    optional("More Info article", entry.more_info);
    for (const SimilarQuestion& similar : entry.similar) {
        visit("Similar Q&A title", similar.title);
        optional("Similar Q&A question", similar.question_excerpt);
        optional("Similar Q&A doctor", similar.doctor);
        optional("Similar Q&A specialty", similar.specialty);
        optional("Similar Q&A reply", similar.reply_excerpt);
    }
    for (const RelatedTopic& related : entry.related) {
        visit("Related FAQ topic", related.name);
        optional("Related FAQ specialty", related.specialty);
    }
    optional("question type", entry.question_type);
    if (entry.focus) {
        visit("focus", entry.focus->name);
        for (const auto* list : {&entry.focus->synonyms, &entry.focus->umls_cuis,
                                 &entry.focus->semantic_types, &entry.focus->categories}) {
            for (const std::string& text : *list) {
                visit("focus annotation", text);
            }
        }
        optional("focus semantic group", entry.focus->semantic_group);
    }
    optional("source", entry.source);
    optional("url", entry.url);
    optional("language", entry.language);
}

}  // namespace

std::optional<std::string> exceeds_limits(const Consultation& entry) {
    std::optional<std::string> problem;
    std::size_t total = 0;
    for_each_field(entry, [&](std::string_view name, std::string_view text) {
        total += text.size();
        if (!problem && text.size() > kMaxFieldBytes) {
            problem = "the " + std::string(name) + " is " + grouped(text.size()) +
                      " bytes; a field may hold at most " + sized(kMaxFieldBytes);
        }
    });
    if (!problem && total > kMaxEntryBytes) {
        problem = "the fields hold " + grouped(total) + " bytes together; an entry may hold at most " +
                  sized(kMaxEntryBytes);
    }
    return problem;
}

std::optional<std::string> query_too_long(std::string_view text) {
    if (text.size() <= kMaxQueryBytes) {
        return std::nullopt;
    }
    return "the query is " + grouped(text.size()) + " bytes; the longest accepted is " +
           sized(kMaxQueryBytes);
}

}  // namespace qaindex
