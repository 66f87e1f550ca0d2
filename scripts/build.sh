#!/usr/bin/env bash
# Configures (Release by default) and builds into build/: everything, or
# only the targets named in TARGETS.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs" ${TARGETS:+--target $TARGETS}
