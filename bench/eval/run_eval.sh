#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Ranking-quality evaluation: builds each evaluation set from ../shared/data, indexes it with
# qaindex, runs its queries through qaindex's search and Similar Q&A and through the
# baselines (Lucene 8 BM25, plain Xapian BM25 with and without stemming), scores every run
# with qaeval and prints one Markdown table: every set and system with the usual measures,
# the set's main measure and its ratio to Lucene's, and the geometric mean of qaindex's ratios.
#
#   bench/eval/run_eval.sh [SET ...]      (default rqe-dev; "all" for every set)
#   sets: rqe-dev rqe-dev-full rqe-train short-questions consumer-qa known-item
#
# Programs come from $BUILD_DIR (default: the first of build/bench, build/release, build/dev
# that exists); each may be overridden: QAINDEX, QAEVAL, EVAL_RUN, BASELINE. Lucene: javac and
# java from PATH (or JAVAC, JAVA), jars from LUCENE_JARS (default /usr/share/java); without
# them the lucene-bm25 rows and the ratios are skipped with a note.
#
# Output: bench/out/<set>/ (git-ignored): the set's files, db/, runs/*.txt, scores/*.json;
# and the run's scores saved as bench/out/scores/$RUN_LABEL/<set>/<system>.json (default
# label: the commit, "+dirty" when the tree has changes), which permutation_test.py compares.
#
# Reuse: an index is rebuilt only when the corpus (its content) or the qaindex program (and
# any qaindex shared library it loads from the build folder) changed since it was built; a
# run only when its program, index or corpus, or queries changed. REBUILD=1 rebuilds and
# reruns everything. Other settings: RQE_TRAIN_SAMPLE=N runs a seeded sample of N rqe-train
# queries (default: all 3,179); COMPARE_WITH=LABEL ends with permutation_test.py of the
# saved LABEL against this run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${QAINDEX_SHARED_DIR:-$repo/../shared}"
all_sets=(rqe-dev rqe-dev-full rqe-train short-questions consumer-qa known-item)

usage() {
  echo "usage: run_eval.sh [all | SET ...]; SET: ${all_sets[*]}" >&2
  exit 2
}
sets=()
for argument in "${@:-rqe-dev}"; do
  case "$argument" in
    all) sets+=("${all_sets[@]}") ;;
    -h|--help) usage ;;
    *)
      if [[ " ${all_sets[*]} " != *" $argument "* ]]; then usage; fi
      sets+=("$argument") ;;
  esac
done

# Each set's main measure (qaeval's name): MRR@10 where a query has one relevant document
# or a few; nDCG@10 for the graded answer-retrieval sets (many relevant answers of four
# grades, most MedQuAD answers unjudged).
main_measure() {
  case "$1" in
    short-questions|consumer-qa) echo "ndcg@10" ;;
    *) echo "mrr@10" ;;
  esac
}

if [[ -z "${BUILD_DIR:-}" ]]; then
  for candidate in "$repo/build/bench" "$repo/build/release" "$repo/build/dev"; do
    if [[ -d "$candidate" ]]; then BUILD_DIR="$candidate"; break; fi
  done
fi
BUILD_DIR="${BUILD_DIR:-$repo/build/bench}"

# The first executable file named $1 under the build folder (targets sit in per-folder dirs).
find_program() {
  find "$BUILD_DIR" -maxdepth 4 -type f -name "$1" -perm -u+x 2>/dev/null | sort | head -n 1
}
QAINDEX="${QAINDEX:-$(find_program qaindex)}"
QAEVAL="${QAEVAL:-$(find_program qaeval)}"
EVAL_RUN="${EVAL_RUN:-$(find_program qaindex_eval_run)}"
BASELINE="${BASELINE:-$(find_program qaindex_xapian_bm25_run)}"

