// The replica config checks that need no sink URI, each with TiCDC's error
// code and message: one passing and one failing case per rule.
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"
#include "model/config/validate_consistent.hpp"
#include "model/config/validate_replica.hpp"
#include "model/config/validate_sink.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

api_failure failure_of(const json::status& st) {
  BOOST_TEST_REQUIRE(!st.has_value());
  return st.error();
}

csv_config csv_with(std::string delimiter, std::string quote) {
  auto c = default_csv_config();
  c.delimiter = std::move(delimiter);
  c.quote = std::move(quote);
  return c;
}

consistent_config eventual() {
  auto c = default_consistent_config();
  c.level = "eventual";
  c.storage = "s3://bucket/redo";
  return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(config_validate)

// -- csv ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(default_csv_is_valid) {
  BOOST_TEST(validate_csv(default_csv_config()).has_value());
}

BOOST_AUTO_TEST_CASE(three_byte_delimiter_and_empty_quote_are_valid) {
  BOOST_TEST(validate_csv(csv_with("|@|", "")).has_value());
}

BOOST_AUTO_TEST_CASE(empty_csv_delimiter_is_rejected) {
  auto f = failure_of(validate_csv(csv_with("", "\"")));
  BOOST_TEST((f.kind == api_error::sink_invalid_config));
  BOOST_TEST(f.message == "sink config invalid: csv config delimiter cannot be empty");
  BOOST_TEST(http_status_of(f.kind) == 500u);
}

BOOST_AUTO_TEST_CASE(csv_delimiter_longer_than_three_bytes_is_rejected) {
  auto f = failure_of(validate_csv(csv_with("FEFA", "'")));
  BOOST_TEST(f.message.starts_with("sink config invalid: csv config delimiter contains more than three characters"));
}

BOOST_AUTO_TEST_CASE(csv_delimiter_with_a_line_break_is_rejected) {
  auto f = failure_of(validate_csv(csv_with("\r", "'")));
  BOOST_TEST(f.message == "sink config invalid: csv config delimiter contains line break characters");
}

BOOST_AUTO_TEST_CASE(csv_quote_longer_than_one_byte_is_rejected) {
  auto f = failure_of(validate_csv(csv_with(",", "***")));
  BOOST_TEST(f.message == "sink config invalid: csv config quote contains more than one character");
}

BOOST_AUTO_TEST_CASE(csv_quote_that_is_a_line_break_is_rejected) {
  auto f = failure_of(validate_csv(csv_with(",", "\n")));
  BOOST_TEST(f.message == "sink config invalid: csv config quote cannot be line break character");
}

BOOST_AUTO_TEST_CASE(csv_quote_inside_the_delimiter_is_rejected) {
  auto f = failure_of(validate_csv(csv_with("FE", "E")));
  BOOST_TEST(f.message == "sink config invalid: csv config quote and delimiter has common characters which is not allowed");
}

BOOST_AUTO_TEST_CASE(csv_binary_encoding_must_be_hex_or_base64) {
  auto c = default_csv_config();
  c.binary_encoding_method = "hex";
  BOOST_TEST(validate_csv(c).has_value());
  c.binary_encoding_method = "raw";
  auto f = failure_of(validate_csv(c));
  BOOST_TEST(f.message == "sink config invalid: csv config binary-encoding-method can only be hex or base64");
}

// -- other sink rules -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(date_separators_are_case_insensitive_and_may_be_empty) {
  for (auto s : {"none", "YEAR", "Month", "day", ""})
    BOOST_TEST(validate_date_separator(s).has_value(), s);
}

