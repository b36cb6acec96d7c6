#!/usr/bin/env bash
# Times the link rules at scale and checks what they find: generates an
# ordinary Jekyll site of 10,000 posts with `scripts/gen-corpus --ordinary`
# (every post linking to other posts, pages and images in each way Jekyll
# reads, 1% with one seeded defect each, one per `link-*` rule in turn),
# times `postlint check --no-cache` over it against `rg -c '<a '` over the
# same files, interleaved, and prints both medians and their ratio.
#
#   scripts/bench-links.sh [RUNS]        (default 7 runs each)
#
# It fails (exit 1) when postlint takes more than 3 times rg's time
# (MAX_RATIO changes that), or when the findings of a link rule, counted
# from `--format json` (or `--statistics` on a build without it), differ
# from the number of defects seeded for it: each seeded defect must be
# found exactly once, and nothing else. Findings of other rules are
# printed, as a sign that the generated site is not as clean as meant.
#
# The site is written to a temporary folder, removed on exit. POSTS sets
# its size, SEED the generator's seed. BIN runs another postlint binary
# instead of building this checkout's release build:
#
#   BIN=target/debug/postlint POSTS=1000 scripts/bench-links.sh 3
#
# Needs python3 and ripgrep (`apt-get install ripgrep`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-7}
posts=${POSTS:-10000}
seed=${SEED:-1}
max_ratio=${MAX_RATIO:-3}
# The rules the generator seeds defects for, in its order.
link_rules=(link-broken link-broken-tag link-missing-baseurl link-no-scheme link-unknown-layout)

if ! command -v rg >/dev/null; then
  echo "bench-links: ripgrep (rg) is needed as the reference; install it with 'apt-get install ripgrep'" >&2
  exit 1
fi
if [ -n "${BIN:-}" ]; then
  bin=$(realpath "$BIN")
else
  cargo build --release --quiet
  bin=$root/target/release/postlint
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-links.XXXXXX")
trap 'rm -rf "$work"' EXIT
site=$work/site
# The generator's last line counts the seeded defects by rule:
# "seeded: link-broken 20, link-broken-tag 20, ..." (or "seeded: none").
seeded_line=$(python3 scripts/gen-corpus "$posts" "$site" --ordinary --seed "$seed" | tail -1)
files=$(find "$site" -type f | wc -l)
bytes=$(du -sb "$site" | cut -f1)
cd "$site"

# Not `grep -q`: it would stop reading early, and under pipefail the help's
# broken pipe would read as "no such flag".
help=$("$bin" check --help)
flags=()
if grep -- --no-cache >/dev/null <<<"$help"; then
  flags=(--no-cache)
fi
has_json=false
if grep -E '^ +- json: ' >/dev/null <<<"$help"; then
  has_json=true
fi

# Each timed command, by name (read through `local -n` below).
format=()
$has_json && format=(--format json)
# shellcheck disable=SC2034
{
  cmd_postlint=("$bin" check . "${flags[@]}" "${format[@]}")
  cmd_rg=(rg -c '<a ' .)
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

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Warm the page cache for both.
run postlint
run rg
declare -A times
for _ in $(seq "$runs"); do
  for t in postlint rg; do
    times[$t]+=" $(time_ms "$t")"
  done
done
# shellcheck disable=SC2086  # the times are a word list
pl_ms=$(median ${times[postlint]})
# shellcheck disable=SC2086
rg_ms=$(median ${times[rg]})
ratio=$(awk -v a="$pl_ms" -v b="$rg_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "0" }')

echo "site: $posts posts, $files files, $((bytes / 1024 / 1024)) MiB, $(nproc) cores, median of $runs interleaved runs"
echo "postlint check ${flags[*]:+${flags[*]} }($bin):  $pl_ms ms"
echo "rg -c '<a ':  $rg_ms ms"
echo "postlint / rg:  ${ratio}x  (at most ${max_ratio}x)"

# Findings per rule, "rule count" a line.
found=$work/found
if $has_json; then
  "$bin" check . "${flags[@]}" --format json 2>/dev/null >"$work/findings.json" || true
  python3 - "$work/findings.json" >"$found" <<'EOF'
import collections, json, sys
with open(sys.argv[1]) as f:
    counts = collections.Counter(d["rule"] for d in json.load(f))
for rule, n in sorted(counts.items()):
    print(rule, n)
EOF
  how="--format json"
else
  # Lines such as " 12  [*] error    rule-id"; the total line is left out.
  "$bin" check . "${flags[@]}" --statistics 2>/dev/null |
    awk '$NF != "total" && $1 ~ /^[0-9]+$/ {print $NF, $1}' >"$found" || true
  how="--statistics"
fi

# "seeded: a 1, b 2" as "a 1" lines.
expected=$(sed -e 's/^seeded: //' -e 's/^none$//' <<<"$seeded_line" | tr ',' '\n' | sed -e 's/^ *//' -e '/^$/d')
count_of() { awk -v r="$1" '$1 == r {print $2; found=1} END {if (!found) print 0}'; }

echo "findings per link rule ($how), against the seeded defects:"
failed=false
for rule in "${link_rules[@]}"; do
  want=$(count_of "$rule" <<<"$expected")
  got=$(count_of "$rule" <"$found")
  if [ "$want" = "$got" ]; then
    printf '  %-22s seeded %5s  found %5s  ok\n' "$rule" "$want" "$got"
  else
    printf '  %-22s seeded %5s  found %5s  DIFFERENT (%+d)\n' "$rule" "$want" "$got" $((got - want))
    failed=true
  fi
done
others=$(grep -vE "^($(
  IFS='|'
  echo "${link_rules[*]}"
)) " "$found" || true)
if [ -n "$others" ]; then
  echo "findings of other rules (the generated site should have none):"
  while read -r line; do echo "  $line"; done <<<"$others"
fi

if awk -v r="$ratio" -v m="$max_ratio" 'BEGIN { exit !(r > m) }'; then
  echo "bench-links: postlint took ${ratio}x rg's time, more than ${max_ratio}x" >&2
  failed=true
fi
if $failed; then
  echo "bench-links: FAILED" >&2
  exit 1
fi
echo "bench-links: ok"
