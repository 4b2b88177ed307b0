// SPDX-License-Identifier: Apache-2.0
// Synthetic consultation corpus: trigram text model, vocabulary learning and page building.
#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "builtin_vocabulary.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/lexicon.hpp"

namespace qaindex::bench {

// ---------------------------------------------------------------------------------------------
// Random numbers

int Rng::between(int low, int high) {
    const auto span = static_cast<std::size_t>(high - low) + 1;
    return low + static_cast<int>(below(span));
}

double Rng::unit() {
    // 53 random bits -> [0, 1): the usual portable construction.
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double Rng::normal() {
    const double u1 = 1.0 - unit();  // (0, 1]: log() stays finite
    const double u2 = unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

std::size_t Rng::lognormal(double median, double sigma, std::size_t low, std::size_t high) {
    const double value = std::round(median * std::exp(sigma * normal()));
    const double clamped = std::clamp(value, static_cast<double>(low), static_cast<double>(high));
    return static_cast<std::size_t>(clamped);
}

std::size_t Rng::weighted(const std::vector<std::uint64_t>& cumulative) {
    const std::uint64_t draw = engine_() % cumulative.back();
    const auto found = std::upper_bound(cumulative.begin(), cumulative.end(), draw);
    return static_cast<std::size_t>(found - cumulative.begin());
}

std::uint64_t mix64(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

namespace {

// ---------------------------------------------------------------------------------------------
// Tokenising learned text

constexpr unsigned kIdBits = 21;
constexpr std::uint64_t kIdMask = (std::uint64_t{1} << kIdBits) - 1;
constexpr std::uint32_t kMaxWords = static_cast<std::uint32_t>(kIdMask);
constexpr std::uint8_t kAttached = 1;  // , ; :
constexpr std::uint8_t kTerminal = 2;  // . ? !
constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c >= 0x80 || c == '%';
}

// Calls sentence(tokens) for each sentence of text. Newlines and list dashes end sentences
// too: MedQuAD answers are full of "Key Points" headings and "- item" lists.
template <typename Sink>
void split_sentences(std::string_view text, Sink&& sentence) {
    std::vector<std::string_view> tokens;
    auto flush = [&] {
        if (!tokens.empty())
            sentence(tokens);
        tokens.clear();
    };
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_word_byte(c)) {
            std::size_t j = i + 1;
            while (j < n) {
                const auto d = static_cast<unsigned char>(text[j]);
                if (is_word_byte(d)) {
                    ++j;
                } else if ((d == '\'' || d == '-' || d == '.' || d == '/') && j + 1 < n &&
                           is_word_byte(static_cast<unsigned char>(text[j + 1]))) {
                    j += 2;
                } else if (d == ',' && j + 1 < n &&
                           std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
                           std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
                    j += 2;  // "200,000" is one number
                } else {
                    break;
                }
            }
            if (j - i <= 40)
                tokens.push_back(text.substr(i, j - i));  // URLs and junk go
            i = j;
            continue;
        }
        if (c == ',' || c == ';' || c == ':') {
            if (!tokens.empty())
                tokens.push_back(text.substr(i, 1));
        } else if (c == '.' || c == '?' || c == '!') {
            if (!tokens.empty()) {
                tokens.push_back(text.substr(i, 1));
                flush();
            }
        } else if (c == '\n') {
            flush();
        } else if (c == '-' && (i + 1 == n || text[i + 1] == ' ') &&
                   (i == 0 || text[i - 1] == ' ')) {
            flush();
        }
        ++i;
    }
    flush();
}

std::uint8_t punctuation_class(std::string_view token) {
    if (token.size() != 1)
        return 0;
    switch (token[0]) {
        case ',':
        case ';':
        case ':':
            return kAttached;
        case '.':
        case '?':
        case '!':
            return kTerminal;
        default:
            return 0;
    }
}

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space && !in_word)
            ++words;
        in_word = !space;
    }
    return words;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// TextModel

void TextModel::Table::build(std::vector<std::uint64_t>& grams) {
    std::sort(grams.begin(), grams.end());
    std::size_t contexts = 0;
    for (std::size_t i = 0; i < grams.size(); ++i) {
        if (i == 0 || (grams[i] >> kIdBits) != (grams[i - 1] >> kIdBits))
            ++contexts;
    }
    std::size_t capacity = 16;
    while (capacity < contexts * 2)
        capacity *= 2;
    mask = capacity - 1;
    slots.assign(capacity, Slot{kEmpty, 0, 0});
    next.clear();

    std::size_t i = 0;
    while (i < grams.size()) {
        const std::uint64_t context = grams[i] >> kIdBits;
        const auto first = static_cast<std::uint32_t>(next.size());
        std::uint32_t total = 0;
        while (i < grams.size() && (grams[i] >> kIdBits) == context) {
            const std::uint64_t gram = grams[i];
            while (i < grams.size() && grams[i] == gram) {
                ++total;
                ++i;
            }
            next.push_back({total, static_cast<std::uint32_t>(gram & kIdMask)});
        }
        std::uint64_t slot = mix64(context) & mask;
        while (slots[slot].key != kEmpty)
            slot = (slot + 1) & mask;
        slots[slot] = Slot{context, first, static_cast<std::uint32_t>(next.size())};
    }
    std::vector<std::uint64_t>().swap(grams);
}

