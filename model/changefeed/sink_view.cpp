// Replica config -> sink_config_view; see sink_view.hpp.
#include "model/changefeed/sink_view.hpp"

#include <string>

namespace cdc::model {

namespace {

class param_list {
public:
  explicit param_list(sink::query_params& out) : out_(out) {}

  void add(std::string_view key, const std::optional<std::string>& v) {
    if (v)
      out_.push_back({std::string{key}, *v});
  }
  void add(std::string_view key, const std::optional<bool>& v) {
    if (v)
      out_.push_back({std::string{key}, *v ? "true" : "false"});
  }
  template <class Int>
  void add(std::string_view key, const std::optional<Int>& v) {
    if (v)
      out_.push_back({std::string{key}, std::to_string(*v)});
  }

private:
  sink::query_params& out_;
};

void add_mysql(param_list& p, const config::sink_config& s) {
  p.add("safe-mode", s.safe_mode);
  if (!s.mysql)
    return;
  const auto& m = *s.mysql;
  p.add("worker-count", m.worker_count);
  p.add("max-txn-row", m.max_txn_row);
  p.add("max-multi-update-row-size", m.max_multi_update_row_size);
  p.add("max-multi-update-row", m.max_multi_update_row_count);
  p.add("tidb-txn-mode", m.tidb_txn_mode);
  p.add("ssl-ca", m.ssl_ca);
  p.add("ssl-cert", m.ssl_cert);
  p.add("ssl-key", m.ssl_key);
  p.add("time-zone", m.time_zone);
  p.add("write-timeout", m.write_timeout);
  p.add("read-timeout", m.read_timeout);
  p.add("timeout", m.timeout);
  p.add("batch-dml-enable", m.enable_batch_dml);
  p.add("multi-stmt-enable", m.enable_multi_statement);
  p.add("cache-prep-stmts", m.enable_cache_prepared_statement);
}

void add_kafka(param_list& p, const config::sink_config& s) {
  if (!s.kafka)
    return;
  const auto& k = *s.kafka;
  p.add("partition-num", k.partition_num);
  p.add("replication-factor", k.replication_factor);
  p.add("kafka-version", k.kafka_version);
  p.add("max-message-bytes", k.max_message_bytes);
  p.add("compression", k.compression);
  p.add("kafka-client-id", k.kafka_client_id);
  p.add("auto-create-topic", k.auto_create_topic);
  p.add("dial-timeout", k.dial_timeout);
  p.add("write-timeout", k.write_timeout);
  p.add("read-timeout", k.read_timeout);
  p.add("required-acks", k.required_acks);
  p.add("sasl-user", k.sasl_user);
  p.add("sasl-password", k.sasl_password);
  p.add("sasl-mechanism", k.sasl_mechanism);
  p.add("enable-tls", k.enable_tls);
  p.add("ca", k.ca);
  p.add("cert", k.cert);
  p.add("key", k.key);
  p.add("insecure-skip-verify", k.insecure_skip_verify);
  if (k.codec) {
    p.add("enable-tidb-extension", k.codec->enable_tidb_extension);
    p.add("max-batch-size", k.codec->max_batch_size);
  }
}

void add_storage(param_list& p, const config::sink_config& s) {
  if (!s.cloud_storage)
    return;
  const auto& c = *s.cloud_storage;
  p.add("worker-count", c.worker_count);
  p.add("flush-interval", c.flush_interval);
  p.add("file-size", c.file_size);
}

} // namespace

sink::sink_config_view make_sink_view(const config::replica_config& cfg, sink::scheme_class kind) {
  sink::sink_config_view view;
  if (!cfg.sink)
    return view;
  const auto& s = *cfg.sink;
  view.protocol = s.protocol;
  view.transaction_atomicity = s.transaction_atomicity;
  view.schema_registry = s.schema_registry;
  view.glue_schema_registry = s.kafka && s.kafka->glue_schema_registry;
  param_list params{view.config_params};
  switch (kind) {
    case sink::scheme_class::mysql: add_mysql(params, s); break;
    case sink::scheme_class::kafka: add_kafka(params, s); break;
    case sink::scheme_class::storage: add_storage(params, s); break;
    case sink::scheme_class::pulsar:
    case sink::scheme_class::blackhole:
    case sink::scheme_class::unknown: break;
  }
  return view;
}

} // namespace cdc::model
