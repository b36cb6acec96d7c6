#!/usr/bin/env bash
# Builds the docs site with MkDocs into DIR (default target/docs-site),
# failing on any warning: a link to a missing page or anchor, a page left
# out of the navigation. MkDocs is installed from PyPI into a virtual
# environment kept outside the repository and made again only when missing.
#
#   scripts/docs.sh [DIR]
#
# POSTLINT_DOCS_VENV names another folder for the virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdocs_version=1.6.1
site_dir="${1:-target/docs-site}"
venv="${POSTLINT_DOCS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/postlint-ci/docs-venv}"

if ! "$venv/bin/python" -c "import mkdocs, sys; sys.exit(mkdocs.__version__ != '$mkdocs_version')" >/dev/null 2>&1; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mkdocs==$mkdocs_version"
fi

"$venv/bin/mkdocs" build --strict --clean --site-dir "$site_dir"
