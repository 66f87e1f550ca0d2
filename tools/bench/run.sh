#!/usr/bin/env bash
# HTTP benchmark: wrk on GET /api/v2/status against `cdc server` and against
# the bare Beast floor, same machine, same run. Prints a markdown table.
#   tools/bench/run.sh [duration=5s] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-5s}
conns=${2:-64}
scripts/deps.sh
scripts/build.sh >/dev/null

measure() { # url -> requests/s
  wrk -t2 -c"$conns" -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'
}

data=$(mktemp -d)
build/bin/cdc server --addr=127.0.0.1:18300 --data-dir="$data" --log-level=warn >/dev/null 2>&1 &
cdc_pid=$!
build/bin/beast-floor 18400 2 >/dev/null &
floor_pid=$!
trap 'kill $cdc_pid $floor_pid 2>/dev/null; rm -rf "$data"' EXIT
sleep 0.5

floor=$(measure http://127.0.0.1:18400/)
status=$(measure http://127.0.0.1:18300/api/v2/status)
captures=$(measure http://127.0.0.1:18300/api/v2/captures)

echo "| endpoint | requests/s | ratio to floor |"
echo "|---|---|---|"
echo "| bare Beast floor (fixed body) | $floor | 1.00 |"
printf "| GET /api/v2/status | %s | %.2f |\n" "$status" "$(echo "$status / $floor" | bc -l)"
printf "| GET /api/v2/captures (via owner actor) | %s | %.2f |\n" "$captures" "$(echo "$captures / $floor" | bc -l)"
echo
echo "wrk -t2 -c$conns -d$duration, $(nproc) cores, commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
