#!/usr/bin/env bash
# Builds Debian's CAF 0.17.6 (core, io, openssl) with ThreadSanitizer into a
# prefix, for `scripts/test.sh SANITIZE=thread`.
#
# TSan sees only the synchronisation of code it instrumented: linked against
# Debian's uninstrumented libcaf, every mailbox hand-over between CAF's
# workers shows as a race in our code. The source is Debian's own (the
# orig tarball of the `actor-framework` source package, checked by apt
# against the .dsc) with Debian's one source change, so the headers are
# libcaf-dev's and the ABI the same, only instrumented.
#
#   scripts/sanitizers/caf-thread.sh PREFIX
set -euo pipefail
prefix=${1:?usage: caf-thread.sh PREFIX}
version=0.17.6
if [ -f "$prefix/.built-$version" ]; then
  exit 0
fi

# `apt-get source` needs a deb-src line for the suites the machine uses.
if ! apt-get source --print-uris --tar-only actor-framework >/dev/null 2>&1; then
  sed -e 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
    > /etc/apt/sources.list.d/cdc-debian-src.sources
  apt-get update -qq
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/caf-thread.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source --download-only --tar-only "actor-framework=$version-*" >/dev/null 2>&1 \
  || apt-get source --download-only --tar-only actor-framework >/dev/null)
tar -xzf "$work"/actor-framework_"$version".orig.tar.gz -C "$work"
src=$work/actor-framework-$version
# Debian's one change to the sources: GCC 12 wants <limits> included where
# std::numeric_limits is used (libcaf-dev's header has it).
grep -q '#include <limits>' "$src/libcaf_io/caf/io/network/receive_buffer.hpp" \
  || sed -i 's|^#include <cstring>|#include <cstring>\n#include <limits>|' \
       "$src/libcaf_io/caf/io/network/receive_buffer.hpp"

cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
  -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread \
  -DCAF_LOG_LEVEL=QUIET -DCAF_NO_EXAMPLES=yes -DCAF_NO_UNIT_TESTS=yes \
  -DCAF_NO_TOOLS=yes -DCAF_NO_PYTHON=yes -DCAF_NO_OPENCL=yes -DCAF_NO_SUMMARY=yes >/dev/null
cmake --build "$work/build" -j "$(nproc)"
cmake --install "$work/build" >/dev/null
touch "$prefix/.built-$version"
