#include "tools/cdc/config_file.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "model/log_level.hpp"

namespace cdc::tool {

namespace {

/// Keys set through set_server_option, as their flags are.
constexpr std::string_view string_options[] = {"addr", "advertise-addr", "log-file", "data-dir", "tz", "cluster-id"};
constexpr std::string_view integer_options[] = {"gc-ttl", "capture-session-ttl"};

/// Tables whose keys are checked one by one.
constexpr std::string_view tables[] = {"log", "log.file", "security", "sorter", "kv-client"};

/// Tables taken whole, whatever they hold: TiCDC itself leaves [debug]
/// unchecked.
constexpr std::string_view unchecked_tables[] = {"debug"};

/// TiCDC's keys that tune parts of TiCDC this server does not have (the
/// TiKV client, the sorter, flush loops, Go's GC): accepted, no effect.
constexpr std::string_view ignored_keys[] = {
  "owner-flush-interval", "processor-flush-interval", "per-table-memory-quota", "max-memory-percentage",
  "gc-tuner-memory-threshold", "log.error-output",
  // [sorter], old and new names
  "sorter.sort-dir", "sorter.cache-size-in-mb", "sorter.num-concurrent-worker", "sorter.chunk-size-limit",
  "sorter.max-memory-percentage", "sorter.max-memory-consumption", "sorter.num-workerpool-goroutine",
  // [kv-client]
  "kv-client.enable-multiplexing", "kv-client.worker-concurrent", "kv-client.grpc-stream-concurrent",
  "kv-client.frontier-concurrent", "kv-client.advance-interval-in-ms", "kv-client.worker-pool-size",
  "kv-client.region-scan-limit", "kv-client.region-retry-duration"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view key) {
  return std::find(std::begin(list), std::end(list), key) != std::end(list);
}

std::string_view type_name(const toml::node& v) {
  switch (v.type()) {
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::array: return "array";
    case toml::node_type::table: return "table";
    default: return "date or time";
  }
}

/// Walks the file's tables, applying what it knows and collecting the keys
/// it does not (with their table's path, dotted, as TiCDC names them).
class reader {
public:
  reader(const std::string& path, server_flags& f) : path_(path), f_(f) {}

  bool read(const toml::table& root, std::string& error) {
    walk(root, "");
    if (!error_.empty()) {
      error = error_;
      return false;
    }
    if (!unknown_.empty()) {
      std::string keys;
      for (const auto& k : unknown_)
        keys += (keys.empty() ? "" : ", ") + k;
      error = "component TiCDC server's config file " + path_ + " contained unknown configuration options: " + keys;
      return false;
    }
    return true;
  }

private:
  void walk(const toml::table& table, const std::string& prefix) {
    for (auto&& [k, v] : table) {
      std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
      if (listed(unchecked_tables, key) || listed(ignored_keys, key))
        continue;
      if (listed(tables, key)) {
        if (const auto* sub = v.as_table())
          walk(*sub, key);
        else
          mistyped(key, v, "table");
      } else if (!apply(key, v)) {
        unknown_.push_back(key);
        // TiCDC lists an unknown table's keys too.
        if (const auto* sub = v.as_table())
          walk_unknown(*sub, key);
      }
    }
  }

  void walk_unknown(const toml::table& table, const std::string& prefix) {
    for (auto&& [k, v] : table) {
      unknown_.push_back(prefix + "." + std::string(k.str()));
      if (const auto* sub = v.as_table())
        walk_unknown(*sub, unknown_.back());
    }
  }

  /// False when `key` is not one this server acts on.
  bool apply(const std::string& key, const toml::node& v) {
    if (listed(string_options, key) || key == "log-level") {
      if (auto s = string_of(key, v))
        set(key, *s);
    } else if (listed(integer_options, key)) {
      if (auto n = v.value_exact<std::int64_t>())
        set(key, std::to_string(*n));
      else
        mistyped(key, v, "integer");
    } else if (key == "log.file.max-size") {
      count(key, v, f_.log_max_size_mb);
    } else if (key == "log.file.max-days") {
      count(key, v, f_.log_max_days);
    } else if (key == "log.file.max-backups") {
      count(key, v, f_.log_max_backups);
    } else if (key == "security.ca-path") {
      if (auto s = string_of(key, v))
        f_.security.ca_path = *s;
    } else if (key == "security.cert-path") {
      if (auto s = string_of(key, v))
        f_.security.cert_path = *s;
    } else if (key == "security.key-path") {
      if (auto s = string_of(key, v))
        f_.security.key_path = *s;
    } else if (key == "security.cert-allowed-cn") {
      strings(key, v, f_.security.cert_allowed_cn);
    } else if (key == "security.client-allowed-user") {
      strings(key, v, f_.security.client_allowed_user);
    } else if (key == "security.mtls") {
      boolean(key, v, f_.security.mtls);
    } else if (key == "security.client-user-required") {
      boolean(key, v, f_.security.client_user_required);
    } else {
      return false;
    }
    return true;
  }

  void set(const std::string& key, const std::string& value) {
    if (!error_.empty())
      return;
    // The flag checks log-level only when the logger starts; a file's value
    // is checked here, so the message can say where it came from.
    if (key == "log-level" && !model::parse_log_level(value)) {
      fail(key, "must be debug, info, warn, error, dpanic, panic or fatal, got '" + value + "'");
      return;
    }
    std::string why;
    if (!set_server_option(key, value, key, f_, why))
      error_ = "config file " + path_ + ": " + why;
  }

  std::optional<std::string> string_of(const std::string& key, const toml::node& v) {
    if (auto s = v.value_exact<std::string>())
      return s;
    mistyped(key, v, "string");
    return std::nullopt;
  }

  void count(const std::string& key, const toml::node& v, std::uint64_t& out) {
    auto n = v.value_exact<std::int64_t>();
    if (!n)
      return mistyped(key, v, "integer");
    if (*n < 0)
      return fail(key, "must not be negative, got " + std::to_string(*n));
    out = static_cast<std::uint64_t>(*n);
  }

  void boolean(const std::string& key, const toml::node& v, bool& out) {
    if (auto b = v.value_exact<bool>())
      out = *b;
    else
      mistyped(key, v, "boolean");
  }

  void strings(const std::string& key, const toml::node& v, std::vector<std::string>& out) {
    const auto* array = v.as_array();
    if (!array)
      return mistyped(key, v, "array of strings");
    out.clear();
    for (const auto& item : *array) {
      auto s = item.value_exact<std::string>();
      if (!s)
        return mistyped(key, v, "array of strings");
      out.push_back(*s);
    }
  }

  void mistyped(const std::string& key, const toml::node& v, std::string_view wanted) {
    fail(key, "must be " + std::string(wanted == "integer" || wanted == "array of strings" ? "an " : "a ")
                + std::string(wanted) + ", got " + std::string(type_name(v)) + " (line "
                + std::to_string(v.source().begin.line) + ")");
  }

  void fail(const std::string& key, const std::string& why) {
    if (error_.empty())
      error_ = "config file " + path_ + ": " + key + " " + why;
  }

  const std::string& path_;
  server_flags& f_;
  std::vector<std::string> unknown_;
  std::string error_;
};

} // namespace

bool apply_config_file(const std::string& path, server_flags& f, std::string& error) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    error = "config file " + path + ": " + std::string(e.description());
    if (e.source().begin.line != 0)
      error += " (line " + std::to_string(e.source().begin.line) + ")";
    return false;
  }
  return reader(path, f).read(root, error);
}

} // namespace cdc::tool
