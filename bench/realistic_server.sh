#!/usr/bin/env bash
# The APPSRV01 sample grown to a server of realistic size, assessed as a
# folder and as a VHDX in one run:
#   - SITES more IIS sites (applicationHost.config, an app pool each) and
#     SERVICES more Windows services (SYSTEM hive, written with hivexsh), each
#     app folder holding PER_APP real .NET assemblies from Mono (/usr/lib/mono),
#     a rotating slice of them, so one DLL sits in several bin folders as a
#     NuGet package does on a real server;
#   - the VHDX built from that drive by tests/fixtures/images/make_images.sh
#     (mkntfs, ntfs-3g, qemu-img), SIZE_MB large.
# Prints, for the folder and the VHDX: wall and CPU seconds, peak memory
# (/usr/bin/time -v), the bytes liftshift read (rchar of /proc/self/io for
# the folder; the virtual disk bytes it read for the image), the bytes of the
# files it parsed (LIFTSHIFT_STATS=1), and the VHDX/folder ratios.
#
#   [LIFTSHIFT=BINARY] bench/realistic_server.sh [BUILD_DIR] [SITES] [SERVICES] [PER_APP] [SIZE_MB]
#                             (defaults: build, 20, 10, 120, 1024)
# The drive and the image are kept under BUILD_DIR/bench/realistic-S-V-P and
# reused by later runs with the same sizes. Building the image mounts NTFS
# through FUSE: run as root (or with sudo).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
sites=${2:-20}
services=${3:-10}
per_app=${4:-120}
size_mb=${5:-1024}
liftshift=${LIFTSHIFT:-$build/liftshift}  # LIFTSHIFT=other/binary: compare builds
[[ -x $liftshift ]] || { echo "realistic_server.sh: build liftshift first (bash scripts/build.sh --target liftshift)" >&2; exit 1; }
for tool in hivexsh /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "realistic_server.sh: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
work=$build/bench/realistic-$sites-$services-$per_app
drive=$work/appsrv01
image=$work/appsrv01.vhdx

# The Mono corpus: every regular .dll/.exe file (the GAC's copies, not the links to them).
corpus() { find /usr/lib/mono -type f \( -name '*.dll' -o -name '*.exe' \) | LC_ALL=C sort; }

