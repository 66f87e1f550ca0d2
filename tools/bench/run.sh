#!/usr/bin/env bash
# HTTP benchmark: wrk on GET /api/v2/status, GET /api/v2/changefeeds/{id} and
# GET /api/v2/captures against `cdc server`, and on the bare Beast floor (same
# thread count) with a body of each size, all in the same run, ROUNDS times in
# turn; prints the median requests/s of each and its ratio to the floor.
#   tools/bench/run.sh [duration=5s] [connections=64] [rounds=3]
# Set NO_BUILD=1 to skip building; BUILD_DIR picks the build (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-5s}
conns=${2:-64}
rounds=${3:-3}
build_dir=${BUILD_DIR:-build}
bin=$build_dir/bin
if [ -z "${NO_BUILD:-}" ]; then
  scripts/deps.sh
  BUILD_DIR=$build_dir scripts/build.sh >/dev/null
fi

measure() { # url -> requests/s
  wrk -t2 -c"$conns" -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

data=$(mktemp -d)
"$bin/cdc" server --addr=127.0.0.1:18300 --data-dir="$data" --log-level=warn >/dev/null 2>&1 &
cdc_pid=$!
trap 'kill $cdc_pid $floor_pid $floor_big_pid 2>/dev/null; rm -rf "$data"' EXIT
sleep 0.5
curl -sf -X POST http://127.0.0.1:18300/api/v2/changefeeds -d '{"changefeed_id":"bench-get","sink_uri":"blackhole://"}' >/dev/null
status_bytes=$(curl -s http://127.0.0.1:18300/api/v2/status | wc -c)
get_bytes=$(curl -s http://127.0.0.1:18300/api/v2/changefeeds/bench-get | wc -c)
"$bin/beast-floor" 18400 2 >/dev/null &
floor_pid=$!
"$bin/beast-floor" 18401 2 "$get_bytes" >/dev/null &
floor_big_pid=$!
sleep 0.5

declare -A runs
names=(floor floor_big status get captures)
urls=(http://127.0.0.1:18400/ http://127.0.0.1:18401/ http://127.0.0.1:18300/api/v2/status
      http://127.0.0.1:18300/api/v2/changefeeds/bench-get http://127.0.0.1:18300/api/v2/captures)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    runs[${names[$i]}]+="$(measure "${urls[$i]}") "
  done
done
declare -A rps
for n in "${names[@]}"; do
  # shellcheck disable=SC2086
  rps[$n]=$(median ${runs[$n]})
done
ratio() { printf "%.2f" "$(echo "$1 / $2" | bc -l)"; }

echo "| endpoint | body | requests/s (median of $rounds) | ratio to the floor | ratio to the same-size floor |"
echo "|---|---|---|---|---|"
echo "| bare Beast floor | $status_bytes B | ${rps[floor]} | 1.00 | 1.00 |"
echo "| bare Beast floor | $get_bytes B | ${rps[floor_big]} | $(ratio "${rps[floor_big]}" "${rps[floor]}") | 1.00 |"
echo "| GET /api/v2/status | $status_bytes B | ${rps[status]} | $(ratio "${rps[status]}" "${rps[floor]}") | $(ratio "${rps[status]}" "${rps[floor]}") |"
echo "| GET /api/v2/changefeeds/{id} | $get_bytes B | ${rps[get]} | $(ratio "${rps[get]}" "${rps[floor]}") | $(ratio "${rps[get]}" "${rps[floor_big]}") |"
echo "| GET /api/v2/captures (via the owner) | - | ${rps[captures]} | $(ratio "${rps[captures]}" "${rps[floor]}") | - |"
echo
echo "all runs (requests/s): $(for n in "${names[@]}"; do printf '%s: %s; ' "$n" "${runs[$n]% }"; done)"
echo "wrk -t2 -c$conns -d$duration, $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
