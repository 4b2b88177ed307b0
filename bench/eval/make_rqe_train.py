#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds the rqe-train fitting set from the RQE AMIA 2016 training pairs and MedQuAD.

The 8,588 training pairs are clinical questions (doctors', not consumers'): each <chq> comes
with its own shortened form as a true <faq> (type originalQ-shortQ) and often with another
question's short form as a false one (originalQ-shortRandQ). As a retrieval set:

- Documents: the distinct FAQ texts (faq-00001 ...; texts differing only in letter case and
  spacing are one FAQ), plus, as distractors, every MedQuAD question, answered or not (ids
  SOURCE_FILESTEM_SecN, as in rqe-dev-full), written in a seeded shuffled order.
- Queries: the distinct clinical questions with at least one true pair (4,638 of 4,639: pair
  5860's FAQ is empty), LEAVING OUT those one of whose true FAQs is the same text after
  normalisation (letter case, punctuation and spacing ignored): 1,459 are their own FAQ word
  for word, and any engine finds those at rank 1, so they test nothing and would only dilute
  the differences between systems. 3,179 queries remain (ctr-0001 ..., in order of first
  appearance), each with one relevant FAQ.
- Judgements: grade 1 for the FAQs of a query's true pairs, 0 for those of its false pairs.

With --sample N a seeded sample of N of the kept queries is written instead of all (for
quick runs; the default is all 3,179). Writes corpus.jsonl ({"id", "question"} per line),
queries.tsv and qrels.txt, prints the counts and exits 1 if they differ from the expected
figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import medquad  # noqa: E402

EXPECTED = {
    "rqe pairs": 8588,
    "pairs with an empty faq (skipped)": 1,  # pid 5860
    "true pairs": 4654,  # 4,655 with the empty one
    "faqs": 4615,  # 4,617 spellings; two pairs differ only in letter case or spacing
    "clinical questions (<chq>)": 4639,
    "  with a true pair": 4638,
    "  left out: own FAQ word for word": 1459,
    "queries": 3179,
    "distractors": 47457,  # every MedQuAD pair (its PROVENANCE.md)
    "documents": 52072,
    "relevant judgements": 3179,
}


def faq_key(text: str) -> str:
    # As in rqe-dev: texts differing only in letter case are one FAQ.
    return medquad.clean(text).lower()


def same_text_key(text: str) -> str:
    """Lower case, runs of anything but letters and digits as one space: the normalisation
    under which a query equal to its FAQ is left out."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def main() -> int:
    shared = medquad.shared_dir()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rqe", type=Path,
        default=shared / "data/rqe-amia2016/RQE_Train_8588_AMIA2016.xml",
        help="the RQE training pairs (default: %(default)s)",
    )
    parser.add_argument(
        "--medquad", type=Path, default=shared / "data/medquad", help="default: %(default)s"
    )
    parser.add_argument(
        "--out", type=Path, default=medquad.REPO_ROOT / "bench/out/rqe-train",
        help="output folder (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=8588,
                        help="corpus order shuffle and query sample seed (default 8588)")
    parser.add_argument("--sample", type=int, default=0,
                        help="write a seeded sample of this many queries (default: all)")
    parser.add_argument("--no-check", action="store_true", help="do not fail on other counts")
    args = parser.parse_args()

    for path in (args.rqe, args.medquad):
        if not path.exists():
            print(f"make_rqe_train.py: {path}: not found", file=sys.stderr)
            return 2

    pairs = ET.parse(args.rqe).getroot().findall("pair")
    faq_ids: dict[str, str] = {}  # faq_key -> id
    faq_text: dict[str, str] = {}  # id -> text as first seen
    chq_order: list[str] = []
    true_faqs: dict[str, list[str]] = {}  # chq -> FAQ texts of its true pairs
    grades: dict[tuple[str, str], int] = {}  # (chq text, faq id) -> grade
    true_pairs = 0
    empty = 0
    for pair in pairs:
        chq = medquad.clean(pair.findtext("chq"))
        faq = medquad.clean(pair.findtext("faq"))
        if not chq or not faq:
            print(f"{args.rqe}: pair {pair.get('pid')}: empty chq or faq: skipped",
                  file=sys.stderr)
            empty += 1
            continue
        key = faq_key(faq)
        if key not in faq_ids:
            faq_ids[key] = f"faq-{len(faq_ids) + 1:05d}"
            faq_text[faq_ids[key]] = faq
        if chq not in true_faqs:
            true_faqs[chq] = []
            chq_order.append(chq)
        grade = 1 if pair.get("value") == "true" else 0
        if grade:
            true_faqs[chq].append(faq)
            true_pairs += 1
        pd = (chq, faq_ids[key])
        grades[pd] = max(grades.get(pd, 0), grade)

    with_true = [c for c in chq_order if true_faqs[c]]
    own_faq = [c for c in with_true
               if any(same_text_key(f) == same_text_key(c) for f in true_faqs[c])]
    own = set(own_faq)
    kept = [c for c in with_true if c not in own]
    query_ids = {chq: f"ctr-{number:04d}" for number, chq in enumerate(kept, start=1)}
    chosen = kept
    if args.sample:
        chosen = random.Random(args.seed).sample(kept, min(args.sample, len(kept)))
        chosen.sort(key=lambda c: query_ids[c])

    corpus = [{"id": i, "question": t} for i, t in faq_text.items()]
    distractors = 0
    for document, pair in medquad.questioned_pairs(args.medquad):
        corpus.append({"id": document.entry_id(pair), "question": pair.question})
        distractors += 1
    random.Random(args.seed).shuffle(corpus)
    ids = [record["id"] for record in corpus]
    if len(set(ids)) != len(ids):
        print("make_rqe_train.py: duplicate document ids", file=sys.stderr)
        return 1

    chosen_set = set(chosen)
    qrels = sorted((query_ids[c], d, g) for (c, d), g in grades.items() if c in chosen_set)
    args.out.mkdir(parents=True, exist_ok=True)
    medquad.write_jsonl(args.out / "corpus.jsonl", corpus)
    with open(args.out / "queries.tsv", "w", encoding="utf-8") as out:
        for chq in chosen:
            out.write(f"{query_ids[chq]}\t{chq}\n")
    with open(args.out / "qrels.txt", "w", encoding="utf-8") as out:
        for qid, docid, grade in qrels:
            out.write(f"{qid} 0 {docid} {grade}\n")

    counts = {
        "rqe pairs": len(pairs),
        "pairs with an empty faq (skipped)": empty,
        "true pairs": true_pairs,
        "faqs": len(faq_text),
        "clinical questions (<chq>)": len(chq_order),
        "  with a true pair": len(with_true),
        "  left out: own FAQ word for word": len(own_faq),
        "queries": len(kept),
        "distractors": distractors,
        "documents": len(corpus),
        "relevant judgements": sum(1 for (c, _), g in grades.items() if g > 0 and c in query_ids),
    }
    ok = medquad.check_counts(counts, EXPECTED)
    if args.sample:
        print(f"{'queries written (--sample)':34} {len(chosen):7}")
    print(f"wrote {args.out}/corpus.jsonl, queries.tsv, qrels.txt")
    return 0 if ok or args.no_check else 1


if __name__ == "__main__":
    sys.exit(main())
