#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Scale benchmark: qaindex alone on generated corpora of 10k, 100k and 1M entries (issue 23).
#
# Usage: bench/run_scale.sh [options]   (also: bench/run_bench.sh scale [options])
#   --sizes "N ..."          corpus sizes, measured in this order (default "1000000 100000 10000")
#   --max-build-minutes M    a full build still running after M minutes is stopped (default 45):
#                            its rate so far is recorded from the progress log, and the queries
#                            and update of that size are skipped
#   --build-dir DIR          binaries (default build/bench, built with the bench preset unless
#                            --no-build)
#   --no-build               use the binaries in --build-dir as they are
#   --out DIR                scratch folder (default bench/out, git-ignored)
#   --seed N                 generator seed (default 1)
#   --repeat N, --warmup N   timed and untimed passes over each query file (default 1 and 1)
#   --keep                   keep the indexes afterwards
#
# Per size: generate the corpus (reused when made alike before), `qaindex build --rebuild`
# (wall, CPU = user + system, peak RSS from /usr/bin/time -v; every 30 s its CPU, RSS, folder
# size and entries read so far, in <size>.build.samples.tsv), index size, a build with nothing
# changed, an update of 1,000 changed pages (a sentence added to each question; then put back),
# and each query kind's p50/p95/p99 on one thread of the Searcher (qaindex_query_latency):
# long lay questions, two words + facets, two words, Similar Q&A for a new question (the long
# questions) and of an entry (200 ids). Writes $OUT/scale-<time>/summary.tsv and .md, and
# the plot bench/plot_scale.py draws from it (SVG).
set -euo pipefail

die() { echo "run_scale.sh: $*" >&2; exit 1; }
note() { echo "run_scale.sh: $(date -u +%H:%M:%S) $*" >&2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES="1000000 100000 10000"
MAX_MINUTES=45
BUILD_DIR=""
DO_BUILD=1
OUT="$ROOT/bench/out"
SEED=1
REPEAT=1
WARMUP=1
KEEP=0
COMMAND="bench/run_scale.sh $*"

while (($#)); do
  case "$1" in
    --sizes) SIZES=$2; shift ;;
    --max-build-minutes) MAX_MINUTES=$2; shift ;;
    --build-dir) BUILD_DIR=$2; shift ;;
    --no-build) DO_BUILD=0 ;;
    --out) OUT=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --repeat) REPEAT=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '3,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak memory (Debian package 'time')"
if [[ -z "$BUILD_DIR" ]]; then
  BUILD_DIR="$ROOT/build/bench"
  if ((DO_BUILD)); then
    note "building the bench preset (RelWithDebInfo) in $BUILD_DIR"
    (cd "$ROOT" && cmake --preset bench >/dev/null &&
      cmake --build --preset bench -j 2 --target qaindex_tool qaindex_query_latency \
        qaindex_corpus_generator >/dev/null) || die "the bench build failed"
  fi
fi
GEN="$BUILD_DIR/bench/qaindex_corpus_generator"
LAT="$BUILD_DIR/bench/qaindex_query_latency"
QAINDEX="$BUILD_DIR/tools/qaindex"
for program in "$GEN" "$LAT" "$QAINDEX"; do
  [[ -x "$program" ]] || die "$program is missing"
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN="$OUT/scale-$STAMP"
mkdir -p "$RUN" "$OUT/corpus"
SUMMARY="$RUN/summary.tsv"
printf 'size\twhat\tvalue\n' >"$SUMMARY"
put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$SUMMARY"; }
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "command=$COMMAND"
  echo "nproc=$(nproc)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo -dirty)"
} >"$RUN/meta.env"

# Wall, CPU and peak RSS of a /usr/bin/time -v file: "wall_s cpu_s rss_mb".
times_of() {
  awk -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {r = $2}
    /Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); w = 0; for (i = 1; i <= n; ++i) w = w * 60 + p[i]
    }
    END {printf "%.1f %.1f %.0f\n", w, u + s, r / 1024}' "$1"
}

