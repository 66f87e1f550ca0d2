#!/usr/bin/env bash
# Catch-up after downtime: N replicating feeds (default upstream, blackhole
# sinks), kill -9, DOWN seconds of downtime while the upstream keeps writing,
# restart on the same data dir. Prints steady-state RSS, then once a second
# RSS, the slowest feed's lag and how long the list took to answer, and at the
# end the peak RSS against the bound (1.5 x steady + 64 MiB) and the time
# until every feed was within 2 s of the upstream.
#   tools/bench/catch_up.sh [feeds=2000] [down_seconds=180] [max_wait_seconds=180]
# Set NO_BUILD=1 to skip building; BUILD_DIR picks the build (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-2000}
down=${2:-180}
max_wait=${3:-180}
bin=${BUILD_DIR:-build}/bin
if [ -z "${NO_BUILD:-}" ]; then
  scripts/deps.sh
  TARGETS="cdc cdc-load" BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh >/dev/null
fi

data=$(mktemp -d "${BENCH_DIR:-/var/tmp}/cdc-catch-up.XXXXXX")
port=${PORT:-18390}
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$data"' EXIT
start() {
  "$bin/cdc" server --addr=127.0.0.1:$port --data-dir="$data/cdc" --log-level=warn >>"$data/log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v2/status" >/dev/null && return; sleep 0.1; done
  cat "$data/log"; exit 1
}
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
# Seconds the slowest feed is behind now, and the list's answer time.
lag() {
  curl -s -m 10 -w ' %{time_total}' "http://127.0.0.1:$port/api/v2/changefeeds?state=all" | python3 -c '
import json, sys, time
body, took = sys.stdin.read().rsplit(" ", 1)
items = json.loads(body)["items"]
print("%.1f %s" % (max(time.time() - (int(i["checkpoint_tso"]) >> 18) / 1000 for i in items), took))'
}

start
"$bin/cdc-load" create "$feeds" --addr=127.0.0.1:$port --progress=none >/dev/null
sleep 5
steady=0
for _ in $(seq 10); do r=$(rss_kib); [ "$r" -gt "$steady" ] && steady=$r; sleep 0.5; done
echo "feeds $feeds, steady RSS $((steady / 1024)) MiB, lag/list $(lag)"
kill -9 $pid; wait $pid 2>/dev/null || true
echo "down for ${down}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
sleep "$down"

start
t0=$(date +%s.%N); peak=0; caught=
for i in $(seq "$max_wait"); do
  sleep 1
  r=$(rss_kib); [ "$r" -gt "$peak" ] && peak=$r
  read -r behind took < <(lag)
  echo "t=${i}s rss=$((r / 1024))MiB lag=${behind}s list=${took}s"
  if python3 -c "import sys; sys.exit(0 if $behind < 2 else 1)"; then
    caught=$(python3 -c "print('%.1f' % ($(date +%s.%N) - $t0))"); break
  fi
done
bound=$((steady * 3 / 2 + 65536))
echo "peak RSS $((peak / 1024)) MiB (bound $((bound / 1024)) MiB); caught up: ${caught:-not within ${max_wait}s}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
