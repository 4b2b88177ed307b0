#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds an answer-retrieval set from a MEDIQA 2019 Task 3 QA file and MedQuAD.

Two sets, as ../shared/data/mediqa2019-qa/PROVENANCE.md describes:

- short-questions: MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml, 104 short well-formed
  questions ("What are the treatments of Flu?");
- consumer-qa: MEDIQA2019-Task3-QA-ValidationSet.xml, 25 consumer questions as people write
  them (subject line, then the message).

Queries are the questions (sq-QID / cqa-QID). The collection is MedQuAD (the answered pairs
that `qaindex build` makes entries of) plus every judged answer. Answer texts read
"Heading: text", the heading "Page title (Section)". An answer whose text is the start of a
MedQuAD answer IS that MedQuAD entry and is not added again: compared as letters only (case,
digits, punctuation and spacing ignored, since the pages were re-crawled with citation marks
and "911" spelt "9-1-1"), and with GARD's leading question sentence ("How might X be
treated?") dropped from the MedQuAD answer, the two agree on their first 300 letters (or all
of the shorter), and the answer is no longer than the entry (at most 1.1 times its letters
plus 50). An answer that holds a whole page whose first section is a MedQuAD entry fails the
last test and becomes an entry of its own. The other answers become entries of their own
(ids sq-AID / cqa-AID of the first answer with that text): question the heading, one reply
the text, and title the page title when the heading names a section ("Flu (Summary)": title
"Flu"; "What causes Flu?" has no title, rather than the same words twice). Relevance is ReferenceScore - 1 (0 incorrect, 1 related,
2 correct but incomplete, 3 excellent); an entry judged twice for one question (two answer
texts mapped to it) keeps the higher grade.

