#!/usr/bin/env bash
# Times `postlint check` over the shared corpus, without and with its cache,
# against `rg -c '<a '` over the same files, in one run with the three
# interleaved (so that the machine's drift touches them alike). Prints each
# median, the ratios to rg, and the peak memory of both postlint runs.
#
#   scripts/bench.sh [RUNS]        (default 7 runs each)
#
# Every command runs with the corpus as the current directory, so that
# postlint's cache (`.postlint_cache/`) lands there and rg reads the same
# relative paths. The cached figure is taken after one warm-up run that fills
# the cache, with nothing changed between runs. A build without the cache
# (no `--no-cache` in `postlint check --help`) is timed once, plainly.
#
# With BASELINE set to another postlint binary (an earlier release, say),
# that binary is timed in the same loop too, and the ratio of the two shown:
#
#   BASELINE=../old/target/release/postlint scripts/bench.sh 15
#
# When they are installed, other Markdown linters are timed over the same
# files for comparison: rumdl (`pip install rumdl`) as many times, in a loop
# of its own after the interleaved one (its seconds of work and hundreds of
# MiB would otherwise slow whatever ran after it), and markdownlint-cli2
# (`npm i -g markdownlint-cli2`), which is slower still, in 3 runs of its
# own (MDL_RUNS changes that). They check other things than postlint
# does, so their figures say what a linter's pass over these files costs,
# not which is better.
#
# With a build that has `postlint schema`, the corpus's schema is inferred
# (`schema infer --closed`) into `postlint-bench-schema.yml` beside a
# `postlint-bench.toml` that declares it, and an uncached check with it
# (`--config postlint-bench.toml`) is timed in the same loop: the cost of
# validating every post against a schema.
#
# Needs ripgrep (`apt-get install ripgrep`) and the corpus: it unpacks
# ../shared/corpus/oped2-posts.tar.zst into target/corpus when that is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-7}
mdl_runs=${MDL_RUNS:-3}

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
bin=$root/target/release/postlint
files=$(find "$corpus/_posts" -type f | wc -l)
bytes=$(du -sb "$corpus/_posts" | cut -f1)

# From here on everything runs inside the corpus.
cd "$corpus"
# A cache left by an earlier build must not be read by this one (nor
# rumdl's, whose runs here go without it).
rm -rf .postlint_cache .rumdl_cache

# Not `grep -q`: it would stop reading early, and under pipefail the help's
# broken pipe would read as "no such flag".
has_cache=false
if "$bin" check --help | grep -- --no-cache >/dev/null; then
  has_cache=true
fi

baseline_flags=()
if [ -n "${BASELINE:-}" ] && "$BASELINE" check --help | grep -- --no-cache >/dev/null; then
  baseline_flags=(--no-cache)
fi
has_schema=false
if $has_cache && "$bin" schema --help >/dev/null 2>&1; then
  has_schema=true
  "$bin" schema infer --closed . >postlint-bench-schema.yml 2>/dev/null
  printf '[[schema]]\nname = "bench"\nschema = "postlint-bench-schema.yml"\nfiles = ["_posts/**"]\n' >postlint-bench.toml
fi
rumdl_flags=()
if command -v rumdl >/dev/null && rumdl check --help 2>&1 | grep -- --no-cache >/dev/null; then
  rumdl_flags=(--no-cache)
fi

# Each timed command, by name (read through `local -n` below).
# shellcheck disable=SC2034
{
  cmd_uncached=("$bin" check . --no-cache --format json)
  cmd_schema=("$bin" check . --no-cache --format json --config postlint-bench.toml)
  cmd_cached=("$bin" check . --format json)
  cmd_plain=("$bin" check . --format json)
  cmd_rg=(rg -c '<a ' _posts)
  cmd_baseline=("${BASELINE:-}" check . "${baseline_flags[@]}" --format json)
  cmd_rumdl=(rumdl check "${rumdl_flags[@]}" _posts)
  cmd_mdl=(markdownlint-cli2 '_posts/**/*.md')
}

# Run a named command, output discarded and exit status ignored (a linter
# exits non-zero when it finds something).
run() {
  local -n cmd="cmd_$1"
  "${cmd[@]}" >/dev/null 2>&1 || true
}

