#!/usr/bin/env bash
# The bash completion (cli/completion.bash), sourced into this shell and called as bash calls it:
# COMP_WORDS and COMP_CWORD set, the words offered read from COMPREPLY.
# Usage: completion.sh TRADEOFF_BINARY COMPLETION_SCRIPT SCRATCH_DIR
set -uo pipefail
exe=$1
script=$2
scratch=$3

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: sourcing $script" >&2; exit 1; }
[[ $(complete -p tradeoff) == "complete -F _tradeoff tradeoff" ]] ||
  { echo "FAIL: 'tradeoff' is not completed by _tradeoff: $(complete -p tradeoff)" >&2; exit 1; }

# Files to complete: YAML, a folder, and a file that is neither.
rm -rf "$scratch" && mkdir -p "$scratch/clients" && cd "$scratch" || exit 1
touch a.yaml b.yml notes.txt clients/acme.yaml

failures=0
checks=0
# expect "WORDS" EXPECTED... : typed WORDS after `tradeoff` (split at spaces; a trailing space
# starts a new, empty word), the completion offers exactly EXPECTED, in any order.
expect() {
  local typed=$1 want
  shift
  checks=$((checks + 1))
  read -ra COMP_WORDS <<<"$typed"
  COMP_WORDS=("$exe" "${COMP_WORDS[@]}")
  [[ $typed == *" " || -z $typed ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _tradeoff
  offered=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | LC_ALL=C sort)
  want=$(printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort)
  if [[ $offered != "$want" ]]; then
    echo "FAIL: tradeoff ${typed}<TAB>" >&2
    echo "  expected: ${want//$'\n'/ }" >&2
    echo "  offered:  ${offered//$'\n'/ }" >&2
    failures=$((failures + 1))
  fi
}

# Commands, and the global options.
expect "ev" evaluate
expect "se" sensitivity
expect "--v" --version
expect "nosuch" ""
# Every command the program lists, and nothing else.
mapfile -t commands < <("$exe" --help | sed -n '/^Subcommands:$/,/^$/s/^  \([a-z][a-z0-9_-]*\) .*/\1/p')
for c in evaluate sensitivity report weights validate list; do
  [[ " ${commands[*]} " == *" $c "* ]] || { echo "FAIL: --help lists no '$c'" >&2; failures=$((failures + 1)); }
done
expect "" "${commands[@]}"

# A command's options.
expect "evaluate --for" --format
expect "evaluate --no" --no-robustness --normalization
expect "sensitivity --sa" --samples
expect "report --d" --date
expect "validate -" -h --help -q --quiet --max-age --strict --today
expect "list -" -h --help
# Every long option of every command, as its --help gives it.
for c in "${commands[@]}"; do
  mapfile -t longs < <("$exe" "$c" --help | sed -n '/^Options:$/,/^$/s/^  [^ ]*\(--[a-z][a-z0-9-]*\).*/\1/p')
  [[ ${#longs[@]} -gt 0 ]] || { echo "FAIL: no options read from 'tradeoff $c --help'" >&2; failures=$((failures + 1)); }
  expect "$c --" "${longs[@]}"
done

# Option values: the allowed ones, as --option VALUE, -o VALUE and --option=VALUE.
expect "evaluate --format " csv json markdown text
expect "evaluate --format j" json
expect "evaluate -f m" markdown
expect "sensitivity -f " csv json text
expect "evaluate --format = c" csv
expect "evaluate --method to" topsis
expect "evaluate llm_build_vs_buy -m " all promethee2 topsis vikor waspas wpm wsm
expect "report -f " html markdown md
expect "evaluate --set " ""
expect "sensitivity --samples " ""
# --output takes any file.
expect "report llm_build_vs_buy -o no" notes.txt
expect "report llm_build_vs_buy --output " a.yaml b.yml clients notes.txt

# File arguments: built-in frameworks and examples, YAML files and folders.
expect "evaluate llm" llm_build_vs_buy
expect "evaluate reg" regulated_bank
expect "evaluate --details se" seed_scenario
expect "weights cl" clients
expect "evaluate clients/" clients/acme.yaml
expect "validate a.yaml " a.yaml b.yml clients consumer_app llm_build_vs_buy regulated_bank \
  seed_scenario startup_prototype
expect "list " ""
# One file argument only, wherever the options are.
expect "evaluate llm_build_vs_buy " ""
expect "evaluate --format json ll" llm_build_vs_buy
expect "evaluate --format = json ll" llm_build_vs_buy
expect "evaluate --details ll" llm_build_vs_buy
expect "evaluate -s x=1 --weight moat=2 ll" llm_build_vs_buy
expect "validate a.yaml cl" clients

# The program as typed: found on PATH by name; a path that is no program completes nothing.
PATH=$(dirname "$exe"):$PATH exe=tradeoff expect "eva" evaluate
exe=$scratch/clients expect "eva" ""

# A command the completion has never seen, with an argument of allowed values before a list of
# files: all of it comes from the program's help.
cat >fake-tradeoff <<'FAKE'
#!/usr/bin/env bash
case "$*" in
  --help) printf '%s\n' "fake" "Usage: tradeoff [OPTIONS] SUBCOMMAND" "" "Options:" \
            "  -h,--help                   Print this help message and exit" "" "Subcommands:" \
            "  frobnicate                  Frobnicate" "  list                        List" "" ;;
  "frobnicate --help") printf '%s\n' "Frobnicate" "Usage: tradeoff frobnicate [OPTIONS] kind files..." \
            "" "Positionals:" "  kind TEXT:{alpha,beta} REQUIRED" "                              Kind" \
            "  files TEXT ...              Files" "" "Options:" \
            "  -l,--level TEXT:{low,high}  Level" "  --dry-run                   Dry" "" ;;
  list) printf '%s\n' "Frameworks" "  fake_framework               Fake" "" ;;
  *) exit 2 ;;
esac
FAKE
chmod +x fake-tradeoff
exe=$scratch/fake-tradeoff
expect "" frobnicate list
expect "frobnicate --" --dry-run --level
expect "frobnicate -l " high low
expect "frobnicate " alpha beta
expect "frobnicate --level low b" beta
expect "frobnicate alpha " a.yaml b.yml clients fake_framework
expect "frobnicate alpha a.yaml -l high fa" fake_framework

if ((failures)); then
  echo "$failures completion check(s) failed" >&2
  exit 1
fi
echo "completion: $checks checks passed"
