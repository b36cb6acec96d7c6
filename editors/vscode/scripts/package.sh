#!/usr/bin/env bash
# Package the extension as a .vsix: with a binary inside for one platform
# (release and the end-to-end test), or without one (it then finds postlint
# on PATH or from the `postlint.path` setting).
#
#   scripts/package.sh OUT.vsix [VSCODE_TARGET BINARY]
#   e.g. scripts/package.sh postlint-linux-x64.vsix linux-x64 ../../target/release/postlint
#
# Needs `npm ci` done in editors/vscode and `vsce` on PATH (or VSCE set).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "$1")
target=${2:-}
binary=${3:-}
vsce=${VSCE:-vsce}
npm run --silent compile
rm -rf bin
trap 'rm -rf bin' EXIT
if [ -n "$target" ]; then
  [ -n "$binary" ] || { echo "package.sh: a target needs a binary" >&2; exit 2; }
  mkdir bin
  case "$target" in
    win32-*) cp "$binary" bin/postlint.exe ;;
    *) cp "$binary" bin/postlint && chmod 755 bin/postlint ;;
  esac
fi
# What goes in: the compiled extension and its runtime dependencies, the
# binary for a platform package, and no sources or build tools.
"$vsce" ls >"$out.files"
check() {
  if ! grep -Eq "$2" "$out.files"; then
    echo "package.sh: the package $1 (vsce ls):" >&2
    cat "$out.files" >&2
    exit 1
  fi
}
check "lacks the compiled extension" '^out/extension\.js$'
check "lacks vscode-languageclient" '^node_modules/vscode-languageclient/package\.json$'
if grep -Eq '^(src/|e2e/|node_modules/typescript/)' "$out.files"; then
  echo "package.sh: the package would hold sources or build tools:" >&2
  grep -E '^(src/|e2e/|node_modules/typescript/)' "$out.files" | head >&2
  exit 1
fi
if [ -n "$target" ]; then
  check "lacks its binary" '^bin/postlint(\.exe)?$'
  "$vsce" package --target "$target" --out "$out"
else
  "$vsce" package --out "$out"
fi
rm -f "$out.files"
