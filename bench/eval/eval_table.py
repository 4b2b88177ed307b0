#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the Markdown table of a score tree (bench/out/scores/LABEL/SET/SYSTEM.json, as
run_eval.sh saves it): one row per set and system with the usual measures, the set's main
measure and its ratio to Lucene BM25's on the same set, then the geometric mean of those
ratios over the sets for each qaindex system.

    eval_table.py bench/out/scores/LABEL [--sets rqe-dev known-item ...] [--date D] [--commit C]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

SYSTEMS = ["qaindex-search", "qaindex-similar-to", "lucene-bm25", "xapian-bm25",
           "xapian-bm25-nostem"]
REFERENCE = "lucene-bm25"
MEASURES = [("mrr@10", "MRR@10"), ("R@1", "R@1"), ("R@10", "R@10"), ("map", "MAP@100"),
            ("ndcg@10", "nDCG@10")]
NAMES = dict(MEASURES)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--sets", nargs="+", help="sets in this order (default: all, sorted)")
    parser.add_argument("--date", default="")
    parser.add_argument("--commit", default="")
    args = parser.parse_args()

    sets = args.sets or sorted(p.name for p in args.tree.iterdir() if p.is_dir())
    header = ["date", "commit", "set", "queries", "system"] + [n for _, n in MEASURES] + [
        "main", "x Lucene"]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    ratios: dict[str, dict[str, float]] = {}
    missing_reference = []
    for set_name in sets:
        folder = args.tree / set_name
        measure_file = folder / "main_measure"
        main_key = measure_file.read_text().strip() if measure_file.is_file() else "mrr@10"
        scores = {}
        for path in folder.glob("*.json"):
            scores[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        order = [s for s in SYSTEMS if s in scores] + sorted(s for s in scores if s not in SYSTEMS)
        reference = scores.get(REFERENCE, {}).get("mean", {}).get(main_key)
        if reference is None:
            missing_reference.append(set_name)
        for system in order:
            data = scores[system]
            mean = data["mean"]
            ratio = ""
            if reference:
                value = mean[main_key] / reference
                ratio = f"{value:.2f}x"
                ratios.setdefault(system, {})[set_name] = value
            cells = [args.date, args.commit, set_name, str(data["queries_scored"]), system]
            cells += [f"{mean[k]:.3f}" for k, _ in MEASURES]
            cells += [f"{NAMES.get(main_key, main_key)} {mean[main_key]:.3f}", ratio]
            print("| " + " | ".join(cells) + " |")
    print()
    for system in [s for s in SYSTEMS if s.startswith("qaindex-")] + sorted(
            s for s in ratios if s not in SYSTEMS):
        values = ratios.get(system, {})
        if not values:
            continue
        geomean = math.exp(sum(math.log(max(v, 1e-9)) for v in values.values()) / len(values))
        each = ", ".join(f"{s} {v:.2f}x" for s, v in values.items())
        print(f"{system}: geometric mean of main measure / Lucene over {len(values)} sets: "
              f"**{geomean:.3f}x** ({each})")
    if missing_reference:
        print(f"no {REFERENCE} scores for: {', '.join(missing_reference)} (no ratios there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
