#!/usr/bin/env bash
# The README's first command: set up, build, build the bundled legacy sample
# from source with mcs, and assess it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
bash scripts/build-sample.sh build/sample
echo
echo "\$ liftshift assess -v build/sample/published"
build/liftshift assess -v build/sample/published
