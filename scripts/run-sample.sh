#!/usr/bin/env bash
# The README's first command: set up, build, build the bundled legacy server
# (a Windows Server 2012 R2 application server as a VHDX disk image, made from
# real parts: hivexsh hives, mcs binaries, mkntfs + ntfs-3g + qemu-img), and
# assess it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
LIFTSHIFT_IMAGE_SET=minimal bash scripts/build-sample-server.sh build/sample-server --images >/dev/null
echo
echo "\$ liftshift assess -v build/sample-server/appsrv01.vhdx"
build/liftshift assess -v build/sample-server/appsrv01.vhdx
