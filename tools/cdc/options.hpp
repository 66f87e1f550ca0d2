// The options of `cdc server`: TiCDC's server config file (--config, see
// config_file.hpp) overlaid by the flags actually given, with TiCDC's names.
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
  /// TiCDC's --config: the server's TOML file; empty: none.
  std::string config_file;
  /// TiCDC's gc-ttl, in seconds: how long the service GC safepoint would
  /// outlive the server (read and kept; the simulated upstream's service
  /// safepoint has no TTL yet).
  std::int64_t gc_ttl = 24 * 60 * 60;
  /// TiCDC's tz: "System" keeps the process's zone, else an IANA name.
  std::string tz = "System";
  /// TiCDC's [log.file]: rotate the log file at max-size MB, delete backups
  /// older than max-days days (0: by age never) and beyond the newest
  /// max-backups (0: keep all).
  std::uint64_t log_max_size_mb = 300;
  std::uint64_t log_max_days = 0;
  std::uint64_t log_max_backups = 0;
  /// Bounds on what one listener takes from its clients (not TiCDC's:
  /// its Go server has none); past them, clear answers (413, 429) or a
  /// closed connection.
  std::uint64_t max_request_body = 10 << 20;
  std::uint64_t max_connections = 10'000;
  std::uint64_t max_requests_in_flight = 1'024;
  /// TiCDC's [security] (and its --ca, --cert, --key, --cert-allowed-cn):
  /// TLS on the API port and who may call its writes.
  struct security_options {
    std::string ca_path;
    std::string cert_path;
    std::string key_path;
    std::vector<std::string> cert_allowed_cn;
    bool mtls = false;
    bool client_user_required = false;
    std::vector<std::string> client_allowed_user;
  } security;
};

/// Sets the option TiCDC calls `name` (a flag without "--", and its TOML key
/// where it has one) from its text; false, with `error` naming it as
/// `label`, when the value is not valid. Unknown names are an error too.
bool set_server_option(const std::string& name, const std::string& value, const std::string& label,
                       server_flags& f, std::string& error);

/// The value of --config, or "": the file is read before the flags, so the
/// flags given override it whatever their order.
std::string config_file_flag(const std::vector<std::string>& args);

/// Parses `--name=value` and `--name value` over `base` (defaults, or what
/// the config file set); on a bad flag returns nullopt and fills `error`
/// with a message for the user.
std::optional<server_flags> parse_server_flags(const std::vector<std::string>& args, std::string& error,
                                               server_flags base = {});

extern const char* server_usage;

} // namespace cdc::tool
