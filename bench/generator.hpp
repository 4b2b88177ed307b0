// SPDX-License-Identifier: Apache-2.0
// Synthetic consultation corpus: a word trigram model learned from real text, and pages built from
// it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/diagnostic.hpp"

namespace qaindex::bench {

/// Random numbers with our own distributions on top of std::mt19937_64, whose output is
/// fixed by the standard (the std:: distributions are not, so they would make the corpus
/// depend on the standard library).
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    /// A raw 64-bit draw.
    std::uint64_t next() { return engine_(); }
    /// Uniform in [0, n); n must be > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    /// Uniform in [low, high] (inclusive).
    int between(int low, int high);
    /// Uniform in [0, 1).
    double unit();
    /// True with probability p.
    bool chance(double p) { return unit() < p; }
    /// A standard normal draw (Box-Muller).
    double normal();
    /// A log-normal draw around median, clamped to [low, high] and rounded.
    std::size_t lognormal(double median, double sigma, std::size_t low, std::size_t high);
    /// An element of a non-empty vector.
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    /// An index drawn with probability proportional to cumulative[i] - cumulative[i-1]
    /// (cumulative is non-decreasing, its last element > 0).
    std::size_t weighted(const std::vector<std::uint64_t>& cumulative);

  private:
    std::mt19937_64 engine_;
};

/// SplitMix64 finaliser: mixes a 64-bit value into a well-spread one.
[[nodiscard]] std::uint64_t mix64(std::uint64_t value);

/// A word trigram model with bigram and unigram back-off. Learned text keeps its case and its
/// , ; : . ? ! as tokens; generated sentences are joined with the usual spacing.
class TextModel {
  public:
    /// Learns from texts; stops taking new text once max_tokens tokens are counted.
    [[nodiscard]] static TextModel learn(const std::vector<std::string>& texts,
                                         std::size_t max_tokens = 12'000'000);

    /// Appends sentences to out until at least words words were written (whole sentences,
    /// so slightly more). Sentences are separated by one space; a leading space is added if
    /// out is not empty.
    void append_sentences(Rng& rng, std::size_t words, std::string& out) const;

    /// One sentence (ending in . ? or !).
    [[nodiscard]] std::string sentence(Rng& rng) const;

    /// A word drawn from the unigram distribution (Zipf-like on real text).
    [[nodiscard]] const std::string& unigram_word(Rng& rng) const;

    [[nodiscard]] std::size_t vocabulary_size() const { return words_.size() - 1; }
    [[nodiscard]] std::size_t tokens_learned() const { return tokens_; }
    [[nodiscard]] bool empty() const { return tokens_ == 0; }

  private:
    struct Table {
        // Open addressing from a context key to its continuations; key, range and
        // continuation share cache lines because lookups are the generator's hot path.
        struct Slot {
            std::uint64_t key;
            std::uint32_t begin;
            std::uint32_t end;
        };
        struct Next {
            std::uint32_t cumulative;  // running count within the context
            std::uint32_t word;
        };
        std::vector<Slot> slots;
        std::vector<Next> next;
        std::uint64_t mask = 0;

        void build(std::vector<std::uint64_t>& grams);
        [[nodiscard]] const Slot* find(std::uint64_t key) const;
        [[nodiscard]] std::uint32_t sample(Rng& rng, const Slot& slot) const;
    };

    std::uint32_t next_word(Rng& rng, std::uint32_t a, std::uint32_t b) const;
    // Writes a sentence's tokens to out; returns the number of word tokens.
    std::size_t write_sentence(Rng& rng, std::string& out) const;

    std::vector<std::string> words_{std::string()};  // id 0: sentence boundary
    std::vector<std::uint8_t> punct_;                // per id: 1 = attaches to previous word
    std::vector<std::uint64_t> unigram_cumulative_;  // over ids 1..n (index i = id i+1)
    Table trigrams_;
    Table bigrams_;
    std::size_t tokens_ = 0;
};

/// One symptom's phrasings, for inserting mentions.
struct SymptomForms {
    std::string name;                      ///< "muscle twitching"
    std::vector<std::string> lay;          ///< "muscle jumping"
    std::vector<std::string> clinical;     ///< "fasciculation"
    std::vector<std::string> specialties;  ///< canonical specialty names
};