const TextModel::Table::Slot* TextModel::Table::find(std::uint64_t key) const {
    if (slots.empty())
        return nullptr;
    std::uint64_t slot = mix64(key) & mask;
    while (slots[slot].key != kEmpty) {
        if (slots[slot].key == key)
            return &slots[slot];
        slot = (slot + 1) & mask;
    }
    return nullptr;
}

std::uint32_t TextModel::Table::sample(Rng& rng, const Slot& slot) const {
    const Next* first = next.data() + slot.begin;
    const Next* last = next.data() + slot.end;
    const auto draw = static_cast<std::uint32_t>(rng.next() % (last - 1)->cumulative);
    return std::upper_bound(first, last, draw,
                            [](std::uint32_t value, const Next& n) { return value < n.cumulative; })
        ->word;
}

TextModel TextModel::learn(const std::vector<std::string>& texts, std::size_t max_tokens) {
    TextModel model;
    model.punct_.push_back(0);
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::uint64_t> unigram_counts{0};
    std::vector<std::uint64_t> trigrams;
    std::vector<std::uint64_t> bigrams;
    std::vector<std::uint32_t> sentence_ids;
    std::unordered_set<std::uint64_t> seen_sentences;
    bool full = false;

    auto id_of = [&](std::string_view token) -> std::uint32_t {
        auto [it, inserted] = ids.try_emplace(std::string(token), 0);
        if (inserted) {
            if (model.words_.size() >= kMaxWords) {
                ids.erase(it);
                return 0;
            }
            it->second = static_cast<std::uint32_t>(model.words_.size());
            model.words_.emplace_back(token);
            model.punct_.push_back(punctuation_class(token));
            unigram_counts.push_back(0);
        }
        return it->second;
    };

    for (const std::string& text : texts) {
        if (full)
            break;
        split_sentences(text, [&](const std::vector<std::string_view>& tokens) {
            if (full)
                return;
            std::size_t words = 0;
            for (const auto token : tokens)
                if (punctuation_class(token) == 0)
                    ++words;
            if (words < 4)
                return;  // headings and fragments do not read as prose
            sentence_ids.clear();
            for (const auto token : tokens) {
                const std::uint32_t id = id_of(token);
                if (id == 0)
                    return;  // vocabulary full: skip sentences with new words
                sentence_ids.push_back(id);
            }
            if (model.punct_[sentence_ids.back()] != kTerminal)
                sentence_ids.push_back(id_of("."));
            // Each distinct sentence counts once: MedQuAD repeats boilerplate ("Much of this
            // information comes from Orphanet") thousands of times, which would dominate.
            std::uint64_t hash = 0;
            for (const std::uint32_t id : sentence_ids)
                hash = mix64(hash ^ id);
            if (!seen_sentences.insert(hash).second)
                return;
            std::uint64_t a = 0;
            std::uint64_t b = 0;
            for (const std::uint32_t id : sentence_ids) {
                trigrams.push_back((a << (2 * kIdBits)) | (b << kIdBits) | id);
                bigrams.push_back((b << kIdBits) | id);
                if (model.punct_[id] == 0)
                    ++unigram_counts[id];
                a = b;
                b = id;
            }
            trigrams.push_back((a << (2 * kIdBits)) | (b << kIdBits));
            bigrams.push_back(b << kIdBits);
            model.tokens_ += sentence_ids.size();
            if (model.tokens_ >= max_tokens)
                full = true;
        });
    }

    model.unigram_cumulative_.reserve(unigram_counts.size());
    std::uint64_t total = 0;
    for (std::size_t id = 1; id < unigram_counts.size(); ++id) {
        total += unigram_counts[id];
        model.unigram_cumulative_.push_back(total);
    }
    if (total == 0) {
        model.tokens_ = 0;
        return model;
    }
    model.trigrams_.build(trigrams);
    model.bigrams_.build(bigrams);
    return model;
}

const std::string& TextModel::unigram_word(Rng& rng) const {
    return words_[rng.weighted(unigram_cumulative_) + 1];
}

