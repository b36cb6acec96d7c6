#!/usr/bin/env bash
# Build postlint's fuzz targets and run each for a while, as
# `cargo +nightly fuzz run <target>` (cargo-fuzz 0.13) does, with the same
# flags: libFuzzer with SanitizerCoverage and AddressSanitizer, a release
# build with one codegen unit. It needs the nightly toolchain but not
# cargo-fuzz itself, which would have to be compiled to be installed.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS is each target's run (default 30); the targets default to all of
# fuzz/fuzz_targets. A crash leaves its input in fuzz/artifacts/<target>/
# and fails the script; the inputs found along the way go to
# fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for file in fuzz/fuzz_targets/*.rs; do
    targets+=("$(basename "$file" .rs)")
  done
fi

triple="$(rustc +nightly -vV | sed -n 's/^host: //p')"
flags="-Cpasses=sancov-module"
flags+=" -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters"
flags+=" -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares"
flags+=" --cfg fuzzing"
flags+=" -Cllvm-args=-simplifycfg-branch-fold-threshold=0"
flags+=" -Zsanitizer=address"
case "$triple" in
  *-linux-*) flags+=" -Cllvm-args=-sanitizer-coverage-stack-depth" ;;
esac
flags+=" -Ccodegen-units=1"
export RUSTFLAGS="$flags ${RUSTFLAGS:-}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_odr_violation=0"

# Build first, so that the time limit below bounds only the fuzzing.
cargo +nightly build --manifest-path fuzz/Cargo.toml --locked --target "$triple" \
  --release --config 'profile.release.debug="line-tables-only"' --bins

for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  echo "fuzz: $target for ${seconds} s"
  # A hung target is stopped.
  timeout $((seconds * 2 + 120)) "fuzz/target/$triple/release/$target" \
    "-artifact_prefix=fuzz/artifacts/$target/" \
    "-max_total_time=$seconds" -rss_limit_mb=2048 -timeout=10 \
    "fuzz/corpus/$target" "fuzz/seeds/$target"
done
