#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs
# each for FUZZ_SECONDS (default 600) against its committed corpus in
# tools/fuzz/corpus/<target>/. New inputs that reach new code are merged back
# into that corpus (commit them); a crash stops the run and leaves its input
# as build-fuzz/findings/<target>/crash-*: make it a regression test.
#
#   scripts/fuzz.sh                        every target, 10 minutes each
#   FUZZ_SECONDS=60 scripts/fuzz.sh sink_uri http_request
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(changefeed_rules http_request api_bodies sink_uri filter_rules)
seconds=${FUZZ_SECONDS:-600}
build=${FUZZ_BUILD_DIR:-build-fuzz}

command -v clang++ >/dev/null || { echo "fuzz: clang++ not found: apt-get install clang" >&2; exit 1; }
CXX=clang++ CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCDC_FUZZ=ON -DCDC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Bodies are changefeed JSON too: they share its dictionary.
dict_of() {
  local name=$1
  [ "$name" = api_bodies ] && name=changefeed_rules
  [ -f "tools/fuzz/$name.dict" ] && echo "-dict=tools/fuzz/$name.dict"
  true
}
for t in "${targets[@]}"; do
  corpus=tools/fuzz/corpus/$t
  work=$build/work/$t
  findings=$build/findings/$t
  mkdir -p "$corpus" "$work" "$findings"
  echo "fuzz: $t for ${seconds}s" >&2
  # -timeout: an input that takes a second is a hang worth reporting.
  "$build/bin/fuzz_$t" $(dict_of "$t") -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 "$work" "$corpus" 2>"$build/$t.log" \
    || { tail -40 "$build/$t.log" >&2; echo "fuzz: $t found a crash: $findings" >&2; exit 1; }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/$t.log" | sed "s/^/fuzz: $t: /" >&2
  # Keep only the inputs that add coverage.
  "$build/bin/fuzz_$t" -merge=1 "$corpus" "$work" 2>>"$build/$t.log" >/dev/null
done
