#!/usr/bin/env bash
# Installs the Debian 12 packages cdc-actor builds and tests with, when missing.
# Needs root (or sudo) only when something is actually missing.
set -euo pipefail

packages=(
  g++ cmake make
  libcaf-dev
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-test1.81-dev
  libspdlog-dev libre2-dev libsqlite3-dev libjemalloc-dev
  libmariadb-dev mariadb-server
  libcli11-dev libtomlplusplus-dev
  librdkafka-dev kcat
  etcd-server etcd-client
  prometheus-cpp-dev prometheus
  python3 curl wrk
  libssl-dev openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
