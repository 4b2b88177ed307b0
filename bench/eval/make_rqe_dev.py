#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds the development ranking set from the RQE AMIA 2016 test pairs and MedQuAD.

Documents: the distinct FAQ texts of the 302 RQE test pairs (faq-0001 ...) plus, as
distractors, the question text of every MedQuAD pair with a non-empty answer (ids
SOURCE_FILESTEM_SecN, as qaindex names MedQuAD entries). Queries: the distinct consumer
questions (<chq>). Relevant: the FAQs of a query's value="true" pairs (grade 1); the FAQs of
its "false" pairs are written with grade 0 (judged, not relevant).

With --full (the rqe-dev-full set) the distractors are every MedQuAD question, answered or
not: the 31,034 pairs whose answers were removed from the public release come in as
question-only entries like the rest, so the collection holds the near-identical questions of
several sources that a real archive has.

Writes corpus.jsonl ({"id", "question"} per line, in a seeded shuffled order so that neither
FAQs nor distractors win ties by document order), queries.tsv and qrels.txt, prints the counts
and exits 1 if they differ from the expected figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import medquad  # noqa: E402

EXPECTED = {
    "rqe pairs": 302,
    "true pairs": 129,
    "faqs": 160,  # 161 spellings; "What is High Blood Pressure?" comes in two cases
    "queries": 118,
    "queries with a true pair": 113,
    "distractors": 16423,  # MedQuAD pairs with answers (its PROVENANCE.md)
    "documents": 16583,
    "relevant judgements": 123,  # the 129 true pairs hold six repeats
}
# Every MedQuAD pair (its PROVENANCE.md) as a distractor.
EXPECTED_FULL = dict(EXPECTED, distractors=47457, documents=47617)


def faq_key(text: str) -> str:
    # Two FAQs differing only in letter case are the same question for a search engine.
    return medquad.clean(text).lower()


def main() -> int:
    shared = medquad.shared_dir()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rqe",
        type=Path,
        default=shared / "data/rqe-amia2016/RQE_Test_302_pairs_AMIA2016.xml",
        help="the RQE test pairs (default: %(default)s)",
    )
    parser.add_argument(
        "--medquad", type=Path, default=shared / "data/medquad", help="default: %(default)s"
    )
    parser.add_argument(
        "--full", action="store_true",
        help="every MedQuAD question as a distractor, answered or not (the rqe-dev-full set)",
    )
    parser.add_argument(
        "--out", type=Path,
        help="output folder (default: bench/out/rqe-dev, or bench/out/rqe-dev-full with --full)",
    )
    parser.add_argument("--seed", type=int, default=2016, help="corpus order shuffle seed")
    parser.add_argument("--no-check", action="store_true", help="do not fail on other counts")
    args = parser.parse_args()
    if args.out is None:
        args.out = medquad.REPO_ROOT / "bench/out" / ("rqe-dev-full" if args.full else "rqe-dev")

    for path in (args.rqe, args.medquad):
        if not path.exists():
            print(f"make_rqe_dev.py: {path}: not found", file=sys.stderr)
            return 2

    pairs = ET.parse(args.rqe).getroot().findall("pair")
    faq_ids: dict[str, str] = {}  # faq_key -> id
    faq_text: dict[str, str] = {}  # id -> text as first seen
    query_ids: dict[str, str] = {}  # chq text -> qid
    grades: dict[tuple[str, str], int] = {}
    true_pairs = 0
    for pair in pairs:
        chq = medquad.clean(pair.findtext("chq"))
        faq = medquad.clean(pair.findtext("faq"))
        if not chq or not faq:
            print(f"{args.rqe}: pair {pair.get('pid')}: empty chq or faq: skipped",
                  file=sys.stderr)
            continue
        key = faq_key(faq)
        if key not in faq_ids:
            faq_ids[key] = f"faq-{len(faq_ids) + 1:04d}"
            faq_text[faq_ids[key]] = faq
        if chq not in query_ids:
            query_ids[chq] = f"chq-{len(query_ids) + 1:03d}"
        grade = 1 if pair.get("value") == "true" else 0
        true_pairs += grade
        qd = (query_ids[chq], faq_ids[key])
        grades[qd] = max(grades.get(qd, 0), grade)

    corpus = [{"id": i, "question": t} for i, t in faq_text.items()]
    distractors = 0
    pairs_of = medquad.questioned_pairs if args.full else medquad.answered_pairs
    for document, pair in pairs_of(args.medquad):
        corpus.append({"id": document.entry_id(pair), "question": pair.question})
        distractors += 1
    random.Random(args.seed).shuffle(corpus)

    ids = [record["id"] for record in corpus]
    if len(set(ids)) != len(ids):
        print("make_rqe_dev.py: duplicate document ids", file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    medquad.write_jsonl(args.out / "corpus.jsonl", corpus)
    with open(args.out / "queries.tsv", "w", encoding="utf-8") as out:
        for text, qid in query_ids.items():
            out.write(f"{qid}\t{text}\n")
    with open(args.out / "qrels.txt", "w", encoding="utf-8") as out:
        for (qid, docid), grade in sorted(grades.items()):
            out.write(f"{qid} 0 {docid} {grade}\n")

    counts = {
        "rqe pairs": len(pairs),
        "true pairs": true_pairs,
        "faqs": len(faq_text),
        "queries": len(query_ids),
        "queries with a true pair": len({q for (q, _), g in grades.items() if g > 0}),
        "distractors": distractors,
        "documents": len(corpus),
        "relevant judgements": sum(1 for g in grades.values() if g > 0),
    }
    ok = medquad.check_counts(counts, EXPECTED_FULL if args.full else EXPECTED)
    print(f"wrote {args.out}/corpus.jsonl, queries.tsv, qrels.txt")
    return 0 if ok or args.no_check else 1


if __name__ == "__main__":
    sys.exit(main())