std::uint32_t TextModel::next_word(Rng& rng, std::uint32_t a, std::uint32_t b) const {
    // Mostly trigrams (fluent), some bigram back-off (new combinations), and rarely a word
    // from the unigram distribution so the vocabulary is used the way Zipf's law says.
    const double u = rng.unit();
    if (u < 0.004 && b != 0 && punct_[b] != kTerminal) {
        return static_cast<std::uint32_t>(rng.weighted(unigram_cumulative_) + 1);
    }
    if (u >= 0.05) {
        if (const auto* slot = trigrams_.find((std::uint64_t{a} << kIdBits) | b)) {
            return trigrams_.sample(rng, *slot);
        }
    }
    if (const auto* slot = bigrams_.find(b))
        return bigrams_.sample(rng, *slot);
    return 0;
}

std::size_t TextModel::write_sentence(Rng& rng, std::string& out) const {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::size_t words = 0;
    std::size_t tokens = 0;
    const std::size_t start = out.size();
    while (tokens < 60) {
        const std::uint32_t c = next_word(rng, a, b);
        if (c == 0)
            break;
        if (punct_[c] == 0) {
            if (tokens > 0)
                out.push_back(' ');
            ++words;
        } else if (tokens == 0 || punct_[b] != 0) {
            // No sentence starts with, and no punctuation follows, punctuation.
            if (punct_[c] == kTerminal && tokens > 0)
                break;
            a = b;
            b = c;
            continue;
        }
        out += words_[c];
        ++tokens;
        a = b;
        b = c;
    }
    if (tokens == 0 || punct_[b] != kTerminal) {
        while (out.size() > start && (out.back() == ',' || out.back() == ';' || out.back() == ':'))
            out.pop_back();
        out.push_back('.');
    }
    if (out.size() > start && out[start] >= 'a' && out[start] <= 'z') {
        out[start] = static_cast<char>(out[start] - 'a' + 'A');
    }
    return words;
}

std::string TextModel::sentence(Rng& rng) const {
    std::string out;
    write_sentence(rng, out);
    return out;
}

void TextModel::append_sentences(Rng& rng, std::size_t words, std::string& out) const {
    std::size_t written = 0;
    while (written < words) {
        if (!out.empty())
            out.push_back(' ');
        const std::size_t added = write_sentence(rng, out);
        written += std::max<std::size_t>(added, 1);
    }
}

// ---------------------------------------------------------------------------------------------
// Learning a vocabulary

namespace {

void use_builtin_symptoms(Vocabulary& vocabulary) {
    for (const auto& symptom : builtin::symptoms()) {
        vocabulary.symptoms.push_back(
            {symptom.name, symptom.lay, symptom.clinical, {symptom.specialty}});
    }
    vocabulary.conditions = builtin::conditions();
    vocabulary.lexicon_origin = "built-in symptom list";
}

void learn_lexicon(const std::filesystem::path& dir, Vocabulary& vocabulary) {
    const auto symptoms_file = dir / "symptoms.tsv";
    if (dir.empty() || !std::filesystem::exists(symptoms_file)) {
        use_builtin_symptoms(vocabulary);
        return;
    }
    // The library reads (and checks) the lexicon; the generator takes names and forms.
    const qaindex::Lexicon lexicon = qaindex::Lexicon::load(dir);
    for (const qaindex::Symptom& symptom : lexicon.symptoms()) {
        vocabulary.symptoms.push_back(
            {symptom.name, symptom.lay, symptom.clinical, symptom.specialties});
    }
    for (const qaindex::Condition& condition : lexicon.conditions()) {
        vocabulary.conditions.push_back(condition.name);
    }
    vocabulary.lexicon_origin = dir.string();
    if (vocabulary.symptoms.size() < 40) {
        // A starter lexicon: add the built-in list so every specialty gets symptoms.
        const std::string origin = vocabulary.lexicon_origin;
        std::vector<std::string> conditions = std::move(vocabulary.conditions);
        use_builtin_symptoms(vocabulary);
        vocabulary.conditions.insert(vocabulary.conditions.end(), conditions.begin(),
                                     conditions.end());
        vocabulary.lexicon_origin = origin + " + built-in symptom list";
    }
    if (vocabulary.conditions.empty())
        vocabulary.conditions = builtin::conditions();
}

// Chinese sentences end at 。！？ (and ASCII ?!); the delimiter stays with its sentence.
std::vector<std::string> chinese_sentences(std::string_view text) {
    std::vector<std::string> sentences;
    std::string current;
    auto flush = [&] {
        if (current.size() >= 9)
            sentences.push_back(current);  // three Han characters or more
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            flush();
            continue;
        }
        current.push_back(c);
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("\xE3\x80\x82") || rest.starts_with("\xEF\xBC\x81") ||
            rest.starts_with("\xEF\xBC\x9F")) {
            current.append(rest.substr(1, 2));
            i += 2;
            flush();
        } else if (c == '?' || c == '!') {
            flush();
        }
    }
    flush();
    return sentences;
}