# Every $SAMPLE_SECONDS while the build (process $1, of size $2) runs: its CPU seconds so far,
# RSS, the index folder's size (scratch shards, then the compacted copy), the entries read as
# the progress line says, and the load average; so CPU per entry can be followed over a build.
SAMPLE_SECONDS=30
sample_build() {
  local pid=$1 size=$2 start=$SECONDS qpid line
  printf 'seconds\tentries_read\tcpu_s\trss_mb\tdb_mb\tload1\n'
  while kill -0 "$pid" 2>/dev/null; do
    sleep "$SAMPLE_SECONDS"
    qpid=$(pgrep -n -f "^$QAINDEX build $corpus --db $DB --rebuild" || true)
    [[ -n "$qpid" && -r /proc/$qpid/stat ]] || continue
    line=$(tail -c 400 "$RUN/$size.build.log" | tr '\r' '\n' | grep 'entries read' | tail -1 || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$((SECONDS - start))" \
      "$(sed -n 's/^qaindex: \([0-9,]*\) entries read.*/\1/p' <<<"$line" | tr -d ,)" \
      "$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$qpid/stat" \
        2>/dev/null || true)" \
      "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$qpid/status" 2>/dev/null || true)" \
      "$(du -sm "$DB" 2>/dev/null | cut -f1)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
}

query_kind() {  # size label queries-file extra-args...
  local size=$1 label=$2 file=$3; shift 3
  local json="$RUN/$size.$label.json"
  if "$LAT" --db "$DB" --queries "$file" --warmup "$WARMUP" --repeat "$REPEAT" --json "$@" \
    >"$json" 2>"$json.log"; then
    python3 - "$json" "$size" "$label" >>"$SUMMARY" <<'EOF'
import json, sys
path, size, label = sys.argv[1:]
d = json.load(open(path))
for key in ("median_ms", "p95_ms", "p99_ms"):
    print(f"{size}\t{label}.{key.replace('median', 'p50')}\t{d[key]:.2f}")
print(f"{size}\t{label}.queries\t{d['queries']}")
print(f"{size}\t{label}.errors\t{d.get('errors', 0)}")
EOF
  else
    note "[$size] $label failed: see $json.log"
  fi
}

