#!/usr/bin/env bash
# Metadata on etcd: a private etcd (Debian's etcd-server, data on disk) and
# one `cdc server --pd` on it. Creates FEEDS changefeeds in rounds of
# create-rate (16 clients), printing creates/s per round as the number held
# grows, then counts etcd's key writes per second over 10 s with the feeds
# idle (etcd_mvcc_put_total from its /metrics).
#   tools/bench/etcd_meta.sh [feeds=10000] [clients=16]
# Set NO_BUILD=1 to skip building; BUILD_DIR picks the build (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-10000}
clients=${2:-16}
bin=${BUILD_DIR:-build}/bin
if [ -z "${NO_BUILD:-}" ]; then
  scripts/deps.sh
  TARGETS="cdc create-rate" BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh >/dev/null
fi

data=$(mktemp -d "${BENCH_DIR:-/var/tmp}/cdc-etcd.XXXXXX")
etcd_port=${ETCD_PORT:-23890}
port=${PORT:-18395}
etcd_pid= cdc_pid=
trap '[ -n "$cdc_pid" ] && kill $cdc_pid 2>/dev/null; [ -n "$etcd_pid" ] && kill $etcd_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT
etcd --data-dir "$data/etcd" --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" --listen-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
  >"$data/etcd.log" 2>&1 &
etcd_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$etcd_port/health" >/dev/null && break; sleep 0.1; done
"$bin/cdc" server --addr=127.0.0.1:$port --data-dir="$data/cdc" --log-level=warn \
  --pd="http://127.0.0.1:$etcd_port" >"$data/cdc.log" 2>&1 &
cdc_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v2/status" >/dev/null && break; sleep 0.1; done

per_round=$(( (feeds / 4 + clients - 1) / clients ))
for round in 1 2 3 4; do
  printf 'round %d: ' "$round"
  "$bin/create-rate" "127.0.0.1:$port" "$clients" "$per_round" "r$round" | tail -1
done
puts() { curl -s "http://127.0.0.1:$etcd_port/metrics" | awk '/^etcd_mvcc_put_total/ {printf "%d\n", $2}'; }
held=$(curl -s "http://127.0.0.1:$port/api/v2/changefeeds" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
a=$(puts); sleep 10; b=$(puts)
echo "etcd key writes/s with $held feeds idle: $(( (b - a) / 10 ))"
fsync=$(curl -s "http://127.0.0.1:$etcd_port/metrics" | awk '/^etcd_disk_wal_fsync_duration_seconds_sum/ {s=$2} /^etcd_disk_wal_fsync_duration_seconds_count/ {n=$2} END {printf "%.2f", s * 1000 / n}')
echo "etcd WAL fsync ${fsync} ms on average, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
