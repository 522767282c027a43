#!/usr/bin/env bash
# The man page written at build time from the command line's help (cmake/manpage.cmake): groff
# reads it without a warning, man-db finds its NAME line, and, as man shows it, it names every
# command `tradeoff --help` lists with that command's usage and each of its options.
# Usage: manpage.sh TRADEOFF_BINARY TRADEOFF_1
set -euo pipefail
exe=$1
page=$2

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

warnings=$(groff -man -ww -z "$page" 2>&1)
[[ -z $warnings ]] || fail "groff warns: $warnings"
name=$(lexgrog "$page")
[[ $name == "$page: \"tradeoff - weighted multi-criteria decisions, explained\"" ]] ||
  fail "lexgrog reads the NAME line as: $name"

# As man shows it, without hyphenation, each paragraph on one line so that it reads as text.
text=$(MANWIDTH=1000 man --nh --nj -P cat -l "$page" 2>&1 | sed 's/.\x08//g')
has() { grep -qxF -- "$1" <<<"$text" || fail "no line '$1' in the page"; }
has_in() { grep -qxF -- "$2" <<<"$1" || fail "no line '$2' in the section of '$3'"; }

has "       tradeoff - weighted multi-criteria decisions, explained"
has "       tradeoff [OPTIONS] SUBCOMMAND"
has "       --version"
has "   evaluate"
has "       tradeoff evaluate [OPTIONS] file"
has "       -f, --format TEXT:{text,json,markdown,csv}=text"
has "              Output format"
has "       tradeoff validate [OPTIONS] files..."
has "       -q, --quiet"

# Every command, with its usage and options: the page's section of each command (from its
# heading to the next) holds them as the command's own --help gives them.
mapfile -t commands < <("$exe" --help | sed -n '/^Subcommands:$/,/^$/s/^  \([a-z][a-z0-9_-]*\) .*/\1/p')
[[ ${#commands[@]} -ge 6 ]] || fail "tradeoff --help lists ${#commands[@]} commands"
for c in "${commands[@]}"; do
  section=$(awk -v head="   $c" '$0 == head { on = 1; next } /^   [a-z]/ || /^[A-Z]/ { on = 0 } on' <<<"$text")
  [[ -n $section ]] || { fail "no section for '$c'"; continue; }
  help=$("$exe" "$c" --help)
  has_in "$section" "       $(sed -n 's/^Usage: //p' <<<"$help")" "$c"
  has_in "$section" "       $(head -n 1 <<<"$help")" "$c"
  while IFS= read -r spec; do
    [[ $spec == "-h,--help" ]] && continue
    names=${spec%% *}
    has_in "$section" "       ${names//,/, }${spec#"$names"}" "$c"
  done < <(sed -n '/^\(Options\|Positionals\):$/,/^$/s/^  \([^ ].*\)$/\1/p' <<<"$help" | sed 's/  .*//')
done

if ((failures)); then
  echo "$failures man page check(s) failed" >&2
  exit 1
fi
echo "manpage: ${#commands[@]} commands, every check passed"
