#!/usr/bin/env bash
# `tradeoff init` for real, in a fresh temporary folder: it writes what --dry-run prints and says
# what it wrote; it refuses, writing nothing, when either file exists (a dangling link included);
# and its assessment, once its inputs and weights are uncommented, answers the base framework
# exactly as the base's defaults do (the same ranking, byte for byte).
#   bash writes_files.sh <tradeoff>
set -u
exe=$1
export NO_COLOR=1 LC_ALL=C

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect NAME CODE STDOUT STDERR: the last run's exit code ($code), stdout (out) and stderr (err).
expect() {
  local name=$1
  [[ $code == "$2" ]] || fail "$name: exit code $code, expected $2"
  printf '%s' "$3" >want.out
  printf '%s' "$4" >want.err
  cmp -s want.out out || { fail "$name: stdout differs"; diff -u want.out out | sed 's/^/    /'; }
  cmp -s want.err err || { fail "$name: stderr differs"; diff -u want.err err | sed 's/^/    /'; }
  rm -f want.out want.err out err
}

refused="already exists; init does not overwrite files [io]
  hint: choose another folder, or move the file away
"

# A dry run writes nothing, not even the folder; the real run writes the same bytes.
"$exe" init clients/acme --dry-run >dry.out 2>err
code=$?
[[ -e clients ]] && fail "dry run: created clients/"
mv dry.out dry
printf '' >out
expect "dry run" 0 "" ""
"$exe" init clients/acme >out 2>err
code=$?
expect "init" 0 "wrote clients/acme/framework.yaml (extends llm_build_vs_buy)
wrote clients/acme/assessment.yaml (54 inputs to answer, commented out with their defaults)
" ""
{
  printf '==> clients/acme/framework.yaml <==\n'
  cat clients/acme/framework.yaml
  printf '\n==> clients/acme/assessment.yaml <==\n'
  cat clients/acme/assessment.yaml
} >written
cmp -s dry written || fail "init wrote other bytes than --dry-run printed"
grep -qx 'framework: acme' clients/acme/framework.yaml || fail "framework id is not acme"
grep -qx 'assessment: acme' clients/acme/assessment.yaml || fail "assessment id is not acme"

# Again: refused at the first file, and both files stay as they were.
cp -R clients/acme before
"$exe" init clients/acme >out 2>err
code=$?
expect "init again" 1 "" "clients/acme/framework.yaml: error: $refused"
diff -r before clients/acme >/dev/null || fail "init again changed clients/acme"

# Only the assessment exists: refused, and the framework is not written either.
mkdir half && printf 'keep\n' >half/assessment.yaml
"$exe" init half >out 2>err
code=$?
expect "one file exists" 1 "" "half/assessment.yaml: error: $refused"
[[ -e half/framework.yaml ]] && fail "one file exists: wrote half/framework.yaml"
[[ $(cat half/assessment.yaml) == keep ]] || fail "one file exists: changed half/assessment.yaml"

# A symbolic link to nothing is a file in the way too.
mkdir link && ln -s nowhere link/framework.yaml
"$exe" init link >out 2>err
code=$?
expect "dangling link" 1 "" "link/framework.yaml: error: $refused"
[[ -e nowhere || -e link/assessment.yaml ]] && fail "dangling link: wrote through or beside it"

# A folder's name reaches the terminal escaped, and its id is made of its letters and digits.
"$exe" init $'evil\e[2J\xe2\x80\xae' --dry-run >dry 2>err
code=$?
head -n 1 dry >out
grep -q $'\e\\|\xe2\x80\xae' dry && fail "hostile name: a control or bidi character reached stdout"
grep -qx 'framework: evil_2j' dry || fail "hostile name: the id is not evil_2j"
expect "hostile name" 0 '==> evil\x1b[2J\u202e/framework.yaml <==
' ""
[[ -e $'evil\e[2J\xe2\x80\xae' ]] && fail "hostile name: --dry-run created the folder"

# The answers are the base's defaults: uncommented, and pointed at the base itself, the inputs and
# the weights give the base's own ranking.
awk '/^# (inputs|weights):$/ { on = 1; print substr($0, 3); next }
     /^$/ { on = 0 }
     on && /^#   [a-z_0-9]+: / { print substr($0, 3); next }
     { print }' clients/acme/assessment.yaml |
  sed 's/^framework: framework.yaml$/framework: llm_build_vs_buy/' >answered.yaml
answers=$(grep -c '^  [a-z_0-9]*: ' answered.yaml)
[[ $answers == 55 ]] || fail "uncommented $answers answers, expected 54 inputs and 1 weight"
"$exe" validate answered.yaml >out 2>err
code=$?
expect "validate the answers" 0 "answered.yaml: ok (assessment)
" ""
"$exe" evaluate answered.yaml --format csv >answered.csv 2>err || fail "evaluate the answers"
"$exe" evaluate llm_build_vs_buy --format csv >base.csv 2>>err || fail "evaluate the base"
cmp -s base.csv answered.csv || fail "the base's defaults, answered, rank otherwise than the base"
[[ -s err ]] && fail "evaluate warned: $(cat err)"

# The scaffold as written extends the base and changes nothing yet: the base's own ranking.
"$exe" evaluate clients/acme/assessment.yaml --format csv >scaffold.csv 2>err ||
  fail "evaluate the scaffold: $(cat err)"
cmp -s base.csv scaffold.csv || fail "the scaffold, as written, ranks otherwise than its base"

if ((failures > 0)); then
  echo "$failures failure(s)"
  exit 1
fi
echo "init: writes what --dry-run prints, refuses 3 ways, answers with the base's defaults, extends it"
