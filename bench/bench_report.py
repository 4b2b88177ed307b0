#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Turns one run_bench.sh run folder into Markdown tables (and a data file for plot_scaling.gp).
"""Usage: bench/bench_report.py RUN_DIR [--markdown FILE] [--scaling FILE]

RUN_DIR holds meta.env, measurements.jsonl and the files they name (tool JSON output,
`/usr/bin/time -v` logs, `qaindex build` reports). Prints the report and writes it to FILE.
"""

import argparse
import json
import pathlib
import re


def read_meta(run):
    meta = {}
    for line in (run / "meta.env").read_text().splitlines():
        key, _, value = line.partition("=")
        meta[key] = value
    return meta


def read_time(path):
    """Wall, CPU (user + sys) seconds and peak RSS (MB) from a `/usr/bin/time -v` log."""
    text = pathlib.Path(path).read_text()
    out = {}
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    if wall:
        hours, minutes, seconds = wall.groups()
        out["wall"] = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if user and system:
        out["cpu"] = float(user.group(1)) + float(system.group(1))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if rss:
        out["rss_mb"] = int(rss.group(1)) / 1024
    status = re.search(r"Exit status: (\d+)", text)
    out["status"] = int(status.group(1)) if status else 0
    return out


def read_qaindex_report(path):
    """Entries read and in the index from the `qaindex build` summary."""
    text = pathlib.Path(path).read_text()
    out = {}
    read = re.search(r"entries\s+([\d,]+) read", text)
    if read:
        out["entries"] = int(read.group(1).replace(",", ""))
    skipped = re.search(r"skipped\s+([\d,]+)", text)
    if skipped:
        out["skipped"] = int(skipped.group(1).replace(",", ""))
    return out


ENGINES = {"xapian": "plain Xapian", "sqlite": "SQLite FTS5", "qaindex": "qaindex"}


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    if a is None or not b:
        return "–"
    value = a / b
    return f"{value:.3f}×" if value < 0.1 else f"{value:.2f}×"


