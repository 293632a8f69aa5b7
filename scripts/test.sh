#!/usr/bin/env bash
# The README's second command (and CI's): set up, build, run every test.
# Two passes: the normal build (gcc), then the same whole suite built with
# clang under AddressSanitizer + UndefinedBehaviorSanitizer, which also builds
# the libFuzzer targets and replays their corpora and kept crash inputs, then
# fuzzes each target briefly. LIFTSHIFT_SANITIZE_PASS=0 skips the second pass
# for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build_dir=${LIFTSHIFT_BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"

if [[ ${LIFTSHIFT_SANITIZE_PASS:-1} != 0 ]]; then
  sanitize_dir=${LIFTSHIFT_SANITIZE_BUILD_DIR:-build-sanitize}
  echo "liftshift: the whole suite again under ASan + UBSan, with the fuzz targets ($sanitize_dir)" >&2
  # -O1 with line tables only: sanitizer reports keep file:line stacks, and the
  # build takes a fraction of the time -O2 -g would.
  CC=clang CXX=clang++ LIFTSHIFT_BUILD_DIR=$sanitize_dir bash scripts/build.sh -DLIFTSHIFT_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$sanitize_dir" --output-on-failure -j"$(nproc)"
fi
