#!/usr/bin/env bash
# Configures and builds liftshift (and its tests and fixtures) into build/.
# Extra arguments go to cmake, e.g. -DLIFTSHIFT_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${LIFTSHIFT_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -- -j"$(nproc)"