/// Chinese text samples of one department.
struct ChineseDepartment {
    std::string name;  ///< as the source writes it: 神经科
    std::vector<std::string> titles;
    std::vector<std::string> question_sentences;
    std::vector<std::string> answer_sentences;
};

/// Where learn_vocabulary() reads from; empty paths or missing folders fall back to
/// built-in material.
struct VocabularySources {
    std::filesystem::path english;        ///< any corpus folder qaindex reads (MedQuAD, pages ...)
    std::filesystem::path chinese;        ///< zh-consultations CSV file or folder
    std::filesystem::path lexicon;        ///< folder with symptoms.tsv and conditions.tsv
    std::size_t max_tokens = 12'000'000;  ///< cap on English tokens learned
};

/// Everything the page generator draws from.
struct Vocabulary {
    TextModel english;
    std::vector<SymptomForms> symptoms;
    std::vector<std::string> conditions;  ///< condition and topic names for titles
    std::vector<ChineseDepartment> chinese;
    std::string english_origin;  ///< what the English model was learned from
    std::string chinese_origin;
    std::string lexicon_origin;
};

/// Learns a Vocabulary. Reader diagnostics (bad files in the source corpus) go to diagnose.
[[nodiscard]] Vocabulary learn_vocabulary(const VocabularySources& sources,
                                          const DiagnosticSink& diagnose = {});

/// The built-in fallback vocabulary (small, fixed): used by the micro-benchmarks.
[[nodiscard]] Vocabulary builtin_vocabulary();

/// What a generated page or record is.
enum class PageKind {
    Valid,
    Truncated,    ///< stops before its Ask Date line (JSON: cut mid-record)
    InvalidUtf8,  ///< holds bytes that are not UTF-8
    Binary,       ///< random bytes with NULs (JSON: a line of non-JSON bytes)
};

/// Switches of the page generator.
struct GeneratorOptions {
    std::uint64_t seed = 1;
    double malformed_share = 0.002;  ///< share of pages that are broken on purpose
    double chinese_share = 0.05;     ///< share of Chinese consultations
    /// Share of question words (4+ letters) misspelt the way lay writers do (a letter dropped,
    /// doubled or swapped). 0 leaves the output exactly as without this option; a small rate
    /// such as 0.003 makes the vocabulary keep growing with the corpus, as real text does.
    double typo_rate = 0;
};

/// Builds consultation number i of a corpus, the same for a given seed whatever the order
/// or thread pages are made in. Thread-safe (const).
class PageGenerator {
  public:
    PageGenerator(const Vocabulary& vocabulary, GeneratorOptions options);

    /// Consultation i (its id is "gen/<i>").
    [[nodiscard]] Consultation consultation(std::uint64_t index) const;
    /// Whether page i is valid or which way it is broken.
    [[nodiscard]] PageKind kind(std::uint64_t index) const;
    /// The file name of page i inside its folder: "0000042_9ccf1e5a58cd5c5b.txt".
    [[nodiscard]] std::string file_name(std::uint64_t index) const;
    /// The bytes of page i in the consultation-page layout (broken if kind(i) says so).
    [[nodiscard]] std::string page(std::uint64_t index) const;
    /// The JSON Lines record of entry i without newline (broken if kind(i) says so).
    [[nodiscard]] std::string json_line(std::uint64_t index) const;

  private:
    [[nodiscard]] Consultation english(Rng& rng, std::uint64_t index) const;
    [[nodiscard]] Consultation chinese(Rng& rng, std::uint64_t index) const;

    const Vocabulary* vocabulary_;
    GeneratorOptions options_;
    std::vector<std::uint64_t> specialty_cumulative_;
    std::vector<std::vector<std::size_t>> symptoms_by_specialty_;
    std::vector<std::uint64_t> chinese_cumulative_;
};

/// The canonical specialties the generator files entries under, most frequent first.
[[nodiscard]] const std::vector<std::string>& generator_specialties();

}  // namespace qaindex::bench
