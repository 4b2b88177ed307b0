#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds the known-item set: 500 MedQuAD questions reworded as a lay person would ask them.

A fixed-seed sample of the answered MedQuAD pairs (the entries `qaindex build` makes of
../shared/data/medquad). Each query rewords its pair's question by two hand-written rules:

1. the subject: the document's focus is replaced by one of its <FocusAnnotations><Synonyms>
   (seeded choice), skipping synonyms equal to the focus and bare acronyms ("AAS"), which a
   lay person would not type; with no such synonym the focus is kept;
2. the question type: when the question is MedQuAD's standard question for its qtype
   ("What are the symptoms of X ?"), it is replaced by one of several lay phrasings of that
   qtype (seeded choice, table LAY below); otherwise its own words are kept, lower-cased, with
   only the subject replaced.

The relevant document of each query is its own pair's entry id (SOURCE_FILESTEM_SecN), and
nothing else: a sibling pair with the same wording in another source does not count.
Writes queries.tsv and qrels.txt; with --baseline-corpus also corpus.jsonl (every answered
pair as {"id", "title": focus, "question", "replies": [{"text": answer}]}, the texts qaindex
makes the entry of) for the baselines.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import medquad  # noqa: E402

# MedQuAD's standard question forms per qtype, lower case, X = the focus, trailing " ?"
# dropped. Found by counting the forms of the 16,423 answered questions.
STANDARD = {
    "information": ["what is (are) X", "do you have information about X", "what is X",
                    "what are X"],
    "symptoms": ["what are the symptoms of X", "what are the symptoms for X"],
    "treatment": ["what are the treatments for X", "is there any treatment for X"],
    "inheritance": ["is X inherited"],
    "frequency": ["how many people are affected by X"],
    "genetic changes": ["what are the genetic changes related to X"],
    "causes": ["what causes X"],
    "exams and tests": ["how to diagnose X"],
    "research": ["what research (or clinical trials) is being done for X",
                 "what research is being done for X"],
    "outlook": ["what is the outlook for X", "what is the prognosis for X"],
    "susceptibility": ["who is at risk for X"],
    "considerations": ["what to do for X"],
    "prevention": ["how to prevent X"],
    "stages": ["what are the stages of X"],
    "complications": ["what are the complications of X"],
    "support groups": ["where to find support for people with X"],
}

# How a lay person asks each question type. {x} is the subject.
LAY = {
    "information": ["what is {x}", "can you explain {x} to me", "i was told i have {x}, what is that",
                    "what does {x} mean", "tell me about {x}"],
    "symptoms": ["what signs would tell me i have {x}", "how do i know if i have {x}",
                 "what does {x} feel like", "what problems does {x} cause in the body"],
    "treatment": ["how do doctors treat {x}", "is there a cure for {x}",
                  "what can be done for {x}", "what medicine helps with {x}"],
    "inheritance": ["can i pass {x} on to my children", "does {x} run in families",
                    "will my kids get {x} from me"],
    "frequency": ["how common is {x}", "how many people have {x}", "is {x} rare"],
    "genetic changes": ["what gene problem causes {x}", "which genes are involved in {x}",
                        "is {x} caused by a faulty gene"],
    "causes": ["why do people get {x}", "what brings on {x}", "how do you get {x}"],
    "exams and tests": ["how do doctors find out if someone has {x}", "what tests check for {x}",
                        "how can i get tested for {x}"],
    "research": ["are there any new studies on {x}", "are scientists working on a cure for {x}",
                 "can i join a trial for {x}"],
    "outlook": ["will i get better from {x}", "what happens to people with {x} over time",
                "can you die from {x}"],
    "susceptibility": ["who gets {x}", "am i likely to get {x}",
                       "what makes someone more likely to get {x}"],
    "considerations": ["what should i do if i have {x}", "how do i live with {x}",
                       "any tips for dealing with {x}"],
    "prevention": ["how can i avoid getting {x}", "what can i do so i don't get {x}",
                   "can {x} be stopped before it starts"],
    "stages": ["how bad can {x} get", "what are the phases of {x}",
               "how do doctors tell how far {x} has spread"],
    "complications": ["what other problems can {x} lead to", "can {x} make other things go wrong",
                      "what can happen if {x} is not treated"],
    "support groups": ["where can i talk to other people with {x}",
                       "is there a group for families dealing with {x}"],
}

ACRONYM = re.compile(r"^[A-Z0-9-]+$")


def strip_question(text: str) -> str:
    return re.sub(r"[\s?]+$", "", text.lower())


def subject(document: medquad.Document, rng: random.Random) -> str:
    focus = document.focus.lower()
    candidates = []
    for synonym in document.synonyms:
        if synonym.lower() != focus and not ACRONYM.match(synonym) and synonym not in candidates:
            candidates.append(synonym)
    return rng.choice(candidates) if candidates else document.focus


def reword(document: medquad.Document, pair: medquad.Pair, rng: random.Random) -> tuple[str, str]:
    """The lay query and which rule made it ("lay" or "kept")."""
    term = subject(document, rng)
    question = strip_question(pair.question)
    focus = document.focus.lower()
    if focus:
        for form in STANDARD.get(pair.qtype, []):
            if question == form.replace("X", focus):
                return rng.choice(LAY[pair.qtype]).format(x=term), "lay"
        if focus in question:
            return question.replace(focus, term), "kept"
    return question, "kept"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--medquad", type=Path, default=medquad.shared_dir() / "data/medquad",
                        help="default: %(default)s")
    parser.add_argument("--out", type=Path, default=medquad.REPO_ROOT / "bench/out/known-item",
                        help="output folder (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=500, help="sampling seed (default 500)")
    parser.add_argument("--size", type=int, default=500, help="queries (default 500)")
    parser.add_argument("--baseline-corpus", action="store_true",
                        help="also write corpus.jsonl for the baselines")
    args = parser.parse_args()
    if not args.medquad.is_dir():
        print(f"make_known_item.py: {args.medquad}: not found", file=sys.stderr)
        return 2

    answered = list(medquad.answered_pairs(args.medquad))
    rng = random.Random(args.seed)
    sample = rng.sample(answered, args.size)

    args.out.mkdir(parents=True, exist_ok=True)
    rules = {"lay": 0, "kept": 0}
    synonyms_used = 0
    with open(args.out / "queries.tsv", "w", encoding="utf-8") as queries, \
            open(args.out / "qrels.txt", "w", encoding="utf-8") as qrels:
        for number, (document, pair) in enumerate(sample, start=1):
            qid = f"ki-{number:03d}"
            text, rule = reword(document, pair, rng)
            rules[rule] += 1
            if document.focus and document.focus.lower() not in text.lower():
                synonyms_used += 1
            queries.write(f"{qid}\t{medquad.clean(text)}\n")
            qrels.write(f"{qid} 0 {document.entry_id(pair)} 1\n")
    if args.baseline_corpus:
        with open(args.out / "corpus.jsonl", "w", encoding="utf-8") as out:
            for document, pair in answered:
                record = {"id": document.entry_id(pair),
                          **({"title": document.focus} if document.focus else {}),
                          "question": pair.question, "replies": [{"text": pair.answer}]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    print(f"{'answered pairs':24} {len(answered):6}")
    print(f"{'queries':24} {args.size:6}")
    print(f"{'  lay phrasing':24} {rules['lay']:6}")
    print(f"{'  own words kept':24} {rules['kept']:6}")
    print(f"{'  subject by a synonym':24} {synonyms_used:6}")
    written = "queries.tsv, qrels.txt" + (", corpus.jsonl" if args.baseline_corpus else "")
    print(f"wrote {args.out}/{written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
