#!/usr/bin/env bash
# cdc-load against a fresh `cdc server` holding N replicating changefeeds:
# creates them, then runs the mixed scenario (reads and pause/update/
# resume/remove/create cycles) and draws latency and throughput over time.
# Also prints the rows all sinks took per second, alone for the duration
# and then while the mixed load runs (issue 17: within 10 %).
#   tools/bench/load.sh [feeds=10000] [duration=30s] [out-dir=/tmp/cdc-load-bench]
# Writes OUT/create.json, OUT/mixed.json and OUT/mixed.png; installs
# gnuplot-nox (Debian) when it is missing, for the plot.
# Set NO_BUILD=1 to skip building; BUILD_DIR picks the build (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-10000}
duration=${2:-30s}
out=${3:-/tmp/cdc-load-bench}
build_dir=${BUILD_DIR:-build}
bin=$build_dir/bin
if [ -z "${NO_BUILD:-}" ]; then
  scripts/deps.sh
  BUILD_DIR=$build_dir scripts/build.sh >/dev/null
fi
if ! command -v gnuplot >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends gnuplot-nox >/dev/null
fi
mkdir -p "$out"
port=${PORT:-18380}
data=$(mktemp -d)
"$bin/cdc" server --addr=127.0.0.1:$port --data-dir="$data" --log-level=warn >"$data/out" 2>"$data/err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do grep -q listening "$data/out" && break; sleep 0.1; done

# Rows all sinks took (cdc_actor_sink_rows_total), and when.
rows_now() {
  curl -s "http://127.0.0.1:$port/metrics" | awk -v t="$(date +%s.%N)" '/^cdc_actor_sink_rows_total / {print t, $2}'
}
rows_per_s() { # "t0 rows0" "t1 rows1" -> rows per second between them
  python3 -c "import sys; t0, r0 = map(float, sys.argv[1].split()); t1, r1 = map(float, sys.argv[2].split()); print(round((r1 - r0) / (t1 - t0)))" "$1" "$2"
}
seconds=${duration%s}

"$bin/cdc-load" create "$feeds" --addr=127.0.0.1:$port -c 16 --json="$out/create.json" --progress=none
# Replication alone, after the feeds' first catch-up, then under the API load.
sleep "${SETTLE:-10}"
quiet0=$(rows_now); sleep "$seconds"; quiet1=$(rows_now)
"$bin/cdc-load" mixed --addr=127.0.0.1:$port -c 16 -d "$duration" --feeds="$feeds" \
  --json="$out/mixed.json" --plot="$out/mixed.png"
loaded1=$(rows_now)
alone=$(rows_per_s "$quiet0" "$quiet1")
under=$(rows_per_s "$quiet1" "$loaded1")
echo
echo "replication: $alone rows/s alone, $under rows/s under the API load ($(python3 -c "print(round($under / $alone, 3))")x)"
echo "$(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d); plot: $out/mixed.png"
