#!/usr/bin/env bash
# Times `postlint check` over the shared corpus against `rg -c '<a '` over the
# same files, in the same run, and prints both medians and their ratio, plus
# postlint's peak memory.
#
#   scripts/bench.sh [RUNS]        (default 7 runs each)
#
# With BASELINE set to another postlint binary (an earlier release, say),
# that binary is timed in the same run too, and the ratio of the two shown:
#
#   BASELINE=../old/target/release/postlint scripts/bench.sh 15
#
# Needs ripgrep (`apt-get install ripgrep`) and the corpus: it unpacks
# ../shared/corpus/oped2-posts.tar.zst into target/corpus when that is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}

corpus=target/corpus
if [ ! -d "$corpus/_posts" ]; then
  archive=../shared/corpus/oped2-posts.tar.zst
  if [ ! -f "$archive" ]; then
    echo "bench: no corpus at $corpus and no $archive; nothing to measure" >&2
    exit 0
  fi
  mkdir -p "$corpus"
  tar --zstd -xf "$archive" -C "$corpus"
fi
# A minimal Jekyll site around the posts, as the acceptance test builds it.
[ -f "$corpus/_config.yml" ] || echo "title: Corpus" > "$corpus/_config.yml"
if ! command -v rg >/dev/null; then
  echo "bench: ripgrep (rg) is needed as the reference; install it with 'apt-get install ripgrep'" >&2
  exit 1
fi

cargo build --release --quiet
bin=target/release/postlint
files=$(find "$corpus/_posts" -type f | wc -l)
bytes=$(du -sb "$corpus/_posts" | cut -f1)

# Median wall time in milliseconds of running "$@" $runs times (output discarded).
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# Warm the page cache for both.
"$bin" check "$corpus" >/dev/null 2>&1 || true
rg -c '<a ' "$corpus/_posts" >/dev/null 2>&1 || true

postlint_ms=$(median_ms "$bin" check "$corpus" --format json)
rg_ms=$(median_ms rg -c '<a ' "$corpus/_posts")
rss_file=$(mktemp)
/usr/bin/time -f '%M' -o "$rss_file" "$bin" check "$corpus" --format json >/dev/null 2>&1 || true
rss_kb=$(tail -1 "$rss_file")
rm -f "$rss_file"

echo "corpus: $files files, $((bytes / 1024 / 1024)) MiB, $(nproc) cores, median of $runs runs"
echo "postlint check:  ${postlint_ms} ms  (peak RSS ${rss_kb} KiB)"
echo "rg -c '<a ':     ${rg_ms} ms"
awk -v p="$postlint_ms" -v r="$rg_ms" 'BEGIN { if (r > 0) printf "ratio:           %.2fx\n", p / r }'

if [ -n "${BASELINE:-}" ]; then
  "$BASELINE" check "$corpus" >/dev/null 2>&1 || true
  # Interleave the two, so that the machine's drift touches both alike.
  this=() base=()
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$bin" check "$corpus" --format json >/dev/null 2>&1 || true; e=$(date +%s%N)
    this+=($(((e - s) / 1000000)))
    s=$(date +%s%N); "$BASELINE" check "$corpus" --format json >/dev/null 2>&1 || true; e=$(date +%s%N)
    base+=($(((e - s) / 1000000)))
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  this_ms=$(med "${this[@]}") base_ms=$(med "${base[@]}")
  rss_file=$(mktemp)
  /usr/bin/time -f '%M' -o "$rss_file" "$BASELINE" check "$corpus" --format json >/dev/null 2>&1 || true
  base_rss=$(tail -1 "$rss_file")
  rm -f "$rss_file"
  echo "interleaved, this build:  ${this_ms} ms"
  echo "interleaved, baseline:    ${base_ms} ms  (peak RSS ${base_rss} KiB)  $BASELINE"
  awk -v p="$this_ms" -v r="$base_ms" 'BEGIN { if (r > 0) printf "this / baseline: %.2fx\n", p / r }'
fi
