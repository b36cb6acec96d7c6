#!/usr/bin/env bash
# Times `postlint server` as an editor sees it: generated posts of 1 MiB
# and 20 KB (open, a one-line edit, pushed and pulled, a code action and a
# hover), and, when the mirror corpus is unpacked (CORPUS, by default
# target/corpus), the first diagnostics of a post opened in that
# workspace. Each figure is the median of 7 runs. See examples/lsp_bench.rs.
#
#   scripts/lsp-bench.sh                                  # this build
#   BASELINE=/tmp/postlint-before scripts/lsp-bench.sh    # beside another
#
# With BASELINE, that binary's runs are interleaved with this build's and
# the two are printed side by side (A = BASELINE, B = this build).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin postlint --example lsp_bench
args=()
corpus="${CORPUS:-target/corpus}"
if [ -f "$corpus/_config.yml" ]; then
  args+=(--corpus "$corpus")
fi
target/release/examples/lsp_bench "${args[@]}" ${BASELINE:+"$BASELINE"} target/release/postlint
