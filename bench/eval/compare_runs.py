#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""How far one TREC run's top k agrees with a reference run's, query by query.

Used to check a speed-only change to ranking (two passes, candidate counts): the reference is
the same queries with the change turned off (qaindex_eval_run --one-pass), and a change that
only saves time should leave nearly every top k as it was.

    compare_runs.py REFERENCE_RUN RUN [--k 10]

Prints: queries compared, how many have the same top k (same documents, same order), the same
top k as a set, the same first hit, and the mean overlap of the top-k sets (a fraction of k).
"""
import argparse
import sys
from collections import defaultdict


def read_run(path):
    """qid -> document ids in rank order (the fourth field orders them)."""
    ranked = defaultdict(list)
    with open(path, encoding="utf-8") as run:
        for number, line in enumerate(run, 1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != 6:
                sys.exit(f"{path}:{number}: expected 'qid Q0 docid rank score tag'")
            ranked[fields[0]].append((int(fields[3]), fields[2]))
    return {qid: [doc for _, doc in sorted(rows)] for qid, rows in ranked.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference")
    parser.add_argument("run")
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    if args.k < 1:
        sys.exit("--k must be at least 1")
    reference, run = read_run(args.reference), read_run(args.run)
    queries = sorted(reference)
    same_order = same_set = same_first = 0
    overlap = 0.0
    for qid in queries:
        want, got = reference[qid][: args.k], run.get(qid, [])[: args.k]
        same_order += want == got
        same_set += set(want) == set(got)
        same_first += bool(want) and bool(got) and want[0] == got[0]
        overlap += len(set(want) & set(got)) / max(1, len(want))
    n = max(1, len(queries))
    print(f"queries {len(queries)}, top {args.k}: same order {same_order}, same set {same_set}, "
          f"same first hit {same_first}, mean overlap {overlap / n:.3f}")
    missing = [qid for qid in run if qid not in reference]
    if missing:
        print(f"{len(missing)} queries only in {args.run}", file=sys.stderr)


if __name__ == "__main__":
    main()