BOOST_AUTO_TEST_CASE(unknown_date_separator_is_rejected) {
  auto f = failure_of(validate_date_separator("week"));
  BOOST_TEST((f.kind == api_error::sink_invalid_config));
  BOOST_TEST(f.message.starts_with(
    "sink config invalid: [CDC:ErrStorageSinkInvalidDateSeparator]date separator in storage sink is invalid"));
  BOOST_TEST(f.message.find("'week'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(encoder_concurrency_of_zero_or_absent_is_allowed) {
  BOOST_TEST(validate_encoder_concurrency(0).has_value());
  BOOST_TEST(validate_encoder_concurrency(std::nullopt).has_value());
}

BOOST_AUTO_TEST_CASE(negative_encoder_concurrency_is_rejected) {
  auto f = failure_of(validate_encoder_concurrency(-1));
  BOOST_TEST((f.kind == api_error::sink_invalid_config));
  BOOST_TEST(f.message == "encoder-concurrency should greater than 0, but got -1");
}

BOOST_AUTO_TEST_CASE(delete_only_handle_key_is_fine_without_csv) {
  auto s = default_sink_config();
  s.delete_only_output_handle_key_columns = true;
  BOOST_TEST(validate_delete_only_handle_key(s, "canal-json").has_value());
}

BOOST_AUTO_TEST_CASE(delete_only_handle_key_with_csv_is_rejected) {
  auto s = default_sink_config();
  s.delete_only_output_handle_key_columns = true;
  auto f = failure_of(validate_delete_only_handle_key(s, "csv"));
  BOOST_TEST(f.message.starts_with("CSV protocol always output all columns for the delete event"));
}

BOOST_AUTO_TEST_CASE(file_index_width_inside_6_to_20_is_kept) {
  BOOST_TEST(adjusted_file_index_width(6) == 6);
  BOOST_TEST(adjusted_file_index_width(20) == 20);
}

BOOST_AUTO_TEST_CASE(file_index_width_outside_6_to_20_becomes_20) {
  BOOST_TEST(adjusted_file_index_width(5) == 20);
  BOOST_TEST(adjusted_file_index_width(21) == 20);
  BOOST_TEST(adjusted_file_index_width(std::nullopt) == 20);
}

// -- consistent -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(consistent_checks_apply_only_when_eventual) {
  auto c = default_consistent_config();
  c.flush_interval = 1;
  c.level = "Eventual";  // case matters: anything but "eventual" is off
  BOOST_TEST(validate_and_adjust_consistent(c).has_value());
  BOOST_TEST(c.flush_interval == 1);
}

BOOST_AUTO_TEST_CASE(eventual_with_s3_storage_is_valid) {
  auto c = eventual();
  BOOST_TEST(validate_and_adjust_consistent(c).has_value());
}

BOOST_AUTO_TEST_CASE(eventual_zero_values_take_the_defaults) {
  consistent_config c;
  c.level = "eventual";
  c.storage = "local:///tmp/redo";
  BOOST_TEST_REQUIRE(validate_and_adjust_consistent(c).has_value());
  BOOST_TEST(c.max_log_size == 64);
  BOOST_TEST(c.flush_interval == 2000);
  BOOST_TEST(c.meta_flush_interval == 200);
  BOOST_TEST(c.encoding_worker_num == 16);
  BOOST_TEST(c.flush_worker_num == 8);
}

BOOST_AUTO_TEST_CASE(flush_interval_below_50ms_is_rejected) {
  auto c = eventual();
  c.flush_interval = 49;
  auto f = failure_of(validate_and_adjust_consistent(c));
  BOOST_TEST((f.kind == api_error::invalid_replica_config));
  BOOST_TEST(f.message == "invalid replica config, The consistent.flush-interval:49 must be equal or greater than 50");
}

BOOST_AUTO_TEST_CASE(meta_flush_interval_below_50ms_is_rejected) {
  auto c = eventual();
  c.meta_flush_interval = 10;
  auto f = failure_of(validate_and_adjust_consistent(c));
  BOOST_TEST(f.message == "invalid replica config, The consistent.meta-flush-interval:10 must be equal or greater than 50");
}

BOOST_AUTO_TEST_CASE(redo_compression_must_be_none_or_lz4) {
  auto c = eventual();
  c.compression = "none";
  BOOST_TEST(validate_and_adjust_consistent(c).has_value());
  c.compression = "zstd";
  auto f = failure_of(validate_and_adjust_consistent(c));
  BOOST_TEST(f.message == "invalid replica config, The consistent.compression:zstd must be 'none' or 'lz4'");
}

BOOST_AUTO_TEST_CASE(eventual_without_storage_is_rejected) {
  auto c = eventual();
  c.storage.clear();
  auto f = failure_of(validate_and_adjust_consistent(c));
  BOOST_TEST((f.kind == api_error::consistent_storage));
  BOOST_TEST(f.message == "consistent storage () not support");
}

BOOST_AUTO_TEST_CASE(unknown_redo_storage_scheme_is_rejected) {
  auto c = eventual();
  c.storage = "ftp://host/redo";
  BOOST_TEST(failure_of(validate_and_adjust_consistent(c)).message == "consistent storage (ftp) not support");
}

BOOST_AUTO_TEST_CASE(redo_storage_schemes_are_read_like_go_urls) {
  BOOST_TEST(storage_scheme("S3://bucket") == "s3");
  BOOST_TEST(storage_scheme("blackhole://") == "blackhole");
  BOOST_TEST(storage_scheme("/tmp/redo") == "");
  BOOST_TEST(storage_scheme("1x://a") == "");
}

// -- top level ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sync_point_limits_apply_only_when_enabled) {
  auto c = default_replica_config();
  c.sync_point_interval = 1s;
  BOOST_TEST(validate_sync_point(c).has_value());
}

