#!/usr/bin/env bash
# Configures and builds liftshift (and its tests and fixtures) into build/.
# Release (-O2 without debug info, which builds much faster); extra arguments go to
# cmake, e.g. -DCMAKE_BUILD_TYPE=RelWithDebInfo or -DLIFTSHIFT_SANITIZE=ON, except
# --target NAME (repeatable), which builds only NAME: --target liftshift builds
# the command without the tests and their fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${LIFTSHIFT_BUILD_DIR:-build}
configure=()
targets=()
while (($#)); do
  case $1 in
    --target)
      [[ $# -ge 2 ]] || { echo "build.sh: --target needs a target name" >&2; exit 2; }
      targets+=(--target "$2")
      shift 2
      ;;
    *)
      configure+=("$1")
      shift
      ;;
  esac
done
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${configure[@]}" >/dev/null
cmake --build "$build_dir" "${targets[@]}" -- -j"$(nproc)"
