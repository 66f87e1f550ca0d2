#!/usr/bin/env bash
# HTTP benchmark: wrk on GET /api/v2/status, GET /api/v2/changefeeds/{id},
# GET /api/v2/captures and GET /api/v2/processors against `cdc server`, and
# on the bare Beast floor (same thread count) with a body of each size, all
# in the same run. Every round measures the floor right before the
# endpoints, so each endpoint gets a ratio per round; the table shows
# medians over the rounds, and the server CPU per request (from /proc),
# which other load on the machine disturbs less.
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
hz=$(getconf CLK_TCK)

declare -A rps cpu
measure() { # name pid url: appends requests/s and server CPU us/request
  local t0 t1 out n
  t0=$(awk '{print $14 + $15}' "/proc/$2/stat")
  out=$(wrk -t2 -c"$conns" -d"$duration" "$3")
  t1=$(awk '{print $14 + $15}' "/proc/$2/stat")
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  rps[$1]+="$(echo "$out" | awk '/Requests\/sec/ {print $2}') "
  cpu[$1]+="$(echo "($t1 - $t0) * 1000000 / $hz / $n" | bc -l) "
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratios() { # a b: the per-round ratios a/b
  local -a x y; read -ra x <<<"${rps[$1]}"; read -ra y <<<"${rps[$2]}"
  for i in "${!x[@]}"; do echo "${x[$i]} / ${y[$i]}" | bc -l; done
}

data=$(mktemp -d)
"$bin/cdc" server --addr=127.0.0.1:18300 --data-dir="$data" --log-level=warn >/dev/null 2>&1 &
cdc_pid=$!
floor_pid= floor_big_pid=
trap 'kill $cdc_pid $floor_pid $floor_big_pid 2>/dev/null; rm -rf "$data"' EXIT
sleep 0.5
curl -sf -X POST http://127.0.0.1:18300/api/v2/changefeeds -d '{"changefeed_id":"bench-get","sink_uri":"blackhole://"}' >/dev/null
status_bytes=$(curl -s http://127.0.0.1:18300/api/v2/status | wc -c)
get_bytes=$(curl -s http://127.0.0.1:18300/api/v2/changefeeds/bench-get | wc -c)
processors_bytes=$(curl -s http://127.0.0.1:18300/api/v2/processors | wc -c)
"$bin/beast-floor" 18400 2 >/dev/null &
floor_pid=$!
"$bin/beast-floor" 18401 2 "$get_bytes" >/dev/null &
floor_big_pid=$!
sleep 0.5

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$rounds"); do
  measure floor "$floor_pid" http://127.0.0.1:18400/
  measure status "$cdc_pid" http://127.0.0.1:18300/api/v2/status
  measure floor_big "$floor_big_pid" http://127.0.0.1:18401/
  measure get "$cdc_pid" http://127.0.0.1:18300/api/v2/changefeeds/bench-get
  measure captures "$cdc_pid" http://127.0.0.1:18300/api/v2/captures
  measure processors "$cdc_pid" http://127.0.0.1:18300/api/v2/processors
done

row() { # label bytes name floor
  # shellcheck disable=SC2046
  printf "| %s | %s | %.0f | %.2f | %.1f us |\n" "$1" "$2" "$(median ${rps[$3]})" \
    "$(median $(ratios "$3" "$4"))" "$(median ${cpu[$3]})"
}
echo "| endpoint | body | requests/s (median of $rounds) | ratio to its floor (median of the rounds' ratios) | server CPU per request |"
echo "|---|---|---|---|---|"
row "bare Beast floor" "$status_bytes B" floor floor
row "bare Beast floor" "$get_bytes B" floor_big floor_big
row "GET /api/v2/status (floor: $status_bytes B)" "$status_bytes B" status floor
row "GET /api/v2/changefeeds/{id} (floor: $get_bytes B)" "$get_bytes B" get floor_big
row "GET /api/v2/captures, published (floor: $status_bytes B)" "-" captures floor
row "GET /api/v2/processors, published (floor: $status_bytes B)" "$processors_bytes B" processors floor
echo
echo "requests/s per round: $(for n in floor status floor_big get captures processors; do printf '%s: %s; ' "$n" "${rps[$n]% }"; done)"
echo "wrk -t2 -c$conns -d$duration, $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