# copy_slice DEST INDEX: PER_APP assemblies of the corpus from position INDEX*PER_APP/3 on,
# one per file name (a bin folder cannot hold two System.Web.dll).
copy_slice() {
  local dest=$1 index=$2 n=${#assemblies[@]} i start copied=0
  mkdir -p "$dest"
  start=$(((index * per_app / 3) % n))
  for ((i = 0; i < n && copied < per_app; i++)); do
    local f=${assemblies[$(((start + i) % n))]}
    local name=${f##*/}
    [[ -e $dest/$name ]] && continue
    cp "$f" "$dest/$name"
    copied=$((copied + 1))
  done
}

if [[ ! -f $image ]]; then
  mapfile -t assemblies < <(corpus)
  ((${#assemblies[@]} > 0)) || { echo "realistic_server.sh: no assemblies under /usr/lib/mono (install mono-devel)" >&2; exit 1; }
  rm -rf "$work"
  mkdir -p "$work"
  bash "$repo/scripts/build-sample-server.sh" "$work/sample" >/dev/null
  cp -r "$work/sample/appsrv01" "$drive"
  web=$work/sample/apps/published/ContosoWeb
  svc=$work/sample/apps/published/OrderProcessor
  sites_xml=$work/sites.xml pools_xml=$work/pools.xml
  : >"$sites_xml"
  : >"$pools_xml"
  for ((s = 1; s <= sites; s++)); do
    dir="$drive/inetpub/Site$s"
    cp -r "$web" "$dir"
    copy_slice "$dir/bin" "$s"
    printf '            <add name="Site%d" managedRuntimeVersion="v4.0" />\n' "$s" >>"$pools_xml"
    printf '            <site name="Site%d" id="%d">\n                <application path="/" applicationPool="Site%d">\n                    <virtualDirectory path="/" physicalPath="C:\\inetpub\\Site%d" />\n                </application>\n                <bindings>\n                    <binding protocol="http" bindingInformation="*:%d:" />\n                </bindings>\n            </site>\n' \
      "$s" "$((s + 100))" "$s" "$s" "$((9000 + s))" >>"$sites_xml"
  done
  config="$drive/Windows/System32/inetsrv/config/applicationHost.config"
  /usr/bin/python3 - "$config" "$pools_xml" "$sites_xml" <<'PY'
import sys
path, pools, sites = sys.argv[1:]
text = open(path, encoding="utf-8").read()
text = text.replace("            <applicationPoolDefaults", open(pools).read() + "            <applicationPoolDefaults", 1)
text = text.replace("            <siteDefaults>", open(sites).read() + "            <siteDefaults>", 1)
open(path, "w", encoding="utf-8").write(text)
PY
  script=$work/services.hivexsh
  : >"$script"
  for ((v = 1; v <= services; v++)); do
    dir="$drive/Apps/Service$v"
    mkdir -p "$dir"
    cp "$svc/Contoso.OrderProcessor.exe" "$dir/Service$v.exe"
    cp "$svc/Contoso.OrderProcessor.exe.config" "$dir/Service$v.exe.config"
    copy_slice "$dir" "$((sites + v))"
    printf 'cd \\ControlSet001\\Services\nadd Service%d\ncd Service%d\nsetval 5\nType\ndword:0x10\nStart\ndword:2\nImagePath\nexpandstring:"C:\\Apps\\Service%d\\Service%d.exe"\nObjectName\nstring:LocalSystem\nDisplayName\nstring:Service%d\n' \
      "$v" "$v" "$v" "$v" "$v" >>"$script"
  done
  echo "commit" >>"$script"
  hivexsh -w -f "$script" "$drive/Windows/System32/config/SYSTEM"
  LIFTSHIFT_IMAGE_SET=minimal bash "$repo/tests/fixtures/images/make_images.sh" "$drive" "$work/appsrv01" "$size_mb"
  rm -f "$work/appsrv01.raw"
  rm -rf "$work/sample"
fi

files=$(find "$drive" -type f | wc -l)
pe=$(find "$drive" -type f \( -iname '*.dll' -o -iname '*.exe' \) | wc -l)
bytes=$(du -sb "$drive" | cut -f1)
echo "server: $sites+3 sites, $services+ services, $files files ($pe PE), $((bytes >> 20)) MiB; image $(basename "$image"), $((size_mb)) MiB virtual"

# run NAME SOURCE: one timed assessment; sets the globals of that name.
declare -A wall cpu rss readb parsed apps
run() {
  local name=$1 source=$2 json time_log stats_log
  json=$(mktemp) time_log=$(mktemp) stats_log=$(mktemp)
  LIFTSHIFT_STATS=1 /usr/bin/time -v -o "$time_log" "$liftshift" assess --no-store --format json \
    -o "$json" "$source" 2>"$stats_log" >/dev/null || true
  wall[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$time_log")
  cpu[$name]=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$time_log")
  rss[$name]=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$time_log")
  parsed[$name]=$(sed -n 's/.*parsed_bytes=\([0-9]*\).*/\1/p' "$stats_log" | tail -n 1)
  if [[ $name == vhdx ]]; then
    readb[$name]=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sources"][0]["image"]["bytes_read"])' "$json")
  else
    readb[$name]=$(sed -n 's/.*rchar=\([0-9]*\).*/\1/p' "$stats_log" | tail -n 1)
  fi
  apps[$name]=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["apps"]))' "$json")
  cp "$json" "$work/$name.json"
  rm -f "$json" "$time_log" "$stats_log"
}
run folder "$drive"
run vhdx "$image"

printf '%-7s %8s %8s %8s %14s %14s %6s\n' SOURCE WALL_S CPU_S RSS_MiB BYTES_READ BYTES_PARSED APPS
for name in folder vhdx; do
  printf '%-7s %8s %8s %8s %14s %14s %6s\n' "$name" "${wall[$name]}" "${cpu[$name]}" "${rss[$name]}" \
    "${readb[$name]:-?}" "${parsed[$name]:-?}" "${apps[$name]}"
done
/usr/bin/python3 - "${wall[vhdx]}" "${wall[folder]}" "${readb[vhdx]}" "${parsed[vhdx]:-0}" "$size_mb" <<'PY'
import sys
wall_v, wall_f, read_v, parsed_v, size_mb = (float(x or 0) for x in sys.argv[1:])
print(f"vhdx/folder wall: {wall_v / wall_f:.2f}x")
if parsed_v:
    print(f"vhdx bytes read / bytes parsed: {read_v / parsed_v:.2f}x")
print(f"vhdx bytes read / virtual disk: {100 * read_v / (size_mb * 1048576):.1f}%")
PY
/usr/bin/python3 - "$work/folder.json" "$work/vhdx.json" <<'PY'
import json, sys
def verdicts(path):
    return sorted((a["name"], a.get("verdict", "")) for a in json.load(open(path))["apps"])
print("same apps and verdicts:", "yes" if verdicts(sys.argv[1]) == verdicts(sys.argv[2]) else "NO")
PY
