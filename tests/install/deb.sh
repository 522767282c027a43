#!/usr/bin/env bash
# `cpack -G DEB` over the build: the package tradeoff holds the command (stripped, reporting the
# package's version), its man page, bash completion and the catalog, and depends on the shared
# libraries it links; tradeoff-dev holds the library, its headers and the CMake package.
# Usage: deb.sh BUILD_DIR VERSION TRADEOFF_BINARY TRADEOFF_1 SCRATCH_DIR
set -euo pipefail
build=$1
version=$2
exe=$3
manpage=$4
work=$5

rm -rf "$work"
mkdir -p "$work"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; exit 1; }
arch=$(dpkg --print-architecture)
runtime=$work/tradeoff_${version}_${arch}.deb
dev=$work/tradeoff-dev_${version}_${arch}.deb

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
field() { dpkg-deb -f "$1" "$2"; }
# holds DEB PATH...: each path is in the package.
holds() {
  local deb=$1 listing path
  shift
  listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
  for path in "$@"; do
    grep -qxF "./$path" <<<"$listing" || fail "$(basename "$deb") holds no $path"
  done
}
# lacks DEB PREFIX: nothing in the package starts with it.
lacks() {
  if dpkg-deb -c "$1" | awk '{ print $6 }' | grep -q "^\./$2"; then
    fail "$(basename "$1") holds $2"
  fi
}

for deb in "$runtime" "$dev"; do
  [[ -f $deb ]] || { echo "FAIL: cpack made no $(basename "$deb"): $(ls "$work")" >&2; exit 1; }
  [[ $(field "$deb" Version) == "$version" ]] || fail "$(basename "$deb"): Version $(field "$deb" Version)"
  [[ $(field "$deb" Architecture) == "$arch" ]] || fail "$(basename "$deb"): Architecture"
  [[ -n $(field "$deb" Maintainer) ]] || fail "$(basename "$deb"): no Maintainer"
done
[[ $(field "$runtime" Package) == tradeoff ]] || fail "Package $(field "$runtime" Package)"
[[ $(field "$dev" Package) == tradeoff-dev ]] || fail "Package $(field "$dev" Package)"
[[ $(field "$runtime" Description | head -n 1) == "weighted multi-criteria decision engine and tool" ]] ||
  fail "Description: $(field "$runtime" Description | head -n 1)"

depends=$(field "$runtime" Depends)
for lib in 'libyaml-cpp0\.[0-9]+' 'libfmt[0-9]+' 'libstdc\+\+6' 'libc6'; do
  [[ $depends =~ (^|, )$lib( |,|$) ]] || fail "tradeoff does not depend on $lib: $depends"
done
for lib in libyaml-cpp-dev libfmt-dev; do
  [[ $(field "$dev" Depends) == *"$lib"* ]] || fail "tradeoff-dev does not depend on $lib"
done

holds "$runtime" usr/bin/tradeoff usr/share/man/man1/tradeoff.1 \
  usr/share/bash-completion/completions/tradeoff \
  usr/share/tradeoff/frameworks/llm_build_vs_buy.yaml usr/share/tradeoff/criteria/moat.yaml
lacks "$runtime" usr/include
lacks "$runtime" usr/lib
holds "$dev" usr/include/tradeoff/evaluate.hpp usr/include/tradeoff/catalog.hpp \
  usr/lib/libtradeoff_engine.a usr/lib/cmake/tradeoff/tradeoffConfig.cmake \
  usr/lib/cmake/tradeoff/tradeoffConfigVersion.cmake usr/lib/cmake/tradeoff/tradeoffTargets.cmake
lacks "$dev" usr/bin
lacks "$dev" usr/share

# The packaged command runs, is the package's version, and the man page is the one built.
dpkg-deb -x "$runtime" "$work/root"
[[ $("$work/root/usr/bin/tradeoff" --version) == "$version" ]] ||
  fail "the packaged tradeoff --version says $("$work/root/usr/bin/tradeoff" --version), not $version"
cmp -s "$manpage" "$work/root/usr/share/man/man1/tradeoff.1" || fail "the packaged man page differs"
[[ $(wc -c <"$work/root/usr/bin/tradeoff") -lt $(wc -c <"$exe") ]] ||
  fail "the packaged tradeoff is not stripped"

if ((failures)); then
  echo "$failures package check(s) failed" >&2
  exit 1
fi
echo "deb: $(basename "$runtime") ($(wc -c <"$runtime") bytes), $(basename "$dev"); every check passed"
