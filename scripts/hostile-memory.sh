#!/usr/bin/env bash
# Peak memory and time of postlint on hostile inputs of about 1 MB each,
# measured with /usr/bin/time -v: no post, config, _config.yml or language
# server stream of 1 MB may take more than 256 MB or 10 seconds. Kept out of
# the test suite, where a memory ceiling would flake; `.ci/run` runs it.
#
#   scripts/hostile-memory.sh [BINARY]    (default: target/release/postlint)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/postlint}")
max_kb=$((256 * 1024))
max_s=10
if [ ! -x /usr/bin/time ]; then
  echo "hostile-memory: /usr/bin/time is missing; skipped" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

post_head='---
title: t
date: 2022-11-01
from: https://news.example.com/a.html
'

# `repeat N TEXT`: TEXT on N lines (`yes | head` would fail under pipefail).
repeat() { awk -v n="$1" -v t="$2" 'BEGIN { for (i = 0; i < n; i++) print t }'; }

# One case: a name, a site folder, and the command's arguments (run there,
# with standard input from $stdin when set).
measure() {
  local name=$1 dir=$2
  shift 2
  local log="$work/$name.time"
  (cd "$dir" && /usr/bin/time -v -o "$log" "$bin" "$@" <"${stdin:-/dev/null}" >/dev/null 2>&1) || true
  local kb s
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  s=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  local verdict=ok
  if [ "$kb" -gt "$max_kb" ] || awk -v s="$s" -v m="$max_s" 'BEGIN { exit !(s > m) }'; then
    verdict=FAIL
    failed=1
  fi
  printf '%-28s %8.1f MiB %7.2f s  %s\n' "$name" "$(echo "$kb / 1024" | bc -l)" "$s" "$verdict"
}

site() {
  local dir="$work/$1"
  mkdir -p "$dir/_posts"
  echo "$dir"
}

# 50,000 duplicate keys (250 KB) once took over 13 GB. A rule keeps at
# most 10,000 findings per post, so a 1 MB post of 200,000 duplicates is
# bounded too (it took about 410 MB and 19 s before that limit).
d=$(site duplicate-keys)
{ printf '%s' "$post_head"; repeat 50000 'k: v'; echo ---; } >"$d/_posts/2022-11-01-a.md"
measure duplicate-keys "$d" check
measure duplicate-keys-json "$d" check --format json
d=$(site duplicate-keys-1mb)
{ printf '%s' "$post_head"; repeat 200000 'k: v'; echo ---; } >"$d/_posts/2022-11-01-a.md"
measure duplicate-keys-1mb "$d" check
d=$(site duplicate-keys-1mb-fix)
{ printf '%s' "$post_head"; repeat 200000 'k: v'; echo ---; } >"$d/_posts/2022-11-01-a.md"
measure duplicate-keys-1mb-fix "$d" check --fix --unsafe-fixes
d=$(site duplicate-keys-fix)
{ printf '%s' "$post_head"; repeat 10000 'k: v'; echo ---; } >"$d/_posts/2022-11-01-a.md"
measure duplicate-keys-fix "$d" check --fix --unsafe-fixes

d=$(site suppressions)
{ printf '%s---\n' "$post_head"; repeat 18000 '<!-- postlint-disable-next-line tag-link-mismatch -->'; } >"$d/_posts/2022-11-01-a.md"
measure suppressions "$d" check --select suppression-unused

d=$(site alias-bomb)
{ printf '%s' "$post_head"; echo 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
  for i in $(seq 1 2000); do p=$((i - 1)); echo "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"; done
  echo ---; } >"$d/_posts/2022-11-01-a.md"
measure alias-bomb "$d" check

d=$(site deep-yaml)
{ printf '%sx: ' "$post_head"; head -c 500000 /dev/zero | tr '\0' '['; head -c 500000 /dev/zero | tr '\0' ']'; printf '\n---\n'; } >"$d/_posts/2022-11-01-a.md"
measure deep-yaml "$d" check

d=$(site deep-html)
{ printf '%s---\n' "$post_head"; repeat 100000 '<div>' | tr -d '\n'; echo '<a href="/tag/x.html">y</a>'; repeat 100000 '</div>' | tr -d '\n'; } >"$d/_posts/2022-11-01-a.md"
measure deep-html "$d" check

d=$(site long-line)
{ printf '%s---\n' "$post_head"; head -c 1000000 /dev/zero | tr '\0' 'x'; echo; } >"$d/_posts/2022-11-01-a.md"
measure long-line "$d" check

d=$(site excludes)
printf '%s---\nbody\n' "$post_head" >"$d/_posts/2022-11-01-a.md"
{ printf 'extend-exclude = ['; repeat 90000 '"vendor/**",' | tr -d '\n'; echo ']'; } >"$d/postlint.toml"
measure excludes "$d" check

d=$(site config-yml)
printf '%s---\nbody\n' "$post_head" >"$d/_posts/2022-11-01-a.md"
{ echo 'title: t'; for i in $(seq 1 40000); do echo "k$i: [a, b]"; done; } >"$d/_config.yml"
measure config-yml "$d" check

d=$(site server)
python3 - "$work/server.in" <<'PY'
import json, sys
def frame(o):
    b = json.dumps(o).encode()
    return b'Content-Length: %d\r\n\r\n' % len(b) + b
out = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
out += frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
out += b'Content-Length: 18446744073709551615\r\n\r\n' + b'x' * 300000
out += b'Content-Length: 100\r\n\r\n{"a":' + b'\n' * 300000
text = "---\ntitle: t\n---\n" + "k: v\n" * 60000
out += frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "untitled:a.md", "languageId": "markdown", "version": 1, "text": text}}})
out += frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
out += frame({"jsonrpc": "2.0", "method": "exit"})
open(sys.argv[1], "wb").write(out)
PY
stdin="$work/server.in" measure server-stream "$d" server
unset stdin

exit $failed
