#!/usr/bin/env bash
# How `postlint check` scales with the number of posts: generates synthetic
# corpora of 10,000 and 100,000 posts (and 1,000,000 with --million) with
# scripts/gen-corpus, and prints for each postlint's median wall time
# without its cache and peak memory, the ratio of each size's time to the
# one ten times smaller (10.00x is linear), then the same for a re-run with
# the cache warm (nothing changed since the run that filled it).
#
#   scripts/scale.sh [--million] [RUNS]     (default 3 runs each)
#
# The corpora go to target/scale-N and are reused by later runs (a corpus
# counts as made once target/scale-N.done exists; delete both to remake it).
# 100,000 posts take about 200 MB of disk, 1,000,000 about 2 GB. Needs
# python3 for the generator.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes=(10000 100000)
runs=3
for arg in "$@"; do
  case $arg in
    --million) sizes+=(1000000) ;;
    [0-9]*) runs=$arg ;;
    *)
      echo "usage: scripts/scale.sh [--million] [RUNS]" >&2
      exit 2
      ;;
  esac
done

cargo build --release --quiet
bin=$root/target/release/postlint
flags=()
cached=no
if "$bin" check --help | grep -- --no-cache >/dev/null; then
  flags=(--no-cache)
  cached=yes
else
  echo "cache: not supported by this build; timing plain runs"
fi

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "$(nproc) cores, median of $runs runs, postlint check . ${flags[*]:+${flags[*]} }--format json"
printf '%10s  %10s  %14s  %12s  %16s  %20s\n' posts "time (ms)" "peak RSS (KiB)" "vs 10x fewer" "cached time (ms)" "cached peak RSS (KiB)"
previous=
for n in "${sizes[@]}"; do
  dir=target/scale-$n
  if [ ! -f "$dir.done" ]; then
    rm -rf "$dir"
    python3 scripts/gen-corpus "$n" "$dir" >/dev/null
    touch "$dir.done"
  fi
  # Run inside the corpus, as a user would.
  pushd "$dir" >/dev/null
  "$bin" check . "${flags[@]}" --format json >/dev/null 2>&1 || true # warm the page cache
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" check . "${flags[@]}" --format json >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  rss_file=$(mktemp)
  /usr/bin/time -f '%M' -o "$rss_file" "$bin" check . "${flags[@]}" --format json >/dev/null 2>&1 || true
  rss=$(tail -1 "$rss_file")
  cached_ms=- cached_rss=-
  if [ "$cached" = yes ]; then
    rm -rf .postlint_cache
    "$bin" check . --format json >/dev/null 2>&1 || true # fill the cache
    ctimes=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      "$bin" check . --format json >/dev/null 2>&1 || true
      end=$(date +%s%N)
      ctimes+=($(((end - start) / 1000000)))
    done
    cached_ms=$(median "${ctimes[@]}")
    /usr/bin/time -f '%M' -o "$rss_file" "$bin" check . --format json >/dev/null 2>&1 || true
    cached_rss=$(tail -1 "$rss_file")
  fi
  rm -f "$rss_file"
  popd >/dev/null
  ms=$(median "${times[@]}")
  step=-
  if [ -n "$previous" ]; then
    step=$(awk -v a="$ms" -v b="$previous" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
  fi
  printf '%10s  %10s  %14s  %12s  %16s  %20s\n' "$n" "$ms" "$rss" "$step" "$cached_ms" "$cached_rss"
  previous=$ms
done
