// SPDX-License-Identifier: Apache-2.0
// The index schema, defined here only: term prefixes, value slots, metadata keys, stored data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/consultation.hpp"

namespace qaindex::schema {

/// Version of what the index holds, written to it. Bump it whenever the terms, values, stored
/// data or the tagging rules change: the next build is then a full one, and a searcher refuses
/// an index of another version. 2: hypothetical mentions in replies are no longer tagged.
/// 3: symptom phrases are also recognised across words like "keeps" ("eyelid keeps jumping").
/// 4: More Info words are indexed as stems only.
/// 5: the More Info article and the page's own Similar Q&A and Related FAQ are stored too (a
/// second line of the data), so that an entry can be shown and exported whole.
/// 6: each entry's ranking profile (kProfileSlot) and question key (kQuestionKey,
/// kQuestionKeySlot).
inline constexpr std::string_view kVersion = "6";

// ---- Free-text terms -------------------------------------------------------------------
// Every text field is indexed twice:
//  * unprefixed: the unstemmed term with positions (phrases, exact words) and "Z" + stem
//    without positions (ranking), for all fields together;
//  * per field: "Z" + field prefix + stem, without positions, so `title:twitching` works.
// Fields are separated by kFieldPositionGap positions so that no phrase spans two fields.
// Stop words get positional unprefixed terms only (phrases need them; ranking does not).
// The More Info article gets its stems only ("Z" + stem and "ZXM" + stem): it is found by
// its words' stems, while exact words and phrases are looked for in the consultation.
// Han tokens have stem == term, so the same rules apply to them.

inline constexpr std::string_view kStem = "Z";       ///< stemmed-term marker (Xapian habit)
inline constexpr std::string_view kTitle = "S";      ///< title field (Xapian's "subject")
inline constexpr std::string_view kQuestion = "XQ";  ///< question field
inline constexpr std::string_view kReply = "XR";     ///< all replies
inline constexpr std::string_view kMoreInfo = "XM";  ///< the "More Info" article

/// Within-document frequency added per occurrence of a word in each field, for the
/// unprefixed terms. BM25 sees a title word as 4 occurrences: a title states the topic,
/// the question states it in the asker's words, replies and articles use many side words.
inline constexpr std::uint32_t kTitleWdf = 4;
inline constexpr std::uint32_t kQuestionWdf = 2;
inline constexpr std::uint32_t kReplyWdf = 1;
inline constexpr std::uint32_t kMoreInfoWdf = 1;
inline constexpr std::uint32_t kFieldPositionGap = 100;
/// Words longer than this many bytes are not indexed (Xapian's limit is 245 per term).
inline constexpr std::size_t kMaxTermBytes = 64;

// ---- Boolean terms (filters, facets, identity) ------------------------------------------
inline constexpr std::string_view kId = "Q";               ///< + entry id: unique per document
inline constexpr std::string_view kSpecialty = "XP";       ///< + specialty slug: "neurology"
inline constexpr std::string_view kSymptom = "XS";         ///< + symptom id (lower case), mentioned
inline constexpr std::string_view kSymptomBroader = "XB";  ///< + ancestor id of a mentioned one
inline constexpr std::string_view kCondition = "XC";       ///< + condition id (lower case)
inline constexpr std::string_view kDoctor = "XD";          ///< + doctor name, normalised
inline constexpr std::string_view kSex = "XG";             ///< + "female" / "male"
inline constexpr std::string_view kAgeGroup = "XA";        ///< + age group normalised: "10-19"
inline constexpr std::string_view kYear = "Y";             ///< + year asked: "2005"
inline constexpr std::string_view kLanguage = "L";         ///< + "en", "zh"
inline constexpr std::string_view kFile = "XF";            ///< + corpus file key (file_key())
inline constexpr std::string_view kQuestionType = "XT";    ///< + MedQuAD qtype: "symptoms"
/// + question_key(): entries asking the same question (the same title and question once
/// normalised) share it; search shows them as one hit, and its frequency counts them.
inline constexpr std::string_view kQuestionKey = "XK";

// ---- Value slots ------------------------------------------------------------------------
inline constexpr unsigned kAskedSlot = 0;        ///< "YYYYMMDD": sorts and ranges as a string
inline constexpr unsigned kRepliedSlot = 1;      ///< first reply's date, "YYYYMMDD"
inline constexpr unsigned kSpecialtySlot = 2;    ///< canonical specialty name: facet counts
inline constexpr unsigned kSymptomsSlot = 3;     ///< mentioned symptom ids joined by '\n'
inline constexpr unsigned kContentSlot = 4;      ///< content_hash() of the consultation
inline constexpr unsigned kProfileSlot = 5;      ///< encode_profile() of the entry's EntryProfile
inline constexpr unsigned kQuestionKeySlot = 6;  ///< question_key(): collapses identical questions

// ---- Metadata keys ----------------------------------------------------------------------
inline constexpr std::string_view kMetaSchema = "qaindex:schema";
inline constexpr std::string_view kMetaLexicon = "qaindex:lexicon";       ///< Lexicon::fingerprint
inline constexpr std::string_view kMetaLastBuild = "qaindex:last-build";  ///< ISO 8601 UTC
inline constexpr std::string_view kMetaCorpus = "qaindex:corpus";         ///< corpus path
/// The shard this index holds, "2/4" (to_string(ShardSelection)); absent for a whole corpus.
inline constexpr std::string_view kMetaShard = "qaindex:shard";
/// + file_key(): "size mtime-ns entries [reread]" of a corpus file at its last build
/// (detail::FileRecord).
inline constexpr std::string_view kMetaFile = "qaindex:file:";
/// + file_key(): the ids of the file's entries that IndexWriter::remove() deleted since the file
/// was last read, '\n'-joined. Incremental builds do not read an unchanged file again, so they
/// stay deleted until it changes; `qaindex check` lists them.
inline constexpr std::string_view kMetaDeleted = "qaindex:deleted:";

// ---- Helpers ----------------------------------------------------------------------------
/// A term: prefix + value, with ':' between them when value starts with an upper-case ASCII
/// letter (Xapian's convention), truncated safely to Xapian's term length limit.
[[nodiscard]] std::string term(std::string_view prefix, std::string_view value);
/// text with ASCII letters in lower case (ids and codes; other bytes as they are).
[[nodiscard]] std::string lower_ascii(std::string_view text);
/// The boolean term of a mentioned symptom (kSymptom), an ancestor of one (kSymptomBroader)
/// or a condition (kCondition): prefix + the lexicon id in lower case.
[[nodiscard]] std::string concept_term(std::string_view prefix, std::string_view id);
/// Lower-case slug of a canonical specialty name: "Obstetrics and Gynecology" ->
/// "obstetrics-and-gynecology".
[[nodiscard]] std::string slug(std::string_view name);
/// "10~19", "10-19 years", "10 to 19" -> "10-19"; other text lower-cased and trimmed.
[[nodiscard]] std::string normalise_age_group(std::string_view age_group);
/// Doctor name lower-cased with "Dr." removed: "Dr. Ye Boshou" -> "ye boshou".
[[nodiscard]] std::string normalise_doctor(std::string_view doctor);
/// The key of a corpus file (its relative path; hashed when too long for a term).
[[nodiscard]] std::string file_key(std::string_view relative_path);
/// "YYYYMMDD" for a value slot.
[[nodiscard]] std::string date_value(const Date& date);
/// A 64-bit hash of text as 16 hex digits (FNV-1a; stable across builds and machines).
[[nodiscard]] std::string hash_hex(std::string_view text);
/// Text reduced for equality: ASCII lower-cased, every run of characters other than letters
/// and digits one space ("What is (are) Glaucoma ?" -> "what is are glaucoma").
[[nodiscard]] std::string normalised_text(std::string_view text);
/// The key of the question an entry asks: hash_hex of its normalised title and question.
/// Entries with the same key ask the same question (the same FAQ in several sources).
[[nodiscard]] std::string question_key(const Consultation& entry);

/// What is stored as a document's data: the whole consultation (an entry is shown and
/// exported from the index, without the corpus) and what the index derived from it. The data
/// is two lines of JSON: the first holds all that printing a hit or a Similar Q&A row needs
/// (question and reply texts whole: snippets are cut from them); the second, present only
/// when the entry has any, holds more_info, similar and related, which only decode_whole()
/// reads, so that reading a hit parses none of them.
struct StoredEntry {
    Consultation entry;
    std::optional<std::string> specialty;  ///< canonical specialty, if the lexicon knew it
    std::vector<std::string> symptoms;     ///< mentioned symptom ids
    std::vector<std::string> conditions;   ///< mentioned condition ids
    std::optional<std::string> file;       ///< corpus file key, for incremental builds

