#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Draws run_scale.sh's summary.tsv as an SVG (no plotting library needed) and a Markdown table.

Usage: bench/plot_scale.py summary.tsv out.svg [--markdown out.md]

Three panels over the corpus size (log-log): build wall and CPU seconds; build peak RSS and
index size in MB; each query kind's p95 in ms. A size whose build was stopped is drawn hollow:
its peak RSS until stopped (build.peak_rss_mb) and, if given, build.cpu_s_extrapolated.
"""
import argparse
from html import escape
import math
from collections import defaultdict

KINDS = [
    ("long_lay", "long lay questions"),
    ("similar_text", "Similar Q&A, new question"),
    ("similar_id", "Similar Q&A of an entry"),
    ("two_word_facets", "two words + facets"),
    ("two_word", "two words"),
]
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def read(path):
    data = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            size, what, value = line.rstrip("\n").split("\t", 2)
            data[int(size)][what] = value
    return data


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def panel(x0, y0, w, h, title, sizes, series, unit, hollow=()):
    """series: [(label, colour, {size: value})]; hollow: [(colour, {size: value})], points
    drawn hollow (stopped or extrapolated). Returns SVG elements."""
    values = [v for _, _, points in series for v in points.values() if v and v > 0]
    values += [v for _, points in hollow for v in points.values() if v and v > 0]
    if not values:
        return []
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    if hi <= lo:
        hi = lo * 10
    xs = sorted(sizes)
    xlo, xhi = math.log10(xs[0]) - 0.2, math.log10(xs[-1]) + 0.2

    def px(size):
        return x0 + (math.log10(size) - xlo) / (xhi - xlo) * w

    def py(value):
        return y0 + h - (math.log10(value) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * h

    out = [f'<text x="{x0 + w / 2}" y="{y0 - 12}" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#444"/>']
    decade = lo
    while decade <= hi * 1.0001:
        y = py(decade)
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + w}" y2="{y:.1f}" stroke="#ddd"/>')
        label = f"{decade:g}"
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{label}</text>')
        decade *= 10
    for size in xs:
        x = px(size)
        out.append(f'<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y0 + h}" stroke="#eee"/>')
        label = f"{size // 1000:,}k" if size < 1_000_000 else f"{size / 1e6:g}M"
        out.append(f'<text x="{x:.1f}" y="{y0 + h + 16}" text-anchor="middle" font-size="11">{label}</text>')
    out.append(f'<text x="{x0 - 40}" y="{y0 + h / 2}" font-size="11" text-anchor="middle" '
               f'transform="rotate(-90 {x0 - 40} {y0 + h / 2})">{unit}</text>')
    for i, (label, colour, points) in enumerate(series):
        pts = [(px(s), py(v)) for s, v in sorted(points.items()) if v and v > 0]
        if len(pts) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
        ly = y0 + 14 + i * 15
        if i == 0 and hollow:
            out.append(f'<text x="{x0 + w - 6}" y="{y0 + h - 8}" font-size="10" text-anchor="end">'
                       'hollow: build stopped / extrapolated</text>')
        out.append(f'<line x1="{x0 + 8}" y1="{ly - 4}" x2="{x0 + 26}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{x0 + 30}" y="{ly}" font-size="11">{escape(label)}</text>')
    for colour, points in hollow:
        for s, v in points.items():
            if v and v > 0:
                out.append(f'<circle cx="{px(s):.1f}" cy="{py(v):.1f}" r="4.5" fill="white" '
                           f'stroke="{colour}" stroke-width="2"/>')
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("summary")
    parser.add_argument("svg")
    parser.add_argument("--markdown")
    args = parser.parse_args()
    data = read(args.summary)
    built = sorted(s for s in data if number(data[s].get("build.wall_s")))
    stopped = sorted(s for s in data if number(data[s].get("build.stopped_after_s")))
    axis = sorted(set(built) | set(stopped))

    def series(key, label, colour):
        return (label, colour, {s: number(data[s].get(key)) for s in built})

    elements = []
    def hollow(key, colour):
        return (colour, {s: number(data[s].get(key)) for s in stopped})

    elements += panel(80, 40, 320, 260, "Full build", axis,
                      [series("build.wall_s", "wall s", COLOURS[0]),
                       series("build.cpu_s", "CPU s", COLOURS[1])], "seconds",
                      [hollow("build.cpu_s_extrapolated", COLOURS[1])])
    elements += panel(520, 40, 320, 260, "Memory and disk", axis,
                      [series("build.peak_rss_mb", "build peak RSS MB", COLOURS[2]),
                       series("index_mb", "index MB", COLOURS[3])], "MB",
                      [hollow("build.peak_rss_mb", COLOURS[2])])
    elements += panel(960, 40, 320, 260, "Query p95, one thread", axis,
                      [series(f"{k}.p95_ms", label, COLOURS[i]) for i, (k, label) in enumerate(KINDS)],
                      "ms")
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="1320" height="340" '
           'font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>'] + elements + ["</svg>"]
    with open(args.svg, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")

    if args.markdown:
        sizes = sorted(data)
        rows = [("entries", "entries"), ("corpus MB", "corpus_mb"),
                ("build wall s", "build.wall_s"), ("build CPU s", "build.cpu_s"),
                ("build peak RSS MB", "build.peak_rss_mb"), ("index MB", "index_mb"),
                ("build stopped after s", "build.stopped_after_s"),
                ("build CPU s, extrapolated to the end", "build.cpu_s_extrapolated"),
                ("nothing-changed build s", "noop.wall_s"),
                ("1,000-entry update wall s", "update1000.wall_s"),
                ("1,000-entry update CPU s", "update1000.cpu_s"),
                ("1,000-entry update peak RSS MB", "update1000.peak_rss_mb")]
        for key, label in KINDS:
            rows.append((f"{label} p50 / p95 / p99 ms", key))
        lines = ["| | " + " | ".join(f"{s:,}" for s in sizes) + " |",
                 "|---|" + "---|" * len(sizes)]
        for label, key in rows:
            cells = []
            for s in sizes:
                d = data[s]
                if key in dict(KINDS):
                    parts = [d.get(f"{key}.{p}_ms") for p in ("p50", "p95", "p99")]
                    cells.append(" / ".join(parts) if all(parts) else "–")
                else:
                    cells.append(d.get(key, "–"))
            if any(c != "–" for c in cells):
                lines.append(f"| {label} | " + " | ".join(cells) + " |")
        for s in sizes:
            if "build.last_progress" in data[s]:
                lines.append(f"\n{s:,}: build stopped; its last progress line: `{data[s]['build.last_progress']}`")
            if "update1000.summary" in data[s]:
                lines.append(f"\n{s:,} update: `{data[s]['update1000.summary']}`")
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
