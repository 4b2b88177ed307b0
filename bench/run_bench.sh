#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-corpus benchmark: generate corpora, build with `qaindex build` and the baselines (plain Xapian,
# SQLite FTS5 when built), time queries.
#
# Usage: bench/run_bench.sh [quick|full] [--with-1m] [options]
#   quick       a 10k generated corpus, plus ../shared/data/medquad when present (< 5 min)
#   full        10k and 100k generated corpora, plus MedQuAD
#   --with-1m   also a 1,000,000-page corpus (about 2.4 GB of pages; takes long)
#   scale       qaindex alone at 1M, 100k and 10k entries: build, update of 1,000, each
#               query kind's p50/p95/p99, the plot (bench/run_scale.sh; its options follow)
# Options:
#   --build-dir DIR   benchmark build folder (default build/bench, configured and built
#                     with the `bench` preset unless --no-build)
#   --no-build        use the binaries in --build-dir as they are
#   --out DIR         scratch folder (default bench/out, git-ignored)
#   --seed N          generator seed (default 1)
#   --threads N       `qaindex build --threads N` (default: the tool's own, one per core)
#   --repeat N        timed passes over each query file (default 3)
#   --warmup N        untimed passes first (default 1)
#   --keep            keep the indexes afterwards (they are deleted by default)
#
# Every figure of one run comes from the same machine state: compare the ratios to the
# baseline, not absolute numbers across runs. Results go to bench/out/results-<time>.md.
set -euo pipefail

die() { echo "run_bench.sh: $*" >&2; exit 1; }
note() { echo "run_bench.sh: $*" >&2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ${1:-} == scale ]]; then
  shift
  exec "$ROOT/bench/run_scale.sh" "$@"
fi
MODE=quick
WITH_1M=0
BUILD_DIR=""
DO_BUILD=1
OUT="$ROOT/bench/out"
SEED=1
THREADS=""
REPEAT=3
WARMUP=1
KEEP=0
COMMAND="bench/run_bench.sh $*"

while (($#)); do
  case "$1" in
    quick|full) MODE=$1 ;;
    --with-1m) WITH_1M=1 ;;
    --build-dir) BUILD_DIR=$2; shift ;;
    --no-build) DO_BUILD=0 ;;
    --out) OUT=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --repeat) REPEAT=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '3,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak memory (Debian package 'time')"
command -v python3 >/dev/null || die "python3 is needed for the report"

if [[ -z "$BUILD_DIR" ]]; then
  BUILD_DIR="$ROOT/build/bench"
  if ((DO_BUILD)); then
    note "building the bench preset (RelWithDebInfo) in $BUILD_DIR"
    (cd "$ROOT" && cmake --preset bench >/dev/null && cmake --build --preset bench -j 2 >/dev/null) ||
      die "the bench build failed: run 'cmake --preset bench && cmake --build --preset bench -j 2'"
  fi
fi
GEN="$BUILD_DIR/bench/qaindex_corpus_generator"
BASE="$BUILD_DIR/bench/qaindex_xapian_baseline"
LAT="$BUILD_DIR/bench/qaindex_query_latency"
SQLITE="$BUILD_DIR/bench/qaindex_sqlite_baseline"
QAINDEX="$BUILD_DIR/tools/qaindex"
[[ -x "$GEN" ]] || die "$GEN is missing (the corpus module is needed)"
[[ -x "$BASE" ]] || die "$BASE is missing"
HAVE_QAINDEX=0
[[ -x "$QAINDEX" ]] && HAVE_QAINDEX=1
HAVE_LAT=0
[[ -x "$LAT" ]] && HAVE_LAT=1
HAVE_SQLITE=0
[[ -x "$SQLITE" ]] && HAVE_SQLITE=1
((HAVE_QAINDEX)) || note "SKIPPING qaindex builds: $QAINDEX is not built yet (lead's indexer/tool)"
((HAVE_LAT)) || note "SKIPPING qaindex query latency: $LAT is not built yet (needs the search module)"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN="$OUT/run-$STAMP"
mkdir -p "$RUN/db" "$OUT/corpus"
MEASURE="$RUN/measurements.jsonl"
: >"$MEASURE"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "stamp=$STAMP"
  echo "command=$COMMAND"
  echo "mode=$MODE"
  echo "seed=$SEED"
  echo "threads=${THREADS:-default}"
  echo "repeat=$REPEAT"
  echo "warmup=$WARMUP"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '-dirty')"
  echo "build_dir=$BUILD_DIR"
  echo "qaindex=$HAVE_QAINDEX"
  echo "query_latency=$HAVE_LAT"
} >"$RUN/meta.env"

