#!/usr/bin/env bash
# Format the whole crate: `cargo fmt`, then the rule files, which `cargo fmt`
# does not reach because each family's `rules!` table declares their modules.
#
#   scripts/fmt.sh           format in place
#   scripts/fmt.sh --check   only check, as CI does
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- "$@"
rustfmt --edition 2024 "$@" src/rules/*/*.rs
