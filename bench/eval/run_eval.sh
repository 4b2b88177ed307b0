#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Ranking-quality evaluation: builds an evaluation set, indexes it with qaindex, runs the
# queries through search and Similar Q&A and the plain-Xapian BM25 baseline, scores every run
# with qaeval and prints one Markdown table row per system.
#
#   bench/eval/run_eval.sh [rqe-dev|known-item|all]     (default rqe-dev)
#
# Programs come from $BUILD_DIR (default: the first of build/bench, build/release, build/dev
# that exists); each may be overridden: QAINDEX, QAEVAL, EVAL_RUN, BASELINE. Output goes to
# bench/out/<set>/ (git-ignored): the set, db/, runs/*.txt and scores/*.json.
# Rows for qaindex are skipped, with a note, when the qaindex tool or qaindex_eval_run is not
# built (qaindex_eval_run needs -DQAINDEX_EVAL_RUNNER=ON and the Searcher implementation).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${QAINDEX_SHARED_DIR:-$repo/../shared}"
set_name="${1:-rqe-dev}"

if [[ -z "${BUILD_DIR:-}" ]]; then
  for candidate in "$repo/build/bench" "$repo/build/release" "$repo/build/dev"; do
    if [[ -d "$candidate" ]]; then BUILD_DIR="$candidate"; break; fi
  done
fi
BUILD_DIR="${BUILD_DIR:-$repo/build/bench}"

# The first executable file named $1 under the build folder (targets sit in per-folder dirs).
find_program() {
  find "$BUILD_DIR" -maxdepth 4 -type f -name "$1" -perm -u+x 2>/dev/null | sort | head -n 1
}
QAINDEX="${QAINDEX:-$(find_program qaindex)}"
QAEVAL="${QAEVAL:-$(find_program qaeval)}"
EVAL_RUN="${EVAL_RUN:-$(find_program qaindex_eval_run)}"
BASELINE="${BASELINE:-$(find_program qaindex_xapian_bm25_run)}"

for required in QAEVAL BASELINE; do
  if [[ -z "${!required}" || ! -x "${!required}" ]]; then
    echo "run_eval.sh: no $required program under $BUILD_DIR; build first, e.g." >&2
    echo "  cmake --preset bench && cmake --build --preset bench" >&2
    exit 2
  fi
done

date_utc="$(date -u +%Y-%m-%d)"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit="$commit+dirty"
fi

# Prints "| date | commit | set | system | MRR@10 | R@1 | R@10 | MAP | nDCG@10 |" for a score file.
row() {
  python3 - "$1" "$2" "$3" "$date_utc" "$commit" <<'EOF'
import json, sys
path, set_name, system, date, commit = sys.argv[1:6]
m = json.load(open(path))["mean"]
cells = [date, commit, set_name, system] + [f"{m[k]:.3f}" for k in
         ("mrr@10", "R@1", "R@10", "map", "ndcg@10")]
print("| " + " | ".join(cells) + " |")
EOF
}

rows=()
notes=()

# score NAME RUN_FILE QRELS SET: scores a run into scores/NAME.json and appends its row.
score() {
  local name="$1" run="$2" qrels="$3" set="$4" out
  out="$(dirname "$(dirname "$run")")/scores/$name.json"
  mkdir -p "$(dirname "$out")"
  "$QAEVAL" --json --per-query "$qrels" "$run" >"$out"
  rows+=("$(row "$out" "$set" "$name")")
}

# evaluate SET CORPUS_FOR_QAINDEX CORPUS_FOR_BASELINE
evaluate() {
  local set="$1" qaindex_corpus="$2" baseline_corpus="$3"
  local out="$repo/bench/out/$set"
  mkdir -p "$out/runs"
  echo "== $set: baseline" >&2
  "$BASELINE" --corpus "$baseline_corpus" --queries "$out/queries.tsv" --limit 100 \
    --tag xapian-bm25 >"$out/runs/xapian-bm25.txt"
  score "xapian-bm25" "$out/runs/xapian-bm25.txt" "$out/qrels.txt" "$set"
  "$BASELINE" --corpus "$baseline_corpus" --queries "$out/queries.tsv" --limit 100 \
    --stemmer none --tag xapian-bm25-nostem >"$out/runs/xapian-bm25-nostem.txt"
  score "xapian-bm25-nostem" "$out/runs/xapian-bm25-nostem.txt" "$out/qrels.txt" "$set"

  if [[ -z "$QAINDEX" || -z "$EVAL_RUN" ]]; then
    notes+=("$set: qaindex rows skipped: qaindex tool '${QAINDEX:-not built}', qaindex_eval_run '${EVAL_RUN:-not built}'")
    return
  fi
  echo "== $set: qaindex build" >&2
  # One thread: documents get the corpus's order as ids, so equal scores break the same way
  # in every run (with two workers the order varied and MRR@10 moved by up to 0.015).
  "$QAINDEX" build "$qaindex_corpus" --db "$out/db" --rebuild --threads 1 >&2
  local mode
  for mode in search similar-to; do
    echo "== $set: qaindex $mode" >&2
    "$EVAL_RUN" --db "$out/db" --queries "$out/queries.tsv" --mode "$mode" --limit 100 \
      --tag "qaindex-$mode" >"$out/runs/qaindex-$mode.txt"
    score "qaindex-$mode" "$out/runs/qaindex-$mode.txt" "$out/qrels.txt" "$set"
  done
}

run_rqe_dev() {
  local out="$repo/bench/out/rqe-dev"
  python3 "$here/make_rqe_dev.py" --out "$out" >&2
  evaluate rqe-dev "$out/corpus.jsonl" "$out/corpus.jsonl"
}

run_known_item() {
  local out="$repo/bench/out/known-item"
  python3 "$here/make_known_item.py" --out "$out" --baseline-corpus >&2
  evaluate known-item "$shared/data/medquad" "$out/corpus.jsonl"
}

case "$set_name" in
  rqe-dev) run_rqe_dev ;;
  known-item) run_known_item ;;
  all) run_rqe_dev; run_known_item ;;
  *) echo "usage: run_eval.sh [rqe-dev|known-item|all]" >&2; exit 2 ;;
esac

echo "| date | commit | set | system | MRR@10 | R@1 | R@10 | MAP | nDCG@10 |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
for note in "${notes[@]+"${notes[@]}"}"; do
  echo "note: $note" >&2
done