# Appends one JSON object of string fields to the measurement log.
record() {
  python3 - "$MEASURE" "$@" <<'EOF'
import json, sys
path, *pairs = sys.argv[1:]
with open(path, "a") as out:
    out.write(json.dumps(dict(p.split("=", 1) for p in pairs)) + "\n")
EOF
}

# --- corpora --------------------------------------------------------------------------------
SIZES=(10000)
[[ $MODE == full ]] && SIZES=(10000 100000)
((WITH_1M)) && SIZES+=(1000000)

declare -a NAMES PATHS
for n in "${SIZES[@]}"; do
  dir="$OUT/corpus/gen-$n-s$SEED"
  args="--count $n --seed $SEED"
  # Generation is deterministic: reuse a corpus made with the same arguments and binary.
  if [[ -f "$dir/.qaindex-generated" ]] && grep -q -- "$args --out" "$dir/.qaindex-generated" &&
     grep -q "^complete $n consultations" "$dir/.qaindex-generated" &&
     [[ "$dir/.qaindex-generated" -nt "$GEN" ]]; then
    note "reusing $dir"
  else
    note "generating $n pages into $dir"
    threads=1
    ((n >= 100000)) && threads=2
    /usr/bin/time -v -o "$RUN/gen-$n.time" "$GEN" $args --out "$dir" --force --threads "$threads" \
      --json >"$RUN/gen-$n.json" 2>"$RUN/gen-$n.log"
    record type=generate corpus="gen-$n" json="$RUN/gen-$n.json" time="$RUN/gen-$n.time" threads="$threads"
  fi
  NAMES+=("gen-$n")
  PATHS+=("$dir")
done
MEDQUAD="$ROOT/../shared/data/medquad"
if [[ -d "$MEDQUAD" ]]; then
  NAMES+=(medquad)
  PATHS+=("$(cd "$MEDQUAD" && pwd)")
else
  note "no MedQuAD at $MEDQUAD: skipping that corpus"
fi

# Entry ids for Similar Q&A by id: up to 200 pages spread over a generated corpus.
similar_ids() {
  local corpus=$1 out=$2 total step
  total=$(find "$corpus" -name '*.txt' | wc -l)
  step=$(( total / 200 )); ((step < 1)) && step=1
  find "$corpus" -name '*.txt' -printf '%P\n' | sort | awk -v s="$step" 'NR % s == 1 || s == 1' |
    head -n 200 | sed 's/\.txt$//' >"$out"
}

time_queries() {  # corpus tool mix mode extra-args...
  local name=$1 tool=$2 mix=$3 mode=$4; shift 4
  local file="$RUN/$name.$tool.$mode.$(basename "$mix" .txt).json"
  if [[ $tool == xapian ]]; then
    "$BASE" --json search "$RUN/db/$name.xapian" "$mix" --warmup "$WARMUP" --repeat "$REPEAT" >"$file"
  elif [[ $tool == sqlite ]]; then
    "$SQLITE" --json search "$RUN/db/$name.sqlite" "$mix" --warmup "$WARMUP" --repeat "$REPEAT" >"$file"
  else
    "$LAT" --db "$RUN/db/$name.qaindex" --queries "$mix" --warmup "$WARMUP" --repeat "$REPEAT" \
      --json "$@" >"$file" 2>"$file.log" || { note "query run failed: see $file.log"; return 0; }
  fi
  record type=query corpus="$name" tool="$tool" mix="$(basename "$mix" .txt)" mode="$mode" json="$file"
}

