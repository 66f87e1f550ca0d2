#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what is missing, build, and
# start the server on its embedded defaults (127.0.0.1:8300). Extra arguments go
# to `cdc server`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
TARGETS=cdc scripts/build.sh
exec build/bin/cdc server "$@"
