#!/usr/bin/env bash
# Runs two postlint binaries over the same material and shows every
# difference in what a user sees: findings in every format, statistics,
# diffs, fixes written, rule documentation, exit codes and standard error.
# For a change that must not change behaviour, no difference is the proof.
#
#   scripts/compare-outputs.sh OLD_BINARY NEW_BINARY
#
# Material: examples/site, and, when ../shared/corpus is present, the mirror
# corpus (unpacked into target/corpus, as scripts/bench.sh does) and the
# ordinary blogs (unpacked into target/ordinary-blogs). Exits 1 when the
# outputs differ.
set -uo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1") new=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$PWD

corpus=target/corpus
if [ ! -d "$corpus/_posts" ] && [ -f ../shared/corpus/oped2-posts.tar.zst ]; then
  mkdir -p "$corpus" && tar --zstd -xf ../shared/corpus/oped2-posts.tar.zst -C "$corpus"
fi
[ -d "$corpus/_posts" ] && { [ -f "$corpus/_config.yml" ] || echo "title: Corpus" > "$corpus/_config.yml"; }
blogs=target/ordinary-blogs
if [ ! -d "$blogs" ] && [ -f ../shared/corpus/ordinary-blogs.tar.zst ]; then
  mkdir -p "$blogs" && tar --zstd -xf ../shared/corpus/ordinary-blogs.tar.zst -C "$blogs"
fi

now=--now=2026-01-01T00:00:00Z
capture() { # BINARY OUTDIR
  local bin=$1 out=$2
  mkdir -p "$out"
  # Each binary gets a cache of its own: one must never read what the other
  # found (both may be the same version, with the same settings).
  export POSTLINT_CACHE_DIR="$work/cache-$(basename "$out")"
  run() { # NAME DIR ARGS...
    local name=$1 dir=$2
    shift 2
    (cd "$dir" && "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc")
  }
  for f in human json concise json-lines github sarif junit gitlab; do
    run "example-$f" "$repo" check examples/site --format "$f" --color never "$now"
  done
  # json-lines streamed files in no fixed order before postlint kept them in
  # path order; sorted, both compare.
  sort -o "$out/example-json-lines.out" "$out/example-json-lines.out"
  run example-statistics "$repo" check examples/site --statistics "$now"
  run example-diff "$repo" check examples/site --diff "$now"
  run example-diff-unsafe "$repo" check examples/site --diff --unsafe-fixes "$now"
  run rules "$repo" rules
  for doc in rules/*.md; do
    id=$(basename "$doc" .md)
    run "rule-$id" "$repo" rule "$id"
  done
  local copy="$work/fix-$(basename "$out")"
  mkdir -p "$copy" && cp -rL examples/site "$copy/example"
  run example-fix "$copy/example" check . --fix --unsafe-fixes --format json "$now"
  if [ -d "$corpus/_posts" ]; then
    run corpus-json "$repo/$corpus" check . --format json "$now"
    run corpus-statistics "$repo/$corpus" check . --statistics "$now"
    cp -rL "$corpus" "$copy/corpus"
    run corpus-fix "$copy/corpus" check . --fix --unsafe-fixes --format json "$now"
  fi
  if [ -d "$blogs" ]; then
    for site in "$blogs"/*/; do
      run "blog-$(basename "$site")" "$site" check --format json "$now"
    done
  fi
  (cd "$copy" && find . -path '*/.postlint_cache' -prune -o -type f -print0 | sort -z | xargs -0 sha256sum) >"$out/fixed-files.sha256"
}

capture "$old" "$work/old"
capture "$new" "$work/new"
echo "compared $(ls "$work/old" | wc -l) outputs of $old and $new"
if diff -r "$work/old" "$work/new"; then
  echo "no difference"
else
  exit 1
fi