# --- builds and queries -----------------------------------------------------------------------
QUERIES="$ROOT/bench/queries"
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}
  corpus=${PATHS[$i]}
  note "[$name] baseline build"
  /usr/bin/time -v -o "$RUN/$name.xapian.time" "$BASE" --json index "$corpus" "$RUN/db/$name.xapian" \
    >"$RUN/$name.xapian.json"
  record type=build corpus="$name" tool=xapian json="$RUN/$name.xapian.json" \
    time="$RUN/$name.xapian.time" db_bytes="$(du -sb "$RUN/db/$name.xapian" | cut -f1)"

  if ((HAVE_SQLITE)); then
    note "[$name] SQLite FTS5 build"
    /usr/bin/time -v -o "$RUN/$name.sqlite.time" "$SQLITE" --json index "$corpus" "$RUN/db/$name.sqlite" \
      >"$RUN/$name.sqlite.json"
    record type=build corpus="$name" tool=sqlite json="$RUN/$name.sqlite.json" \
      time="$RUN/$name.sqlite.time" db_bytes="$(du -sb "$RUN/db/$name.sqlite" | cut -f1)"
  fi

  if ((HAVE_QAINDEX)); then
    threads_arg=()
    [[ -n "$THREADS" ]] && threads_arg=(--threads "$THREADS")
    note "[$name] qaindex build"
    /usr/bin/time -v -o "$RUN/$name.qaindex.time" "$QAINDEX" build "$corpus" --db "$RUN/db/$name.qaindex" \
      --rebuild -q "${threads_arg[@]}" >"$RUN/$name.qaindex.out"
    record type=build corpus="$name" tool=qaindex out="$RUN/$name.qaindex.out" \
      time="$RUN/$name.qaindex.time" db_bytes="$(du -sb "$RUN/db/$name.qaindex" | cut -f1)"
    note "[$name] qaindex incremental rebuild, nothing changed"
    /usr/bin/time -v -o "$RUN/$name.qaindex-noop.time" "$QAINDEX" build "$corpus" \
      --db "$RUN/db/$name.qaindex" -q "${threads_arg[@]}" >"$RUN/$name.qaindex-noop.out"
    record type=rebuild corpus="$name" tool=qaindex out="$RUN/$name.qaindex-noop.out" \
      time="$RUN/$name.qaindex-noop.time"
  fi

  note "[$name] queries"
  for mix in "$QUERIES/two_word.txt" "$QUERIES/long_lay.txt"; do
    time_queries "$name" xapian "$mix" search
    ((HAVE_SQLITE)) && time_queries "$name" sqlite "$mix" search
    if ((HAVE_QAINDEX && HAVE_LAT)); then
      time_queries "$name" qaindex "$mix" search
    fi
  done
  if ((HAVE_QAINDEX && HAVE_LAT)); then
    time_queries "$name" qaindex "$QUERIES/two_word.txt" search-facets --facets
    time_queries "$name" qaindex "$QUERIES/long_lay.txt" similar-to --mode similar-to
    if [[ $name == gen-* ]]; then
      mkdir -p "$RUN/ids-$name"
      similar_ids "$corpus" "$RUN/ids-$name/entry_ids.txt"
      time_queries "$name" qaindex "$RUN/ids-$name/entry_ids.txt" similar --mode similar
    fi
  fi
  if ((!KEEP)); then
    rm -rf "$RUN/db/$name.xapian" "$RUN/db/$name.sqlite"
    ((HAVE_QAINDEX)) && rm -rf "$RUN/db/$name.qaindex"
  fi
done

# --- report -----------------------------------------------------------------------------------
REPORT="$OUT/results-$STAMP.md"
python3 "$ROOT/bench/bench_report.py" "$RUN" --markdown "$REPORT" --scaling "$RUN/scaling.dat"
if command -v gnuplot >/dev/null && [[ -s "$RUN/scaling.dat" ]]; then
  gnuplot -e "datafile='$RUN/scaling.dat'; outfile='$OUT/scaling-$STAMP.png'" \
    "$ROOT/bench/plot_scaling.gp" 2>/dev/null && note "plot: $OUT/scaling-$STAMP.png"
fi
note "report: $REPORT (raw measurements in $RUN)"
