#!/usr/bin/env bash
# Set up, build with warnings as errors, and run every test through ctest.
#   scripts/test.sh              GCC, Debug
#   scripts/test.sh --sanitize   the same under AddressSanitizer and UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

build=build/test
flags=(-DCMAKE_BUILD_TYPE=Debug -DTRADEOFF_WARNINGS_AS_ERRORS=ON -DTRADEOFF_BUILD_BENCH=ON)
if [ "${1:-}" = "--sanitize" ]; then
  build=build/sanitize
  flags+=(-DTRADEOFF_SANITIZE=address,undefined -DTRADEOFF_BUILD_BENCH=OFF)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$build" "${flags[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
