#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Load test of qaserve on loopback: requests/s and p50/p95/p99 latency of /api/search at 1, 8
# and 32 concurrent clients (closed loop, keep-alive) on a generated corpus's index, then the
# same while `qaindex build --rebuild` replaces that index under the running server (each load
# lasting as long as its build), counting failed requests. Every run is bounded: a fixed number
# of requests and a time limit.
#
# Three servers run on the same index: qaserve's defaults, --no-split (a costly search never
# takes a second thread) and --keep-alive 5 (a connection may carry 5 requests); each client
# count runs on all three, A B C C B A, and the report gives the ratio of their medians to the
# default's. The in-process latency of the same queries (qaindex_query_latency) is the baseline
# for what HTTP adds.
#
# Usage: bench/run_load.sh [options]
# Options:
#   --build-dir DIR   benchmark build folder (default build/bench, configured and built with
#                     the `bench` preset unless --no-build)
#   --no-build        use the binaries in --build-dir as they are
#   --out DIR         scratch folder (default bench/out, git-ignored)
#   --count N         pages of the generated corpus (default 100000; same generator and seed as
#                     run_bench.sh, whose corpus is reused when present)
#   --seed N          generator seed (default 1)
#   --threads N       qaserve --threads (default: qaserve's own, 8)
#   --requests N      timed requests per run (default 2000; a quarter at one client)
#   --time-limit S    seconds per run at most (default 120; 1800 for runs during a build)
#   --rebuild-on NAME the server the rebuild runs load: default, no-split or keep-alive
#   --no-rebuild      skip the runs during builds
#   --keep            keep the index afterwards
#
# Results go to bench/out/load-<time>.md (raw JSON lines in bench/out/load-<time>/).
set -euo pipefail

die() { echo "run_load.sh: $*" >&2; exit 1; }
note() { echo "run_load.sh: $*" >&2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=""
DO_BUILD=1
OUT="$ROOT/bench/out"
COUNT=100000
SEED=1
THREADS=""
REQUESTS=2000
TIME_LIMIT=120
REBUILD=1
REBUILD_ON=default
KEEP=0
COMMAND="bench/run_load.sh $*"

while (($#)); do
  case "$1" in
    --build-dir) BUILD_DIR=$2; shift ;;
    --no-build) DO_BUILD=0 ;;
    --out) OUT=$2; shift ;;
    --count) COUNT=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    --time-limit) TIME_LIMIT=$2; shift ;;
    --rebuild-on) REBUILD_ON=$2; shift ;;
    --no-rebuild) REBUILD=0 ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '3,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
[[ $REBUILD_ON =~ ^(default|no-split|keep-alive)$ ]] || die "--rebuild-on default, no-split or keep-alive"
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
LOAD="$BUILD_DIR/bench/qaindex_http_load"
LAT="$BUILD_DIR/bench/qaindex_query_latency"
QAINDEX="$BUILD_DIR/tools/qaindex"
QASERVE="$BUILD_DIR/tools/qaserve"
for program in "$GEN" "$LOAD" "$QAINDEX" "$QASERVE"; do
  [[ -x "$program" ]] || die "$program is missing (build the bench preset)"
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN="$OUT/load-$STAMP"
DB="$RUN/db"
mkdir -p "$RUN" "$OUT/corpus"
RESULTS="$RUN/results.jsonl"
: >"$RESULTS"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "command=$COMMAND"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '-dirty')"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "threads=${THREADS:-default}"
  echo "build_dir=$BUILD_DIR"
} >"$RUN/meta.env"

# --- corpus and index (the corpus as run_bench.sh generates it) ------------------------------
CORPUS="$OUT/corpus/gen-$COUNT-s$SEED"
args="--count $COUNT --seed $SEED"
if [[ -f "$CORPUS/.qaindex-generated" ]] && grep -q -- "$args --out" "$CORPUS/.qaindex-generated" &&
   grep -q "^complete $COUNT consultations" "$CORPUS/.qaindex-generated"; then
  note "reusing $CORPUS"
else
  note "generating $COUNT pages into $CORPUS"
  gen_threads=1
  ((COUNT >= 100000)) && gen_threads=2
  "$GEN" $args --out "$CORPUS" --force --threads "$gen_threads" >"$RUN/generate.log" 2>&1
