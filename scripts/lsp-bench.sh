#!/usr/bin/env bash
# Times `postlint server` on one generated post of BYTES bytes (default
# 1 MiB) of CJK and emoji text with a tag link on every line: open to
# diagnostics, an incremental change to diagnostics, a code action and a
# hover, each the median of 7 runs. See examples/lsp_bench.rs.
#
#   scripts/lsp-bench.sh [BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin postlint --example lsp_bench
target/release/examples/lsp_bench target/release/postlint "${1:-1048576}"