QUERIES="$ROOT/bench/queries"
for size in $SIZES; do
  corpus="$OUT/corpus/gen-$size-s$SEED"
  args="--count $size --seed $SEED"
  if [[ -f "$corpus/.qaindex-generated" ]] && grep -q -- "$args --out" "$corpus/.qaindex-generated" &&
     grep -q "^complete $size consultations" "$corpus/.qaindex-generated"; then
    note "[$size] reusing $corpus"
  else
    note "[$size] generating $size pages"
    /usr/bin/time -v -o "$RUN/$size.gen.time" "$GEN" $args --out "$corpus" --force --threads 2 \
      --json >"$RUN/$size.gen.json" 2>"$RUN/$size.gen.log"
  fi
  put "$size" corpus_mb "$(du -sm "$corpus" | cut -f1)"
  DB="$RUN/db-$size"

  note "[$size] full build (at most $MAX_MINUTES min)"
  status=0
  /usr/bin/time -v -o "$RUN/$size.build.time" timeout --signal=TERM --kill-after=30 \
    "$((MAX_MINUTES * 60))" "$QAINDEX" build "$corpus" --db "$DB" --rebuild \
    >"$RUN/$size.build.out" 2>"$RUN/$size.build.log" &
  build_pid=$!
  sample_build "$build_pid" "$size" >"$RUN/$size.build.samples.tsv"
  wait "$build_pid" || status=$?
  read -r wall cpu rss < <(times_of "$RUN/$size.build.time")
  if ((status != 0)); then
    # The progress log's last line says how far it got ("... 123,456 entries ...").
    note "[$size] build stopped (status $status) after $wall s"
    put "$size" build.stopped_after_s "$wall"
    put "$size" build.cpu_s "$cpu"
    put "$size" build.peak_rss_mb "$rss"
    put "$size" build.last_progress "$(tr '\r' '\n' <"$RUN/$size.build.log" | grep -v '^$' | tail -1)"
    continue
  fi
  put "$size" build.wall_s "$wall"
  put "$size" build.cpu_s "$cpu"
  put "$size" build.peak_rss_mb "$rss"
  put "$size" entries "$(grep -m1 -o 'index *[0-9,]* entries' "$RUN/$size.build.out" | tr -dc 0-9)"
  put "$size" index_mb "$(du -sm "$DB" | cut -f1)"

  note "[$size] build with nothing changed"
  /usr/bin/time -v -o "$RUN/$size.noop.time" "$QAINDEX" build "$corpus" --db "$DB" -q \
    >"$RUN/$size.noop.out"
  read -r wall cpu rss < <(times_of "$RUN/$size.noop.time")
  put "$size" noop.wall_s "$wall"

  note "[$size] update of 1,000 changed pages"
  # (awk, not head, ends the lists: head would close the pipe early, a SIGPIPE under pipefail)
  find "$corpus" -name '*.txt' -printf '%P\n' | sort | awk 'NR % 7 == 3 && ++n <= 1000' \
    >"$RUN/$size.changed.txt"
  mkdir -p "$RUN/originals-$size"
  while read -r page; do
    mkdir -p "$RUN/originals-$size/$(dirname "$page")"
    cp -p "$corpus/$page" "$RUN/originals-$size/$page"
    sed -i '2s/$/ It has also started to itch at night, mostly after a hot shower./' "$corpus/$page"
  done <"$RUN/$size.changed.txt"
  /usr/bin/time -v -o "$RUN/$size.update.time" "$QAINDEX" build "$corpus" --db "$DB" -q \
    >"$RUN/$size.update.out"
  read -r wall cpu rss < <(times_of "$RUN/$size.update.time")
  put "$size" update1000.wall_s "$wall"
  put "$size" update1000.cpu_s "$cpu"
  put "$size" update1000.peak_rss_mb "$rss"
  put "$size" update1000.summary "$(grep -m1 '^  entries' "$RUN/$size.update.out" | sed 's/^ *//')"
  # Put the generated pages back (the corpus stays the generator's, for the next run).
  (cd "$RUN/originals-$size" && find . -type f -printf '%P\n') | while read -r page; do
    cp -p "$RUN/originals-$size/$page" "$corpus/$page"
  done
  rm -rf "$RUN/originals-$size"

  note "[$size] queries"
  find "$corpus" -name '*.txt' -printf '%P\n' | sort |
    awk -v s="$(( size / 200 > 0 ? size / 200 : 1 ))" '(NR % s == 1 || s == 1) && ++n <= 200' |
    sed 's/\.txt$//' >"$RUN/$size.ids.txt"
  query_kind "$size" long_lay "$QUERIES/long_lay.txt"
  query_kind "$size" similar_id "$RUN/$size.ids.txt" --mode similar
  query_kind "$size" similar_text "$QUERIES/long_lay.txt" --mode similar-to
  query_kind "$size" two_word_facets "$QUERIES/two_word.txt" --facets
  query_kind "$size" two_word "$QUERIES/two_word.txt"
  ((KEEP)) || rm -rf "$DB"
done
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/meta.env"
echo "end=$(date -u '+%Y-%m-%d %H:%M:%S UTC')" >>"$RUN/meta.env"

python3 "$ROOT/bench/plot_scale.py" "$SUMMARY" "$RUN/scaling.svg" --markdown "$RUN/summary.md" ||
  note "plot failed"
note "summary: $RUN/summary.md, plot: $RUN/scaling.svg"
