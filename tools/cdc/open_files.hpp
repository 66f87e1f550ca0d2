// The server's descriptor budget. Go raises its soft RLIMIT_NOFILE to the
// hard limit at start, so TiCDC serves as many connections as the system
// allows; `cdc server` does the same, and says when even that cannot hold
// the connections it was told to serve.
#pragma once

#include <cstdint>

namespace cdc::tool {

/// Raises the soft limit on open files to the hard one; returns the soft
/// limit now in force.
std::uint64_t raise_open_files_limit();

/// Whether `open_files` descriptors hold `connections` API connections and
/// what the server opens besides (meta store, sinks, etcd, cluster peers).
/// When they do not, accepting backs off while descriptors run out, and the
/// connections open keep being served.
bool holds_connections(std::uint64_t open_files, std::uint64_t connections);

} // namespace cdc::tool