for required in QAEVAL BASELINE; do
  if [[ -z "${!required}" || ! -x "${!required}" ]]; then
    echo "run_eval.sh: no $required program under $BUILD_DIR; build first, e.g." >&2
    echo "  cmake --preset bench && cmake --build --preset bench" >&2
    exit 2
  fi
done

date_utc="$(date -u +%Y-%m-%d)"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit="$commit+dirty"
fi
label="${RUN_LABEL:-$commit}"
saved="$repo/bench/out/scores/$label"
notes=()
started=$SECONDS

say() { echo "== $*" >&2; }

# Content fingerprint of files and folders (symlinks followed), for reuse decisions.
fingerprint() {
  local path
  for path in "$@"; do
    if [[ -d "$path" ]]; then
      (cd "$path" && find -L . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    else
      sha256sum <"$path"
    fi
  done | sha256sum | cut -c1-16
}

# The qaindex program and the shared libraries of the build folder it loads.
program_fingerprint() {
  local libraries
  libraries="$(ldd "$1" 2>/dev/null | awk -v b="$BUILD_DIR" 'index($3, b) == 1 {print $3}')"
  # shellcheck disable=SC2086
  fingerprint "$1" $libraries
}

# What an index holds depends on the sources of everything but the search module and the
# ranking weights (lib/search, data/ranking: how an index is read), so a change to the ranking
# alone reuses the indexes; any other library, lexicon or tool change rebuilds them. The
# English word list comes from the system (wamerican), the build type from BUILD_DIR.
index_sources_fingerprint() {
  local words=/usr/share/dict/american-english
  (cd "$repo" && fingerprint CMakeLists.txt cmake include lib/CMakeLists.txt lib/compile_lexicon.cpp \
    lib/model lib/analysis lib/corpus lib/lexicon lib/index data/lexicon tools/qaindex \
    tools/common tools/CMakeLists.txt)
  [[ -f "$words" ]] && fingerprint "$words"
  echo "$BUILD_DIR"
}
index_sources_key="$(index_sources_fingerprint | sha256sum | cut -c1-32)"

# reuse KEY_FILE KEY OUTPUT...: true when every OUTPUT exists and KEY_FILE holds KEY.
reuse() {
  local key_file="$1" key="$2" output
  shift 2
  [[ "${REBUILD:-0}" != 1 && -f "$key_file" && "$(cat "$key_file")" == "$key" ]] || return 1
  for output in "$@"; do [[ -e "$output" ]] || return 1; done
}

# Lucene: compiled once per source and jar set into bench/out/.lucene.
JAVAC="${JAVAC:-$(command -v javac || true)}"
JAVA="${JAVA:-$(command -v java || true)}"
LUCENE_JARS="${LUCENE_JARS:-/usr/share/java}"
lucene_classpath=""
lucene_key=""
setup_lucene() {
  local jars=() name jar
  for name in lucene-core lucene-analyzers-common lucene-queryparser; do
    jar="$(find "$LUCENE_JARS" -maxdepth 1 -name "$name-8*.jar" 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$jar" ]] || jar="$(find "$LUCENE_JARS" -maxdepth 1 -name "$name.jar" 2>/dev/null)"
    [[ -n "$jar" ]] && jars+=("$jar")
  done
  if [[ -z "$JAVAC" || -z "$JAVA" || ${#jars[@]} -ne 3 ]]; then
    notes+=("lucene-bm25 skipped, and no ratios: needs javac and java (openjdk-17-jdk-headless) and the Lucene 8 jars lucene-core, lucene-analyzers-common, lucene-queryparser in $LUCENE_JARS (liblucene8-java)")
    return
  fi
  local classes="$repo/bench/out/.lucene" source="$here/lucene/LuceneBm25Run.java"
  local key
  key="$(fingerprint "$source" "${jars[@]}")"
  lucene_classpath="$classes:$(IFS=:; echo "${jars[*]}")"
  if ! reuse "$classes.key" "$key" "$classes/LuceneBm25Run.class"; then
    say "compiling LuceneBm25Run"
    rm -rf "$classes" && mkdir -p "$classes"
    "$JAVAC" -Xlint:all -Werror -d "$classes" -cp "$lucene_classpath" "$source" >&2
    echo "$key" >"$classes.key"
  fi
  lucene_key="$key"
}
setup_lucene

# score SET SYSTEM: scores runs/SYSTEM.txt into scores/SYSTEM.json and saves a copy.
score() {
  local out="$repo/bench/out/$1" system="$2"
  mkdir -p "$out/scores" "$saved/$1"
  "$QAEVAL" --json --per-query "$out/qrels.txt" "$out/runs/$system.txt" >"$out/scores/$system.json"
  cp "$out/scores/$system.json" "$saved/$1/$system.json"
}

# run SET SYSTEM KEY COMMAND...: runs/SYSTEM.txt from COMMAND's output unless KEY is unchanged.
run() {
  local set="$1" system="$2" key="$3" out="$repo/bench/out/$1"
  shift 3
  mkdir -p "$out/runs"
  if reuse "$out/runs/$system.key" "$key" "$out/runs/$system.txt"; then
    say "$set: $system: reused (program, corpus and queries unchanged)"
  else
    say "$set: $system"
    local step_started=$SECONDS
    rm -f "$out/runs/$system.key"
    "$@" >"$out/runs/$system.txt.part"
    mv "$out/runs/$system.txt.part" "$out/runs/$system.txt"
    echo "$key" >"$out/runs/$system.key"
    say "$set: $system: $((SECONDS - step_started)) s"
  fi
  score "$set" "$system"
}

# evaluate SET CORPUS_FOR_QAINDEX CORPUS_FOR_BASELINES
evaluate() {
  local set="$1" qaindex_corpus="$2" baseline_corpus="$3"
  local out="$repo/bench/out/$set" set_started=$SECONDS
  rm -rf "${saved:?}/$set" "$out/scores"
  mkdir -p "$saved/$set"
  main_measure "$set" >"$saved/$set/main_measure"
  local queries baseline_corpus_key
  queries="$(fingerprint "$out/queries.tsv" "$out/qrels.txt")"
  baseline_corpus_key="$(fingerprint "$baseline_corpus")"

  local xapian_key
  xapian_key="$(fingerprint "$BASELINE")-$baseline_corpus_key-$queries"
  run "$set" xapian-bm25 "$xapian_key" "$BASELINE" --corpus "$baseline_corpus" \
    --queries "$out/queries.tsv" --limit 100 --tag xapian-bm25
  run "$set" xapian-bm25-nostem "$xapian_key" "$BASELINE" --corpus "$baseline_corpus" \
    --queries "$out/queries.tsv" --limit 100 --stemmer none --tag xapian-bm25-nostem
  if [[ -n "$lucene_classpath" ]]; then
    run "$set" lucene-bm25 "$lucene_key-$($JAVA -version 2>&1 | head -n 1 | tr -d ' ')-$baseline_corpus_key-$queries" \
      "$JAVA" -Xss8m -cp "$lucene_classpath" LuceneBm25Run --corpus "$baseline_corpus" \
      --queries "$out/queries.tsv" --limit 100 --tag lucene-bm25
  fi

  if [[ -z "$QAINDEX" || -z "$EVAL_RUN" ]]; then
    notes+=("$set: qaindex rows skipped: qaindex tool '${QAINDEX:-not built}', qaindex_eval_run '${EVAL_RUN:-not built}'")
    return
  fi
  local index_key
  index_key="$index_sources_key-$(fingerprint "$qaindex_corpus")-threads1"
  if reuse "$out/db.key" "$index_key" "$out/db"; then
    say "$set: qaindex index reused (corpus and the sources of what it holds unchanged)"
  else
    say "$set: qaindex build"
    local build_started=$SECONDS
    rm -f "$out/db.key"
    # One thread: documents get the corpus's order as ids, so equal scores break the same
    # way in every run (with two workers the order varied and MRR@10 moved by up to 0.015).
    "$QAINDEX" build "$qaindex_corpus" --db "$out/db" --rebuild --threads 1 >&2
    echo "$index_key" >"$out/db.key"
    say "$set: qaindex build: $((SECONDS - build_started)) s"
  fi
  local mode runner_key
  runner_key="$(program_fingerprint "$EVAL_RUN")-$index_key-$queries"
  for mode in search similar-to; do
    run "$set" "qaindex-$mode" "$runner_key" "$EVAL_RUN" --db "$out/db" \
      --queries "$out/queries.tsv" --mode "$mode" --limit 100 --tag "qaindex-$mode"
  done
  say "$set: $((SECONDS - set_started)) s"
}

# The inputs every set is made from: the scripts and the shared data (content, once a run).
data_key=""
make_set() {
  local set="$1" out="$repo/bench/out/$1"
  if [[ -z "$data_key" ]]; then
    data_key="$(fingerprint "$here/medquad.py" "$here/make_rqe_dev.py" "$here/make_rqe_train.py" \
      "$here/make_mediqa_qa.py" "$here/make_known_item.py" "$shared/data/medquad" \
      "$shared/data/rqe-amia2016" "$shared/data/mediqa2019-qa")-$(cd "$shared" && pwd -P)"
  fi
  local key="$data_key-${RQE_TRAIN_SAMPLE:-all}"
  if reuse "$out/set.key" "$key" "$out/queries.tsv" "$out/qrels.txt" "$out/corpus.jsonl"; then
    say "$set: set reused (scripts and data unchanged)"
    return
  fi
  say "$set: making the set"
  rm -f "$out/set.key"
  case "$set" in
    rqe-dev) python3 "$here/make_rqe_dev.py" --out "$out" >&2 ;;
    rqe-dev-full) python3 "$here/make_rqe_dev.py" --full --out "$out" >&2 ;;
    rqe-train)
      python3 "$here/make_rqe_train.py" --out "$out" ${RQE_TRAIN_SAMPLE:+--sample "$RQE_TRAIN_SAMPLE"} >&2 ;;
    short-questions|consumer-qa) python3 "$here/make_mediqa_qa.py" --set "$set" --out "$out" >&2 ;;
    known-item) python3 "$here/make_known_item.py" --out "$out" --baseline-corpus >&2 ;;
  esac
  echo "$key" >"$out/set.key"
}

