#!/usr/bin/env bash
# Whole-command benchmark of `liftshift assess` on server disk images:
#   - the bundled APPSRV01 sample (32 MiB VHDX);
#   - a generated 2 GiB sparse VHDX: the same server plus thousands of files
#     (a vendor application tree, IIS logs, a 1 GiB sparse data file).
# Reports wall time, peak memory (max RSS) and the bytes liftshift read from
# the virtual disk against the disk's size. Reading should be a small fraction
# of the image, and memory should not grow with the image size.
#
#   bench/assess_image.sh [BUILD_DIR] [FILES]     (defaults: build, 5000)
# Building the big image mounts NTFS through FUSE: run as root (or with sudo).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
files=${2:-5000}
work=$build/bench
liftshift=$build/liftshift
[[ -x $liftshift ]] || { echo "assess_image.sh: build liftshift first (bash scripts/build.sh --target liftshift)" >&2; exit 1; }
mkdir -p "$work"

if [[ ! -f $work/sample/appsrv01.vhdx ]]; then
  LIFTSHIFT_IMAGE_SET=minimal bash "$repo/scripts/build-sample-server.sh" "$work/sample" --images >/dev/null
fi

if [[ ! -f $work/big.vhdx ]]; then
  drive=$work/big-drive
  rm -rf "$drive"
  cp -r "$work/sample/appsrv01" "$drive"
  vendor="$drive/Program Files/Fabrikam/Suite"
  mkdir -p "$vendor" "$drive/inetpub/logs/LogFiles/W3SVC2"
  for ((i = 0; i < files; i++)); do
    dir="$vendor/module$((i % 50))"
    mkdir -p "$dir"
    printf 'resource %d\r\n' "$i" >"$dir/resource$i.dat"
  done
  for ((d = 1; d <= 365; d++)); do
    printf '#Software: Microsoft Internet Information Services 8.5\r\n' >"$drive/inetpub/logs/LogFiles/W3SVC2/u_ex$d.log"
  done
  truncate -s 1G "$drive/Apps/OrderProcessor/archive.dat"  # sparse: big on the disk, nothing to copy
  LIFTSHIFT_IMAGE_SET=minimal bash "$repo/tests/fixtures/images/make_images.sh" "$drive" "$work/big" 2048
  rm -f "$work/big.raw"
  rm -rf "$drive"
fi

printf '%-28s %9s %12s %14s %14s %9s\n' IMAGE WALL_S PEAK_RSS_MiB BYTES_READ IMAGE_SIZE READ_%
for image in "$work/sample/appsrv01.vhdx" "$work/big.vhdx"; do
  json=$(mktemp)
  stats=$( { /usr/bin/time -f '%e %M' "$liftshift" assess --format json -o "$json" "$image"; } 2>&1 | tail -n 1)
  read -r wall rss_kib <<<"$stats"
  read -r bytes size < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["sources"][0]["image"]; print(s["bytes_read"], s["size"])' "$json")
  rm -f "$json"
  printf '%-28s %9s %12s %14s %14s %9s\n' "$(basename "$image")" "$wall" "$((rss_kib / 1024))" "$bytes" "$size" \
    "$(python3 -c "print(f'{100*$bytes/$size:.3f}')")"
done