BOOST_AUTO_TEST_CASE(sync_point_at_its_minimums_is_valid) {
  auto c = default_replica_config();
  c.enable_sync_point = true;
  c.sync_point_interval = 30s;
  c.sync_point_retention = 1h;
  BOOST_TEST(validate_sync_point(c).has_value());
}

BOOST_AUTO_TEST_CASE(sync_point_interval_below_30s_is_rejected) {
  auto c = default_replica_config();
  c.enable_sync_point = true;
  c.sync_point_interval = 29s;
  auto f = failure_of(validate_sync_point(c));
  BOOST_TEST((f.kind == api_error::invalid_replica_config));
  BOOST_TEST(f.message == "invalid replica config, The SyncPointInterval:29s must be larger than 30s");
}

BOOST_AUTO_TEST_CASE(sync_point_retention_below_an_hour_is_rejected) {
  auto c = default_replica_config();
  c.enable_sync_point = true;
  c.sync_point_retention = 10min;
  auto f = failure_of(validate_sync_point(c));
  BOOST_TEST(f.message == "invalid replica config, The SyncPointRetention:10m0s must be larger than 1h0m0s");
}

BOOST_AUTO_TEST_CASE(zero_memory_quota_becomes_the_default) {
  replica_config c;
  adjust_memory_quota(c);
  BOOST_TEST(c.memory_quota == default_memory_quota);
  c.memory_quota = 5;
  adjust_memory_quota(c);
  BOOST_TEST(c.memory_quota == 5u);
}

BOOST_AUTO_TEST_CASE(scheduler_thresholds_are_checked_only_when_splitting) {
  scheduler_config s{false, -1, -1};
  BOOST_TEST(validate_scheduler(s).has_value());
  s.enable_table_across_nodes = true;
  s.region_threshold = 0;
  s.write_key_threshold = 0;
  BOOST_TEST(validate_scheduler(s).has_value());
}

BOOST_AUTO_TEST_CASE(negative_scheduler_thresholds_are_rejected) {
  scheduler_config s{true, -1, 0};
  BOOST_TEST(failure_of(validate_scheduler(s)).message == "region-threshold must be larger than 0");
  s = {true, 0, -1};
  BOOST_TEST(failure_of(validate_scheduler(s)).message == "write-key-threshold must be larger than 0");
}

BOOST_AUTO_TEST_CASE(known_integrity_levels_are_valid) {
  BOOST_TEST(validate_integrity({"correctness", "error"}).has_value());
  BOOST_TEST(validate_integrity(default_integrity_config()).has_value());
}

BOOST_AUTO_TEST_CASE(unknown_integrity_check_level_is_rejected) {
  auto f = failure_of(validate_integrity({"strict", "warn"}));
  BOOST_TEST((f.kind == api_error::invalid_replica_config));
  BOOST_TEST(f.message == "invalid replica config, integrity.integrity_check_level must be none or correctness, got 'strict'");
}

BOOST_AUTO_TEST_CASE(unknown_corruption_handle_level_is_rejected) {
  auto f = failure_of(validate_integrity({"none", "panic"}));
  BOOST_TEST(f.message == "invalid replica config, integrity.corruption_handle_level must be warn or error, got 'panic'");
}

BOOST_AUTO_TEST_CASE(stuck_duration_of_thirty_minutes_or_absent_is_valid) {
  BOOST_TEST(validate_changefeed_error_stuck_duration(30min).has_value());
  BOOST_TEST(validate_changefeed_error_stuck_duration(std::nullopt).has_value());
}

BOOST_AUTO_TEST_CASE(stuck_duration_under_thirty_minutes_is_rejected) {
  auto f = failure_of(validate_changefeed_error_stuck_duration(30min - 1s));
  BOOST_TEST((f.kind == api_error::invalid_replica_config));
  BOOST_TEST(f.message
             == "invalid replica config, The ChangefeedErrorStuckDuration:1799.000000 must be larger than 1800.000000 Seconds");
}

BOOST_AUTO_TEST_SUITE_END()
