#!/usr/bin/env bash
# Fleet-scale benchmark of the results store: SOURCES copies of the published
# sample (3 applications each, 10 files) assessed from one list
#   - into a SQLite file by one process, then by WORKERS shards at once;
#   - into a real PostgreSQL server (tests/store/pg_server.sh) by WORKERS
#     shards at once, as a Kubernetes Indexed Job's pods would;
# then `liftshift portfolio` over the whole store. Reports wall time, sources
# per second and peak memory (max RSS) of the slowest process, and checks
# that every source is in the store exactly once.
#
#   bench/fleet_store.sh [BUILD_DIR] [SOURCES] [WORKERS]   (defaults: build, 2000, 4)
# PostgreSQL comes from Debian's postgresql package (scripts/setup.sh).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
sources=${2:-2000}
workers=${3:-4}
liftshift=$build/liftshift
sample=$build/fixtures/sample/published
[[ -x $liftshift ]] || { echo "fleet_store.sh: build liftshift first (bash scripts/build.sh --target liftshift --target fixtures)" >&2; exit 1; }
[[ -d $sample ]] || { echo "fleet_store.sh: no $sample: build the test fixtures first (bash scripts/build.sh --target fixtures)" >&2; exit 1; }

work=$(mktemp -d /tmp/liftshift-fleet.XXXXXX)
pg=$work/pg
cleanup() {
  bash "$repo/tests/store/pg_server.sh" stop "$pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Real copies: a source is known by its resolved path, so links would be one source.
mkdir -p "$work/estate"
list=$work/estate.txt
for ((i = 0; i < sources; i++)); do
  cp -r "$sample" "$work/estate/srv$i"
  echo "$work/estate/srv$i"
done >"$list"

# Runs liftshift with /usr/bin/time; prints "WALL_S PEAK_RSS_KIB".
timed() {
  { /usr/bin/time -f '%e %M' "$liftshift" "$@" >/dev/null; } 2>&1 | tail -n 1
}

# WORKERS shards at once; prints "WALL_S MAX_PEAK_RSS_KIB".
sharded() {
  local store=$1 start end pids=() i rss=0 r
  start=$(date +%s.%N)
  for ((i = 0; i < workers; i++)); do
    (timed assess --from-list "$list" --shard "$i/$workers" --store "$store" >"$work/shard$i.time") &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  for ((i = 0; i < workers; i++)); do
    r=$(awk '{print $2}' "$work/shard$i.time")
    ((r > rss)) && rss=$r
  done
  echo "$(python3 -c "print(f'{$end - $start:.2f}')") $rss"
}

# Every source exactly once, every application there.
check_store() {
  local store=$1
  "$liftshift" portfolio --store "$store" --format json | python3 -c '
import json, sys
p = json.load(sys.stdin)
want = int(sys.argv[1])
paths = [s["path"] for s in p["sources"]]
assert len(paths) == want and len(set(paths)) == want, f"{len(paths)} sources, {len(set(paths))} distinct"
assert len(p["apps"]) == 3 * want, f'"'"'{len(p["apps"])} applications'"'"'
' "$sources"
}

row() {  # LABEL WALL RSS_KIB
  printf '%-40s %8s %10s %12s\n' "$1" "$2" "$(python3 -c "print(f'{$sources / max($2, 0.01):.0f}')")" "$(($3 / 1024))"
}

printf '%-40s %8s %10s %12s\n' "RUN ($sources sources)" WALL_S SOURCES/S PEAK_RSS_MiB
read -r wall rss <<<"$(timed assess --from-list "$list" --store "$work/one.db")"
row "SQLite, 1 process" "$wall" "$rss"
check_store "$work/one.db"

read -r wall rss <<<"$(sharded "$work/shards.db")"
row "SQLite, $workers shards at once" "$wall" "$rss"
check_store "$work/shards.db"

bash "$repo/tests/store/pg_server.sh" start "$pg" bench-password >/dev/null
url="postgresql://postgres:bench-password@/postgres?host=$pg"
read -r wall rss <<<"$(sharded "$url")"
row "PostgreSQL, $workers shards at once" "$wall" "$rss"
check_store "$url"

read -r wall rss <<<"$(timed portfolio --store "$work/one.db" --format json)"
printf '%-40s %8s %10s %12s\n' "portfolio (SQLite, $((3 * sources)) apps)" "$wall" "" "$((rss / 1024))"
read -r wall rss <<<"$(timed portfolio --store "$url" --format html)"
printf '%-40s %8s %10s %12s\n' "portfolio --format html (PostgreSQL)" "$wall" "" "$((rss / 1024))"
