#!/usr/bin/env bash
# The main job: set up, build, and evaluate the built-in LLM build-or-buy framework on its
# defaults (the seed scenario). Extra arguments go to `tradeoff evaluate`, e.g. --format json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DTRADEOFF_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target tradeoff -j "$(nproc)" >/dev/null
exec build/release/cli/tradeoff evaluate llm_build_vs_buy "$@"
