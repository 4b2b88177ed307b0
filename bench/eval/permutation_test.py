#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Did a change move a set beyond noise? A paired randomisation (permutation) test of two
score files of the same set, or of every set and system two score trees share.

    permutation_test.py A.json B.json [--measure mrr@10]
    permutation_test.py bench/out/scores/BEFORE bench/out/scores/AFTER [--system qaindex-search]

A score file is `qaeval --json --per-query` output; a score tree is what run_eval.sh saves
under bench/out/scores/LABEL/ (SET/SYSTEM.json and SET/main_measure). For two files the
measure is --measure (default: the main measure written beside B, else mrr@10); for two
trees each set's main measure.

The test: for the queries scored in both (each with a relevant document), d = B - A per
query; under the null hypothesis that A and B are the same system, each query's two figures
could as well have been the other way round, so the sign of each d is flipped at random
(--rounds times, seeded) and p is the share of those sums at least as far from 0 as the
observed one (two-sided, counting the observed arrangement: (hits + 1) / (rounds + 1)).
With at most 16 queries differing every arrangement is enumerated and p is exact.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path


def per_query(path: Path, measure: str) -> dict[str, float]:
    """qid -> the measure, for the queries of a score file that were scored."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "per_query" not in data:
        raise SystemExit(f"permutation_test.py: {path}: no per-query figures (qaeval --json "
                         "--per-query)")
    values = {}
    for query in data["per_query"]:
        metrics = query.get("metrics")
        if metrics is None:
            continue
        if measure not in metrics:
            raise SystemExit(f"permutation_test.py: {path}: no measure '{measure}' (have: "
                             f"{', '.join(metrics)})")
        values[query["qid"]] = float(metrics[measure])
    return values


def p_value(diffs: list[float], rounds: int, seed: int) -> tuple[float, bool]:
    """Two-sided p of the paired randomisation test of the sum of diffs; (p, exact)."""
    diffs = [d for d in diffs if d != 0.0]
    observed = abs(sum(diffs))
    if not diffs:
        return 1.0, True
    tolerance = 1e-9 * max(1.0, observed)
    total = sum(diffs)
    if len(diffs) <= 16:
        hits = 0
        arrangements = 0
        for signs in itertools.product((1, -1), repeat=len(diffs)):
            arrangements += 1
            if abs(sum(s * d for s, d in zip(signs, diffs))) >= observed - tolerance:
                hits += 1
        return hits / arrangements, True
    # Flipping the signs of a random subset S gives total - 2 * sum(S). Sums over the 256
    # subsets of each block of 8 diffs are tabled, so a round is one random byte per block.
    tables = []
    for start in range(0, len(diffs), 8):
        block = diffs[start:start + 8]
        table = [0.0] * 256
        for mask in range(1, 256):
            low = mask & -mask
            table[mask] = table[mask ^ low] + (block[low.bit_length() - 1]
                                               if low.bit_length() <= len(block) else 0.0)
        tables.append(table)
    rng = random.Random(seed)
    hits = 0
    for _ in range(rounds):
        draw = rng.randbytes(len(tables))
        flipped = sum(table[b] for table, b in zip(tables, draw))
        if abs(total - 2.0 * flipped) >= observed - tolerance:
            hits += 1
    return (hits + 1) / (rounds + 1), False


def compare(a_path: Path, b_path: Path, measure: str, rounds: int, seed: int) -> dict:
    a = per_query(a_path, measure)
    b = per_query(b_path, measure)
    if set(a) != set(b):
        only = sorted(set(a) ^ set(b))
        raise SystemExit(f"permutation_test.py: {a_path} and {b_path} score different queries "
                         f"({len(only)} in one only, e.g. {only[0]}): not the same set")
    qids = sorted(a)
    diffs = [b[q] - a[q] for q in qids]
    p, exact = p_value(diffs, rounds, seed)
    n = len(qids)
    return {
        "measure": measure, "queries": n,
        "a": sum(a.values()) / n if n else 0.0, "b": sum(b.values()) / n if n else 0.0,
        "diff": sum(diffs) / n if n else 0.0, "p": p, "exact": exact,
        "better": sum(1 for d in diffs if d > 0), "worse": sum(1 for d in diffs if d < 0),
    }


def main_measure(folder: Path) -> str | None:
    path = folder / "main_measure"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


def line(label: str, r: dict, alpha: float) -> str:
    verdict = "beyond noise" if r["p"] < alpha else "within noise"
    p = f"p = {r['p']:.4f}" if r["p"] >= 1e-4 else f"p = {r['p']:.1e}"
    p += " (exact)" if r["exact"] else ""
    return (f"{label}{r['measure']:8} {r['a']:.3f} -> {r['b']:.3f}  diff {r['diff']:+.3f}  "
            f"{p:20} {verdict}  ({r['queries']} queries: {r['better']} up, {r['worse']} down)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="score file or score tree before the change")
    parser.add_argument("b", type=Path, help="score file or score tree after the change")
    parser.add_argument("--measure", help="qaeval measure (mrr@10, ndcg@10, map, R@10, ...); "
                        "default: each set's main measure")
    parser.add_argument("--system", action="append",
                        help="with trees: only this system (repeatable; default: all)")
    parser.add_argument("--rounds", type=int, default=20000, help="default %(default)s")
    parser.add_argument("--seed", type=int, default=18, help="default %(default)s")
    parser.add_argument("--alpha", type=float, default=0.05,
                        help="p below this is reported as beyond noise (default %(default)s)")
    args = parser.parse_args()

    if args.a.is_file() and args.b.is_file():
        measure = args.measure or main_measure(args.b.parent) or "mrr@10"
        print(line("", compare(args.a, args.b, measure, args.rounds, args.seed), args.alpha))
        return 0
    if not (args.a.is_dir() and args.b.is_dir()):
        print("permutation_test.py: give two score files or two score trees", file=sys.stderr)
        return 2
    compared = 0
    for set_dir in sorted(p for p in args.b.iterdir() if p.is_dir()):
        before = args.a / set_dir.name
        if not before.is_dir():
            continue
        measure = args.measure or main_measure(set_dir) or "mrr@10"
        for score in sorted(set_dir.glob("*.json")):
            system = score.stem
            if args.system and system not in args.system:
                continue
            if not (before / score.name).is_file():
                continue
            result = compare(before / score.name, score, measure, args.rounds, args.seed)
            print(line(f"{set_dir.name:16} {system:20} ", result, args.alpha))
            compared += 1
    if compared == 0:
        print("permutation_test.py: the two trees share no set and system", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
