// SPDX-License-Identifier: Apache-2.0
// Snippet windows chosen over analysed tokens, so highlights fall on the words as written.
#include "search/snippets.hpp"

#include <algorithm>

namespace qaindex::detail {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

struct Window {
    std::size_t text = 0;   // which text
    std::size_t begin = 0;  // byte range in it
    std::size_t end = 0;
    std::vector<Highlight> highlights;  // in the text's offsets
    double score = 0;
};

// Copies text[begin, end) collapsing whitespace and moves highlights to the copy's offsets.
Snippet render(std::string_view text, std::size_t begin, std::size_t end,
               const std::vector<Highlight>& highlights) {
    Snippet out;
    const bool cut_before = begin > 0;
    const bool cut_after = end < text.size() && text.substr(end).find_first_not_of(" \t\n\r\f\v") !=
                                                    std::string_view::npos;
    if (cut_before) {
        out.text = "...";
    }
    std::vector<std::size_t> offset(end - begin + 1);
    for (std::size_t i = begin; i < end; ++i) {
        offset[i - begin] = out.text.size();
        if (is_space(text[i])) {
            if (!out.text.empty() && out.text.back() != ' ') {
                out.text += ' ';
            }
        } else {
            out.text += text[i];
        }
    }
    offset[end - begin] = out.text.size();
    while (!out.text.empty() && out.text.back() == ' ') {
        out.text.pop_back();
    }
    std::vector<Highlight> sorted = highlights;
    std::sort(sorted.begin(), sorted.end(),
              [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
    for (const Highlight& h : sorted) {
        if (h.begin >= begin && h.end <= end && h.begin < h.end) {
            Highlight moved{offset[h.begin - begin], offset[h.end - begin]};
            if (!out.highlights.empty() && moved.begin <= out.highlights.back().end) {
                out.highlights.back().end = std::max(out.highlights.back().end, moved.end);
            } else {
                out.highlights.push_back(moved);
            }
        }
    }
    if (cut_after) {
        out.text += "...";
    }
    return out;
}

// The best window of one text, or a window of score 0 if nothing matched.
// Snippets are looked for in the first this many bytes of a text: analysing a whole long
// article for every hit would cost more than the rest of the search.
constexpr std::size_t kSnippetScanBytes = 12 * 1024;

Window best_window(Analyzer& analyzer, std::string_view text, const SnippetTerms& terms,
                   std::size_t max_bytes) {
    Window best;
    std::size_t scan = std::min(text.size(), kSnippetScanBytes);
    while (scan > 0 && scan < text.size() && is_continuation(text[scan])) {
        --scan;
    }
    const std::vector<Token> tokens = analyzer.analyze(text.substr(0, scan));
    std::vector<std::size_t> matched;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.end > text.size() || token.begin >= token.end) {
            continue;
        }
        if ((!token.stopword &&
             (terms.stems.contains(token.stem) || terms.secondary.contains(token.stem))) ||
            terms.exact.contains(token.term)) {
            matched.push_back(i);
        }
    }
    for (std::size_t a = 0; a < matched.size(); ++a) {
        const std::size_t begin = tokens[matched[a]].begin;
        std::set<std::string_view> distinct;
        double distinct_score = 0;
        std::size_t occurrences = 0;
        std::size_t last = a;
        for (std::size_t b = a; b < matched.size(); ++b) {
            const Token& token = tokens[matched[b]];
            if (token.end - begin > max_bytes) {
                break;
            }
            if (distinct.insert(token.stem).second) {
                // The user's own words count more than synonyms they did not type.
                const bool own =
                    terms.stems.contains(token.stem) || terms.exact.contains(token.term);
                distinct_score += own ? 1.0 : 0.4;
            }
            ++occurrences;
            last = b;
        }
        // Distinct words first: a window with "facial" and "twitching" beats one with
        // "twitching" three times.
        const double score = distinct_score + 0.1 * static_cast<double>(occurrences);
        if (score > best.score) {
            best.score = score;
            best.begin = begin;
            best.end = tokens[matched[last]].end;
            best.highlights.clear();
            for (std::size_t k = a; k <= last; ++k) {
                best.highlights.push_back({tokens[matched[k]].begin, tokens[matched[k]].end});
            }
        }
    }
    if (best.score == 0) {
        return best;
    }
    // Spread the room left before and after the matches: back to the sentence start when
    // near, otherwise a little context.
    const std::size_t span = best.end - best.begin;
    const std::size_t room = max_bytes > span ? max_bytes - span : 0;
    std::size_t start = best.begin;
    const std::size_t lead = std::min(start, room / 3);
    const std::size_t sentence = text.substr(0, start).find_last_of(".?!\n");
    if (start <= room / 2) {
        start = 0;
    } else if (sentence != std::string_view::npos && start - sentence <= room / 2) {
        start = sentence + 1;
    } else {
        start -= lead;
        // Do not start inside a word.
        while (start > 0 && start < best.begin && !is_space(text[start - 1])) {
            ++start;
        }
    }
    while (start < best.begin && is_space(text[start])) {
        ++start;
    }
    std::size_t end = std::min(text.size(), start + max_bytes);
    end = std::max(end, best.end);
    if (end < text.size()) {
        // Cut after the last whole word.
        std::size_t cut = end;
        while (cut > best.end && !is_space(text[cut])) {
            --cut;
        }
        end = cut;
    }
    while (end > 0 && end < text.size() && is_continuation(text[end])) {
        --end;
    }
    best.begin = start;
    best.end = end;
    return best;
}

}  // namespace