Writes queries.tsv, qrels.txt, corpus/ (what qaindex indexes: a symlink `medquad` to the
MedQuAD folder and answers.jsonl with the added entries, in qaindex's JSON Lines schema) and
corpus.jsonl (the same collection as one file for the baselines: MedQuAD entries as
{"id", "title": focus, "question", "replies": [{"text": answer}]}, then the added entries).
Prints the counts and exits 1 if they differ from the expected figures.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import medquad  # noqa: E402

SETS = {
    "short-questions": {
        "file": "MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml",
        "prefix": "sq",
        "expected": {
            "questions": 104,
            "answers": 862,
            "distinct answer texts": 530,
            "  mapped to a MedQuAD entry": 81,
            "  whole page holding an entry (added)": 8,
            "  added as entries": 449,
            "judgements": 862,
            "  two answers on one entry (higher kept)": 0,
            "  grade 3 (excellent)": 256,
            "  grade 2 (correct, incomplete)": 149,
            "  grade 1 (related)": 383,
            "  grade 0 (incorrect)": 74,
            "queries with a relevant entry": 104,
            "documents (corpus.jsonl)": 16872,
        },
    },
    "consumer-qa": {
        "file": "MEDIQA2019-Task3-QA-ValidationSet.xml",
        "prefix": "cqa",
        "expected": {
            "questions": 25,
            "answers": 234,
            "distinct answer texts": 212,
            "  mapped to a MedQuAD entry": 19,
            "  whole page holding an entry (added)": 5,
            "  added as entries": 193,
            "judgements": 234,
            "  two answers on one entry (higher kept)": 0,
            "  grade 3 (excellent)": 59,
            "  grade 2 (correct, incomplete)": 35,
            "  grade 1 (related)": 64,
            "  grade 0 (incorrect)": 76,
            "queries with a relevant entry": 25,
            "documents (corpus.jsonl)": 16616,
        },
    },
}

OPENING = 300  # letters that must agree
LEADING_QUESTION = re.compile(r"^[^?]{0,200}\?\s+")


def letters(text: str) -> str:
    return re.sub(r"[^a-z]+", "", text.lower())


class MedQuADAnswers:
    """The answered MedQuAD entries, looked up by the opening letters of their answers."""

    def __init__(self, root: Path) -> None:
        self.entries: list[tuple[medquad.Document, medquad.Pair]] = []
        self.forms: dict[str, list[str]] = {}  # entry id -> letter forms of its answer
        self.by_opening: dict[str, set[str]] = defaultdict(set)
        for document, pair in medquad.answered_pairs(root):
            entry_id = document.entry_id(pair)
            self.entries.append((document, pair))
            forms = [letters(pair.answer)]
            if match := LEADING_QUESTION.match(pair.answer):
                forms.append(letters(pair.answer[match.end():]))
            self.forms[entry_id] = forms
            for form in forms:
                self.by_opening[form[:40]].add(entry_id)

    def find(self, body: str) -> tuple[list[str], list[str]]:
        """(entries body is the start of, entries body starts with but is much longer than)."""
        body = letters(body)
        same: list[str] = []
        longer: list[str] = []
        if len(body) < 40:
            return same, longer
        for entry_id in sorted(self.by_opening.get(body[:40], ())):
            for form in self.forms[entry_id]:
                k = min(OPENING, len(body), len(form))
                if body[:k] == form[:k]:
                    (same if len(body) <= 1.1 * len(form) + 50 else longer).append(entry_id)
                    break
        return same, longer


def page_title(heading: str) -> str:
    """The heading without a trailing parenthesised section: "Flu (Summary)" -> "Flu"."""
    if heading.endswith(")"):
        depth = 0
        for position in range(len(heading) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(heading[position], 0)
            if depth == 0:
                title = heading[:position].strip()
                return title or heading
    return heading


def main() -> int:
    shared = medquad.shared_dir()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", required=True, choices=sorted(SETS), dest="set_name")
    parser.add_argument("--mediqa", type=Path,
                        help="the MEDIQA XML file (default: the set's file in "
                             "../shared/data/mediqa2019-qa)")
    parser.add_argument("--medquad", type=Path, default=shared / "data/medquad",
                        help="default: %(default)s")
    parser.add_argument("--out", type=Path, help="output folder (default: bench/out/SET)")
    parser.add_argument("--no-check", action="store_true", help="do not fail on other counts")
    args = parser.parse_args()
    spec = SETS[args.set_name]
    prefix = spec["prefix"]
    mediqa = args.mediqa or shared / "data/mediqa2019-qa" / spec["file"]
    out = args.out or medquad.REPO_ROOT / "bench/out" / args.set_name
    for path in (mediqa, args.medquad):
        if not path.exists():
            print(f"make_mediqa_qa.py: {path}: not found", file=sys.stderr)
            return 2

    known = MedQuADAnswers(args.medquad)
    questions = ET.parse(mediqa).getroot().findall("Question")
    queries: list[tuple[str, str]] = []
    entry_of_text: dict[str, str] = {}  # answer text -> entry id
    added: list[dict] = []
    counts = defaultdict(int)
    grades: dict[tuple[str, str], int] = {}
    for question in questions:
        qid = f"{prefix}-{question.get('QID')}"
        text = medquad.clean(question.findtext("QuestionText"))
        if not text:
            print(f"{mediqa}: question {qid}: empty: skipped", file=sys.stderr)
            counts["empty questions (skipped)"] += 1
            continue
        queries.append((qid, text))
        for answer in question.findall("./AnswerList/Answer"):
            counts["answers"] += 1
            answer_text = medquad.clean(answer.findtext("AnswerText"))
            where = f"{mediqa}: answer {answer.get('AID')}"
            if ": " not in answer_text:
                print(f"{where}: no 'Heading: text': skipped", file=sys.stderr)
                counts["answers without a heading (skipped)"] += 1
                continue
            if answer_text not in entry_of_text:
                counts["distinct answer texts"] += 1
                entry_id = None
                longer = []
                for colon in re.finditer(": ", answer_text):
                    same, longer_here = known.find(answer_text[colon.end():])
                    if same:
                        if len(same) > 1:
                            counts["  mapped to more than one entry"] += 1
                        entry_id = same[0]
                        break
                    longer = longer or longer_here
                if entry_id:
                    counts["  mapped to a MedQuAD entry"] += 1
                else:
                    if longer:
                        counts["  whole page holding an entry (added)"] += 1
                    heading, body = answer_text.split(": ", 1)
                    entry_id = f"{prefix}-{answer.get('AID')}"
                    record = {"id": entry_id, "question": heading, "replies": [{"text": body}]}
                    if (title := page_title(heading)) != heading:
                        record = {"id": entry_id, "title": title, **record}
                    url = medquad.clean(answer.findtext("AnswerURL"))
                    if url.startswith("http"):
                        record["url"] = url
                    added.append(record)
                    counts["  added as entries"] += 1
                entry_of_text[answer_text] = entry_id
            try:
                grade = int(answer.get("ReferenceScore", "")) - 1
            except ValueError:
                print(f"{where}: ReferenceScore '{answer.get('ReferenceScore')}': skipped",
                      file=sys.stderr)
                counts["answers without a score (skipped)"] += 1
                continue
            key = (qid, entry_of_text[answer_text])
            if key in grades:
                counts["  two answers on one entry (higher kept)"] += 1
            grades[key] = max(grades.get(key, -1), grade)

    ids = [r["id"] for r in added]
    if len(set(ids)) != len(ids) or set(ids) & set(known.forms):
        print("make_mediqa_qa.py: duplicate entry ids", file=sys.stderr)
        return 1

    out.mkdir(parents=True, exist_ok=True)
    with open(out / "queries.tsv", "w", encoding="utf-8") as tsv:
        for qid, text in queries:
            tsv.write(f"{qid}\t{text}\n")
    with open(out / "qrels.txt", "w", encoding="utf-8") as qrels:
        for (qid, docid), grade in sorted(grades.items()):
            qrels.write(f"{qid} 0 {docid} {grade}\n")
    corpus_dir = out / "corpus"
    corpus_dir.mkdir(exist_ok=True)
    link = corpus_dir / "medquad"
    target = args.medquad.resolve()
    if link.is_symlink() or link.exists():
        if not link.is_symlink() or link.resolve() != target:
            link.unlink()
    if not link.is_symlink():
        link.symlink_to(target, target_is_directory=True)
    medquad.write_jsonl(corpus_dir / "answers.jsonl", added)
    baseline = [{"id": d.entry_id(p), **({"title": d.focus} if d.focus else {}),
                 "question": p.question, "replies": [{"text": p.answer}]}
                for d, p in known.entries]
    medquad.write_jsonl(out / "corpus.jsonl", baseline + added)

    report = {
        "questions": len(questions),
        "answers": counts.pop("answers", 0),
        "distinct answer texts": counts.pop("distinct answer texts", 0),
    }
    for name in ("  mapped to a MedQuAD entry", "  whole page holding an entry (added)",
                 "  added as entries"):
        report[name] = counts.pop(name, 0)
    report["judgements"] = len(grades)
    report["  two answers on one entry (higher kept)"] = counts.pop(
        "  two answers on one entry (higher kept)", 0)
    for grade, name in ((3, "excellent"), (2, "correct, incomplete"), (1, "related"),
                        (0, "incorrect")):
        report[f"  grade {grade} ({name})"] = sum(1 for g in grades.values() if g == grade)
    report["queries with a relevant entry"] = len({q for (q, _), g in grades.items() if g > 0})
    report["documents (corpus.jsonl)"] = len(baseline) + len(added)
    report.update(counts)  # anything unexpected: skipped input, ambiguous mappings
    ok = medquad.check_counts(report, spec["expected"])
    ok = ok and not counts
    print(f"wrote {out}/queries.tsv, qrels.txt, corpus/ (medquad -> {target}, answers.jsonl), "
          "corpus.jsonl")
    return 0 if ok or args.no_check else 1


if __name__ == "__main__":
    sys.exit(main())