void learn_chinese(const std::filesystem::path& path, Vocabulary& vocabulary,
                   const DiagnosticSink& diagnose) {
    if (!path.empty() && std::filesystem::exists(path)) {
        std::unordered_map<std::string, std::size_t> index;
        for (const auto& file : list_corpus(path, diagnose)) {
            read_corpus_file(
                file,
                [&](Consultation&& entry) {
                    if (entry.replies.empty() || !entry.replies.front().specialty)
                        return;
                    const std::string& name = *entry.replies.front().specialty;
                    auto [it, inserted] = index.try_emplace(name, vocabulary.chinese.size());
                    if (inserted)
                        vocabulary.chinese.push_back({name, {}, {}, {}});
                    ChineseDepartment& department = vocabulary.chinese[it->second];
                    if (entry.title)
                        department.titles.push_back(*entry.title);
                    for (auto& s : chinese_sentences(entry.question))
                        department.question_sentences.push_back(std::move(s));
                    for (auto& s : chinese_sentences(entry.replies.front().text))
                        department.answer_sentences.push_back(std::move(s));
                },
                diagnose);
        }
        std::erase_if(vocabulary.chinese, [](const ChineseDepartment& d) {
            return d.titles.empty() || d.question_sentences.empty() || d.answer_sentences.empty();
        });
        if (!vocabulary.chinese.empty()) {
            vocabulary.chinese_origin = path.string();
            return;
        }
    }
    for (const auto& sample : builtin::chinese()) {
        vocabulary.chinese.push_back(
            {sample.department, sample.titles, sample.questions, sample.answers});
    }
    vocabulary.chinese_origin = "built-in Chinese sentences";
}

void learn_english(const std::filesystem::path& path, std::size_t max_tokens,
                   Vocabulary& vocabulary, const DiagnosticSink& diagnose) {
    std::vector<std::string> texts;
    if (!path.empty() && std::filesystem::exists(path)) {
        std::set<std::string> topics;
        // Tokens run about 5.5 bytes each in English prose: stop reading well past the cap.
        const std::size_t byte_budget = max_tokens * 8;
        std::size_t bytes = 0;
        for (const auto& file : list_corpus(path, diagnose)) {
            if (bytes >= byte_budget)
                break;
            read_corpus_file(
                file,
                [&](Consultation&& entry) {
                    if (entry.language && *entry.language != "en")
                        return;
                    auto take = [&](std::string& text) {
                        bytes += text.size();
                        texts.push_back(std::move(text));
                    };
                    if (entry.focus && !entry.focus->name.empty())
                        topics.insert(entry.focus->name);
                    take(entry.question);
                    for (auto& reply : entry.replies)
                        take(reply.text);
                    if (entry.more_info)
                        take(*entry.more_info);
                },
                diagnose);
        }
        TextModel model = TextModel::learn(texts, max_tokens);
        if (!model.empty()) {
            vocabulary.english = std::move(model);
            vocabulary.english_origin = path.string();
            if (topics.size() >= 20) {
                // Real topic names make titles and Related FAQ rows varied.
                vocabulary.conditions.insert(vocabulary.conditions.end(), topics.begin(),
                                             topics.end());
            }
            return;
        }
    }
    vocabulary.english = TextModel::learn(builtin::english_texts());
    vocabulary.english_origin = "built-in English paragraphs";
}

}  // namespace

Vocabulary learn_vocabulary(const VocabularySources& sources, const DiagnosticSink& diagnose) {
    Vocabulary vocabulary;
    learn_lexicon(sources.lexicon, vocabulary);
    learn_english(sources.english, sources.max_tokens, vocabulary, diagnose);
    learn_chinese(sources.chinese, vocabulary, diagnose);
    return vocabulary;
}

Vocabulary builtin_vocabulary() {
    return learn_vocabulary({});
}

// ---------------------------------------------------------------------------------------------
// Building consultations

