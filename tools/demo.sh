#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled sample corpus: index data/corpus, then run example searches,
# a faceted and filtered search, a Chinese query, a Similar Q&A, a Related FAQ and one entry.
# Usage: tools/demo.sh [BUILD_DIR]   (default build/release)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/release}
qaindex="$build/tools/qaindex"
qaquery="$build/tools/qaquery"
export QAINDEX_DB="$build/demo.db"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step qaindex build data/corpus
"$qaindex" build data/corpus
step qaindex stats --top 5
"$qaindex" stats --top 5
step qaquery --limit 3 "facial twitching"
"$qaquery" --limit 3 "facial twitching"
step qaquery --limit 3 "for weeks my eyelid keeps jumping and my hands get pins and needles at night, should I worry?"
"$qaquery" --limit 3 "for weeks my eyelid keeps jumping and my hands get pins and needles at night, should I worry?"
step qaquery --limit 3 --facets --specialty neurologist "numbness"
"$qaquery" --limit 3 --facets --specialty neurologist "numbness"
step qaquery --limit 2 "耳鳴 頭暈"
"$qaquery" --limit 2 "耳鳴 頭暈"
step qaquery --similar neurology/001_eyelid-twitching
"$qaquery" --similar neurology/001_eyelid-twitching
step qaquery --related neurology/001_eyelid-twitching
"$qaquery" --related neurology/001_eyelid-twitching
step qaquery --show neurology/001_eyelid-twitching
"$qaquery" --show neurology/001_eyelid-twitching