def table(headers, rows):
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("run")
    parser.add_argument("--markdown")
    parser.add_argument("--scaling")
    args = parser.parse_args()
    run = pathlib.Path(args.run)
    meta = read_meta(run)
    records = [json.loads(line) for line in (run / "measurements.jsonl").read_text().splitlines() if line]

    out = [f"# qaindex benchmark run {meta.get('stamp', '')}", ""]
    out.append(f"- date: {meta.get('date')}")
    out.append(f"- machine: {meta.get('nproc')} cores, {meta.get('cpu')}, {meta.get('memory')}; "
               f"load average at start {meta.get('load')}")
    out.append(f"- commit: {meta.get('commit')}; build: {meta.get('build_dir')} (bench preset, RelWithDebInfo)")
    out.append(f"- command: `{meta.get('command')}` (seed {meta.get('seed')}, qaindex build threads "
               f"{meta.get('threads')}, query passes {meta.get('warmup')} warm-up + {meta.get('repeat')} timed)")
    if meta.get("qaindex") != "1":
        out.append("- **qaindex build skipped**: the `qaindex` tool was not built in this tree yet")
    if meta.get("query_latency") != "1":
        out.append("- **qaindex query latency skipped**: `qaindex_query_latency` was not built "
                   "(needs the search module)")
    out.append("")

    gens = [r for r in records if r["type"] == "generate"]
    if gens:
        rows = []
        for r in gens:
            g = json.loads(pathlib.Path(r["json"]).read_text())
            t = read_time(r["time"])
            mb = g["bytes"] / 1e6
            rows.append([r["corpus"], fmt(g["count"]), fmt(g["files"]), fmt(mb), r.get("threads", "1"),
                         fmt(g["learn_seconds"]), fmt(t.get("wall")), fmt(t.get("cpu")),
                         fmt(g["count"] / t["wall"], 0), fmt(mb / t["wall"], 2), fmt(t.get("rss_mb"), 0),
                         f"{g['truncated']}/{g['invalid_utf8']}/{g['binary']}"])
        out += ["## Corpus generation", "",
                table(["corpus", "pages", "files", "MB", "threads", "learn s", "wall s", "CPU s",
                       "pages/s", "MB/s", "peak RSS MB", "broken (trunc/utf8/bin)"], rows), ""]

    builds = {}
    for r in records:
        if r["type"] != "build":
            continue
        t = read_time(r["time"])
        entry = {"wall": t.get("wall"), "cpu": t.get("cpu"), "rss": t.get("rss_mb"),
                 "status": t.get("status"), "index_mb": int(r.get("db_bytes", 0) or 0) / 1e6}
        if r["tool"] in ("xapian", "sqlite"):
            j = json.loads(pathlib.Path(r["json"]).read_text())
            entry.update(entries=j["entries"], skipped=j["skipped"], input_mb=j["input_bytes"] / 1e6)
        else:
            entry.update(read_qaindex_report(r["out"]))
        builds.setdefault(r["corpus"], {})[r["tool"]] = entry
    if builds:
        rows = []
        for corpus, tools in builds.items():
            base = tools.get("xapian", {})
            input_mb = base.get("input_mb")
            for tool in ("xapian", "sqlite", "qaindex"):
                b = tools.get(tool)
                if not b:
                    continue
                if tool == "qaindex" and input_mb is None:
                    input_mb = b.get("input_mb")
                eps = b["entries"] / b["wall"] if b.get("entries") and b.get("wall") else None
                cpu_eps = b["entries"] / b["cpu"] if b.get("entries") and b.get("cpu") else None
                mbps = input_mb / b["wall"] if input_mb and b.get("wall") else None
                rows.append([corpus, ENGINES[tool],
                             fmt(b.get("entries")), fmt(b.get("skipped")), fmt(input_mb), fmt(b.get("wall")),
                             fmt(b.get("cpu")), fmt(eps, 0), fmt(cpu_eps, 0), fmt(mbps, 2), fmt(b.get("rss"), 0),
                             fmt(b.get("index_mb")),
                             ratio(b.get("wall"), base.get("wall")), ratio(b.get("rss"), base.get("rss")),
                             ratio(b.get("index_mb"), base.get("index_mb"))])
        out += ["## Index build", "",
                "Wall and CPU (user + system) seconds and peak RSS from `/usr/bin/time -v`; entries/s "
                "over wall and over CPU time; ratios are to plain Xapian on the same corpus in this run "
                "(qaindex's `build` runs one analysis thread per core unless told otherwise).", "",
                table(["corpus", "tool", "entries", "skipped", "input MB", "wall s", "CPU s", "entries/s",
                       "entries/CPU s", "MB/s", "peak RSS MB", "index MB", "time ×", "RSS ×", "size ×"], rows),
                ""]

    rebuilds = [r for r in records if r["type"] == "rebuild"]
    if rebuilds:
        rows = []
        for r in rebuilds:
            t = read_time(r["time"])
            full = builds.get(r["corpus"], {}).get("qaindex", {})
            rows.append([r["corpus"], fmt(t.get("wall"), 2), fmt(t.get("cpu"), 2), fmt(t.get("rss_mb"), 0),
                         ratio(t.get("wall"), full.get("wall"))])
        out += ["## Incremental rebuild with nothing changed", "",
                table(["corpus", "wall s", "CPU s", "peak RSS MB", "× full build"], rows), ""]

    queries = [r for r in records if r["type"] == "query"]
    if queries:
        results = {}
        for r in queries:
            results[(r["corpus"], r["tool"], r["mix"], r["mode"])] = json.loads(pathlib.Path(r["json"]).read_text())
        rows = []
        for (corpus, tool, mix, mode), q in results.items():
            base = results.get((corpus, "xapian", mix, "search"))
            rows.append([corpus, mix, mode, ENGINES[tool],
                         fmt(q["queries"]), fmt(q["median_ms"], 3), fmt(q["p95_ms"], 3), fmt(q["p99_ms"], 3),
                         fmt(q["queries_per_second"], 0), fmt(q["mean_hits"], 1), q.get("errors", 0),
                         ratio(q["median_ms"], base["median_ms"]) if base else "–",
                         ratio(q["p95_ms"], base["p95_ms"]) if base else "–"])
        out += ["## Query latency", "",
                "Per query, top 10, one thread; ratios are to plain Xapian's BM25 search of the same "
                "query file on the same corpus.", "",
                table(["corpus", "queries", "mode", "engine", "timed", "median ms", "p95 ms", "p99 ms",
                       "queries/s", "hits/query", "errors", "median ×", "p95 ×"], rows), ""]

    report = "\n".join(out)
    print(report)
    if args.markdown:
        pathlib.Path(args.markdown).write_text(report + "\n")
    if args.scaling:
        lines = ["# entries xapian_entries_per_s qaindex_entries_per_s xapian_index_mb qaindex_index_mb "
                 "xapian_rss_mb qaindex_rss_mb"]
        for corpus, tools in sorted(builds.items(), key=lambda kv: kv[1].get("xapian", {}).get("entries", 0)):
            if not corpus.startswith("gen-"):
                continue
            x, q = tools.get("xapian", {}), tools.get("qaindex", {})

            def eps(b):
                return f"{b['entries'] / b['wall']:.1f}" if b.get("entries") and b.get("wall") else "NaN"

            lines.append(" ".join([str(x.get("entries", "NaN")), eps(x), eps(q),
                                   f"{x.get('index_mb', float('nan')):.1f}", f"{q.get('index_mb', float('nan')):.1f}",
                                   f"{x.get('rss', float('nan')):.0f}", f"{q.get('rss', float('nan')):.0f}"]))
        pathlib.Path(args.scaling).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