    bool operator==(const StoredEntry&) const = default;
};

/// The data of a StoredEntry: one or two lines of JSON (see StoredEntry).
[[nodiscard]] std::string encode(const StoredEntry& stored);
/// Reads the first line of encode()'s output: the entry without more_info, similar and
/// related. Throws IndexError on corrupt data.
[[nodiscard]] StoredEntry decode(std::string_view data);
/// Reads all of encode()'s output: the whole entry. Throws IndexError on corrupt data.
[[nodiscard]] StoredEntry decode_whole(std::string_view data);

/// What ranking reads of an entry besides its terms, for each candidate it reranks (see
/// search/scoring.hpp): one value per entry, so reading it costs one lookup, unlike the
/// entry's term list or stored data. Words are Analyzer stems (stop words marked).
struct EntryProfile {
    /// The most question words kept (in order); longer questions keep their first ones.
    static constexpr std::size_t kMaxQuestionWords = 128;

    /// The title's words in order: stems, and stop words as kProfileStopWord + the word.
    std::vector<std::string> title;
    std::vector<std::string> question;  ///< the question's, the same way (at most kMax...)
    std::uint32_t question_length = 0;  ///< words in the whole question, stop words too
    std::uint32_t reply_length = 0;     ///< stems in all replies
    /// Concepts (concept_term(): symptoms kSymptom, conditions kCondition) named, not
    /// negated, in the title; and in the title or question.
    std::vector<std::string> title_concepts;
    std::vector<std::string> concepts;
    /// The kinds of answer the title or question asks for (QuestionWords: "treatment",
    /// "cause", ...), each once.
    std::vector<std::string> kinds;

    bool operator==(const EntryProfile&) const = default;
};

/// Marks a stop word in a profile's word sequence: "_the" (a stem never starts with it).
inline constexpr char kProfileStopWord = '_';

/// The profile as a value: its fields one per line, items separated by U+001F.
[[nodiscard]] std::string encode_profile(const EntryProfile& profile);
/// Reads encode_profile()'s output back. Throws IndexError on corrupt data.
[[nodiscard]] EntryProfile decode_profile(std::string_view data);

/// A hash of everything in a consultation that the index depends on (detects changes).
[[nodiscard]] std::string content_hash(const Consultation& entry);

}  // namespace qaindex::schema