namespace {

struct WeightedName {
    const char* name;
    unsigned weight;
};

// A plausible mix for a general consultation site: primary care and the specialties people
// write to most often lead, the narrow ones trail.
constexpr std::array<WeightedName, 17> kSpecialties = {{
    {"Family Medicine", 11},
    {"Internal Medicine", 10},
    {"Neurology", 9},
    {"Dermatology", 9},
    {"Obstetrics and Gynecology", 8},
    {"Gastroenterology", 7},
    {"Psychiatry", 6},
    {"Orthopedics", 6},
    {"Otolaryngology", 6},
    {"Cardiology", 6},
    {"Ophthalmology", 5},
    {"Urology", 5},
    {"Pediatrics", 5},
    {"Endocrinology", 3},
    {"Pulmonology", 3},
    {"Rheumatology", 2},
    {"Nephrology", 2},
}};

constexpr std::array<WeightedName, 9> kAgeGroups = {{
    {"0~9", 4},
    {"10~19", 9},
    {"20~29", 22},
    {"30~39", 24},
    {"40~49", 16},
    {"50~59", 11},
    {"60~69", 8},
    {"70~79", 4},
    {"80~89", 2},
}};

constexpr std::array<const char*, 40> kSurnames = {
    "Chen", "Lin",   "Huang",  "Zhang", "Li",    "Wang", "Wu",   "Liu",  "Cai",  "Yang",
    "Xu",   "Zheng", "Xie",    "Guo",   "Hong",  "Qiu",  "Zeng", "Liao", "Lai",  "Zhou",
    "Ye",   "Su",    "Zhuang", "Lu",    "Jiang", "He",   "Gao",  "Pan",  "Luo",  "Zhong",
    "Peng", "Tang",  "Song",   "Fang",  "Ke",    "Shi",  "Yu",   "Du",   "Deng", "Hu"};

constexpr std::array<const char*, 48> kGivenSyllables = {
    "bo",  "shou", "jun",  "yi",    "chun", "de",   "jie",  "wei",  "ming", "hua",  "zhi",  "xin",
    "yu",  "ting", "jia",  "hao",   "qing", "an",   "ping", "rong", "wen",  "li",   "mei",  "fang",
    "guo", "hui",  "kai",  "lan",   "long", "min",  "ning", "pei",  "rui",  "shan", "tao",  "xiang",
    "yan", "ying", "zhen", "cheng", "feng", "hong", "jing", "kun",  "lei",  "song", "xuan", "yun"};

constexpr std::array<const char*, 12> kHanSurnames = {"王", "李", "张", "刘", "陈", "杨",
                                                      "黄", "赵", "吴", "周", "徐", "孙"};
constexpr std::array<const char*, 12> kHanGiven = {"伟", "芳", "娜", "敏", "静", "丽",
                                                   "强", "磊", "军", "洋", "勇", "艳"};

constexpr std::array<const char*, 9> kDurations = {
    "two days",    "a week",      "two weeks",     "about a month",    "three months",
    "half a year", "over a year", "several years", "the past few days"};

constexpr std::array<const char*, 8> kOpeners = {"Hello doctor,",
                                                 "Hello,",
                                                 "Dear doctor,",
                                                 "Hi doctor,",
                                                 "Doctor, I have a question.",
                                                 "Hello Dr.,",
                                                 "Good evening doctor,",
                                                 "Hello, thank you for reading my question."};

constexpr std::array<const char*, 10> kCloses = {"Could you please explain why this is happening?",
                                                 "Do I need further examination?",
                                                 "What should I do?",
                                                 "Is this something serious?",
                                                 "Which department should I see?",
                                                 "Should I be worried about this?",
                                                 "What tests would you recommend?",
                                                 "Can this be treated with medication?",
                                                 "Thank you for your help.",
                                                 "Is there anything I can do at home?"};

constexpr std::array<const char*, 8> kAdvice = {
    "It is advisable to rest, drink enough water and avoid staying up late.",
    "Please keep a symptom diary and bring it to your next visit.",
    "If the symptoms persist or worsen, please see a doctor for an examination.",
    "A follow-up visit in two to four weeks is recommended.",
    "Do not stop your current medication without talking to your doctor.",
    "Please seek emergency care if the symptoms suddenly become severe.",
    "Regular exercise and a balanced diet will also help.",
    "It is recommended to visit the outpatient clinic for a detailed evaluation."};

constexpr std::array<const char*, 6> kInfoHeadings = {
    "Possible Causes",   "When to Seek Help", "Recommended Steps",
    "Treatment Options", "Diagnosis",         "Prevention and Self-Care"};

std::string title_case(std::string_view text) {
    std::string out(text);
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
    }
    return out;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

std::string pinyin_name(Rng& rng) {
    std::string name = kSurnames[rng.below(kSurnames.size())];
    name.push_back(' ');
    std::string given = kGivenSyllables[rng.below(kGivenSyllables.size())];
    if (rng.chance(0.7))
        given += kGivenSyllables[rng.below(kGivenSyllables.size())];
    name += capitalised(given);
    return name;
}

std::string han_name(Rng& rng) {
    std::string name = kHanSurnames[rng.below(kHanSurnames.size())];
    name += kHanGiven[rng.below(kHanGiven.size())];
    if (rng.chance(0.6))
        name += kHanGiven[rng.below(kHanGiven.size())];
    return name;
}

template <std::size_t N>
const char* weighted_name(Rng& rng, const std::array<WeightedName, N>& table) {
    unsigned total = 0;
    for (const auto& row : table)
        total += row.weight;
    auto draw = static_cast<unsigned>(rng.below(total));
    for (const auto& row : table) {
        if (draw < row.weight)
            return row.name;
        draw -= row.weight;
    }
    return table.back().name;
}

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

Date random_date(Rng& rng) {
    // Later years weigh more (weight = year - 2004): consultation sites grew over time.
    const int total = 20 * 21 / 2;
    int draw = rng.between(0, total - 1);
    int year = 2005;
    while (draw >= year - 2004) {
        draw -= year - 2004;
        ++year;
    }
    const int month = rng.between(1, 12);
    return Date{year, month, rng.between(1, days_in_month(year, month))};
}

Date add_days(Date date, int days) {
    for (int i = 0; i < days; ++i) {
        if (date.year == 2024 && date.month == 12 && date.day == 31)
            break;
        if (++date.day > days_in_month(date.year, date.month)) {
            date.day = 1;
            if (++date.month > 12) {
                date.month = 1;
                ++date.year;
            }
        }
    }
    return date;
}

// Breaks text into lines every few sentences, as the reference page does.
// Misspells a share of the words of 4+ ASCII letters: drop, double or swap a letter.
std::string with_typos(const std::string& text, double rate, Rng& rng) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])))
            ++j;
        if (j == i) {
            out.push_back(text[i++]);
            continue;
        }
        std::string word = text.substr(i, j - i);
        if (word.size() >= 4 && rng.chance(rate)) {
            // Never the first letter: "headache" -> "headace", "haedache", "headdache".
            const std::size_t at = 1 + rng.below(word.size() - 2);
            switch (rng.below(3)) {
                case 0:
                    word.erase(at, 1);
                    break;
                case 1:
                    word.insert(at, 1, word[at]);
                    break;
                default:
                    std::swap(word[at], word[at + 1]);
                    break;
            }
        }
        out += word;
        i = j;
    }
    return out;
}

