#!/usr/bin/env bash
# Installs what tradeoff needs to build and test, from Debian packages, when it is missing.
# Safe to run again: it installs nothing when everything is present. Needs root (or sudo).
set -euo pipefail

packages=(
  g++ make cmake pkg-config
  libyaml-cpp-dev libeigen3-dev libfmt-dev libcli11-dev nlohmann-json3-dev  # the engine
  libfast-float-dev                                                          # tables of scores
  catch2                                                                     # unit tests
  libbenchmark-dev                                                           # bench/
  clang libclang-rt-dev                                                      # libFuzzer
  clang-format clang-tidy                                                    # scripts/lint.sh
  chromium chromium-headless-shell cmark-gfm python3                         # tests/browser, tests/markdown
  man-db                                                                     # tests/install: man -l
  python3-jsonschema python3-yaml                                            # tests/schema
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
