#!/usr/bin/env bash
# The PE + CLR metadata parsers against python3-pefile on the same files
# (Mono's assemblies under /usr/lib/mono, or FOLDER):
#   - the Google Benchmark (bench/parsers_bench.cpp): CPU per file, heap
#     allocations per file and per name kept, files in memory;
#   - bench/pefile_facts.py: pefile reading headers, imports, delay imports,
#     resources (version) and the CLR header of the same files, in memory;
#   - whole commands: `liftshift assess` of the folder against the pefile script.
#
#   bench/parsers.sh [BUILD_DIR] [FOLDER]     (defaults: build, /usr/lib/mono)
# Configures BUILD_DIR with -DLIFTSHIFT_BENCH=ON and builds the benchmark.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
folder=${2:-/usr/lib/mono}
LIFTSHIFT_BUILD_DIR=$build bash "$repo/scripts/build.sh" -DLIFTSHIFT_BENCH=ON \
  --target liftshift_parsers_bench --target liftshift >/dev/null
json=$(mktemp)
trap 'rm -f "$json"' EXIT
LIFTSHIFT_BENCH_CORPUS=$folder "$build/bench/liftshift_parsers_bench" --benchmark_min_time=2 \
  --benchmark_format=json >"$json" 2>/dev/null
ours=$(/usr/bin/python3 - "$json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["benchmarks"][0]
print(f"{1e6 / b['items_per_second']:.1f} {b['allocs_per_file']:.0f} {b['allocs_per_kept_name']:.2f} {b['files']:.0f}")
PY
)
read -r us allocs per_name files <<<"$ours"
echo "liftshift: $files files, $us us CPU per file, $allocs heap allocations per file, $per_name per name kept"
pefile_line=$(/usr/bin/python3 "$repo/bench/pefile_facts.py" "$folder")
echo "$pefile_line"
pefile_us=$(sed -n 's/.*, \([0-9.]*\) us per file/\1/p' <<<"$pefile_line")
/usr/bin/python3 -c "print(f'pefile/liftshift CPU per file: {$pefile_us / $us:.1f}x')"

# Whole commands on the same folder: CPU seconds (user + system) of each.
cpu_of() {
  local log
  log=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$log" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$log" | awk '{printf "%.2f", $1 + $2}'
  rm -f "$log"
}
ls_cpu=$(cpu_of "$build/liftshift" assess --no-store --format json -o /dev/null "$folder")
pe_cpu=$(cpu_of /usr/bin/python3 "$repo/bench/pefile_facts.py" "$folder")
echo "whole commands: liftshift assess $ls_cpu s CPU, pefile_facts.py $pe_cpu s CPU"
