#!/usr/bin/env bash
# `--format csv` output reads back in: a framework whose scores come from a result's CSV ranks
# its options exactly as the result did, under every method, and writes the same CSV again.
#   bash roundtrip.sh <tradeoff> <tests folder>
set -uo pipefail
exe=$(realpath "$1")
tests=$(realpath "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
cp "$tests/scores_from/from_result.yaml" "$scratch/"
for method in wsm wpm waspas topsis vikor promethee2; do
  (cd "$tests/golden/scores_from/table" &&
    "$exe" evaluate vendors.yaml --method "$method" --format csv >"$scratch/result.csv") || {
    echo "FAIL: $method: the original does not evaluate" >&2
    failures=$((failures + 1))
    continue
  }
  (cd "$scratch" &&
    "$exe" evaluate from_result.yaml --method "$method" --format csv >again.csv 2>err) || {
    echo "FAIL: $method: the result's CSV does not read back in: $(cat "$scratch/err")" >&2
    failures=$((failures + 1))
    continue
  }
  cmp -s "$scratch/result.csv" "$scratch/again.csv" || {
    echo "FAIL: $method: read back, the CSV differs:" >&2
    diff "$scratch/result.csv" "$scratch/again.csv" >&2
    failures=$((failures + 1))
  }
done
# A large generated table, as bench/gen_scores.py writes it, reads back too (TOPSIS).
python3 "$tests/../bench/gen_scores.py" "$scratch/big" --options 2000 --criteria 8 --seed 3
(cd "$scratch/big" && "$exe" evaluate framework.yaml --format csv >result.csv) || failures=$((failures + 1))
sed 's/scores.csv/result.csv/' "$scratch/big/framework.yaml" >"$scratch/big/again.yaml"
(cd "$scratch/big" && "$exe" evaluate again.yaml --format csv >again.csv) || failures=$((failures + 1))
# Scores are written to 12 significant digits: the ranking is what must hold.
cmp -s <(cut -d, -f1,2 "$scratch/big/result.csv") <(cut -d, -f1,2 "$scratch/big/again.csv") || {
  echo "FAIL: the generated table's CSV does not read back to the same ranking" >&2
  failures=$((failures + 1))
}
exit $((failures > 0))
