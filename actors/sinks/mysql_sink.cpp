// The MySQL sink; see mysql_sink.hpp.
#include "actors/sinks/mysql_sink.hpp"

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "actors/sinks/measured_write.hpp"
#include "model/changefeed/validate_config.hpp"
#include "model/config/defaults.hpp"
#include "model/mysql/statements.hpp"

namespace cdc::actors {

namespace {

std::chrono::seconds whole_seconds(std::chrono::nanoseconds d) {
  return std::max(std::chrono::seconds{1}, std::chrono::duration_cast<std::chrono::seconds>(d));
}

} // namespace

sink_io::mysql_endpoint endpoint_of(const model::sink::mysql_params& p) {
  sink_io::mysql_endpoint e;
  e.host = p.host;
  e.port = p.port;
  e.user = p.user;
  e.password = p.password;
  e.tls = p.tls;
  e.ssl_ca = p.ssl_ca;
  e.ssl_cert = p.ssl_cert;
  e.ssl_key = p.ssl_key;
  e.connect_timeout = whole_seconds(p.dial_timeout);
  e.read_timeout = whole_seconds(p.read_timeout);
  e.write_timeout = whole_seconds(p.write_timeout);
  return e;
}

model::result<void> mysql_sink_state::apply(const row_batch& batch) {
  using model::api_error;
  if (!client.connected()) {
    // A new server may have lost nothing, or everything: check the schema again.
    created.clear();
    created_schemas.clear();
    if (auto r = client.connect(endpoint); !r)
      return r.error();
  }
  for (const auto& rows : batch.tables) {
    if (rows.rows.empty() || created.count(rows.table_id))
      continue;
    const auto* def = batch.catalog ? batch.catalog->find(rows.table_id) : nullptr;
    if (!def)
      return model::fail_with(api_error::sink_write_failed,
                              "sink write failed: table " + std::to_string(rows.table_id) + " is not in the catalog");
    if (!created_schemas.count(def->schema)) {
      if (auto r = client.execute(model::mysql::create_database_sql(def->schema)); !r)
        return r.error();
      created_schemas.insert(def->schema);
    }
    if (auto r = client.execute(model::mysql::create_table_sql(*def)); !r)
      return r.error();
    created.insert(rows.table_id);
  }
  for (const auto& rows : batch.tables) {
    if (rows.rows.empty())
      continue;
    const auto& def = *batch.catalog->find(rows.table_id);
    auto txns = model::mysql::plan_transactions(def, rows.rows, static_cast<std::size_t>(params->max_txn_row),
                                                params->atomicity);
    for (const auto& txn : txns) {
      auto run = [&]() -> model::result<void> {
        if (auto r = client.execute("BEGIN", api_error::mysql_txn_error); !r)
          return r.error();
        for (const auto& sql : txn.statements)
          if (auto r = client.execute(sql, api_error::mysql_txn_error); !r)
            return r.error();
        return client.execute("COMMIT", api_error::mysql_txn_error);
      };
      if (auto r = run(); !r) {
        if (client.connected())
          (void)client.execute("ROLLBACK");
        return r.error();
      }
    }
  }
  return {};
}

sink_actor::behavior_type mysql_sink(sink_actor::stateful_pointer<mysql_sink_state> self,
                                     model::changefeed_info info,
                                     std::shared_ptr<std::atomic<std::uint64_t>> total,
                                     std::shared_ptr<metrics::feed_sink_metrics> measured) {
  auto& st = self->state;
  st.total = std::move(total);
  st.measured = std::move(measured);
  auto cfg = info.config ? *info.config : model::config::default_replica_config();
  auto validated = model::validate_and_adjust(cfg, info.sink_uri);
  if (!validated) {
    st.broken = validated.error();
  } else if (auto* p = std::get_if<model::sink::mysql_params>(&validated->params)) {
    st.params = *p;
    st.endpoint = endpoint_of(*p);
  } else {
    st.broken = model::fail_with(model::api_error::sink_uri_invalid, "sink uri invalid 'not a MySQL sink'");
  }
  return {
    [self](atom::write, const row_batch_ptr& batch) -> caf::result<bool> {
      auto& st = self->state;
      return measured_write(st, *batch, [&st] { return fmt::format("mysql sink {}:{}", st.endpoint.host, st.endpoint.port); });
    },
  };
}

} // namespace cdc::actors
