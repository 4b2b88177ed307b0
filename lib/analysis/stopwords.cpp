// SPDX-License-Identifier: Apache-2.0
// Stop-word lists: English (Snowball plus consultation filler) and Chinese function words.
#include "analysis/stopwords.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace qaindex::detail {
namespace {

// Snowball's English stop list (snowballstem.org, "english.stop"). Contractions are listed
// with an ASCII apostrophe: the analyzer folds ’ and ʼ to ' before looking words up.
constexpr std::string_view snowball_english[] = {
    "i",        "me",      "my",     "myself",   "we",         "our",       "ours",    "ourselves",
    "you",      "your",    "yours",  "yourself", "yourselves", "he",        "him",     "his",
    "himself",  "she",     "her",    "hers",     "herself",    "it",        "its",     "itself",
    "they",     "them",    "their",  "theirs",   "themselves", "what",      "which",   "who",
    "whom",     "this",    "that",   "these",    "those",      "am",        "is",      "are",
    "was",      "were",    "be",     "been",     "being",      "have",      "has",     "had",
    "having",   "do",      "does",   "did",      "doing",      "would",     "should",  "could",
    "ought",    "i'm",     "you're", "he's",     "she's",      "it's",      "we're",   "they're",
    "i've",     "you've",  "we've",  "they've",  "i'd",        "you'd",     "he'd",    "she'd",
    "we'd",     "they'd",  "i'll",   "you'll",   "he'll",      "she'll",    "we'll",   "they'll",
    "isn't",    "aren't",  "wasn't", "weren't",  "hasn't",     "haven't",   "hadn't",  "doesn't",
    "don't",    "didn't",  "won't",  "wouldn't", "shan't",     "shouldn't", "can't",   "cannot",
    "couldn't", "mustn't", "let's",  "that's",   "who's",      "what's",    "here's",  "there's",
    "when's",   "where's", "why's",  "how's",    "a",          "an",        "the",     "and",
    "but",      "if",      "or",     "because",  "as",         "until",     "while",   "of",
    "at",       "by",      "for",    "with",     "about",      "against",   "between", "into",
    "through",  "during",  "before", "after",    "above",      "below",     "to",      "from",
    "up",       "down",    "in",     "out",      "on",         "off",       "over",    "under",
    "again",    "further", "then",   "once",     "here",       "there",     "when",    "where",
    "why",      "how",     "all",    "any",      "both",       "each",      "few",     "more",
    "most",     "other",   "some",   "such",     "no",         "nor",       "not",     "only",
    "own",      "same",    "so",     "than",     "too",        "very",
};

// Additions for consultation questions. Askers greet and thank ("Hello doctor, ... thanks"),
// address the doctor, and pad with intensifiers ("I also really just want to know"); these
// words appear in most questions and carry no topic, so treating them as content would make
// every question look similar to every other. "can" and "will" are auxiliaries like the
// Snowball ones ("can I take", "will it go away").
constexpr std::string_view consultation_english[] = {
    "also",  "really", "just", "please", "doctor", "doctors", "dr",
    "hello", "hi",     "dear", "thanks", "thank",  "can",     "will",
};

// Chinese function words: pronouns, particles, auxiliaries, conjunctions, and the greetings of
// consultation questions (请问 "may I ask", 医生 "doctor", 您好 "hello"). ICU's dictionary
// keeps some pronoun + particle pairs together (我的, 你们), so those are listed whole.
constexpr std::string_view chinese[] = {
    "的",   "了",   "是",   "我",     "你",   "您",   "他",   "她",   "它",   "我们", "你们",
    "他们", "她们", "我的", "我有",   "你的", "他的", "她的", "吗",   "呢",   "吧",   "啊",
    "呀",   "哦",   "嗯",   "和",     "与",   "及",   "或",   "或者", "在",   "有",   "也",
    "都",   "就",   "还",   "又",     "着",   "过",   "被",   "把",   "给",   "对",   "从",
    "而",   "这",   "那",   "这个",   "那个", "这样", "那样", "一个", "一下", "一些", "什么",
    "怎么", "怎样", "如何", "为什么", "所以", "因为", "如果", "但",   "但是", "可是", "不过",
    "然后", "请问", "医生", "大夫",   "您好", "你好", "谢谢", "得",   "地",   "之",   "很",
    "非常", "要",   "会",   "能",     "可以", "应该", "自己", "现在", "时候",
};

// A fixed set of short strings, open addressing: every token is looked up, and a node-based
// std::unordered_set costs a division and two cache misses per lookup.
class WordSet {
  public:
    template <std::size_t N>
    void add(const std::string_view (&words)[N]) {
        for (std::string_view word : words) {
            std::size_t i = hash(word) & mask;
            while (!slots_[i].empty() && slots_[i] != word) {
                i = (i + 1) & mask;
            }
            slots_[i] = word;
        }
    }

    [[nodiscard]] bool contains(std::string_view word) const {
        for (std::size_t i = hash(word) & mask; !slots_[i].empty(); i = (i + 1) & mask) {
            if (slots_[i] == word) {
                return true;
            }
        }
        return false;
    }

  private:
    static constexpr std::size_t mask = 1023;  // 1024 slots for about 300 words

    static std::size_t hash(std::string_view word) {
        std::uint32_t h = 2166136261U;  // FNV-1a: words are short, so bytewise is fine
        for (const char c : word) {
            h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
        }
        return h;
    }

    std::array<std::string_view, mask + 1> slots_{};
};

const WordSet& stop_words() {
    static const WordSet words = [] {
        WordSet set;
        set.add(snowball_english);
        set.add(consultation_english);
        set.add(chinese);
        return set;
    }();
    return words;
}

}  // namespace

bool is_stopword(std::string_view term) {
    return stop_words().contains(term);
}

}  // namespace qaindex::detail
