#!/usr/bin/env bash
# Renders every golden Markdown output with cmark-gfm (GitHub's parser) and checks that each table
# comes out with the rows and cells it was written with, and that no name became markup
# (check_tables.py).
#   tests/markdown/run.sh
# Files: tests/golden/report/*-markdown/expected.out, tests/golden/escape/*markdown*/expected.out
# and tests/golden/rules/decision-record-markdown/expected.out.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
golden=$(cd "$here/../golden" && pwd)

if ! command -v cmark-gfm >/dev/null; then
  echo "markdown: cmark-gfm not found (install Debian's cmark-gfm package: scripts/setup.sh does)" >&2
  exit 1
fi
if ! command -v python3 >/dev/null; then
  echo "markdown: python3 not found (scripts/setup.sh installs it)" >&2
  exit 1
fi

shopt -s nullglob
files=("$golden"/report/*-markdown/expected.out "$golden"/escape/*markdown*/expected.out
       "$golden"/rules/decision-record-markdown/expected.out)
shopt -u nullglob
if [ ${#files[@]} -eq 0 ]; then
  echo "markdown: no golden Markdown output found under $golden" >&2
  exit 1
fi
cd "$golden"  # so that the files show as report/CASE/expected.out
exec python3 -B "$here/check_tables.py" "${files[@]#"$golden"/}"