fi
note "building the index"
build_start=$(date +%s)
"$QAINDEX" build "$CORPUS" --db "$DB" --rebuild -q >"$RUN/build-0.out"
echo "first_build_seconds=$(($(date +%s) - build_start))" >>"$RUN/meta.env"

# --- in-process baseline: the same queries through the library, no HTTP ------------------------
LONG="$ROOT/bench/queries/long_lay.txt"
TWO="$ROOT/bench/queries/two_word.txt"
if [[ -x "$LAT" ]]; then
  note "in-process baseline (qaindex_query_latency)"
  for flag in "" --one-thread --facets; do
    "$LAT" --db "$DB" --queries "$LONG" --warmup 1 --repeat 2 --json $flag \
      >>"$RUN/baseline.jsonl" 2>/dev/null || note "the baseline run failed"
  done
fi

# --- the servers -------------------------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_healthy() {  # port
  python3 - "$1" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=5) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit(1)
PY
}
last_build() {  # port
  python3 -c "import json, urllib.request; print(json.load(urllib.request.urlopen('http://127.0.0.1:$1/api/stats'))['last_build'])"
}

threads_arg=()
[[ -n "$THREADS" ]] && threads_arg=(--threads "$THREADS")
SERVERS=(default no-split keep-alive)
declare -A PORTS PIDS
declare -A SERVER_ARGS=([default]="" [no-split]="--no-split" [keep-alive]="--keep-alive 5")
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for name in "${SERVERS[@]}"; do
  PORTS[$name]=$(free_port)
  # shellcheck disable=SC2086
  "$QASERVE" --db "$DB" --listen "127.0.0.1:${PORTS[$name]}" "${threads_arg[@]}" \
    ${SERVER_ARGS[$name]} 2>"$RUN/qaserve-$name.log" &
  PIDS[$name]=$!
done
for name in "${SERVERS[@]}"; do
  wait_healthy "${PORTS[$name]}" || die "qaserve did not answer /healthz (see $RUN/qaserve-$name.log)"
  note "qaserve ($name) on 127.0.0.1:${PORTS[$name]} (pid ${PIDS[$name]})"
done

load() {  # server label clients requests time-limit path queries [extra args]
  local server=$1 label=$2 clients=$3 requests=$4 limit=$5 path=$6 queries=$7
  shift 7
  "$LOAD" --port "${PORTS[$server]}" --path "$path" --queries "$queries" --clients "$clients" \
    --requests "$requests" --time-limit "$limit" --label "$label ($server)" --json "$@" \
    >>"$RESULTS" || true
  tail -n 1 "$RESULTS" >&2
}

note "warm-up (untimed)"
for name in "${SERVERS[@]}"; do
  "$LOAD" --port "${PORTS[$name]}" --path "/api/search?q=" --queries "$LONG" --clients 2 \
    --requests 300 --time-limit "$TIME_LIMIT" >/dev/null || true
  "$LOAD" --port "${PORTS[$name]}" --path "/api/search?facets=1&q=" --queries "$TWO" \
    --clients 2 --requests 300 --time-limit "$TIME_LIMIT" >/dev/null || true
done

for clients in 1 8 32; do
  requests=$REQUESTS
  ((clients == 1)) && requests=$((REQUESTS / 4))
  for name in default no-split keep-alive keep-alive no-split default; do
    load "$name" "long_lay search" "$clients" "$requests" "$TIME_LIMIT" "/api/search?q=" "$LONG"
  done
done
load default "two_word search + facets" 8 "$REQUESTS" "$TIME_LIMIT" "/api/search?facets=1&q=" "$TWO"
load default "two_word search page (HTML, facets)" 8 "$REQUESTS" "$TIME_LIMIT" "/search?q=" "$TWO"
load default "long_lay search page (HTML)" 8 "$REQUESTS" "$TIME_LIMIT" "/search?q=" "$LONG"
load default "long_lay search page (HTML, facets=1)" 8 $((REQUESTS / 4)) "$TIME_LIMIT" \
  "/search?facets=1&q=" "$LONG"

