#!/usr/bin/env bash
# Files and streams: runs the real `tradeoff` binary, in a fresh temporary folder, with stdout
# and stderr on /dev/full and closed, across a broken pipe, with `-o` on links, FIFOs, devices,
# read-only files and its own inputs, and on inputs that are not regular files. Asserts exit
# codes, exact messages, which files change, and that no temporary file is left behind.
#   bash streams.sh <tradeoff> <data folder> <group: stdout|stderr|pipe|output|input>
set -u
exe=$1
data=$2
group=$3
export NO_COLOR=1 LC_ALL=C

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp "$data"/*.yaml "$work"/
cd "$work" || exit 1
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# check NAME CODE STDERR: the last run's exit code ($code) and stderr (the file `err`).
check() {
  local name=$1 want_code=$2 want_err=$3
  [[ $code == "$want_code" ]] || fail "$name: exit code $code, expected $want_code"
  printf '%s' "$want_err" >want.err
  if ! cmp -s want.err err; then
    fail "$name: stderr differs"
    diff -u want.err err | sed 's/^/    /'
  fi
  rm -f want.err err
}

# same_file NAME EXPECTED ACTUAL: two files hold the same bytes.
same_file() {
  cmp -s "$2" "$3" || fail "$1: '$3' does not hold what '$2' holds"
}

no_leftovers() {
  local left
  left=$(find "$work" -name '.*.tmp-*')
  [[ -z $left ]] || fail "$1: temporary files left behind: $left"
}

io_error() { printf '%s: error: %s [io]\n' "$1" "$2"; }
hint() { printf '  hint: %s\n' "$1"; }

# Runs the binary as an unprivileged user, for what root is allowed to do anyway.
as_user() {
  if [[ $(id -u) == 0 ]]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}

# What the report is when nothing gets in its way.
"$exe" evaluate framework.yaml --format json >report.json 2>/dev/null
"$exe" evaluate warning.yaml >warning.out 2>warning.err
[[ -s report.json && -s warning.out && -s warning.err ]] || fail "reference runs produced nothing"

stdout_full=$(io_error tradeoff "cannot write to standard output: no space left on device")
stdout_closed=$(io_error tradeoff "cannot write to standard output: bad file descriptor")

test_stdout() {
  "$exe" evaluate framework.yaml >/dev/full 2>err; code=$?
  check "evaluate >/dev/full" 1 "$stdout_full"$'\n'
  "$exe" evaluate framework.yaml --method all --format json >/dev/full 2>err; code=$?
  check "evaluate --method all >/dev/full" 1 "$stdout_full"$'\n'
  "$exe" evaluate framework.yaml >&- 2>err; code=$?
  check "evaluate >&-" 1 "$stdout_closed"$'\n'
  "$exe" list >/dev/full 2>err; code=$?
  check "list >/dev/full" 1 "$stdout_full"$'\n'
  "$exe" validate framework.yaml >/dev/full 2>err; code=$?
  check "validate >/dev/full" 1 "$stdout_full"$'\n'
  "$exe" --help >/dev/full 2>err; code=$?
  check "--help >/dev/full" 1 "$stdout_full"$'\n'
  "$exe" --version >&- 2>err; code=$?
  check "--version >&-" 1 "$stdout_closed"$'\n'
  # An input error keeps its own exit code; nothing was written to stdout.
  "$exe" evaluate nothere.yaml >/dev/full 2>err; code=$?
  check "error >/dev/full" 1 "$(io_error nothere.yaml "no such file")"$'\n'
  # Both streams gone: no crash, and the exit code still says the report was lost.
  "$exe" evaluate framework.yaml >/dev/full 2>/dev/full; code=$?
  [[ $code == 1 ]] || fail "stdout and stderr on /dev/full: exit code $code, expected 1"
  "$exe" evaluate framework.yaml >&- 2>&-; code=$?
  [[ $code == 1 ]] || fail "stdout and stderr closed: exit code $code, expected 1"
  # With -o, stdout is not needed.
  "$exe" evaluate framework.yaml --format json -o out.json >&- 2>err; code=$?
  check "-o with stdout closed" 0 ""
  same_file "-o with stdout closed" report.json out.json
  # `>> framework.yaml` would append the report to its own input.
  cp framework.yaml before.yaml
  "$exe" evaluate framework.yaml >>framework.yaml 2>err; code=$?
  check "evaluate >> input" 1 "$(io_error tradeoff "standard output is the input file 'framework.yaml'")
$(hint "write the output to another file")"$'\n'
  same_file "evaluate >> input" before.yaml framework.yaml
}

test_stderr() {
  # A warning on a successful run: the report still arrives, and the exit code stays 0.
  "$exe" evaluate warning.yaml >out 2>/dev/full; code=$?
  [[ $code == 0 ]] || fail "warning 2>/dev/full: exit code $code, expected 0"
  same_file "warning 2>/dev/full" warning.out out
  "$exe" evaluate warning.yaml >out 2>&-; code=$?
  [[ $code == 0 ]] || fail "warning 2>&-: exit code $code, expected 0"
  same_file "warning 2>&-" warning.out out
  # With stderr closed, no file opened later may take its place and receive the diagnostics.
  "$exe" evaluate warning.yaml -o out.txt 2>&-; code=$?
  [[ $code == 0 ]] || fail "warning -o 2>&-: exit code $code, expected 0"
  same_file "warning -o 2>&-" warning.out out.txt
  # Errors keep their exit codes: 1 for input, 2 for usage, never an abort.
  "$exe" evaluate nothere.yaml >out 2>/dev/full; code=$?
  [[ $code == 1 ]] || fail "error 2>/dev/full: exit code $code, expected 1"
  "$exe" evaluate nothere.yaml >out 2>&-; code=$?
  [[ $code == 1 ]] || fail "error 2>&-: exit code $code, expected 1"
  "$exe" evaluate framework.yaml --bogus >out 2>/dev/full; code=$?
  [[ $code == 2 ]] || fail "usage error 2>/dev/full: exit code $code, expected 2"
  "$exe" frobnicate >out 2>&-; code=$?
  [[ $code == 2 ]] || fail "unknown command 2>&-: exit code $code, expected 2"
  [[ ! -s out ]] || fail "errors with stderr gone: something reached stdout"
}

test_pipe() {
  # The reader is gone before the report is written: SIGPIPE ends the run quietly, like cat.
  { sleep 0.3; "$exe" evaluate framework.yaml --method all --format json 2>err; } | true
  code=${PIPESTATUS[0]}
  check "reader gone" 141 ""
  # The same with SIGPIPE ignored: the write fails with EPIPE; exit 1, still quietly.
  (
    trap '' PIPE
    { sleep 0.3; "$exe" evaluate framework.yaml --method all --format json 2>err; } | true
    exit "${PIPESTATUS[0]}"
  )
  code=$?
  check "reader gone, SIGPIPE ignored" 1 ""
  # `| head -1`: the first line arrives; the run ends with 0 or SIGPIPE, and says nothing.
  first=$("$exe" evaluate framework.yaml --format json 2>err | head -1)
  code=${PIPESTATUS[0]}
  [[ $first == "{" ]] || fail "| head -1: got '$first'"
  [[ $code == 0 || $code == 141 ]] || fail "| head -1: exit code $code"
  check "| head -1" "$code" ""
}

test_output_links() {
  # A symbolic link: its target is replaced, keeping its mode; the link stays a link.
  printf 'old\n' >target.json
  chmod 640 target.json
  ln -s target.json link.json
  "$exe" evaluate framework.yaml --format json -o link.json 2>err; code=$?
  check "-o link" 0 ""
  [[ -L link.json && $(readlink link.json) == target.json ]] || fail "-o link: no longer a link"
  same_file "-o link" report.json target.json
  [[ $(stat -c %a target.json) == 640 ]] || fail "-o link: mode $(stat -c %a target.json), expected 640"
  # A link to a file that does not exist yet: the file is created where the link points.
  mkdir -p sub
  ln -s sub/new.json dangling.json
  "$exe" evaluate framework.yaml --format json -o dangling.json 2>err; code=$?
  check "-o dangling link" 0 ""
  [[ -L dangling.json ]] || fail "-o dangling link: no longer a link"
  same_file "-o dangling link" report.json sub/new.json
  ln -s loop_b.json loop_a.json
  ln -s loop_a.json loop_b.json
  "$exe" evaluate framework.yaml -o loop_a.json 2>err; code=$?
  check "-o link loop" 1 "$(io_error loop_a.json "is a symbolic link loop")"$'\n'
  no_leftovers "-o links"
}

test_output_modes() {
  printf 'old\n' >private.json
  chmod 600 private.json
  "$exe" evaluate framework.yaml --format json -o private.json 2>err; code=$?
  check "-o 600 file" 0 ""
  same_file "-o 600 file" report.json private.json
  [[ $(stat -c %a private.json) == 600 ]] || fail "-o 600 file: mode $(stat -c %a private.json)"
  (umask 022 && "$exe" evaluate framework.yaml --format json -o fresh.json 2>err); code=$?
  check "-o new file" 0 ""
  [[ $(stat -c %a fresh.json) == 644 ]] || fail "-o new file: mode $(stat -c %a fresh.json)"
  if [[ $(id -u) == 0 ]]; then  # only root can give a file away, and keep its owner
    printf 'old\n' >owned.json
    chown 65534:65534 owned.json
    "$exe" evaluate framework.yaml --format json -o owned.json 2>err; code=$?
    check "-o file of another user" 0 ""
    [[ $(stat -c %u:%g owned.json) == 65534:65534 ]] || fail "-o owner: $(stat -c %u:%g owned.json)"
  fi
  # A read-only file is left alone, even by root.
  printf 'old\n' >readonly.json
  chmod 444 readonly.json
  "$exe" evaluate framework.yaml -o readonly.json 2>err; code=$?
  check "-o read-only file" 1 "$(io_error readonly.json "cannot write: the file is read-only")"$'\n'
  [[ $(cat readonly.json) == old ]] || fail "-o read-only file: the file changed"
  no_leftovers "-o modes"
}

test_output_unprivileged() {
  # Permissions as an ordinary user sees them: a folder it may not write, a file of another user.
  mkdir -p user/locked
  printf 'old\n' >user/locked/out.json
  printf 'old\n' >user/theirs.json
  cp framework.yaml user/
  chmod 755 "$work"
  # The file may be written, its folder may not: a replacement cannot be made beside it.
  [[ $(id -u) == 0 ]] && chown 65534:65534 user user/locked/out.json
  chmod 555 user/locked
  as_user "$exe" evaluate user/framework.yaml -o user/locked/out.json 2>err; code=$?
  check "-o in a read-only folder" 1 \
    "$(io_error user/locked/out.json "cannot create a file in its folder: permission denied")"$'\n'
  [[ $(cat user/locked/out.json) == old ]] || fail "-o in a read-only folder: the file changed"
  if [[ $(id -u) == 0 ]]; then
    as_user "$exe" evaluate user/framework.yaml -o user/theirs.json 2>err; code=$?
    check "-o file of another user" 1 \
      "$(io_error user/theirs.json "cannot write: permission denied")"$'\n'
    [[ $(cat user/theirs.json) == old ]] || fail "-o file of another user: the file changed"
    chmod 600 user/framework.yaml
    as_user "$exe" evaluate user/framework.yaml 2>err; code=$?
    check "unreadable input" 1 \
      "$(io_error user/framework.yaml "cannot open file: permission denied")"$'\n'
  fi
  no_leftovers "-o as an ordinary user"
}

test_output_special() {
  "$exe" evaluate framework.yaml -o /dev/null 2>err; code=$?
  check "-o /dev/null" 0 ""
  [[ -c /dev/null ]] || fail "-o /dev/null: /dev/null is no longer a character device"
  "$exe" evaluate framework.yaml -o /dev/full 2>err; code=$?
  check "-o /dev/full" 1 "$(io_error /dev/full "cannot write: no space left on device")"$'\n'
  mkfifo out.fifo
  cat out.fifo >from_fifo.json &
  reader=$!
  timeout 20 "$exe" evaluate framework.yaml --format json -o out.fifo 2>err; code=$?
  wait "$reader"
  check "-o FIFO" 0 ""
  [[ -p out.fifo ]] || fail "-o FIFO: no longer a FIFO"
  same_file "-o FIFO" report.json from_fifo.json
  mkdir folder
  "$exe" evaluate framework.yaml -o folder 2>err; code=$?
  check "-o folder" 1 "$(io_error folder "is a directory, not a file")"$'\n'
  "$exe" evaluate framework.yaml -o nowhere/out.json 2>err; code=$?
  check "-o in a missing folder" 1 \
    "$(io_error nowhere/out.json "cannot create a file in its folder: no such file or directory")"$'\n'
  # An input error writes nothing at all.
  "$exe" evaluate nothere.yaml -o never.json 2>err; code=$?
  check "-o after an input error" 1 "$(io_error nothere.yaml "no such file")"$'\n'
  [[ ! -e never.json ]] || fail "-o after an input error: the file was created"
  no_leftovers "-o special files"
}

test_output_inputs() {
  cp framework.yaml before.yaml
  cp assessment.yaml before_assessment.yaml
  local refusal
  refusal() { printf '%s\n%s\n' "$(io_error "$1" "would overwrite the input file '$2'")" \
    "$(hint "write the output to another file")"; }
  "$exe" evaluate framework.yaml -o framework.yaml 2>err; code=$?
  check "-o the input" 1 "$(refusal framework.yaml framework.yaml)"$'\n'
  "$exe" evaluate framework.yaml -o ./framework.yaml 2>err; code=$?
  check "-o the input, another name" 1 "$(refusal ./framework.yaml framework.yaml)"$'\n'
  ln -s framework.yaml input_link.yaml
  "$exe" evaluate framework.yaml -o input_link.yaml 2>err; code=$?
  check "-o a link to the input" 1 "$(refusal input_link.yaml framework.yaml)"$'\n'
  ln framework.yaml input_hard.yaml
  "$exe" evaluate framework.yaml -o input_hard.yaml 2>err; code=$?
  check "-o a hard link to the input" 1 "$(refusal input_hard.yaml framework.yaml)"$'\n'
  "$exe" evaluate input_link.yaml -o framework.yaml 2>err; code=$?
  check "-o the input, read through a link" 1 "$(refusal framework.yaml input_link.yaml)"$'\n'
  # Every file read counts: the framework an assessment names, and the assessment itself.
  "$exe" evaluate assessment.yaml -o framework.yaml 2>err; code=$?
  check "-o the assessment's framework" 1 "$(refusal framework.yaml framework.yaml)"$'\n'
  "$exe" evaluate assessment.yaml -o assessment.yaml 2>err; code=$?
  check "-o the assessment" 1 "$(refusal assessment.yaml assessment.yaml)"$'\n'
  # A catalog criterion read from the criteria/ folder beside the framework is an input too.
  mkdir -p catalog/criteria
  printf 'criterion: uptime\nname: Uptime\ndirection: benefit\nscale: [99, 100]\n' \
    >catalog/criteria/uptime.yaml
  printf '%s\n' 'framework: f' 'title: F' 'criteria: [{use: uptime, weight: 1}]' \
    'options: [{id: a, scores: {uptime: 99.5}}, {id: b, scores: {uptime: 99.9}}]' \
    >catalog/framework.yaml
  "$exe" evaluate catalog/framework.yaml -o catalog/criteria/uptime.yaml 2>err; code=$?
  check "-o a catalog file read" 1 \
    "$(refusal catalog/criteria/uptime.yaml catalog/criteria/uptime.yaml)"$'\n'
  grep -q '^criterion: uptime$' catalog/criteria/uptime.yaml || fail "-o a catalog file: changed"
  "$exe" weights framework.yaml -o framework.yaml 2>err; code=$?
  check "weights -o the input" 1 "$(refusal framework.yaml framework.yaml)"$'\n'
  same_file "-o the input" before.yaml framework.yaml
  same_file "-o the assessment" before_assessment.yaml assessment.yaml
  [[ -L input_link.yaml ]] || fail "-o a link to the input: no longer a link"
  no_leftovers "-o an input"
}

test_input() {
  local start=$SECONDS
  timeout 20 "$exe" evaluate /dev/zero 2>err; code=$?
  check "evaluate /dev/zero" 1 "$(io_error /dev/zero "is a character device, not a regular file")"$'\n'
  ((SECONDS - start < 5)) || fail "evaluate /dev/zero took $((SECONDS - start)) s"
  timeout 20 "$exe" validate /dev/zero 2>err; code=$?
  check "validate /dev/zero" 1 "$(io_error /dev/zero "is a character device, not a regular file")"$'\n'
  mkdir folder
  "$exe" evaluate folder 2>err; code=$?
  check "evaluate a folder" 1 "$(io_error folder "is a directory, not a file")"$'\n'
  # A FIFO with no writer: refused before it is opened, which would block.
  mkfifo pipe.yaml
  timeout 20 "$exe" evaluate pipe.yaml 2>err; code=$?
  check "evaluate a FIFO" 1 "$(io_error pipe.yaml "is a FIFO (named pipe), not a regular file")"$'\n'
  mkfifo pipe
  timeout 20 "$exe" evaluate pipe 2>err; code=$?
  check "evaluate a FIFO, bare name" 1 "$(io_error pipe "is a FIFO (named pipe), not a regular file")"$'\n'
  timeout 20 "$exe" evaluate /dev/stdin <framework.yaml >/dev/null 2>err; code=$?
  check "evaluate /dev/stdin from a file" 0 ""
  cat framework.yaml | timeout 20 "$exe" evaluate /dev/stdin 2>err; code=$?
  check "evaluate /dev/stdin from a pipe" 1 \
    "$(io_error /dev/stdin "is a FIFO (named pipe), not a regular file")"$'\n'
  ln -s nowhere.yaml dangling.yaml
  "$exe" evaluate dangling.yaml 2>err; code=$?
  check "evaluate a dangling link" 1 \
    "$(io_error dangling.yaml "is a symbolic link to 'nowhere.yaml', which does not exist")"$'\n'
  ln -s loop_b.yaml loop_a.yaml
  ln -s loop_a.yaml loop_b.yaml
  "$exe" evaluate loop_a.yaml 2>err; code=$?
  check "evaluate a link loop" 1 "$(io_error loop_a.yaml "is a symbolic link loop")"$'\n'
  "$exe" evaluate loop_a.yaml/x.yaml 2>err; code=$?
  check "evaluate through a link loop" 1 \
    "$(io_error loop_a.yaml/x.yaml "symbolic link loop in the path")"$'\n'
  truncate -s 17M big.yaml
  "$exe" evaluate big.yaml 2>err; code=$?
  check "evaluate a file over the limit" 1 \
    "$(io_error big.yaml "file is too large (17825792 bytes; the limit is 16 MiB)")"$'\n'
  # An assessment naming a FIFO as its framework says what it is too.
  printf 'assessment: a\nframework: pipe.yaml\n' >fifo_assessment.yaml
  timeout 20 "$exe" evaluate fifo_assessment.yaml 2>err; code=$?
  check "assessment naming a FIFO" 1 \
    "$(io_error pipe.yaml "is a FIFO (named pipe), not a regular file")"$'\n'
}

case $group in
  stdout) test_stdout ;;
  stderr) test_stderr ;;
  pipe) test_pipe ;;
  output)
    test_output_links
    test_output_modes
    test_output_special
    test_output_inputs
    ;;
  output-user) test_output_unprivileged ;;
  input) test_input ;;
  *) fail "unknown group '$group'" ;;
esac
no_leftovers "$group"
if ((failures > 0)); then
  echo "$failures failure(s) in group '$group'"
  exit 1
fi
echo "all checks passed in group '$group'"