std::string into_lines(std::string text, Rng& rng) {
    std::size_t sentences = 0;
    std::size_t limit = static_cast<std::size_t>(rng.between(1, 3));
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == '?' || c == '!') && text[i + 1] == ' ' && ++sentences >= limit) {
            text[i + 1] = '\n';
            sentences = 0;
            limit = static_cast<std::size_t>(rng.between(1, 3));
        }
    }
    return text;
}

std::string excerpt(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes)
        return std::string(text);
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    std::string out(text.substr(0, cut));
    for (char& c : out) {
        if (c == '\n')
            c = ' ';
    }
    return out + "...";
}

}  // namespace

const std::vector<std::string>& generator_specialties() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& row : kSpecialties)
            out.emplace_back(row.name);
        return out;
    }();
    return names;
}

PageGenerator::PageGenerator(const Vocabulary& vocabulary, GeneratorOptions options)
    : vocabulary_(&vocabulary), options_(options) {
    if (vocabulary.english.empty() || vocabulary.symptoms.empty() || vocabulary.chinese.empty())
        throw std::invalid_argument("the generator needs English text, symptoms and Chinese text");
    std::uint64_t total = 0;
    for (const auto& row : kSpecialties) {
        total += row.weight;
        specialty_cumulative_.push_back(total);
        std::vector<std::size_t> pool;
        for (std::size_t i = 0; i < vocabulary.symptoms.size(); ++i) {
            const auto& specialties = vocabulary.symptoms[i].specialties;
            if (std::find(specialties.begin(), specialties.end(), row.name) != specialties.end())
                pool.push_back(i);
        }
        if (pool.empty()) {
            for (std::size_t i = 0; i < vocabulary.symptoms.size(); ++i)
                pool.push_back(i);
        }
        symptoms_by_specialty_.push_back(std::move(pool));
    }
    total = 0;
    for (const auto& department : vocabulary.chinese) {
        total += department.question_sentences.size();
        chinese_cumulative_.push_back(total);
    }
}

PageKind PageGenerator::kind(std::uint64_t index) const {
    Rng rng(mix64(options_.seed ^ mix64(index ^ 0x6D616C666F726DULL)));
    if (!rng.chance(options_.malformed_share))
        return PageKind::Valid;
    switch (rng.below(3)) {
        case 0:
            return PageKind::Truncated;
        case 1:
            return PageKind::InvalidUtf8;
        default:
            return PageKind::Binary;
    }
}

std::string PageGenerator::file_name(std::uint64_t index) const {
    std::array<char, 48> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%07llu_%016llx.txt",
                  static_cast<unsigned long long>(index),
                  static_cast<unsigned long long>(mix64(options_.seed * 31 + index)));
    return buffer.data();
}

Consultation PageGenerator::consultation(std::uint64_t index) const {
    Rng rng(mix64(options_.seed + 0x9E3779B97F4A7C15ULL * (index + 1)));
    Consultation entry =
        rng.chance(options_.chinese_share) ? chinese(rng, index) : english(rng, index);
    entry.id = EntryId{"gen/" + std::to_string(index)};
    return entry;
}

