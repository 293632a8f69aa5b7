#!/usr/bin/env bash
# Configures and builds liftshift (and its tests and fixtures) into build/.
# Release (-O2 without debug info, which builds much faster); extra arguments go to
# cmake, e.g. -DCMAKE_BUILD_TYPE=RelWithDebInfo or -DLIFTSHIFT_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${LIFTSHIFT_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build_dir" -- -j"$(nproc)"
