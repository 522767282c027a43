#!/usr/bin/env bash
# Opens every golden HTML report in headless Chromium (check_html.py) and checks what a reader
# would see: the page loads with no script error, fetches nothing, shows the texts its case's
# browser.expect lists, its what-if panel works, it prints; the hostile page runs none of the
# markup hidden in its names.
#   tests/browser/run.sh TRADEOFF_EXE OUTDIR
# Pages: tests/golden/report/*-html/expected.out, each with a browser.expect beside it (required),
# and tests/golden/escape/report-html/expected.out, checked with --hostile (its browser.expect is
# optional). A full-page screenshot of each goes to OUTDIR/<case>.png; the pages are checked two at
# a time (BROWSER_JOBS=N to change). TRADEOFF_EXE is accepted for pages rendered at test time later
# on, and unused: the golden tests already pin the pages checked here.
# Chromium: $CHROMIUM, else Debian's chromium-headless-shell (the headless build made for
# automation: the same engine at about half the CPU time of the full browser), else chromium;
# scripts/setup.sh installs both.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 TRADEOFF_EXE OUTDIR" >&2
  exit 2
fi
outdir=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
golden=$(cd "$here/../golden" && pwd)

chromium=${CHROMIUM:-}
if [ -n "$chromium" ]; then
  chromium=$(command -v "$chromium" || true)
else
  chromium=$(command -v chromium-headless-shell || command -v chromium || command -v chromium-browser \
             || true)
fi
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "browser: Chromium not found (set CHROMIUM, or install Debian's chromium-headless-shell" \
       "or chromium package: scripts/setup.sh does)" >&2
  exit 1
fi
if ! command -v python3 >/dev/null; then
  echo "browser: python3 not found (scripts/setup.sh installs it)" >&2
  exit 1
fi
echo "browser: $chromium"
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

# Each page gets a Chromium of its own; two run at a time (BROWSER_JOBS), each into a log that is
# printed in order once all are done.
jobs=${BROWSER_JOBS:-2}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
names=()

check() {  # check NAME PAGE [ARGS...]: starts check_html.py on one page in the background
  local name=$1 page=$2
  shift 2
  names+=("$name")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  (
    set +e
    python3 -B "$here/check_html.py" --chromium "$chromium" --html "$page" \
      --screenshot "$outdir/$name.png" "$@" >"$logs/$name.log" 2>&1
    echo $? >"$logs/$name.rc"
  ) &
}
problem() {  # problem NAME MESSAGE: a page that cannot be checked
  names+=("$1")
  echo "FAIL: $2" >"$logs/$1.log"
  echo 1 >"$logs/$1.rc"
}

shopt -s nullglob
cases=("$golden"/report/*-html)
shopt -u nullglob
if [ ${#cases[@]} -eq 0 ]; then
  problem report-html "no HTML report case: tests/golden/report/*-html/ matches nothing"
fi
for dir in "${cases[@]}"; do
  name=$(basename "$dir")
  if [ ! -f "$dir/expected.out" ]; then
    problem "$name" "tests/golden/report/$name/expected.out is missing"
  elif [ ! -f "$dir/browser.expect" ]; then
    problem "$name" "tests/golden/report/$name/browser.expect is missing (the texts the page must show)"
  else
    check "$name" "$dir/expected.out" --expect-file "$dir/browser.expect"
  fi
done

hostile=$golden/escape/report-html
if [ -f "$hostile/expected.out" ]; then
  extra=()
  if [ -f "$hostile/browser.expect" ]; then extra=(--expect-file "$hostile/browser.expect"); fi
  check escape-report-html "$hostile/expected.out" --hostile "${extra[@]}"
else
  problem escape-report-html "tests/golden/escape/report-html/expected.out (the hostile page) is missing"
fi
wait

passed=0
failed=0
failures=()
for name in "${names[@]}"; do
  echo "--- $name"
  cat "$logs/$name.log"
  if [ "$(cat "$logs/$name.rc" 2>/dev/null)" = "0" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
done
echo "screenshots: $outdir"
if [ "$failed" -gt 0 ]; then echo "failed: ${failures[*]}"; fi
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
