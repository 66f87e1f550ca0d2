#!/usr/bin/env bash
# Creates/s over HTTP: starts `cdc server` on a data dir on disk (fsync is
# real there, unlike tmpfs), runs create-rate against it, stops it.
#   tools/bench/create_rate.sh [clients=16] [creates_per_client=100] [cdc binary]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
per_client=${2:-100}
cdc=${3:-build/bin/cdc}
bench=$(dirname "$cdc")/create-rate
[ -x "$bench" ] || { scripts/deps.sh; scripts/build.sh >/dev/null; }

# BENCH_DIR=/dev/shm gives the ceiling without fsync cost (tmpfs syncs nothing).
data=$(mktemp -d "${BENCH_DIR:-/var/tmp}/cdc-bench.XXXXXX")
# One table at 1 row/s: every created feed replicates, but cheaply.
cat >"$data.upstream.json" <<'JSON'
{"rows_per_second": 1, "schemas": [{"name": "test0", "tables": [{"name": "t0",
  "columns": [{"name": "id", "type": "bigint", "primary_key": true}]}]}]}
JSON
: >"$data.out"
"$cdc" server --addr=127.0.0.1:0 --data-dir="$data/cdc" --log-level=warn \
  --upstream-config="$data.upstream.json" >"$data.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$data.out" "$data.upstream.json"' EXIT
for _ in $(seq 100); do
  addr=$(awk '/cdc server listening on/ {print $5; exit}' "$data.out")
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { cat "$data.out"; exit 1; }
"$bench" "$addr" "$clients" "$per_client" "bench-$$"
# The disk's fsync latency right after, for context: it bounds one-fsync-per-write.
secs=$(dd if=/dev/zero of="$data/probe" bs=4k count=200 oflag=dsync 2>&1 | awk '/copied/ {print $(NF-3)}')
echo "fsync $(echo "$secs * 5" | bc -l | cut -c1-5) ms (dd oflag=dsync), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
