#!/usr/bin/env bash
# The README's first command: set up, build liftshift, build the bundled legacy server
# (a Windows Server 2012 R2 application server as a VHDX disk image, made from
# real parts: hivexsh hives, mcs binaries, mkntfs + ntfs-3g + qemu-img), and
# assess it, then write its build contexts (containerize).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${LIFTSHIFT_BUILD_DIR:-build}  # as scripts/build.sh
bash scripts/setup.sh
# Only the command: the tests and their fixtures are not needed to assess.
bash scripts/build.sh --target liftshift >/dev/null
LIFTSHIFT_IMAGE_SET=minimal bash scripts/build-sample-server.sh "$build_dir/sample-server" --images >/dev/null
echo
echo "\$ liftshift assess -v $build_dir/sample-server/appsrv01.vhdx"
"$build_dir/liftshift" assess -v "$build_dir/sample-server/appsrv01.vhdx"
# Then the build contexts: each candidate's own files (configs with their
# secrets moved out) beside its Dockerfile, manifests and MIGRATION.md.
out="$build_dir/sample-containerize"
echo
echo "\$ liftshift containerize $build_dir/sample-server/appsrv01.vhdx -o $out --force"
"$build_dir/liftshift" containerize "$build_dir/sample-server/appsrv01.vhdx" -o "$out" --force