Snippet make_snippet(Analyzer& analyzer, const std::vector<std::string_view>& texts,
                     const SnippetTerms& terms, std::size_t max_bytes) {
    max_bytes = std::max<std::size_t>(max_bytes, 40);
    Window best;
    bool found = false;
    for (std::size_t t = 0; t < texts.size() && !terms.empty(); ++t) {
        Window window = best_window(analyzer, texts[t], terms, max_bytes);
        window.text = t;
        if (window.score > best.score) {
            best = std::move(window);
            found = true;
        }
    }
    if (!found) {
        for (const std::string_view text : texts) {
            if (text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
                continue;
            }
            std::size_t end = std::min(text.size(), max_bytes);
            if (end < text.size()) {
                std::size_t cut = end;
                while (cut > 0 && !is_space(text[cut])) {
                    --cut;
                }
                end = cut > 0 ? cut : end;
                while (end > 0 && end < text.size() && is_continuation(text[end])) {
                    --end;
                }
            }
            std::size_t begin = 0;
            while (begin < end && is_space(text[begin])) {
                ++begin;
            }
            return render(text, begin, end, {});
        }
        return {};
    }
    return render(texts[best.text], best.begin, best.end, best.highlights);
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
    std::string collapsed;
    collapsed.reserve(text.size());
    for (const char c : text) {
        if (is_space(c)) {
            if (!collapsed.empty() && collapsed.back() != ' ') {
                collapsed += ' ';
            }
        } else {
            collapsed += c;
        }
    }
    while (!collapsed.empty() && collapsed.back() == ' ') {
        collapsed.pop_back();
    }
    // Byte offset of character max_chars.
    std::size_t chars = 0;
    std::size_t cut = 0;
    while (cut < collapsed.size() && chars < max_chars) {
        ++cut;
        while (cut < collapsed.size() && is_continuation(collapsed[cut])) {
            ++cut;
        }
        ++chars;
    }
    if (cut >= collapsed.size()) {
        return collapsed;
    }
    // Back to a word boundary if there is one in the last fifth; text without spaces
    // (Chinese) is cut at the character.
    const std::size_t space = collapsed.rfind(' ', cut);
    if (space != std::string::npos && space >= cut - cut / 5) {
        cut = space;
    }
    std::string out = collapsed.substr(0, cut);
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) {
        out.pop_back();
    }
    return out + "...";
}

}  // namespace qaindex::detail

namespace qaindex {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string to_html(const Snippet& snippet) {
    const std::string_view text = snippet.text;
    std::string out;
    std::size_t at = 0;
    for (const Highlight& h : snippet.highlights) {
        if (h.begin < at || h.begin >= h.end || h.end > text.size()) {
            continue;
        }
        out += html_escape(text.substr(at, h.begin - at));
        out += "<mark>";
        out += html_escape(text.substr(h.begin, h.end - h.begin));
        out += "</mark>";
        at = h.end;
    }
    out += html_escape(text.substr(at));
    return out;
}

}  // namespace qaindex
