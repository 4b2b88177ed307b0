// SPDX-License-Identifier: Apache-2.0
// The ranking constants of search and Similar Q&A, in one place, each with the reason for it.
#pragma once

#include <cstddef>

namespace qaindex::detail::ranking {

// ---- BM25 (Xapian::BM25Weight) ----------------------------------------------------------
// Consultation titles and questions are short and replies long; the index already counts a
// title word 4 times and a question word twice (schema::kTitleWdf ...), so a term should
// saturate sooner than Robertson's k1 = 1.2, b = 0.75 let it: k1 = 1 and b = 0.5 (Xapian's
// defaults, as is the minimum normalised length 0.5) ranked better on the dev set; lower
// values did no better and higher ones worse (bench/RESULTS-ranking.md #4 and "Tried and
// not kept"). k3 = 0 because query term weights are set explicitly through OP_SCALE_WEIGHT
// below rather than by repeating terms.
inline constexpr double kBm25K1 = 1.0;
inline constexpr double kBm25K2 = 0.0;
inline constexpr double kBm25K3 = 0.0;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLen = 0.5;

// ---- Query term weights -----------------------------------------------------------------
/// Extra weight of a word in the subject line of a pasted question ("High Blood Pressure. I
/// know you may not answer this but..."): the subject names the topic, the body wanders.
inline constexpr double kSubjectBoost = 0.5;
/// A subject line is a first sentence of at most this many words followed by more text.
inline constexpr std::size_t kSubjectMaxWords = 6;
/// Extra weight of a word inside a recognised symptom or condition ("sleep apnea"): medical
/// concepts carry the question, the rest is circumstance.
inline constexpr double kMentionBoost = 0.5;
/// Weight of a word inside a negated mention ("no fever"): the asker says it is absent.
inline constexpr double kNegatedWeight = 0.3;
/// Weight of the words of an age ("50-year-old", "6 months old"): it says who the patient is,
/// which many questions share, not what is asked; as a rare compound term it outweighed the
/// topic ("50-year-old woman. Why do women complain of memory loss?" found "50-year-old man with
/// Paget's disease"). bench/RESULTS-ranking.md, "lengths and ages".
inline constexpr double kAgeWeight = 0.25;
/// Weight of the words inside parentheses: an aside, a clarification or an abbreviation of what
/// the question asks ("How do you do a paracentesis (for ascites)?" asks about paracentesis).
inline constexpr double kAsideWeight = 0.5;
/// Parentheses around more words than this hold no aside but part of the question.
inline constexpr std::size_t kMaxAsideWords = 12;
/// Extra weight of a word in a sentence that asks (ends with "?") when others only tell: the
/// question says what is wanted, the story around it whom it concerns ("A patient has neonatal
/// testicular torsion. How much damage is there to the other testicle?").
inline constexpr double kQuestionSentenceBoost = 0.5;
/// A sentence of more words than this is no question apart from the story, even when it ends
/// with "?": "Hello I burnt my wrist 2 days ago and after last night ... what should I do?"
inline constexpr std::size_t kQuestionSentenceMaxWords = 20;
/// Extra weight per repetition of a word, up to kMaxRepeats occurrences.
inline constexpr double kRepeatBoost = 0.25;
inline constexpr std::size_t kMaxRepeats = 3;
/// A long question keeps only its strongest words (weight x idf): the many common words of a
/// long story otherwise outvote its one rare medical word.
inline constexpr std::size_t kMaxQueryTerms = 24;
/// Pairs of consecutive query words the second stage looks for together, at most: a pasted
/// story has many, and its first ones say what it is about.
inline constexpr std::size_t kMaxQueryPairs = 32;
/// Of those, the strongest kFullTextWords are looked for in every field, the others in
/// titles and questions only.
inline constexpr std::size_t kFullTextWords = 8;
/// Weight of a synonym expansion relative to the user's own words it came from.
inline constexpr double kExpansionWeight = 0.3;
/// Expansions added per recognised phrase and language, at most; of them, forms of several
/// words (matched by position, the costly kind) at most kMaxPhraseExpansions.
inline constexpr std::size_t kMaxExpansionsPerMatch = 8;
inline constexpr std::size_t kMaxPhraseExpansions = 3;
/// Weight of a spelling correction relative to the misspelled word.
inline constexpr double kCorrectionWeight = 0.9;
/// Weight of the other words of a question kind the query asks ("cure" -> "treat",
/// "treatment", "therapy"), relative to the words that asked it. They are searched in titles
/// and questions only (where the kind of a question is stated), as one occurrence against
/// the 2-4 that the index counts for the user's own words there, so at 1 they still weigh
/// below the user's words.
inline constexpr double kQuestionKindWeight = 1.0;

// ---- Spelling ---------------------------------------------------------------------------
/// Words shorter than this are not corrected from the index's spelling table: short words
/// missing from the index are mostly real words it happens not to hold.
inline constexpr std::size_t kSpellingMinLength = 4;
/// "Did you mean" is offered for queries of at most this many words; a pasted question is
/// full of words an index of short questions lacks.
inline constexpr std::size_t kSuggestMaxWords = 6;
/// A spelling-table correction is also searched (not only suggested) for words of at least
/// this many bytes: long words have few real-word neighbours, so their nearest indexed word
/// is nearly always what was meant ("fibromalgia"), unlike "years" -> "ears".
inline constexpr std::size_t kAutoCorrectMinLength = 8;

// ---- Concept boosts (OP_AND_MAYBE, never matching on their own) -------------------------
/// A document tagged with a symptom or condition the query mentions gains this fraction of
/// the tag's idf: agreement on the medical concept, however it is worded.
inline constexpr double kConceptBoost = 0.3;
/// A document filed under a specialty the query names ("neurologist").
inline constexpr double kNamedSpecialtyBoost = 0.6;
/// A document filed under a specialty that handles the query's symptoms.
inline constexpr double kImpliedSpecialtyBoost = 0.15;

// ---- Similar Q&A ------------------------------------------------------------------------
/// Terms of an entry's title and question used to find its neighbours.
inline constexpr std::size_t kSimilarTerms = 24;
/// Two entries are near-duplicates when the Jaccard similarity of their title + question stem
/// sets is at least this, or their normalised questions are identical.
inline constexpr double kNearDuplicateJaccard = 0.8;
/// A neighbour filed under the entry's own specialty: same department, likelier the same
/// kind of problem.
inline constexpr double kSimilarSpecialtyBoost = 0.3;
/// Candidates fetched per requested neighbour, to have some left after removing duplicates.
inline constexpr std::size_t kSimilarOverfetch = 4;

// ---- Long queries at scale (Matcher's two passes) -----------------------------------------
/// A costly match first collects this many candidates by the query's rarer parts (in each half
/// when it is split over two threads), then ranks them by all of it (both passes exact BM25
/// over the whole database's statistics).
inline constexpr std::size_t kRankedCandidates = 500;
/// A part of a long query held by more than this share of the entries (its postings, summed
/// over its terms) is left out of the candidate pass: its idf is at most log 9, and reading
/// such lists was over half of a long question's cost at 100,000 entries.
inline constexpr double kCommonPartShare = 0.1;
/// BM25's b in the candidate pass: no document-length normalisation there, so Xapian need not
/// read the length of every document the rarer words match (most of them). The pass only
/// picks the documents worth ranking; the second pass ranks them with kBm25B. Faster, with
/// the same top 10s as b = kBm25B: bench/RESULTS-ranking.md #23 and bench/RESULTS.md,
/// "Figures behind code constants".
inline constexpr double kCandidateBm25B = 0.0;

// ---- Second stage (search/scoring.hpp) ---------------------------------------------------
/// Candidates of the first stage that the second stage scores again for a short question: a
/// search's best kRerankDepth (or more, to fill the page asked for), Similar Q&A's likewise.
inline constexpr std::size_t kRerankDepth = 100;
/// A longer question's features weigh less (brevity x their weights) and move fewer candidates
/// far, so fewer are scored again: kRerankDepth x its brevity, at least this share of it. With
/// it every query of the six evaluation sets keeps its relevant hits' ranks in its top 10, and
/// long questions at 100,000 entries take 0.86x the CPU (bench/RESULTS.md, "The second stage's
/// cost").
inline constexpr double kMinRerankShare = 0.3;
/// Stems of an entry's question counted in its precision (Feature::Precision): its opening,
/// where the asker says what it is about. Each distinct stem costs an idf lookup once.
inline constexpr std::size_t kPrecisionQuestionStems = 32;
/// A question of at most kShortQuestionWords words (besides words of kinds of answer) is
/// weighed by the weights fitted for short questions, one of kLongQuestionWords or more by
/// those for long ones (the first stage alone: its subject line and concept weighting were
/// built for long lay questions), and between the two by a linear blend
/// (FeatureScorer::brevity; bench/RESULTS-ranking.md). The bounds are the first stage's own:
/// kFullTextWords words are looked for everywhere, kMaxQueryTerms kept in all.
inline constexpr std::size_t kShortQuestionWords = kFullTextWords;
inline constexpr std::size_t kLongQuestionWords = kMaxQueryTerms;
/// Two query words count as found together when the second follows the first within this
/// many stems (stop words are not stems: "surgery for glaucoma" is adjacent).
inline constexpr std::size_t kPairWindow = 2;

// ---- Result counting --------------------------------------------------------------------
/// Matches counted beyond the requested page, so totals up to that size are exact.
inline constexpr std::size_t kCheckAtLeast = 1000;

}  // namespace qaindex::detail::ranking
