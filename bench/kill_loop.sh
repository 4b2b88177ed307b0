#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Randomized kill loop: starts `qaindex build` (full or incremental, on a corpus that changes
# every round), kills it with SIGKILL after a random delay, and checks that the index is sound
# (`qaindex check`), searchable (`qaquery`), and holds the old or the new corpus's entry count.
#
# Usage: bench/kill_loop.sh [--build-dir DIR] [--kills N] [--pages N] [--seed N] [--out DIR]
#   --build-dir DIR  a configured and built tree (default build/release) with tools/qaindex,
#                    tools/qaquery and bench/qaindex_corpus_generator
#   --kills N        builds to kill (default 100; those that finish first do not count)
#   --pages N        generated pages in the base corpus (default 2000; 10% more come and go)
#   --seed N         $RANDOM seed for delays and modes (default 1)
#   --out DIR        scratch folder (default bench/out/kill-loop)
# Prints one line per round and a summary; exits 1 if any round failed a check.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR="$ROOT/build/release"
KILLS=100
PAGES=2000
SEED=1
OUT="$ROOT/bench/out/kill-loop"
while (($#)); do
  case "$1" in
    --build-dir) BUILD_DIR=$2; shift ;;
    --kills) KILLS=$2; shift ;;
    --pages) PAGES=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n '3,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kill_loop.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

QAINDEX="$BUILD_DIR/tools/qaindex"
QAQUERY="$BUILD_DIR/tools/qaquery"
GENERATOR="$BUILD_DIR/bench/qaindex_corpus_generator"
for program in "$QAINDEX" "$QAQUERY" "$GENERATOR"; do
  [[ -x $program ]] || { echo "kill_loop.sh: $program is not built" >&2; exit 2; }
done

RANDOM=$SEED
rm -rf "$OUT"
mkdir -p "$OUT"
CORPUS="$OUT/corpus"
EXTRA="$OUT/extra"  # moved into the corpus and out again, so the count changes every round
DB="$OUT/db"
"$GENERATOR" --count "$PAGES" --seed 1 --malformed-share 0 --out "$CORPUS" >/dev/null 2>&1
"$GENERATOR" --count $((PAGES / 10)) --seed 2 --malformed-share 0 --out "$EXTRA" >/dev/null 2>&1

entries() { "$QAINDEX" stats --db "$DB" | awk '/^Entries/ {print $2}' | tr -d ,; }

# The two corpus states and their entry counts, from uninterrupted builds.
"$QAINDEX" build "$CORPUS" --db "$DB" --rebuild >/dev/null
BASE=$(entries)
seconds_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}'; }
mv "$EXTRA" "$CORPUS/extra"
start=$(date +%s.%N)
"$QAINDEX" build "$CORPUS" --db "$DB" --rebuild >/dev/null
FULL_SECONDS=$(seconds_since "$start")
WITH_EXTRA=$(entries)
mv "$CORPUS/extra" "$EXTRA"
start=$(date +%s.%N)
"$QAINDEX" build "$CORPUS" --db "$DB" >/dev/null
UPDATE_SECONDS=$(seconds_since "$start")
echo "kill_loop.sh: $PAGES pages: $BASE entries, $WITH_EXTRA with the extra folder; a full" \
     "build takes ${FULL_SECONDS}s, an update ${UPDATE_SECONDS}s; each is killed after a random" \
     "delay up to that long, until $KILLS builds were killed"
full_delay_ms=$(awk -v s="$FULL_SECONDS" 'BEGIN {printf "%d", s * 1000}')
update_delay_ms=$(awk -v s="$UPDATE_SECONDS" 'BEGIN {printf "%d", s * 1000}')

killed=0 finished=0 failures=0 old_count=0 new_count=0
for ((round = 1; killed < KILLS && round <= 3 * KILLS; round++)); do
  before=$(entries)
  # The corpus goes to the state the index does not hold, so old and new counts differ.
  if [[ $before == "$BASE" ]]; then
    [[ -d $EXTRA ]] && mv "$EXTRA" "$CORPUS/extra"
    after=$WITH_EXTRA
  else
    [[ -d $CORPUS/extra ]] && mv "$CORPUS/extra" "$EXTRA"
    after=$BASE
  fi
  # Touch a few pages, so an incremental build has more than the folder to do.
  { find "$CORPUS" -name '*.txt' | head -n $((RANDOM % 50)) | xargs -r touch; } || true
  mode=incremental args=() max_delay_ms=$update_delay_ms
  if ((RANDOM % 2)); then mode=full args=(--rebuild) max_delay_ms=$full_delay_ms; fi
  delay_ms=$((RANDOM * 32768 + RANDOM))
  delay_ms=$((delay_ms % (max_delay_ms + 1)))
  "$QAINDEX" build "$CORPUS" --db "$DB" "${args[@]}" >"$OUT/build.out" 2>"$OUT/build.err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then outcome=killed; else outcome=finished; fi
  status=0
  { wait "$pid"; } 2>/dev/null || status=$?
  if [[ $outcome == finished && $status -ne 0 ]]; then outcome="failed($status)"; fi

  problems=""
  "$QAINDEX" check --db "$DB" >"$OUT/check.out" 2>&1 || problems+=" check"
  "$QAQUERY" --db "$DB" --limit 3 "headache and dizziness" >"$OUT/query.out" 2>&1 || problems+=" search"
  grep -q '^1\. ' "$OUT/query.out" || problems+=" no-hits"
  count=$(entries)
  if [[ $count == "$before" ]]; then
    old_count=$((old_count + 1))
  elif [[ $count == "$after" ]]; then
    new_count=$((new_count + 1))
  else
    problems+=" count($count not $before or $after)"
  fi
  [[ $outcome == killed ]] && killed=$((killed + 1)) || true
  [[ $outcome == finished ]] && finished=$((finished + 1)) || true
  [[ $outcome == failed* ]] && problems+=" $outcome" || true
  if [[ -n $problems ]]; then
    failures=$((failures + 1))
    cp "$OUT/check.out" "$OUT/check-round-$round.out"
  fi
  printf 'round %3d: %-11s %-8s after %5d ms: %s entries (old %s, new %s)%s\n' \
    "$round" "$mode" "$outcome" "$delay_ms" "$count" "$before" "$after" "${problems:+ FAILED:$problems}"
done

# A last uninterrupted build must reach the corpus as it stands.
"$QAINDEX" build "$CORPUS" --db "$DB" >/dev/null
final=$(entries)
expected=$BASE
[[ -d $CORPUS/extra ]] && expected=$WITH_EXTRA
"$QAINDEX" check --db "$DB" >/dev/null || { echo "kill_loop.sh: final check failed"; failures=$((failures + 1)); }
[[ $final == "$expected" ]] || { echo "kill_loop.sh: final build holds $final, not $expected"; failures=$((failures + 1)); }
echo "kill_loop.sh: rounds $((round - 1)), killed $killed, finished before the kill $finished;" \
     "old count after $old_count, new count after $new_count; failures $failures"
((failures == 0 && killed >= KILLS))
