#!/usr/bin/env bash
# A large table in the text view: the ranking lists its head and says how many more there are,
# and the robustness block says why it was not computed.
#   bash large.sh <tradeoff> <bench folder>
set -uo pipefail
exe=$(realpath "$1")
bench=$(realpath "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 "$bench/gen_scores.py" "$scratch" --options 1100 --criteria 20 --seed 5
cd "$scratch" || exit 1
"$exe" evaluate framework.yaml >out.txt 2>err.txt || { cat err.txt >&2; exit 1; }
failures=0
expect() {  # expect LINE: the text view holds exactly this line
  grep -qxF -- "$1" out.txt || {
    echo "FAIL: no line '$1' in:" >&2
    cat out.txt >&2
    failures=$((failures + 1))
  }
}
expect "  ... and 1,050 more; --format csv or json lists every option"
expect "  Not computed for 22,000 scores (more than 20,000): run \`tradeoff sensitivity\` for it."
# Exactly 50 ranked rows are listed.
rows=$(grep -cE '^ +[0-9]+  opt_[0-9]{6} ' out.txt)
[ "$rows" = 50 ] || { echo "FAIL: $rows ranked rows listed, not 50" >&2; failures=$((failures + 1)); }
# The CSV lists every option.
"$exe" evaluate framework.yaml --format csv --no-robustness >out.csv
lines=$(wc -l <out.csv)
[ "$lines" = 1101 ] || { echo "FAIL: the CSV has $lines lines, not 1101" >&2; failures=$((failures + 1)); }
exit $((failures > 0))
