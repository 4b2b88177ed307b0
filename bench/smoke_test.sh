#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Smoke test of the bench tools: the generator is deterministic and the baseline reads all it writes.
# Usage: bench/smoke_test.sh GENERATOR BASELINE SCRATCH_DIR SOURCE_DIR (run by ctest in the dev preset)
set -euo pipefail
GEN=$1 BASE=$2 SCRATCH=$3 SOURCE=$4
fail() { echo "smoke_test: FAILED: $*" >&2; exit 1; }
field() { grep -o "\"$2\": [0-9]*" "$1" | grep -o '[0-9]*$'; }

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
vocabulary=builtin
[[ -d "$SOURCE/data/corpus" ]] && vocabulary="$SOURCE/data/corpus"
common=(--count 300 --seed 5 --vocabulary "$vocabulary" --chinese builtin --lexicon builtin
        --malformed-share 0.05 --chinese-share 0.1 --json)

"$GEN" "${common[@]}" --out "$SCRATCH/a" >"$SCRATCH/a.json" 2>/dev/null
"$GEN" "${common[@]}" --out "$SCRATCH/b" --threads 3 >/dev/null 2>&1
diff -r -q -x .qaindex-generated "$SCRATCH/a" "$SCRATCH/b" || fail "output depends on --threads"
[[ $(find "$SCRATCH/a" -name '*.txt' | wc -l) -eq 300 ]] || fail "expected 300 pages"
grep -q "^complete 300 consultations" "$SCRATCH/a/.qaindex-generated" ||
  fail "a finished folder's marker must say it is complete"
valid=$(field "$SCRATCH/a.json" valid)
((valid > 250 && valid < 300)) || fail "expected some broken pages, got $valid valid of 300"

"$GEN" "${common[@]}" --out "$SCRATCH/j" --jsonl --records-per-file 128 >"$SCRATCH/j.json" 2>/dev/null
[[ $(find "$SCRATCH/j" -name '*.jsonl' | wc -l) -eq 3 ]] || fail "expected 3 JSON Lines files"

"$BASE" --json index "$SCRATCH/a" "$SCRATCH/xa" >"$SCRATCH/xa.json"
[[ $(field "$SCRATCH/xa.json" entries) -eq $valid ]] || fail "baseline read a different number of pages"
[[ $(field "$SCRATCH/xa.json" skipped) -eq $((300 - valid)) ]] || fail "broken pages were not all skipped"
"$BASE" --json index "$SCRATCH/j" "$SCRATCH/xj" >"$SCRATCH/xj.json"
[[ $(field "$SCRATCH/xj.json" entries) -eq $(field "$SCRATCH/j.json" valid) ]] ||
  fail "baseline read a different number of JSON records"
"$BASE" --json search "$SCRATCH/xa" "$SOURCE/bench/queries/two_word.txt" >"$SCRATCH/search.json"
grep -q '"queries": 200' "$SCRATCH/search.json" || fail "search did not run 200 queries"

mkdir -p "$SCRATCH/foreign" && echo keep >"$SCRATCH/foreign/file.txt"
status=0
"$GEN" "${common[@]}" --out "$SCRATCH/foreign" --force >/dev/null 2>&1 || status=$?
((status == 2)) || fail "the generator must refuse a folder it did not make (status $status)"
[[ -f "$SCRATCH/foreign/file.txt" ]] || fail "a foreign folder was touched"

rm -rf "$SCRATCH"
echo "smoke_test: OK"
