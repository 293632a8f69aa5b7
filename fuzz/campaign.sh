#!/usr/bin/env bash
# A long fuzzing campaign, one target after another, each for SECONDS. Runs in
# libFuzzer's fork mode so a crash, timeout or out-of-memory is saved and the
# campaign goes on. The growing corpus and every finding stay in
# BUILD_DIR/fuzz-campaign/<target>/; the last status line of each target
# (executions, coverage, oom/timeout/crash counts) is appended to
# BUILD_DIR/fuzz-campaign/summary.txt.
#   campaign.sh BUILD_DIR SECONDS [TARGET...]   (default: every target)
set -euo pipefail
build=$(cd "$1" && pwd) seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(pe clr_metadata hive iis_config dotnet_config msbuild_project packages_config task_xml
    partition_table disk_image solution source_scan connection_string runtime_config
    appsettings_json)
fi
dict_for() {
  case $1 in
    pe | clr_metadata) echo pe ;;
    hive) echo hive ;;
    partition_table | disk_image) echo disk ;;
    iis_config | dotnet_config | msbuild_project | packages_config | task_xml) echo xml ;;
  esac
}
out=$build/fuzz-campaign
mkdir -p "$out"
for t in "${targets[@]}"; do
  dir=$out/$t
  mkdir -p "$dir/corpus" "$dir/artifacts"
  options=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -rss_limit_mb=2048 -timeout=10
    -max_total_time="$seconds" -artifact_prefix="$dir/artifacts/")
  dict=$(dict_for "$t")
  [[ -n $dict ]] && options+=(-dict="$here/dict/$dict.dict")
  [[ $t == disk_image ]] && options+=(-max_len=4194304)
  seeds=("$build/fuzz-corpus/$t")
  [[ -d $here/regressions/$t ]] && seeds+=("$here/regressions/$t")
  echo "== $t: $(date -u +%FT%TZ), ${seconds}s" >&2
  (cd "$dir" && "$build/fuzz/fuzz_$t" "${options[@]}" corpus "${seeds[@]}" >"$dir/log.txt" 2>&1) || true
  # One line per target, so lanes run side by side still give a readable summary.
  last=$(grep -E '^#[0-9]+: cov' "$dir/log.txt" | tail -1 || true)
  echo "$t: $last artifacts: $(find "$dir/artifacts" -type f | wc -l)" | tee -a "$out/summary.txt"
done
