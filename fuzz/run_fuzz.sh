#!/usr/bin/env bash
# Runs one fuzz target for the tests and CI.
#   run_fuzz.sh replay TARGET SEEDS REGRESSIONS [libFuzzer options]
#     runs every seed and every kept regression input once; fails on any crash,
#     leak, timeout or out-of-memory.
#   run_fuzz.sh fuzz TARGET SEEDS REGRESSIONS [libFuzzer options]
#     fuzzes from the seeds into a scratch corpus (the seeds are never
#     modified); a finding is written to the scratch folder and fails the test.
set -euo pipefail
mode=$1 target=$2 seeds=$3 regressions=$4
shift 4
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dirs=("$seeds")
[[ -d $regressions ]] && dirs+=("$regressions")
case $mode in
  replay)
    inputs=()
    while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "${dirs[@]}" -type f -print0)
    # Named files are run once each, in order, whatever their size.
    exec "$target" "$@" -runs=1 "${inputs[@]}" ;;
  fuzz)
    mkdir -p "$scratch/corpus"
    cd "$scratch"
    if ! "$target" "$@" -artifact_prefix="$scratch/" -print_final_stats=1 "$scratch/corpus" "${dirs[@]}"; then
      echo "fuzz target $target failed; the input is kept in $scratch" >&2
      trap - EXIT
      exit 1
    fi ;;
  *) echo "usage: run_fuzz.sh replay|fuzz TARGET SEEDS REGRESSIONS [options]" >&2; exit 2 ;;
esac
