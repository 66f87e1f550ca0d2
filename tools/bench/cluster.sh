#!/usr/bin/env bash
# Cluster mode: a private etcd and three `cdc server --pd` nodes on this
# machine. Creates FEEDS changefeeds through all three nodes at once (16
# clients each; a non-owner hands its creates to the owner), reports
# creates/s over the whole run and etcd's key writes/s with the feeds idle,
# then SIGKILLs the owner and times until another node owns, and counts the
# feeds the new owner lists.
#   tools/bench/cluster.sh [feeds=3000] [ttl=10]
# Set NO_BUILD=1 to skip building; BUILD_DIR picks the build (default build);
# UPSTREAM=FILE gives every node that --upstream-config (e.g.
# tools/bench/idle_upstream.json, to measure the API without replication).
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-3000}
ttl=${2:-10}
bin=${BUILD_DIR:-build}/bin
if [ -z "${NO_BUILD:-}" ]; then
  scripts/deps.sh
  TARGETS="cdc create-rate" BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh >/dev/null
fi

data=$(mktemp -d "${BENCH_DIR:-/var/tmp}/cdc-cluster.XXXXXX")
etcd_port=${ETCD_PORT:-23870}
port=${PORT:-18375}
pids=()
trap 'for p in "${pids[@]}"; do kill -9 $p 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"' EXIT
etcd --data-dir "$data/etcd" --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" --listen-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
  >"$data/etcd.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$etcd_port/health" >/dev/null && break; sleep 0.1; done
node_pid=()
for i in 0 1 2; do
  "$bin/cdc" server --addr=127.0.0.1:$((port + i)) --data-dir="$data/cdc$i" --log-level=warn \
    --pd="http://127.0.0.1:$etcd_port" --capture-session-ttl="$ttl" ${UPSTREAM:+--upstream-config="$UPSTREAM"} >"$data/cdc$i.log" 2>&1 &
  node_pid+=($!)
  pids+=($!)
done
owner() {
  for i in 0 1 2; do
    curl -s -m 0.3 "http://127.0.0.1:$((port + i))/api/v2/status" | grep -q '"is_owner":true' && { echo $i; return; }
  done
  return 0
}
for _ in $(seq 200); do [ -n "$(owner)" ] && break; sleep 0.05; done
sleep 2 # every node reaches the others

per_client=$(( (feeds / 3 + 15) / 16 ))
start=$(date +%s%N)
for i in 0 1 2; do
  "$bin/create-rate" "127.0.0.1:$((port + i))" 16 "$per_client" "n$i" >"$data/create$i.txt" &
done
wait -n; wait -n; wait -n
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
o=$(owner)
held=$(curl -s "http://127.0.0.1:$((port + o))/api/v2/changefeeds" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "creates through 3 nodes: $held feeds in $elapsed_ms ms = $(( held * 1000 / elapsed_ms ))/s"
rss() { for p in "${node_pid[@]}"; do echo -n "$(( $(awk '/VmRSS/ {print $2}' /proc/$p/status) / 1024 )) "; done; }
cpu() { for p in "${node_pid[@]}" "${pids[0]}"; do awk '{printf "%d ", $14 + $15}' /proc/$p/stat; done; }
puts() { curl -s "http://127.0.0.1:$etcd_port/metrics" | awk '/^etcd_mvcc_put_total/ {printf "%d\n", $2}'; }
a=$(puts); c0=($(cpu)); sleep 10; b=$(puts); c1=($(cpu))
echo "etcd key writes/s with $held feeds idle on 3 nodes: $(( (b - a) / 10 ))"
echo "then, over 10 s: CPU of nodes 0-2 and etcd (% of a core): $(for i in 0 1 2 3; do echo -n "$(( (c1[i] - c0[i]) * 100 / (10 * $(getconf CLK_TCK)) )) "; done); RSS MiB of nodes 0-2: $(rss)(owner: node $o)"

kill -9 "${node_pid[$o]}"
t0=$(date +%s%N)
while true; do
  n=$(owner)
  [ -n "$n" ] && [ "$n" != "$o" ] && break
  sleep 0.05
done
echo "owner SIGKILLed: node $n owns after $(( ($(date +%s%N) - t0) / 1000000 )) ms (capture-session-ttl ${ttl} s)"
sleep 3
after=$(curl -s "http://127.0.0.1:$((port + n))/api/v2/changefeeds" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "feeds listed by the new owner: $after of $held"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
