#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what is missing, build, and
# run the whole test suite (unit, actor, HTTP and end-to-end). Fails when a test fails.
#
#   scripts/test.sh                            Release build in build/
#   scripts/test.sh SANITIZE=address,undefined the same suite under ASan+UBSan,
#   scripts/test.sh SANITIZE=thread            or TSan, in build-<sanitizers>/
#
# Under a sanitizer every report fails the test that caused it, except those
# scripts/sanitizers/*.supp name (each with the reason). Under thread, CAF is
# first built from Debian's source package with TSan (scripts/sanitizers/
# caf-thread.sh, once, into the build directory): TSan cannot see the
# synchronisation of uninstrumented code.
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do
  case "$arg" in
    SANITIZE=*) SANITIZE=${arg#SANITIZE=} ;;
    *) echo "usage: scripts/test.sh [SANITIZE=address,undefined|thread]" >&2; exit 2 ;;
  esac
done
scripts/deps.sh
build_args=()
timeout=300
if [ -n "${SANITIZE:-}" ]; then
  export BUILD_DIR=${BUILD_DIR:-build-${SANITIZE//,/-}}
  # With debug info a report names inlined frames, which suppressions
  # match (libstdc++'s atomic shared_ptr is all inlined).
  export BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
  build_args=(-DCDC_SANITIZE="$SANITIZE")
  supp=$PWD/scripts/sanitizers
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=0}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp}
  export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp}
  # Instrumented code runs a few times slower.
  timeout=1200
  if [[ $SANITIZE == *thread* ]]; then
    caf_prefix=$(realpath -m "$BUILD_DIR")/caf-thread
    scripts/sanitizers/caf-thread.sh "$caf_prefix"
    build_args+=(-DCMAKE_PREFIX_PATH="$caf_prefix")
  fi
fi
TARGETS=cdc_tests scripts/build.sh "${build_args[@]}"
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" --timeout "$timeout"