# Wall time of one run of a named command, in milliseconds.
time_ms() {
  local start end
  start=$(date +%s%N)
  run "$1"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# Peak resident memory of one run of a named command, in KiB.
rss_kb() {
  local -n cmd="cmd_$1"
  local file
  file=$(mktemp)
  /usr/bin/time -f '%M' -o "$file" "${cmd[@]}" >/dev/null 2>&1 || true
  tail -1 "$file"
  rm -f "$file"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

tools=()
if $has_cache; then tools+=(uncached cached); else tools+=(plain); fi
$has_schema && tools+=(schema)
tools+=(rg)
[ -n "${BASELINE:-}" ] && tools+=(baseline)
# rumdl runs for seconds with hundreds of MiB: in the interleaved loop it
# would leave whatever ran after it a machine with cold caches and pages
# being reclaimed. It is timed in a loop of its own after the others.
slow=()
command -v rumdl >/dev/null && slow+=(rumdl)

# Warm the page cache for all, and fill postlint's cache.
for t in "${tools[@]}" "${slow[@]}"; do run "$t"; done

declare -A times
for _ in $(seq "$runs"); do
  for t in "${tools[@]}"; do
    times[$t]+=" $(time_ms "$t")"
  done
done
for t in "${slow[@]}"; do
  run rg
  for _ in $(seq "$runs"); do
    times[$t]+=" $(time_ms "$t")"
  done
done
declare -A med
for t in "${tools[@]}" "${slow[@]}"; do
  # shellcheck disable=SC2086  # the times are a word list
  med[$t]=$(median ${times[$t]})
done

echo "corpus: $files files, $((bytes / 1024 / 1024)) MiB, $(nproc) cores, median of $runs interleaved runs"
if $has_cache; then
  echo "postlint check --no-cache:  ${med[uncached]} ms  (peak RSS $(rss_kb uncached) KiB)"
  echo "postlint check, cached:     ${med[cached]} ms  (peak RSS $(rss_kb cached) KiB)"
else
  echo "postlint check:             ${med[plain]} ms  (peak RSS $(rss_kb plain) KiB)"
  echo "cache: not supported by this build"
fi
echo "rg -c '<a ':                ${med[rg]} ms"
if $has_cache; then
  echo "uncached / rg:              $(ratio "${med[uncached]}" "${med[rg]}")"
  echo "cached / rg:                $(ratio "${med[cached]}" "${med[rg]}")"
  echo "cached / uncached:          $(ratio "${med[cached]}" "${med[uncached]}")"
  if $has_schema; then
    echo "--no-cache with the schema: ${med[schema]} ms  (peak RSS $(rss_kb schema) KiB)"
    echo "with schema / without:      $(ratio "${med[schema]}" "${med[uncached]}")"
  fi
  this=uncached
else
  echo "postlint / rg:              $(ratio "${med[plain]}" "${med[rg]}")"
  this=plain
fi

if [ -n "${BASELINE:-}" ]; then
  echo "baseline:                   ${med[baseline]} ms  (peak RSS $(rss_kb baseline) KiB)  $BASELINE ${baseline_flags[*]}"
  echo "this / baseline:            $(ratio "${med[$this]}" "${med[baseline]}")"
fi

if command -v rumdl >/dev/null || command -v markdownlint-cli2 >/dev/null; then
  echo "other linters, same files:"
fi
if command -v rumdl >/dev/null; then
  echo "  rumdl check ${rumdl_flags[*]:+${rumdl_flags[*]} }($(rumdl --version 2>&1 | sed -n 1p)):  ${med[rumdl]} ms  $(ratio "${med[rumdl]}" "${med[rg]}") of rg  (peak RSS $(rss_kb rumdl) KiB)"
fi
if command -v markdownlint-cli2 >/dev/null; then
  run mdl
  mdl_times=()
  for _ in $(seq "$mdl_runs"); do mdl_times+=("$(time_ms mdl)"); done
  mdl_ms=$(median "${mdl_times[@]}")
  # Its --help exits 2; only the first line (the version) is wanted.
  version=$(markdownlint-cli2 --help 2>&1 | sed -n 1p || true)
  echo "  markdownlint-cli2 ($version), median of $mdl_runs:  ${mdl_ms} ms  $(ratio "$mdl_ms" "${med[rg]}") of rg"
fi
