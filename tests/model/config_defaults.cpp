// Every default of TiCDC's replica config (spec/reference.md 6.2, 6.3), one
// per case.
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

struct default_fixture {
  replica_config c = default_replica_config();
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(config_defaults, default_fixture)

BOOST_AUTO_TEST_CASE(memory_quota_defaults_to_one_gib) {
  BOOST_TEST((c.memory_quota == 1073741824u));
}

BOOST_AUTO_TEST_CASE(case_sensitive_defaults_to_false) {
  BOOST_TEST((!c.case_sensitive));
}

BOOST_AUTO_TEST_CASE(force_replicate_defaults_to_false) {
  BOOST_TEST((!c.force_replicate));
}

BOOST_AUTO_TEST_CASE(ignore_ineligible_table_defaults_to_false) {
  BOOST_TEST((!c.ignore_ineligible_table));
}

BOOST_AUTO_TEST_CASE(check_gc_safe_point_defaults_to_true) {
  BOOST_TEST((c.check_gc_safe_point));
}

BOOST_AUTO_TEST_CASE(enable_sync_point_defaults_to_false) {
  BOOST_TEST((c.enable_sync_point == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(enable_table_monitor_defaults_to_false) {
  BOOST_TEST((c.enable_table_monitor == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(bdr_mode_defaults_to_false) {
  BOOST_TEST((c.bdr_mode == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sync_point_interval_defaults_to_ten_minutes) {
  BOOST_TEST((c.sync_point_interval == std::optional<duration>(10min)));
}

BOOST_AUTO_TEST_CASE(sync_point_retention_defaults_to_a_day) {
  BOOST_TEST((c.sync_point_retention == std::optional<duration>(24h)));
}

BOOST_AUTO_TEST_CASE(filter_rules_default_to_all_tables) {
  BOOST_TEST((c.filter->rules == std::vector<std::string>{"*.*"}));
}

BOOST_AUTO_TEST_CASE(filter_has_no_other_default_rules) {
  BOOST_TEST((c.filter->ignore_txn_start_ts.empty() && c.filter->event_filters.empty() && c.filter->do_dbs.empty() && c.filter->do_tables.empty() && c.filter->ignore_dbs.empty() && c.filter->ignore_tables.empty()));
}

BOOST_AUTO_TEST_CASE(mounter_worker_num_defaults_to_16) {
  BOOST_TEST((c.mounter->worker_num == 16));
}

BOOST_AUTO_TEST_CASE(csv_delimiter_defaults_to_comma) {
  BOOST_TEST((c.sink->csv->delimiter == ","));
}

BOOST_AUTO_TEST_CASE(csv_quote_defaults_to_double_quote) {
  BOOST_TEST((c.sink->csv->quote == "\""));
}

BOOST_AUTO_TEST_CASE(csv_null_defaults_to_backslash_n) {
  BOOST_TEST((c.sink->csv->null == "\\N"));
}

BOOST_AUTO_TEST_CASE(csv_include_commit_ts_defaults_to_false) {
  BOOST_TEST((!c.sink->csv->include_commit_ts));
}

BOOST_AUTO_TEST_CASE(csv_binary_encoding_defaults_to_base64) {
  BOOST_TEST((c.sink->csv->binary_encoding_method == "base64"));
}

BOOST_AUTO_TEST_CASE(csv_output_flags_default_to_false) {
  BOOST_TEST((!c.sink->csv->output_old_value && !c.sink->csv->output_handle_key && !c.sink->csv->output_field_header));
}

BOOST_AUTO_TEST_CASE(sink_protocol_has_no_default) {
  BOOST_TEST((!c.sink->protocol && !c.sink->schema_registry));
}

BOOST_AUTO_TEST_CASE(sink_encoder_concurrency_defaults_to_32) {
  BOOST_TEST((c.sink->encoder_concurrency == std::optional<std::int64_t>(32)));
}

BOOST_AUTO_TEST_CASE(sink_terminator_defaults_to_crlf) {
  BOOST_TEST((c.sink->terminator == std::optional<std::string>("\r\n")));
}

BOOST_AUTO_TEST_CASE(sink_date_separator_defaults_to_day) {
  BOOST_TEST((c.sink->date_separator == std::optional<std::string>("day")));
}

BOOST_AUTO_TEST_CASE(sink_partition_separator_defaults_to_true) {
  BOOST_TEST((c.sink->enable_partition_separator == std::optional<bool>(true)));
}

BOOST_AUTO_TEST_CASE(sink_kafka_v2_defaults_to_false) {
  BOOST_TEST((c.sink->enable_kafka_sink_v2 == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sink_only_updated_columns_defaults_to_false) {
  BOOST_TEST((c.sink->only_output_updated_columns == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sink_delete_only_handle_key_defaults_to_false) {
  BOOST_TEST((c.sink->delete_only_output_handle_key_columns == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sink_content_compatible_defaults_to_false) {
  BOOST_TEST((c.sink->content_compatible == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sink_advance_timeout_defaults_to_150_seconds) {
  BOOST_TEST((c.sink->advance_timeout == std::optional<std::uint64_t>(150)));
}

BOOST_AUTO_TEST_CASE(sink_bootstrap_interval_defaults_to_120_seconds) {
  BOOST_TEST((c.sink->send_bootstrap_interval_in_sec == std::optional<std::int64_t>(120)));
}

BOOST_AUTO_TEST_CASE(sink_bootstrap_message_count_defaults_to_10000) {
  BOOST_TEST((c.sink->send_bootstrap_in_msg_count == std::optional<std::int32_t>(10000)));
}

BOOST_AUTO_TEST_CASE(sink_bootstrap_to_all_partitions_defaults_to_true) {
  BOOST_TEST((c.sink->send_bootstrap_to_all_partition == std::optional<bool>(true)));
}

BOOST_AUTO_TEST_CASE(sink_all_bootstrap_at_start_defaults_to_false) {
  BOOST_TEST((c.sink->send_all_bootstrap_at_start == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sink_debezium_schema_defaults_to_enabled) {
  BOOST_TEST((c.sink->debezium_disable_schema == std::optional<bool>(false)));
}

BOOST_AUTO_TEST_CASE(sink_debezium_and_open_output_old_values) {
  BOOST_TEST((c.sink->debezium->output_old_value && c.sink->open->output_old_value));
}

BOOST_AUTO_TEST_CASE(sink_has_no_default_dispatchers_or_selectors) {
  BOOST_TEST((c.sink->dispatchers.empty() && c.sink->column_selectors.empty()));
}

BOOST_AUTO_TEST_CASE(sink_has_no_default_per_sink_sections) {
  BOOST_TEST((!c.sink->kafka && !c.sink->pulsar && !c.sink->mysql && !c.sink->cloud_storage && !c.sink->safe_mode && !c.sink->file_index_width && !c.sink->transaction_atomicity));
}

BOOST_AUTO_TEST_CASE(consistent_level_defaults_to_none) {
  BOOST_TEST((c.consistent->level == "none"));
}

BOOST_AUTO_TEST_CASE(consistent_max_log_size_defaults_to_64_mib) {
  BOOST_TEST((c.consistent->max_log_size == 64));
}

BOOST_AUTO_TEST_CASE(consistent_flush_interval_defaults_to_2000_ms) {
  BOOST_TEST((c.consistent->flush_interval == 2000));
}

BOOST_AUTO_TEST_CASE(consistent_meta_flush_interval_defaults_to_200_ms) {
  BOOST_TEST((c.consistent->meta_flush_interval == 200));
}

BOOST_AUTO_TEST_CASE(consistent_workers_default_to_16_and_8) {
  BOOST_TEST((c.consistent->encoding_worker_num == 16 && c.consistent->flush_worker_num == 8));
}

BOOST_AUTO_TEST_CASE(consistent_storage_and_compression_default_to_empty) {
  BOOST_TEST((c.consistent->storage.empty() && c.consistent->compression.empty() && c.consistent->flush_concurrency == 0));
}

BOOST_AUTO_TEST_CASE(consistent_file_backend_defaults_to_false) {
  BOOST_TEST((!c.consistent->use_file_backend));
}

BOOST_AUTO_TEST_CASE(consistent_memory_quota_percentage_defaults_to_50) {
  BOOST_TEST((c.consistent->memory_usage->memory_quota_percentage == 50u));
}

BOOST_AUTO_TEST_CASE(scheduler_defaults_to_whole_tables) {
  BOOST_TEST((!c.scheduler->enable_table_across_nodes));
}

BOOST_AUTO_TEST_CASE(scheduler_thresholds_default_to_100000_and_0) {
  BOOST_TEST((c.scheduler->region_threshold == 100000 && c.scheduler->write_key_threshold == 0));
}

BOOST_AUTO_TEST_CASE(integrity_defaults_to_none_and_warn) {
  BOOST_TEST((c.integrity->integrity_check_level == "none" && c.integrity->corruption_handle_level == "warn"));
}

BOOST_AUTO_TEST_CASE(error_stuck_duration_defaults_to_thirty_minutes) {
  BOOST_TEST((c.changefeed_error_stuck_duration == std::optional<duration>(30min)));
}

BOOST_AUTO_TEST_CASE(synced_status_defaults_to_300_and_15_seconds) {
  BOOST_TEST((c.synced_status->synced_check_interval == 300 && c.synced_status->checkpoint_interval == 15));
}

BOOST_AUTO_TEST_CASE(sql_mode_has_no_default) {
  BOOST_TEST((c.sql_mode.empty()));
}

BOOST_AUTO_TEST_CASE(zero_value_is_not_the_default) {
  // PUT decodes onto Go's zero value, so the two must differ.
  BOOST_TEST(!(replica_config{} == c));
  BOOST_TEST(replica_config{}.memory_quota == 0u);
  BOOST_TEST(!replica_config{}.check_gc_safe_point);
  BOOST_TEST(!replica_config{}.sink.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
