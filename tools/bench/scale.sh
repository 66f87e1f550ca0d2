#!/usr/bin/env bash
# Scale benchmark: create N changefeeds with cdc-load (C concurrent clients)
# on a fresh `cdc server`, then report the creation time, resident memory per
# changefeed (VmRSS from /proc), the server's CPU over 10 s after the creates
# (idle only with an upstream that writes nothing), the latency of listing
# all of them and of scraping GET /metrics. One row per upstream config;
# "default" is the built-in one (32 tables at 10 rows/s each: the feeds
# replicate, so they are not idle).
#   tools/bench/scale.sh [feeds=10000] [clients=16] [config...]
# Configs default to: default tools/bench/idle_upstream.json
# Set NO_BUILD=1 to skip building; BUILD_DIR picks the build (default build);
# SETTLE=S waits S seconds after the creates before measuring (default 3).
# The last column is the wall time from SIGTERM and a restart on the same
# data dir until GET /changefeeds lists every feed again.
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-10000}
clients=${2:-16}
shift $(( $# < 2 ? $# : 2 ))
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(default tools/bench/idle_upstream.json)
build_dir=${BUILD_DIR:-build}
bin=$build_dir/bin
if [ -z "${NO_BUILD:-}" ]; then
  scripts/deps.sh
  BUILD_DIR=$build_dir scripts/build.sh >/dev/null
fi
port=${PORT:-18310}
hz=$(getconf CLK_TCK)
idle_s=10

json_field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {'d': d}))" "$@"; }

run_one() { # config -> one table row
  local config=$1 data pid rss0 rss1 t0 t1
  data=$(mktemp -d)
  local args=(server --addr=127.0.0.1:$port --data-dir="$data" --log-level=warn)
  [ "$config" != default ] && args+=(--upstream-config="$config")
  "$bin/cdc" "${args[@]}" >"$data/out" 2>"$data/err" &
  pid=$!
  # The next run reuses the port: wait until this server is gone.
  trap 'kill $pid 2>/dev/null; while kill -0 $pid 2>/dev/null; do sleep 0.1; done; rm -rf "$data"' RETURN
  for _ in $(seq 100); do grep -q listening "$data/out" && break; sleep 0.1; done
  grep -q listening "$data/out" || { cat "$data/err" >&2; return 1; }
  sleep 1
  rss0=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  "$bin/cdc-load" create "$feeds" --addr=127.0.0.1:$port -c "$clients" --json="$data/create.json" \
    --progress=none --fail-on-error >&2
  sleep "${SETTLE:-3}" # let the last placements and processors settle
  rss1=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  t0=$(awk '{print $14 + $15}' /proc/$pid/stat)
  sleep $idle_s
  t1=$(awk '{print $14 + $15}' /proc/$pid/stat)
  "$bin/cdc-load" read --mix=list -c 1 -n 10 --feeds="$feeds" --addr=127.0.0.1:$port --json="$data/list.json" \
    --progress=none --fail-on-error >&2
  # GET /metrics ten times: the body of every feed's owner gauges, p50 and max.
  local scrape_kib scrape_p50 scrape_max
  scrape_kib=$(( $(curl -s "http://127.0.0.1:$port/metrics" | wc -c) / 1024 ))
  read -r scrape_p50 scrape_max < <(for _ in $(seq 10); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/metrics"; done |
    sort -g | awk '{a[NR]=$1} END {printf "%.0f %.0f\n", a[5]*1000, a[NR]*1000}')
  local create_s rate p99 kib cores list_p50 list_max total
  create_s=$(json_field "$data/create.json" "round(d['elapsed_s'], 2)")
  rate=$(json_field "$data/create.json" "round(d['requests_per_second'])")
  p99=$(json_field "$data/create.json" "d['latency_ms']['p99']")
  kib=$(python3 -c "print(round(($rss1 - $rss0) / $feeds, 1))")
  cores=$(python3 -c "print(round(($t1 - $t0) / ($hz * $idle_s), 3))")
  list_p50=$(json_field "$data/list.json" "d['latency_ms']['p50']")
  list_max=$(json_field "$data/list.json" "d['latency_ms']['max']")
  # Feeds listed, and how far their checkpoints trail the wall clock.
  read -r total lag_p50 lag_max < <(curl -s "http://127.0.0.1:$port/api/v2/changefeeds" | python3 -c "
import json, sys, time
d = json.load(sys.stdin); now = time.time() * 1000
lags = sorted((now - (i['checkpoint_tso'] >> 18)) / 1000 for i in d['items'])
print(d['total'], round(lags[len(lags) // 2], 2), round(lags[-1], 2))")
  # Restart on the same data dir: until every feed is listed, normal, and
  # its checkpoint within 2 s of the wall clock again.
  kill -TERM $pid
  while kill -0 $pid 2>/dev/null; do sleep 0.1; done
  local t_restart restart_s
  t_restart=$(date +%s.%N)
  "$bin/cdc" "${args[@]}" >"$data/out" 2>"$data/err" &
  pid=$!
  local tries=0
  until (( tries++ > 1500 )) || curl -sf "http://127.0.0.1:$port/api/v2/changefeeds" 2>/dev/null | python3 -c "
import json, sys, time
d = json.load(sys.stdin); now = time.time() * 1000
ok = d['total'] == $feeds and all(i['state'] == 'normal' and now - (i['checkpoint_tso'] >> 18) < 2000 for i in d['items'])
sys.exit(0 if ok else 1)" 2>/dev/null; do
    sleep 0.2
  done
  restart_s=$(python3 -c "import time; print(round(time.time() - $t_restart, 1))")
  if (( tries > 1500 )); then restart_s="over 300"; fi
  echo "| $(basename "$config") | $total | $create_s s ($rate/s, p99 $p99 ms) | $(( rss0 / 1024 )) → $(( rss1 / 1024 )) MiB | $kib KiB | $cores | $list_p50 ms (max $list_max) | $lag_p50 s / $lag_max s | $scrape_p50 ms (max $scrape_max, $scrape_kib KiB) | $restart_s s |"
}

echo "| upstream | feeds listed | create $feeds ($clients clients) | server RSS before → after | RSS per feed | CPU over ${idle_s} s after (cores) | list all (p50 of 10) | checkpoint lag p50 / max | GET /metrics (p50 of 10) | restart until all serve |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for c in "${configs[@]}"; do
  run_one "$c"
done
echo
echo "$(nproc) cores, load average before the last run: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
