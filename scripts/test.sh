#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what is missing, build, and
# run the whole test suite (unit, actor, HTTP and end-to-end). Fails when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
TARGETS=cdc_tests scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" --timeout 300
