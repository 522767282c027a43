#!/usr/bin/env bash
# Style checks: clang-format over engine, cli, tests and bench (no file may differ from its
# formatted self), then clang-tidy's curated checks (.clang-tidy) over engine and cli.
#   scripts/lint.sh            both
#   scripts/lint.sh --format   clang-format only
#   scripts/lint.sh --fix      rewrite the files clang-format would change
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# Tracked and new files (not ignored ones), that exist.
list() { git ls-files --cached --others --exclude-standard -- "$@" | while read -r f; do
  if [ -f "$f" ]; then echo "$f"; fi; done | sort -u; }
mapfile -t sources < <(list 'engine/*.cpp' 'engine/*.hpp' 'cli/*.cpp' 'cli/*.hpp' \
                            'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${sources[@]}"
  exit 0
fi
clang-format --dry-run --Werror "${sources[@]}"
echo "lint: clang-format: ${#sources[@]} files formatted" >&2
if [ "${1:-}" = "--format" ]; then exit 0; fi

build=build/tidy
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DTRADEOFF_BUILD_TESTS=OFF >/dev/null
mapfile -t units < <(list 'engine/*.cpp' 'cli/*.cpp')
printf '%s\n' "${units[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy --quiet -p "$build" 2>/dev/null
echo "lint: clang-tidy: ${#units[@]} files clean" >&2
