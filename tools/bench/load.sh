#!/usr/bin/env bash
# cdc-load against a fresh `cdc server` holding N replicating changefeeds:
# creates them, then runs the mixed scenario (reads and pause/update/
# resume/remove/create cycles) and draws latency and throughput over time.
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

"$bin/cdc-load" create "$feeds" --addr=127.0.0.1:$port -c 16 --json="$out/create.json" --progress=none
"$bin/cdc-load" mixed --addr=127.0.0.1:$port -c 16 -d "$duration" --feeds="$feeds" \
  --json="$out/mixed.json" --plot="$out/mixed.png"
echo
echo "$(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d); plot: $out/mixed.png"
