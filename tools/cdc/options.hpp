// Command-line flags of `cdc server`, with TiCDC's names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdc::tool {

struct server_flags {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8300;
  std::string data_dir = "/tmp/cdc_data";
  std::string log_level = "info";
  std::string log_file;
  std::size_t captures = 1;
  /// The simulated upstream's tables and write rates (JSON); empty: built-in default.
  std::string upstream_config;
  /// Bytes of row changes in flight over all processors (cluster_config).
  std::uint64_t memory_quota = 32 << 20;
  /// Where file:// sinks may write; empty: the data dir and the system temp dir.
  std::vector<std::string> sink_file_allowed_dirs;
  /// TiCDC's --pd: the etcd client URLs holding the cluster's metadata
  /// (PD serves etcd there); empty keeps it in SQLite in the data dir.
  std::string pd;
  /// TiCDC's --cluster-id: the <cluster> of every etcd key.
  std::string cluster_id = "default";
  /// TiCDC's --advertise-addr; empty: the listening address.
  std::string advertise_addr;
  /// TiCDC's capture-session-ttl, in seconds.
  std::uint64_t capture_session_ttl = 10;
};

/// Parses `--name=value` and `--name value`; on a bad flag returns nullopt and
/// fills `error` with a message for the user.
std::optional<server_flags> parse_server_flags(const std::vector<std::string>& args,
                                               std::string& error);

extern const char* server_usage;

} // namespace cdc::tool