evaluated=()
for set in "${sets[@]}"; do
  [[ " ${evaluated[*]-} " == *" $set "* ]] && continue
  make_set "$set"
  out="$repo/bench/out/$set"
  case "$set" in
    short-questions|consumer-qa) evaluate "$set" "$out/corpus" "$out/corpus.jsonl" ;;
    known-item) evaluate "$set" "$shared/data/medquad" "$out/corpus.jsonl" ;;
    *) evaluate "$set" "$out/corpus.jsonl" "$out/corpus.jsonl" ;;
  esac
  evaluated+=("$set")
done

python3 "$here/eval_table.py" "$saved" --sets "${evaluated[@]}" --date "$date_utc" --commit "$commit"
for note in "${notes[@]+"${notes[@]}"}"; do
  echo "note: $note" >&2
done
echo "scores saved as $saved; compare two runs: bench/eval/permutation_test.py bench/out/scores/BEFORE bench/out/scores/$label" >&2
if [[ -n "${COMPARE_WITH:-}" ]]; then
  echo
  echo "Paired randomisation test, $COMPARE_WITH -> $label (each set's main measure):"
  python3 "$here/permutation_test.py" "$repo/bench/out/scores/$COMPARE_WITH" "$saved" \
    --system qaindex-search --system qaindex-similar-to
fi
echo "run_eval.sh: ${evaluated[*]}: $((SECONDS - started)) s" >&2
