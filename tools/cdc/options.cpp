#include "tools/cdc/options.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <utility>

#include "model/ids.hpp"
#include "tools/cdc/time_zone.hpp"

namespace cdc::tool {

const char* server_usage = R"(Usage: cdc server [flags]

Flags:
  --config=FILE         TiCDC's server config file (TOML); flags given override it
  --addr=HOST:PORT      address of the first capture's API (default 127.0.0.1:8300);
                        capture i listens on PORT+i, port 0 picks free ports
  --data-dir=DIR        directory for the server's data (default /tmp/cdc_data)
  --log-level=LEVEL     debug, info, warn, error, dpanic, panic, fatal (default info)
  --log-file=FILE       write the log to FILE instead of stderr
  --captures=N          capture actors in this process, each with its own ID and
                        address, to simulate a cluster on one machine (default 1)
  --upstream-config=FILE
                        the simulated upstream's schemas, tables and write rates
                        (JSON; default: 4 schemas x 8 tables, 10 rows/s each)
  --memory-quota=BYTES  row changes all changefeeds may hold at once, read from the
                        upstream and not yet flushed by their sinks; bounds memory
                        while feeds catch up (default 32MiB; KiB, MiB, GiB allowed)
  --sink-file-allowed-dirs=DIR[,DIR...]
                        the only directories file:// sinks may write below
                        (default: the data dir and the system temp dir)
  --pd=URL[,URL...]     etcd client URLs (PD's, or a plain etcd's): cluster mode.
                        The node registers its capture and campaigns for owner
                        there, and changefeed metadata is kept there, all in
                        TiCDC's key layout instead of the data dir; one capture
                        per process (--captures must be 1)
  --cluster-id=ID       TiCDC's cluster ID: the <cluster> of every etcd key
                        (letters, digits and single hyphens; default "default")
  --advertise-addr=HOST:PORT
                        the API address this capture tells the cluster (default:
                        the address it listens on)
  --capture-session-ttl=SECONDS
                        how long the capture's etcd lease outlives its last
                        renewal; a node silent this long loses its capture and
                        owner role (default 10, as TiCDC)
  --gc-ttl=SECONDS      TiCDC's service GC safepoint TTL (default 86400; kept,
                        no effect yet)
  --max-request-body=BYTES
                        larger request bodies are refused with 413 before they
                        are read (default 10MiB; KiB, MiB, GiB allowed)
  --max-connections=N   open connections each capture's API serves; past it a new
                        connection replaces the longest idle one, or is closed
                        when all are busy (default 10000)
  --max-requests-in-flight=N
                        requests each capture's API holds read whole and
                        unanswered; past it, 429 with Retry-After (default 1024)
  --ca=FILE             CA certificate (PEM) that client certificates must chain to;
                        given, the API serves HTTPS only (TiCDC's security.ca-path)
  --cert=FILE, --key=FILE
                        the API's certificate and private key (PEM)
  --cert-allowed-cn=CN[,CN...]
                        require a client certificate whose subject CN is listed
  --tz=ZONE             time zone of times the server shows: System (default),
                        UTC, Local or a time zone database name
)";

namespace {

bool parse_number(const std::string& text, std::uint64_t max, std::uint64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size() && out <= max;
}

/// "HOST:PORT" (or "[v6]:PORT") into `f`'s host and port.
bool parse_addr(const std::string& text, server_flags& f) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return false;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::uint64_t port = 0;
  if (!parse_number(text.substr(colon + 1), 65535, port))
    return false;
  f.host = host == "localhost" ? "127.0.0.1" : host;
  f.port = static_cast<std::uint16_t>(port);
  return true;
}

/// TiCDC's ID rule, minus the words its etcd layout uses as key segments.
bool valid_cluster_id(const std::string& id) {
  static constexpr std::string_view reserved[] = {"owner", "capture", "task", "changefeed", "job", "meta"};
  return model::is_valid_id(id) && std::find(std::begin(reserved), std::end(reserved), id) == std::end(reserved);
}

/// "33554432", "32MiB", "512KiB" or "1GiB".
bool parse_bytes(const std::string& text, std::uint64_t& out) {
  static constexpr std::pair<const char*, unsigned> suffixes[] = {{"KiB", 10}, {"MiB", 20}, {"GiB", 30}};
  for (auto [suffix, shift] : suffixes)
    if (text.ends_with(suffix)) {
      std::uint64_t n = 0;
      if (!parse_number(text.substr(0, text.size() - 3), (std::uint64_t{1} << (63 - shift)) - 1, n))
        return false;
      out = n << shift;
      return true;
    }
  return parse_number(text, UINT64_MAX, out);
}

/// A comma-separated list of directories, none of them empty.
bool parse_dirs(const std::string& text, std::vector<std::string>& out, std::string& error) {
  out.clear();
  std::size_t start = 0;
  while (true) {
    auto comma = text.find(',', start);
    auto dir = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (dir.empty()) {
      error = "--sink-file-allowed-dirs needs directories separated by commas, got '" + text + "'";
      return false;
    }
    out.push_back(dir);
    if (comma == std::string::npos)
      return true;
    start = comma + 1;
  }
}

} // namespace

