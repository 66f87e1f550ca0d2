// MySQL/TiDB sink parameters (TiCDC pkg/sink/mysql/config.go Apply): bind
// every parameter first, then range-check in TiCDC's order.
#include <algorithm>
#include <cctype>

#include "model/sink/param_reader.hpp"
#include "model/sink/validate.hpp"

namespace cdc::model::sink {

namespace {

// Reads an integer that must be > 0 (or >= 0), capping it as TiCDC does.
result<void> bounded(const param_reader& r, std::optional<std::int64_t> value,
                     std::string_view name, std::int64_t min, std::int64_t cap, int& out) {
  if (!value)
    return {};
  if (*value < min) {
    std::string rule = min == 0 ? "which must be greater than or equal to 0"
                                : "which must be greater than 0";
    return r.wrap("invalid " + std::string{name} + " " + std::to_string(*value) + ", " + rule);
  }
  out = static_cast<int>(std::min(*value, cap));
  return {};
}

} // namespace

result<mysql_params> validate_mysql(const sink_uri& uri, const sink_settings& settings,
                                    const sink_config_view& config) {
  param_reader r{uri, config.config_params, api_error::mysql_invalid_config};
  mysql_params out;
  out.atomicity = settings.atomicity;
  out.tls = uri.scheme.ends_with("+ssl");
  if (uri.user && !uri.user->empty())
    out.user = *uri.user;
  out.password = uri.password.value_or(std::string{});
  out.host = uri.hostname;
  if (!uri.port.empty()) {
    auto port = parse_go_int(uri.port, 32);
    if (!port || *port < 1 || *port > 65535)
      return r.fail_own("invalid port " + uri.port + " in sink uri, a port must be between 1 and 65535");
    out.port = static_cast<std::uint16_t>(*port);
  }

  // Binding (gin): every typed parameter must parse before any is checked.
  auto worker_count = r.integer("worker-count");
  if (!worker_count) return worker_count.error();
  auto max_txn_row = r.integer("max-txn-row");
  if (!max_txn_row) return max_txn_row.error();
  auto max_row_size = r.integer("max-multi-update-row-size");
  if (!max_row_size) return max_row_size.error();
  auto max_row_count = r.integer("max-multi-update-row");
  if (!max_row_count) return max_row_count.error();
  auto safe_mode = r.boolean("safe-mode");
  if (!safe_mode) return safe_mode.error();
  auto batch_dml = r.boolean("batch-dml-enable");
  if (!batch_dml) return batch_dml.error();
  auto multi_stmt = r.boolean("multi-stmt-enable");
  if (!multi_stmt) return multi_stmt.error();
  auto cache_prep = r.boolean("cache-prep-stmts");
  if (!cache_prep) return cache_prep.error();

  if (auto ok = bounded(r, *worker_count, "worker-count", 1, 1024, out.worker_count); !ok)
    return ok.error();
  if (auto ok = bounded(r, *max_txn_row, "max-txn-row", 1, 2048, out.max_txn_row); !ok)
    return ok.error();
  if (auto ok = bounded(r, *max_row_count, "max-multi-update-row", 1, 256, out.max_multi_update_row); !ok)
    return ok.error();
  if (auto ok = bounded(r, *max_row_size, "max-multi-update-row-size", 0, 8192,
                        out.max_multi_update_row_size); !ok)
    return ok.error();

  // Other modes are only warned about in TiCDC and the default stays.
  if (auto mode = r.get("tidb-txn-mode"); mode && !mode->empty()) {
    std::string lower{*mode};
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "optimistic" || lower == "pessimistic")
      out.tidb_txn_mode = lower;
  }
  if (auto v = r.get("ssl-ca")) out.ssl_ca = *v;
  if (auto v = r.get("ssl-cert")) out.ssl_cert = *v;
  if (auto v = r.get("ssl-key")) out.ssl_key = *v;
  if (*safe_mode) out.safe_mode = **safe_mode;
  if (auto tz = r.get("time-zone")) out.time_zone = std::string{*tz};

  auto read_timeout = r.duration("read-timeout");
  if (!read_timeout) return read_timeout.error();
  auto write_timeout = r.duration("write-timeout");
  if (!write_timeout) return write_timeout.error();
  auto dial_timeout = r.duration("timeout");
  if (!dial_timeout) return dial_timeout.error();
  if (*read_timeout) out.read_timeout = **read_timeout;
  if (*write_timeout) out.write_timeout = **write_timeout;
  if (*dial_timeout) out.dial_timeout = **dial_timeout;

  if (*batch_dml) out.batch_dml_enable = **batch_dml;
  if (*multi_stmt) out.multi_stmt_enable = **multi_stmt;
  if (*cache_prep) out.cache_prep_stmts = **cache_prep;
  return out;
}

} // namespace cdc::model::sink
