#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (address and undefined sanitizers) and runs each for
# the given number of seconds (default 60) from its corpus. A crash fails the run; save the
# crasher in tests/fuzz/corpus/<target>/ with the fix, so it replays as a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/setup.sh
CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTRADEOFF_FUZZ=ON -DTRADEOFF_BUILD_TESTS=ON >/dev/null
targets=$(sed -n 's/^foreach(target \(.*\))$/\1/p' tests/CMakeLists.txt | head -n 1)
for t in $targets; do
  cmake --build build/fuzz --target "fuzz_$t" -j "$(nproc)"
done
root=$(pwd)
for t in $targets; do
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$t/." "$work/"
  dict=()
  if [ -f "tests/fuzz/$t.dict" ]; then dict=(-dict="$root/tests/fuzz/$t.dict"); fi
  echo "fuzz: $t for ${seconds}s" >&2
  "build/fuzz/tests/fuzz_$t" "${dict[@]}" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$root/build/fuzz/" "$work"
  rm -rf "$work"
done