bool set_server_option(const std::string& name, const std::string& value, const std::string& label,
                       server_flags& f, std::string& error) {
  if (name == "addr") {
    if (!parse_addr(value, f)) {
      error = label + " must be HOST:PORT with a port from 0 to 65535, got '" + value + "'";
      return false;
    }
  } else if (name == "data-dir") {
    f.data_dir = value;
  } else if (name == "log-level") {
    f.log_level = value; // checked when the logger is set up (exit 1, as a bad data dir)
  } else if (name == "log-file") {
    f.log_file = value;
  } else if (name == "upstream-config") {
    f.upstream_config = value;
  } else if (name == "memory-quota") {
    std::uint64_t n = 0;
    if (!parse_bytes(value, n) || n < (1u << 20)) {
      error = label + " must be at least 1MiB (bytes, or with KiB, MiB, GiB), got '" + value + "'";
      return false;
    }
    f.memory_quota = n;
  } else if (name == "sink-file-allowed-dirs") {
    if (!parse_dirs(value, f.sink_file_allowed_dirs, error))
      return false;
  } else if (name == "pd") {
    if (value.empty()) {
      error = label + " needs at least one URL, e.g. --pd=http://127.0.0.1:2379";
      return false;
    }
    f.pd = value;
  } else if (name == "cluster-id") {
    if (!valid_cluster_id(value)) {
      error = label + " must be letters and digits joined by single hyphens, at most 128 bytes, and "
              "not owner, capture, task, changefeed, job or meta; got '" + value + "'";
      return false;
    }
    f.cluster_id = value;
  } else if (name == "advertise-addr") {
    server_flags probe;
    if (!parse_addr(value, probe)) {
      error = label + " must be HOST:PORT, got '" + value + "'";
      return false;
    }
    f.advertise_addr = value;
  } else if (name == "capture-session-ttl") {
    std::uint64_t n = 0;
    if (!parse_number(value, 3600, n) || n < 2) {
      error = label + " must be a number of seconds from 2 to 3600, got '" + value + "'";
      return false;
    }
    f.capture_session_ttl = n;
  } else if (name == "gc-ttl") {
    // TiCDC refuses 0 ("empty GC TTL is not allowed"); a negative TTL means nothing.
    std::uint64_t n = 0;
    if (!parse_number(value, INT64_MAX, n) || n == 0) {
      error = label + " must be a positive number of seconds, got '" + value + "'";
      return false;
    }
    f.gc_ttl = static_cast<std::int64_t>(n);
  } else if (name == "tz") {
    if (!is_known_time_zone(value)) {
      error = "can not load timezone '" + value + "' (" + label
              + "): use System, UTC, Local or a name of the time zone database, e.g. Asia/Shanghai";
      return false;
    }
    f.tz = value;
  } else if (name == "max-request-body") {
    std::uint64_t n = 0;
    if (!parse_bytes(value, n) || n < 1024 || n > (std::uint64_t{1} << 30)) {
      error = label + " must be from 1KiB to 1GiB (bytes, or with KiB, MiB, GiB), got '" + value + "'";
      return false;
    }
    f.max_request_body = n;
  } else if (name == "max-connections" || name == "max-requests-in-flight") {
    std::uint64_t n = 0;
    if (!parse_number(value, 1'000'000, n) || n == 0) {
      error = label + " must be a number from 1 to 1000000, got '" + value + "'";
      return false;
    }
    (name == "max-connections" ? f.max_connections : f.max_requests_in_flight) = n;
  } else if (name == "captures") {
    std::uint64_t n = 0;
    if (!parse_number(value, 64, n) || n == 0) {
      error = label + " must be a number from 1 to 64, got '" + value + "'";
      return false;
    }
    f.captures = n;
  } else if (name == "ca") {
    f.security.ca_path = value;
  } else if (name == "cert") {
    f.security.cert_path = value;
  } else if (name == "key") {
    f.security.key_path = value;
  } else if (name == "cert-allowed-cn") {
    // TiCDC's flag: comma-separated; an empty one clears the list.
    f.security.cert_allowed_cn.clear();
    for (std::size_t start = 0; start < value.size();) {
      auto comma = std::min(value.find(',', start), value.size());
      if (comma > start)
        f.security.cert_allowed_cn.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  } else {
    error = "unknown flag " + label;
    return false;
  }
  return true;
}

std::string config_file_flag(const std::vector<std::string>& args) {
  std::string path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].starts_with("--config="))
      path = args[i].substr(9);
    else if (args[i] == "--config" && i + 1 < args.size())
      path = args[i + 1];
  }
  return path;
}

std::optional<server_flags> parse_server_flags(const std::vector<std::string>& args, std::string& error,
                                               server_flags f) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (!arg.starts_with("--")) {
      error = "unexpected argument '" + arg + "'";
      return std::nullopt;
    }
    std::string name = arg.substr(2);
    std::string value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (name == "help") {
      error = "help";
      return std::nullopt;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      error = "flag --" + name + " needs a value";
      return std::nullopt;
    }
    if (name == "config") {
      if (value.empty()) {
        error = "--config needs a file name";
        return std::nullopt;
      }
      continue; // read before the flags: config_file_flag
    }
    if (!set_server_option(name, value, "--" + name, f, error))
      return std::nullopt;
  }
  if (!f.pd.empty() && f.captures != 1) {
    error = "--captures must be 1 with --pd: in cluster mode each capture is a process of its own";
    return std::nullopt;
  }
  // Capture i listens on PORT+i; past 65535 the port would wrap to others.
  if (f.port != 0 && f.port + f.captures - 1 > 65535) {
    error = "--addr=" + f.host + ":" + std::to_string(f.port) + " with --captures=" + std::to_string(f.captures)
            + " needs ports " + std::to_string(f.port) + " to " + std::to_string(f.port + f.captures - 1)
            + ", past 65535; choose a lower port or fewer captures";
    return std::nullopt;
  }
  return f;
}

} // namespace cdc::tool
