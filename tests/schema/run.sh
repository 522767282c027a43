#!/usr/bin/env bash
# The JSON Schemas of schemas/ (framework, criterion, assessment).
#   bash run.sh print <tradeoff>   `tradeoff schema KIND` prints each shipped file byte for byte
#   bash run.sh files <tradeoff>   check_schemas.py: the schemas are valid draft 2020-12 schemas;
#       every built-in framework, catalog criterion, example and calibration assessment, the YAML
#       of every golden case that passes, and tests/schema/valid/ validate; so do the files
#       `tradeoff init` writes, as written and with every commented-out line uncommented; every
#       file of tests/schema/invalid/ fails, with the error its header names.
# Needs python3 with Debian's python3-jsonschema and python3-yaml (scripts/setup.sh installs them).
set -euo pipefail
mode=$1
exe=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export NO_COLOR=1 LC_ALL=C

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$mode" = print ]; then
  failed=0
  for kind in framework criterion assessment; do
    "$exe" schema "$kind" >"$work/$kind.schema.json"
    if ! cmp "$root/schemas/$kind.schema.json" "$work/$kind.schema.json"; then
      echo "schema: 'tradeoff schema $kind' differs from schemas/$kind.schema.json" >&2
      failed=1
    fi
  done
  [ "$failed" = 0 ] && echo "schema: 'tradeoff schema KIND' prints schemas/KIND.schema.json, all 3"
  exit "$failed"
fi

if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
  echo "schema: python3 with jsonschema and yaml is needed (Debian's python3-jsonschema and" \
       "python3-yaml: scripts/setup.sh installs them)" >&2
  exit 1
fi

# The scaffolds: from the built-in framework by id, and from its file (extends: a relative path).
"$exe" init "$work/by-id" --date 2026-12-01 >/dev/null
"$exe" init "$work/from-file" --from "$root/frameworks/llm_build_vs_buy.yaml" >/dev/null
scaffolds=("$work"/by-id/*.yaml "$work"/from-file/*.yaml)

cd "$root"  # so that files show as criteria/moat.yaml
shopt -s nullglob
golden=()
for case_dir in tests/golden/*/*/; do
  [ -f "$case_dir/expected.code" ] && continue  # a failing case may hold a file it refuses
  golden+=("$case_dir"*.yaml)
done
exec python3 -B "$here/check_schemas.py" --schemas schemas --invalid tests/schema/invalid \
  --valid criteria/*.yaml frameworks/*.yaml frameworks/examples/*.yaml tests/calibration/*.yaml \
          "${golden[@]}" tests/schema/valid/*.yaml "${scaffolds[@]}" \
  --uncomment "${scaffolds[@]}"
