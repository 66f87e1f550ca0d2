#include "model/config/defaults.hpp"

namespace cdc::model::config {

filter_config default_filter_config() {
  filter_config f;
  f.rules = {"*.*"};
  return f;
}

mounter_config default_mounter_config() {
  return {default_mounter_worker_num};
}

csv_config default_csv_config() {
  csv_config c;
  c.delimiter = ",";
  c.quote = "\"";
  c.null = "\\N";
  c.binary_encoding_method = "base64";
  return c;
}

sink_config default_sink_config() {
  sink_config s;
  s.csv = default_csv_config();
  s.encoder_concurrency = default_encoder_concurrency;
  s.terminator = std::string(default_terminator);
  s.date_separator = std::string(default_date_separator);
  s.enable_partition_separator = true;
  s.enable_kafka_sink_v2 = false;
  s.only_output_updated_columns = false;
  s.delete_only_output_handle_key_columns = false;
  s.content_compatible = false;
  s.advance_timeout = default_advance_timeout;
  s.send_bootstrap_interval_in_sec = default_send_bootstrap_interval_in_sec;
  s.send_bootstrap_in_msg_count = default_send_bootstrap_in_msg_count;
  s.send_bootstrap_to_all_partition = true;
  s.send_all_bootstrap_at_start = false;
  s.debezium_disable_schema = false;
  s.debezium = protocol_output_config{true};
  s.open = protocol_output_config{true};
  return s;
}

consistent_config default_consistent_config() {
  consistent_config c;
  c.level = "none";
  c.max_log_size = default_redo_max_log_size;
  c.flush_interval = default_redo_flush_interval;
  c.meta_flush_interval = default_redo_meta_flush_interval;
  c.encoding_worker_num = default_redo_encoding_worker_num;
  c.flush_worker_num = default_redo_flush_worker_num;
  c.memory_usage = consistent_memory_usage{default_redo_memory_quota_percentage};
  return c;
}

scheduler_config default_scheduler_config() {
  return {false, default_region_threshold, 0};
}

integrity_config default_integrity_config() {
  return {"none", "warn"};
}

synced_status_config default_synced_status_config() {
  return {default_synced_check_interval, default_checkpoint_interval};
}

replica_config default_replica_config() {
  replica_config c;
  c.memory_quota = default_memory_quota;
  c.check_gc_safe_point = true;
  c.enable_sync_point = false;
  c.enable_table_monitor = false;
  c.bdr_mode = false;
  c.sync_point_interval = default_sync_point_interval;
  c.sync_point_retention = default_sync_point_retention;
  c.filter = default_filter_config();
  c.mounter = default_mounter_config();
  c.sink = default_sink_config();
  c.consistent = default_consistent_config();
  c.scheduler = default_scheduler_config();
  c.integrity = default_integrity_config();
  c.changefeed_error_stuck_duration = default_changefeed_error_stuck_duration;
  c.synced_status = default_synced_status_config();
  return c;
}

} // namespace cdc::model::config
