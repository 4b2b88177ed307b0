#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Start-up: the wall time of whole `qaquery` processes, one query each, for a baseline build and
# a candidate build measured in the same run. hyperfine runs one command's runs back to back, so
# the two are interleaved by rounds (the order alternating), and the medians are taken over
# every run of every round.
#
# Usage: bench/startup.sh BASE_QAQUERY BASE_DB NEW_QAQUERY NEW_DB [--rounds N] [--runs N]
#                         [--query TEXT]
#   BASE_QAQUERY, NEW_QAQUERY   the two qaquery binaries (release builds)
#   BASE_DB, NEW_DB             an index of the same corpus for each (schemas may differ)
#   --rounds N   rounds of the pair (default 10)     --runs N   runs per command a round (10)
#   --query      the query (default "facial twitching")
# Prints the medians (wall and CPU), their ratios (new / base), the date and the load average.
set -euo pipefail

die() { echo "startup.sh: $*" >&2; exit 1; }
[ $# -ge 4 ] || die "usage: bench/startup.sh BASE_QAQUERY BASE_DB NEW_QAQUERY NEW_DB [--rounds N] [--runs N] [--query TEXT]"
BASE=$1 BASE_DB=$2 NEW=$3 NEW_DB=$4
shift 4
ROUNDS=10 RUNS=10 QUERY="facial twitching"
while [ $# -gt 0 ]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --query) QUERY=$2; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
command -v hyperfine > /dev/null || die "hyperfine is not installed"
for program in "$BASE" "$NEW"; do
    [ -x "$program" ] || die "$program is not an executable"
done

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
base_command="$BASE --db $BASE_DB '$QUERY'"
new_command="$NEW --db $NEW_DB '$QUERY'"
echo "startup.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then first=$base_command second=$new_command; else first=$new_command second=$base_command; fi
    hyperfine --style none --warmup 2 --runs "$RUNS" --export-json "$OUT/round-$round.json" \
        -n base -n new "$first" "$second" > /dev/null 2>&1 || die "hyperfine failed"
    if [ $((round % 2)) -eq 0 ]; then
        # The names follow the commands' order; swap them back for even rounds.
        sed -i 's/"command": "base"/"command": "tmp"/; s/"command": "new"/"command": "base"/; s/"command": "tmp"/"command": "new"/' "$OUT/round-$round.json"
    fi
done
python3 - "$OUT" <<'PY'
import glob, json, statistics, sys
times = {"base": [], "new": []}
cpu = {"base": [], "new": []}
for path in sorted(glob.glob(sys.argv[1] + "/round-*.json")):
    for result in json.load(open(path))["results"]:
        times[result["command"]].extend(result["times"])
        cpu[result["command"]].append(result["user"] + result["system"])  # a round's mean
print(f"runs: {len(times['base'])} each")
for name in ("base", "new"):
    print(f"{name}: median {statistics.median(times[name]) * 1000:.1f} ms wall "
          f"(min {min(times[name]) * 1000:.1f}), CPU {statistics.median(cpu[name]) * 1000:.1f} ms "
          f"(median of the rounds' means)")
print(f"ratio new / base: wall {statistics.median(times['new']) / statistics.median(times['base']):.3f}, "
      f"CPU {statistics.median(cpu['new']) / statistics.median(cpu['base']):.3f}")
PY
echo "startup.sh: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
