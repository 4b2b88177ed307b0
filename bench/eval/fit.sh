#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fits the second stage's search weights, data/ranking/weights.tsv, on the fitting sets: dumps
# every candidate's features for their queries (qaindex_eval_run --features --no-collapse) and
# fits them with qaindex_fit_ranking. Similar Q&A of a new question is ranked by the same
# weights (as a search of it); the similar rows, for Similar Q&A of an entry, are not fitted:
# no set measures that.
#
#   bench/eval/fit.sh [--folds K] [--dry-run] [-- QAINDEX_FIT_RANKING_OPTIONS]
#
# The fitting sets are rqe-train, short-questions, consumer-qa and known-item, each with its
# main measure (run_eval.sh's); rqe-dev and rqe-dev-full are held out, never fitted on, only
# reported beside them (weights under which one falls beyond noise, p < 0.05, are not written). Each
# set's index must exist (bench/eval/run_eval.sh SET builds it). The features depend on the
# library but not on the weights, so one dump serves any number of fits; the dumps are
# redone when qaindex_eval_run or the index changed. --dry-run prints the fit without writing
# the weights. Then rebuild and run run_eval.sh all to measure every set with the new weights.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$repo/build/bench}"
find_program() {
  find "$BUILD_DIR" -maxdepth 4 -type f -name "$1" -perm -u+x 2>/dev/null | sort | head -n 1
}
EVAL_RUN="${EVAL_RUN:-$(find_program qaindex_eval_run)}"
FIT="${FIT:-$(find_program qaindex_fit_ranking)}"
folds=0
write=(--write "$repo/data/ranking/weights.tsv")
fit_options=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --folds) folds="$2"; shift 2 ;;
    --dry-run) write=(); shift ;;
    --) shift; fit_options=("$@"); break ;;
    *) echo "usage: fit.sh [--folds K] [--dry-run] [-- QAINDEX_FIT_RANKING_OPTIONS]" >&2; exit 2 ;;
  esac
done
for program in EVAL_RUN FIT; do
  if [[ -z "${!program}" ]]; then
    echo "fit.sh: no $program under $BUILD_DIR; build the bench preset first" >&2
    exit 2
  fi
done

fitting_sets=(rqe-train short-questions consumer-qa known-item)
held_out_sets=(rqe-dev rqe-dev-full)
measure_of() {
  case "$1" in
    short-questions|consumer-qa) echo "ndcg@10" ;;
    *) echo "mrr@10" ;;
  esac
}

# The dump of one set and mode, redone when the runner or the index changed.
dump() {
  local set="$1" mode="$2" out="$repo/bench/out/$1"
  local file="$out/features-$mode.tsv"
  local key
  key="$(sha256sum "$EVAL_RUN" | cut -c1-16)-$(cat "$out/db.key" 2>/dev/null || echo none)"
  if [[ -f "$file" && "$(cat "$file.key" 2>/dev/null)" == "$key" ]]; then
    return
  fi
  echo "== $set: features of $mode" >&2
  "$EVAL_RUN" --db "$out/db" --queries "$out/queries.tsv" --mode "$mode" --limit 100 \
    --no-collapse --features "$file" >/dev/null
  echo "$key" >"$file.key"
}

status=0
for use in search; do
  mode=search
  arguments=()
  for set in "${fitting_sets[@]}"; do
    if [[ ! -d "$repo/bench/out/$set/db" ]]; then
      echo "fit.sh: no index for $set; run bench/eval/run_eval.sh $set first" >&2
      exit 2
    fi
    dump "$set" "$mode"
    arguments+=(--set "$set" "$repo/bench/out/$set/features-$mode.tsv"
                "$repo/bench/out/$set/qrels.txt" "$(measure_of "$set")")
  done
  for set in "${held_out_sets[@]}"; do
    if [[ -d "$repo/bench/out/$set/db" ]]; then
      dump "$set" "$mode"
      arguments+=(--check "$set" "$repo/bench/out/$set/features-$mode.tsv"
                  "$repo/bench/out/$set/qrels.txt" "$(measure_of "$set")")
    fi
  done
  echo "== fitting the $use weights" >&2
  "$FIT" --use "$use" "${arguments[@]}" --folds "$folds" "${write[@]}" "${fit_options[@]}" ||
    status=$?
done
exit "$status"