if ((REBUILD)); then
  port=${PORTS[$REBUILD_ON]}
  for clients in 1 8 32; do
    note "rebuilding the index under $clients clients"
    before=$(last_build "$port")
    "$QAINDEX" build "$CORPUS" --db "$DB" --rebuild -q >"$RUN/build-$clients.out" &
    builder=$!
    load "$REBUILD_ON" "long_lay search during a rebuild" "$clients" 100000000 1800 \
      "/api/search?q=" "$LONG" --while-pid "$builder"
    wait "$builder" || die "the rebuild under $clients clients failed (see $RUN/build-$clients.out)"
    after=$(last_build "$port")
    [[ "$after" != "$before" ]] || die "the server did not pick up the rebuilt index"
    echo "rebuild_$clients=$before -> $after" >>"$RUN/meta.env"
  done
fi

note "stopping qaserve (SIGTERM)"
for name in "${SERVERS[@]}"; do
  kill -TERM "${PIDS[$name]}"
  status=0
  wait "${PIDS[$name]}" || status=$?
  echo "qaserve_exit_$name=$status" >>"$RUN/meta.env"
done
trap - EXIT
((KEEP)) || rm -rf "$DB"

# --- report ------------------------------------------------------------------------------------
REPORT="$OUT/load-$STAMP.md"
python3 - "$RUN" "$REPORT" <<'PY'
import json, pathlib, statistics, sys
run, report = pathlib.Path(sys.argv[1]), sys.argv[2]
meta = dict(line.split("=", 1) for line in (run / "meta.env").read_text().splitlines() if "=" in line)
rows = [json.loads(line) for line in (run / "results.jsonl").read_text().splitlines() if line.strip()]
out = [f"- date: {meta['date']}", f"- commit: {meta['commit']}", f"- command: `{meta['command']}`",
       f"- machine: {meta['nproc']} cores, {meta['cpu']}; load average at start {meta['load']}",
       f"- qaserve threads: {meta['threads']}; first build of the index {meta['first_build_seconds']} s",
       "", "| requests (server) | clients | timed | failed | s | requests/s | p50 ms | p95 ms | p99 ms | max ms | stopped by |",
       "|---|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    out.append(f"| {r['label']} | {r['clients']} | {r['requests']:,} | {r['failed']} | {r['seconds']:.1f} | "
               f"{r['requests_per_second']:.1f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | "
               f"{r['max_ms']:.1f} | {r['stopped_by']} |")
pairs = {}
for r in rows:
    if r["label"].startswith("long_lay search ("):
        server = r["label"].rsplit("(", 1)[1].rstrip(")")
        pairs.setdefault(r["clients"], {}).setdefault(server, []).append(r)
for other in ("no-split", "keep-alive"):
    lines = []
    for clients, by in sorted(pairs.items()):
        if "default" in by and other in by:
            def ratio(key):
                return (statistics.median(r[key] for r in by[other]) /
                        statistics.median(r[key] for r in by["default"]))
            lines.append(f"| {clients} | {ratio('requests_per_second'):.2f}× | {ratio('p50_ms'):.2f}× | "
                         f"{ratio('p95_ms'):.2f}× | {ratio('p99_ms'):.2f}× |")
    if lines:
        out += ["", f"long_lay search, {other} against default (medians of the rounds of each):", "",
                "| clients | requests/s × | p50 × | p95 × | p99 × |", "|---|---|---|---|---|"] + lines
baseline = run / "baseline.jsonl"
if baseline.exists():
    out += ["", "In-process baseline, the same long_lay queries through the library "
            "(qaindex_query_latency, one query at a time):", ""]
    for line in baseline.read_text().splitlines():
        b = json.loads(line)
        out.append(f"- {b['mode']}: {b['queries']} timed, median {b['median_ms']:.2f} ms, "
                   f"p95 {b['p95_ms']:.2f} ms, p99 {b['p99_ms']:.2f} ms")
out.append("")
for key in sorted(k for k in meta if k.startswith("qaserve_exit_")):
    out.append(f"- qaserve ({key[len('qaserve_exit_'):]}) exit status after SIGTERM: {meta[key]}")
for key in sorted(k for k in meta if k.startswith("rebuild_")):
    out.append(f"- index served during the rebuild run with {key[len('rebuild_'):]} clients: "
               f"last build {meta[key]}")
pathlib.Path(report).write_text("\n".join(out) + "\n")
print("\n".join(out))
PY
note "report: $REPORT (raw: $RUN)"