Consultation PageGenerator::english(Rng& rng, std::uint64_t /*index*/) const {
    const Vocabulary& v = *vocabulary_;
    const std::size_t specialty_index = rng.weighted(specialty_cumulative_);
    const std::string specialty = kSpecialties[specialty_index].name;
    const auto& pool = symptoms_by_specialty_[specialty_index];
    const SymptomForms& main = v.symptoms[rng.pick(pool)];
    const SymptomForms& other = v.symptoms[rng.pick(pool)];
    auto lay_form = [&](const SymptomForms& s) -> const std::string& {
        return !s.lay.empty() && rng.chance(0.7) ? rng.pick(s.lay) : s.name;
    };
    auto clinical_form = [&](const SymptomForms& s) -> const std::string& {
        return !s.clinical.empty() && rng.chance(0.6) ? rng.pick(s.clinical) : s.name;
    };

    Consultation entry;
    entry.language = "en";

    // Asker.
    const char* age = weighted_name(rng, kAgeGroups);
    if (specialty == "Pediatrics")
        age = rng.chance(0.6) ? "0~9" : "10~19";
    entry.asker.age_group = age;
    if (specialty == "Obstetrics and Gynecology") {
        entry.asker.sex = Sex::Female;
    } else if (rng.chance(0.92)) {
        entry.asker.sex = rng.chance(0.56) ? Sex::Female : Sex::Male;
    }
    if (rng.chance(0.65))
        entry.asker.name = pinyin_name(rng);
    entry.asked = random_date(rng);

    // Title: 2 to 8 words around the main symptom or a condition.
    const std::string topic = rng.chance(0.3) ? rng.pick(v.conditions) : main.name;
    switch (rng.below(6)) {
        case 0:
            entry.title = title_case(topic);
            break;
        case 1:
            entry.title = title_case(topic) + ": Causes and Treatment";
            break;
        case 2:
            entry.title = "Is " + main.name + " a sign of " + rng.pick(v.conditions) + "?";
            break;
        case 3:
            entry.title = title_case(main.name) + " and " + title_case(other.name);
            break;
        case 4:
            entry.title =
                "Persistent " + main.name + " for " + kDurations[rng.below(kDurations.size())];
            break;
        default:
            entry.title = "Understanding " + title_case(topic);
            break;
    }
    if (count_words(*entry.title) < 2)
        *entry.title += " Questions";
    while (count_words(*entry.title) > 8)
        entry.title->erase(entry.title->rfind(' '));

    // Question: 20 to 200 words, lay phrasing.
    const std::size_t question_words = rng.lognormal(65, 0.55, 20, 200);
    std::string question = kOpeners[rng.below(kOpeners.size())];
    question += " for " + std::string(kDurations[rng.below(kDurations.size())]) +
                " I have been experiencing " + lay_form(main);
    if (&other != &main && rng.chance(0.5))
        question += " and " + lay_form(other);
    question += '.';
    if (rng.chance(0.15)) {
        const SymptomForms& absent = v.symptoms[rng.below(v.symptoms.size())];
        question += " I do not have " + absent.name + '.';
    }
    const char* close = kCloses[rng.below(kCloses.size())];
    const std::size_t used = count_words(question) + count_words(close);
    if (used + 6 < question_words) {
        v.english.append_sentences(rng, question_words - used, question);
    }
    question += ' ';
    question += close;
    if (options_.typo_rate > 0)
        question = with_typos(question, options_.typo_rate, rng);
    entry.question = into_lines(std::move(question), rng);

    // Replies: 30 to 400 words, clinical phrasing.
    auto reply = [&](const std::string& reply_specialty, std::size_t median) {
        Reply r;
        r.doctor = pinyin_name(rng);
        r.specialty = reply_specialty;
        const std::size_t words = rng.lognormal(static_cast<double>(median), 0.6, 30, 400);
        std::string text =
            capitalised(clinical_form(main)) + " may be related to " +
            (rng.chance(0.5) ? rng.pick(v.conditions) : std::string("several causes")) + '.';
        const char* advice = kAdvice[rng.below(kAdvice.size())];
        const std::size_t taken = count_words(text) + count_words(advice);
        if (taken + 6 < words)
            v.english.append_sentences(rng, words - taken, text);
        text += ' ';
        text += advice;
        r.text = into_lines(std::move(text), rng);
        r.date = add_days(*entry.asked, rng.between(0, 10));
        return r;
    };
    entry.replies.push_back(reply(specialty, 100));
    if (rng.chance(0.12)) {
        const std::string second =
            rng.chance(0.8) ? specialty : generator_specialties()[rng.below(kSpecialties.size())];
        entry.replies.push_back(reply(second, 70));
    }

    // More Info: 150 to 600 words in headed paragraphs, for about 30%.
    if (rng.chance(0.30)) {
        const std::size_t words = static_cast<std::size_t>(rng.between(150, 600));
        std::string info;
        v.english.append_sentences(rng, 40, info);
        std::size_t written = count_words(info);
        std::size_t heading = rng.below(kInfoHeadings.size());
        while (written < words) {
            info += '\n';
            info += kInfoHeadings[heading++ % kInfoHeadings.size()];
            const int items = rng.between(2, 5);
            for (int item = 1; item <= items && written < words; ++item) {
                std::string line = std::to_string(item) + ".";
                v.english.append_sentences(rng, std::min<std::size_t>(words - written, 30), line);
                written += count_words(line);
                info += '\n';
                info += line;
            }
        }
        entry.more_info = std::move(info);
    }

    // The page's own Similar Q&A and Related FAQ lists, on a few pages.
    if (rng.chance(0.06)) {
        const int rows = rng.between(2, 4);
        for (int i = 0; i < rows; ++i) {
            SimilarQuestion similar;
            const SymptomForms& s = v.symptoms[rng.pick(pool)];
            similar.title = "Understanding " + title_case(s.name);
            std::string q = "Hello, I have " + lay_form(s) + '.';
            v.english.append_sentences(rng, 40, q);
            similar.question_excerpt = excerpt(q, 190);
            similar.doctor = pinyin_name(rng);
            similar.specialty = specialty;
            std::string a;
            v.english.append_sentences(rng, 40, a);
            similar.reply_excerpt = excerpt(a, 190);
            entry.similar.push_back(std::move(similar));
        }
    }
    if (rng.chance(0.08)) {
        if (rng.chance(0.1))
            entry.related.push_back({"", specialty});
        const int rows = rng.between(3, 9);
        for (int i = 0; i < rows; ++i) {
            const std::string name =
                rng.chance(0.6) ? v.symptoms[rng.pick(pool)].name : rng.pick(v.conditions);
            entry.related.push_back({title_case(name), specialty});
        }
    }
    return entry;
}

