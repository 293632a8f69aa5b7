#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target from real inputs: the test
# fixtures (built by real tools: mcs, mingw-w64, hivexsh, mkntfs, qemu-img),
# the bundled sample sources, and the third-party hives in ../shared/fixtures.
# Usage: build_corpus.sh FIXTURES_DIR SOURCE_DIR SHARED_FIXTURES_DIR OUT
set -euo pipefail
fixtures=$1 src=$2 shared=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
targets=(pe clr_metadata hive iis_config dotnet_config msbuild_project packages_config task_xml
  partition_table disk_image solution source_scan connection_string runtime_config
  appsettings_json script_tasks)
for t in "${targets[@]}"; do mkdir -p "$out/$t"; done

# Copies each file into the corpus under a name made from its path (corpora are flat).
seed() {
  local target=$1 file=$2
  [[ -f $file ]] || return 0
  local name
  name=$(printf '%s' "$file" | sed 's|.*/fixtures/||; s|[^A-Za-z0-9._-]|_|g')
  cp "$file" "$out/$target/$name"
}

# PE/COFF and CLR metadata: native (mingw) and .NET (mcs) binaries, including
# the truncated ones the PE fixtures make on purpose.
while IFS= read -r -d '' f; do
  seed pe "$f"
  # The CLR metadata root starts at "BSJB"; seed the metadata target with it.
  python3 - "$f" "$out/clr_metadata" <<'PY'
import os, sys
data = open(sys.argv[1], 'rb').read()
at = data.find(b'BSJB')
if at >= 0:
    name = os.path.basename(sys.argv[1]) + '.metadata'
    open(os.path.join(sys.argv[2], name), 'wb').write(data[at:at + 256 * 1024])
PY
done < <(find "$fixtures/pe" "$fixtures/sample" -type f \( -iname '*.exe' -o -iname '*.dll' \) -size -2M -print0)

# Registry hives: the fixtures' hives, the sample servers' SYSTEM/SOFTWARE and
# the real third-party hives small enough to fuzz.
while IFS= read -r -d '' f; do seed hive "$f"; done < <(
  find "$fixtures/hives" -maxdepth 1 -name '*.hive' -print0
  find "$fixtures/servers" -path '*/System32/config/*' -type f -size -4M -print0)
for f in "$shared"/hives/*.hive; do seed hive "$f"; done
for f in "$shared"/hives/*.xz; do
  name=$(basename "$f" .xz)
  if [[ $(xz -dc "$f" | wc -c) -le $((4 << 20)) ]]; then xz -dc "$f" >"$out/hive/$name"; fi
done

# XML and text formats.
while IFS= read -r -d '' f; do seed iis_config "$f"; done < <(
  find "$fixtures" "$src/tests/data" -iname 'applicationHost*.config' -print0)
while IFS= read -r -d '' f; do seed dotnet_config "$f"; done < <(
  find "$fixtures/servers" "$src/samples" "$src/tests/data" -type f \( -iname 'web.config' -o -iname '*.exe.config' -o -iname 'app.config' \) -print0)
while IFS= read -r -d '' f; do seed msbuild_project "$f"; done < <(
  find "$src/samples" "$src/tests/data" -type f \( -iname '*.csproj' -o -iname '*.vbproj' \) -print0)
while IFS= read -r -d '' f; do seed packages_config "$f"; done < <(
  find "$src/samples" "$src/tests/data" -type f -iname 'packages.config' -print0)
while IFS= read -r -d '' f; do seed runtime_config "$f"; done < <(
  find "$fixtures/dotnet" -type f -iname '*.json' -print0)
# appsettings.json is JSON too: the JSON fixtures seed it, and the fuzzer's
# own mutations reach the ConnectionStrings shapes.
while IFS= read -r -d '' f; do seed appsettings_json "$f"; done < <(
  find "$fixtures/dotnet" "$src/tests/data" -type f -iname '*.json' -print0)
while IFS= read -r -d '' f; do seed task_xml "$f"; done < <(
  find "$fixtures/servers" -path '*/System32/Tasks/*' -type f -print0)
while IFS= read -r -d '' f; do seed solution "$f"; done < <(
  find "$src/samples" "$src/tests/data" -type f -iname '*.sln' -print0)
while IFS= read -r -d '' f; do seed source_scan "$f"; done < <(
  find "$src/samples" "$src/tests/data" -type f \( -iname '*.cs' -o -iname '*.vb' \) -print0)
# Connection strings as they appear in the sample configs (the attribute values).
grep -rhoE 'connectionString="[^"]*"' "$src/samples" "$src/tests/data" 2>/dev/null |
  sed 's/^connectionString="//; s/"$//' | sort -u | awk -v d="$out/connection_string" '{ f = d "/cs" NR; printf "%s", $0 > f; close(f) }'

# Partition tables: the first 64 KiB of the fixtures' raw disks (MBR, logical
# partitions, GPT) and of small disks made here with sfdisk.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while IFS= read -r -d '' f; do
  head -c 65536 "$f" >"$out/partition_table/$(basename "$f").head"
done < <(find "$fixtures/images" "$fixtures/servers" -maxdepth 1 -name '*.raw' -print0)

# Disk images: a small disk (MBR, one NTFS partition made by mkntfs) in every
# format qemu-img writes, so the fuzzer starts from valid headers of each.
truncate -s 3M "$work/disk.raw"
printf 'label: dos\nstart=2048, type=7\n' | sfdisk -q "$work/disk.raw"
truncate -s 2M "$work/part.ntfs"
mkntfs -F -Q -q "$work/part.ntfs" >/dev/null 2>&1
dd if="$work/part.ntfs" of="$work/disk.raw" bs=1M seek=1 conv=notrunc status=none
truncate -s 1M "$work/gpt.raw"
printf 'label: gpt\nstart=34, size=1000, type=EBD0A0A2-B9E5-4433-87C0-68B6B72699C7\n' |
  sfdisk -q "$work/gpt.raw"
cp "$work/disk.raw" "$out/disk_image/mbr-ntfs.raw"
head -c 65536 "$work/gpt.raw" >"$out/partition_table/small-gpt.head"
head -c 65536 "$work/disk.raw" >"$out/partition_table/small-mbr.head"
qemu-img convert -O vpc "$work/disk.raw" "$out/disk_image/mbr-ntfs-dynamic.vhd"
qemu-img convert -O vpc -o subformat=fixed "$work/disk.raw" "$out/disk_image/mbr-ntfs-fixed.vhd"
qemu-img convert -O vmdk "$work/disk.raw" "$out/disk_image/mbr-ntfs-sparse.vmdk"
qemu-img convert -O vmdk -o subformat=streamOptimized "$work/disk.raw" "$out/disk_image/mbr-ntfs-stream.vmdk"
# VHDX keeps its metadata at 1 MiB and beyond: seed with the whole small file.
qemu-img convert -O vhdx -o block_size=1M,log_size=1M "$work/disk.raw" "$out/disk_image/mbr-ntfs.vhdx"
# Scripts that register scheduled tasks (schtasks, Register-ScheduledTask).
while IFS= read -r -d '' f; do seed script_tasks "$f"; done < <(
  find "$fixtures/configs" -type f \( -iname '*.cmd' -o -iname '*.bat' -o -iname '*.ps1' \) -print0)
