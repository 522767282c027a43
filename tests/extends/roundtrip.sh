#!/usr/bin/env bash
# `tradeoff show --resolved` prints a file that stands alone: loaded from a folder of its own, the
# merged document ranks exactly as the extends: chain it came from.
#   bash roundtrip.sh <tradeoff> <tests/golden/extends folder>
set -uo pipefail
exe=$(realpath "$1")
cases=$(realpath "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
check() {  # check NAME FILE [ARGS...]
  local name=$1 file=$2
  shift 2
  "$exe" show --resolved "$file" >"$scratch/$name.yaml" 2>/dev/null || {
    echo "FAIL: show --resolved $file" >&2
    failures=$((failures + 1))
    return
  }
  "$exe" evaluate "$file" --format csv "$@" >"$scratch/$name.chain.csv" 2>/dev/null
  (cd "$scratch" && "$exe" evaluate "$name.yaml" --format csv "$@" >"$name.resolved.csv" 2>err) || {
    echo "FAIL: the resolved $name does not load: $(cat "$scratch/err")" >&2
    failures=$((failures + 1))
    return
  }
  cmp -s "$scratch/$name.chain.csv" "$scratch/$name.resolved.csv" || {
    echo "FAIL: the resolved $name ranks otherwise than its chain" >&2
    failures=$((failures + 1))
  }
}
cd "$cases" || exit 1
check framework-chain chain/client.yaml --set audits_per_year=6
check assessment-chain assessment-chain/q3.yaml
if ((failures > 0)); then
  echo "$failures failure(s)"
  exit 1
fi
echo "extends: 2 resolved documents rank as their chains"
