#!/usr/bin/env bash
# Sink throughput: starts a private MariaDB (Debian's mariadb-server, its own
# data directory and port) and a librdkafka mock Kafka cluster of 3 brokers
# (cdc-kafka-mock), then runs sink-bench over blackhole, file csv, file
# canal-json, MySQL and Kafka. Prints a markdown table.
#   tools/bench/sinks.sh [rows=262144] [batch=65536]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-262144}
batch=${2:-65536}
scripts/deps.sh
scripts/build.sh >/dev/null

work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
user_flag=()
[ "$(id -u)" -eq 0 ] && user_flag=(--user=root)
mariadb-install-db --no-defaults --datadir="$work/data" --auth-root-authentication-method=normal \
  --skip-test-db "${user_flag[@]}" >"$work/install.log" 2>&1
/usr/sbin/mariadbd --no-defaults --datadir="$work/data" --port="$port" --bind-address=127.0.0.1 \
  --socket="$work/sock" --skip-name-resolve --skip-log-bin --log-error="$work/error.log" "${user_flag[@]}" &
db_pid=$!
# The mock cluster lives while its stdin is open: a fifo held by this shell.
mkfifo "$work/kafka.in"
build/bin/cdc-kafka-mock 3 <"$work/kafka.in" >"$work/kafka.out" &
kafka_pid=$!
exec 9>"$work/kafka.in"
trap 'kill -9 $db_pid $kafka_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  [ -s "$work/kafka.out" ] && break
  sleep 0.1
done
kafka=$(head -n1 "$work/kafka.out")
echo "topic bench-canal 3" >&9
echo "topic bench-open 3" >&9
for _ in $(seq 1 300); do
  mariadb --no-defaults -uroot --socket="$work/sock" -e "SELECT 1" >/dev/null 2>&1 && break
  sleep 0.1
done
mariadb --no-defaults -uroot --socket="$work/sock" \
  -e "CREATE USER 'bench'@'%' IDENTIFIED BY 'bench'; GRANT ALL ON *.* TO 'bench'@'%';"

build/bin/sink-bench --rows="$rows" --batch="$batch" --dir="$work/files" \
  --mysql="mysql://bench:bench@127.0.0.1:$port/" --kafka="$kafka"
echo
echo "$(nproc) cores, commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