Consultation PageGenerator::chinese(Rng& rng, std::uint64_t /*index*/) const {
    const ChineseDepartment& department = vocabulary_->chinese[rng.weighted(chinese_cumulative_)];
    Consultation entry;
    entry.language = "zh";
    entry.title = rng.pick(department.titles);
    const int question_sentences = rng.between(1, 4);
    for (int i = 0; i < question_sentences; ++i)
        entry.question += rng.pick(department.question_sentences);
    entry.asker.age_group = weighted_name(rng, kAgeGroups);
    if (rng.chance(0.9))
        entry.asker.sex = rng.chance(0.5) ? Sex::Female : Sex::Male;
    entry.asked = random_date(rng);
    Reply reply;
    reply.doctor = han_name(rng);
    reply.specialty = department.name;
    const int answer_sentences = rng.between(2, 6);
    for (int i = 0; i < answer_sentences; ++i)
        reply.text += rng.pick(department.answer_sentences);
    reply.date = add_days(*entry.asked, rng.between(0, 5));
    entry.replies.push_back(std::move(reply));
    return entry;
}

namespace {

std::string random_bytes(Rng& rng, std::size_t size, bool allow_newline) {
    std::string bytes(size, '\0');
    for (char& c : bytes) {
        auto value = static_cast<unsigned char>(rng.below(256));
        if (!allow_newline && (value == '\n' || value == 0))
            value = 0xFF;
        c = static_cast<char>(value);
    }
    if (allow_newline)
        bytes[rng.below(size)] = '\0';  // surely binary
    return bytes;
}

// Inserts a byte sequence that is not UTF-8 at a space in the middle of text.
void break_utf8(std::string& text) {
    std::size_t at = text.find(' ', text.size() / 3);
    if (at == std::string::npos)
        at = text.size() / 2;
    text.insert(at, "\xC3\x28\xFF");
}

}  // namespace

std::string PageGenerator::page(std::uint64_t index) const {
    const PageKind broken = kind(index);
    if (broken == PageKind::Binary) {
        Rng rng(mix64(options_.seed ^ index ^ 0x62696E617279ULL));
        return random_bytes(rng, 256 + rng.below(3840), true);
    }
    std::string text = format_page(consultation(index));
    if (broken == PageKind::Truncated) {
        const std::size_t ask = text.find("Ask Date");
        const std::size_t line =
            ask == std::string::npos ? std::string::npos : text.rfind('\n', ask);
        text.resize(line == std::string::npos ? text.size() / 2 : line + 1);
    } else if (broken == PageKind::InvalidUtf8) {
        break_utf8(text);
    }
    return text;
}

std::string PageGenerator::json_line(std::uint64_t index) const {
    const PageKind broken = kind(index);
    if (broken == PageKind::Binary) {
        Rng rng(mix64(options_.seed ^ index ^ 0x62696E617279ULL));
        return random_bytes(rng, 64 + rng.below(448), false);
    }
    std::string line = format_json_line(consultation(index));
    if (broken == PageKind::Truncated) {
        line.resize(line.size() / 2);
    } else if (broken == PageKind::InvalidUtf8) {
        break_utf8(line);
    }
    return line;
}

}  // namespace qaindex::bench
