// Pruning and masking of a changefeed's shown config; see prune.hpp.
#include "model/changefeed/prune.hpp"

#include "model/config/defaults.hpp"
#include "model/sink/mask.hpp"

namespace cdc::model {

namespace {

template <class T, class Make>
void fill(std::optional<T>& part, Make make) {
  if (!part)
    part = make();
}

void remove_mq_only(config::sink_config& s) {
  s.dispatchers.clear();
  s.schema_registry.reset();
  s.encoder_concurrency.reset();
  s.enable_kafka_sink_v2.reset();
  s.only_output_updated_columns.reset();
  s.delete_only_output_handle_key_columns.reset();
  s.content_compatible.reset();
  s.kafka.reset();
}

void remove_storage_only(config::sink_config& s) {
  s.csv.reset();
  s.date_separator.reset();
  s.enable_partition_separator.reset();
  s.file_index_width.reset();
  s.cloud_storage.reset();
}

void remove_db_only(config::replica_config& cfg) {
  cfg.enable_sync_point.reset();
  cfg.bdr_mode.reset();
  cfg.sync_point_interval.reset();
  cfg.sync_point_retention.reset();
  cfg.consistent.reset();
  if (cfg.sink) {
    cfg.sink->safe_mode.reset();
    cfg.sink->mysql.reset();
  }
}

// A value that is set and not empty becomes the mask.
bool mask_value(std::optional<std::string>& v) {
  if (!v || v->empty() || *v == masked_secret)
    return false;
  *v = masked_secret;
  return true;
}

bool mask_value(std::string& v) {
  if (v.empty() || v == masked_secret)
    return false;
  v = masked_secret;
  return true;
}

bool mask_uri(std::string& uri) {
  if (uri.empty())
    return false;
  auto masked = sink::mask_for_display(uri);
  if (masked == uri)
    return false;
  uri = std::move(masked);
  return true;
}

bool mask_uri(std::optional<std::string>& uri) { return uri && mask_uri(*uri); }

bool mask_kafka(config::kafka_config& k) {
  bool changed = mask_value(k.sasl_password);
  changed |= mask_value(k.sasl_oauth_client_secret);
  changed |= mask_value(k.sasl_gssapi_password);
  changed |= mask_uri(k.sasl_oauth_token_url);
  if (k.glue_schema_registry) {
    changed |= mask_value(k.glue_schema_registry->secret_access_key);
    changed |= mask_value(k.glue_schema_registry->token);
  }
  if (k.large_message_handle)
    changed |= mask_uri(k.large_message_handle->claim_check_storage_uri);
  return changed;
}

bool mask_pulsar(config::pulsar_config& p) {
  bool changed = mask_value(p.authentication_token);
  changed |= mask_value(p.basic_password);
  if (p.oauth2)
    changed |= mask_value(p.oauth2->oauth2_private_key);
  return changed;
}

// Cheap test so a config without any of these parts is shared, not copied.
bool may_hold_secrets(const config::replica_config& cfg) {
  bool sink = cfg.sink && (cfg.sink->kafka || cfg.sink->pulsar || cfg.sink->schema_registry);
  return sink || (cfg.consistent && !cfg.consistent->storage.empty());
}

std::shared_ptr<const config::replica_config> shown_config(const changefeed_info& info, bool prune) {
  if (!info.config)
    return nullptr;
  if (!prune && !may_hold_secrets(*info.config))
    return info.config;
  auto cfg = *info.config;
  if (prune) {
    fill_missing_parts(cfg);
    prune_for_sink(cfg, info.sink_uri);
  }
  mask_config_secrets(cfg);
  return std::make_shared<const config::replica_config>(std::move(cfg));
}

} // namespace

void fill_missing_parts(config::replica_config& cfg) {
  fill(cfg.filter, config::default_filter_config);
  fill(cfg.mounter, config::default_mounter_config);
  fill(cfg.sink, config::default_sink_config);
  fill(cfg.consistent, config::default_consistent_config);
  fill(cfg.scheduler, config::default_scheduler_config);
  fill(cfg.integrity, config::default_integrity_config);
  fill(cfg.changefeed_error_stuck_duration, [] { return config::default_changefeed_error_stuck_duration; });
  fill(cfg.synced_status, config::default_synced_status_config);
}

void prune_for_scheme(config::replica_config& cfg, sink::scheme_class kind) {
  using sink::scheme_class;
  if (kind == scheme_class::blackhole)
    return;  // the test sink shows everything, as in TiCDC
  if (cfg.sink) {
    auto& s = *cfg.sink;
    if (!sink::is_mq(kind))
      remove_mq_only(s);
    else if (s.protocol.value_or(std::string{}) != "avro")  // TiCDC compares the text exactly
      s.schema_registry.reset();
    if (kind != scheme_class::storage)
      remove_storage_only(s);
    if (kind == scheme_class::mysql) {
      s.protocol.reset();
      s.terminator.reset();
    }
  }
  if (kind != scheme_class::mysql)
    remove_db_only(cfg);
}

void prune_for_sink(config::replica_config& cfg, std::string_view sink_uri) {
  if (auto uri = sink::parse_sink_uri(sink_uri))
    prune_for_scheme(cfg, uri->kind);
}

bool mask_config_secrets(config::replica_config& cfg) {
  bool changed = false;
  if (cfg.sink) {
    changed |= mask_uri(cfg.sink->schema_registry);
    if (cfg.sink->kafka)
      changed |= mask_kafka(*cfg.sink->kafka);
    if (cfg.sink->pulsar)
      changed |= mask_pulsar(*cfg.sink->pulsar);
  }
  if (cfg.consistent)
    changed |= mask_uri(cfg.consistent->storage);
  return changed;
}

changefeed_detail make_detail(const changefeed_info& info, const changefeed_progress& progress,
                              const detail_options& options) {
  changefeed_detail d;
  d.upstream_id = info.upstream_id;
  d.namespace_ = info.key.namespace_;
  d.id = info.key.id;
  d.sink_uri = sink::mask_for_display(info.sink_uri);
  d.create_time = info.create_time;
  d.start_ts = info.start_ts;
  d.target_ts = info.target_ts;
  d.admin_job_type = admin_job_of(info.state);
  d.config = shown_config(info, options.prune);
  d.state = info.state;
  if (error_shown(info.state))
    d.error = info.error;
  d.creator_version = info.creator_version;
  d.resolved_ts = progress.resolved_ts;
  d.checkpoint_ts = progress.checkpoint_ts;
  d.task_status = options.task_status;
  return d;
}

changefeed_list_item make_list_item(const changefeed_info& info, const changefeed_progress& progress) {
  changefeed_list_item item;
  item.upstream_id = info.upstream_id;
  item.namespace_ = info.key.namespace_;
  item.id = info.key.id;
  item.state = info.state;
  item.checkpoint_tso = progress.checkpoint_ts;
  if (error_shown(info.state))
    item.error = info.error;
  return item;
}

} // namespace cdc::model
