// validate_and_adjust against the sink URI (reference 6.4) and the sink
// validator's checks, one rule per case.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/validate_config.hpp"
#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

namespace {

bool contains_text(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A create-style config: the defaults with `json` merged on top.
config::replica_config create_cfg(std::string_view json = "{}") {
  return config::create_replica_config(boost::json::parse(json).as_object()).value();
}

// An update-style config: absent parts are defaults, fields of a given part
// that are absent stay unset.
config::replica_config update_cfg(std::string_view json) {
  return config::update_replica_config(boost::json::parse(json).as_object()).value();
}

api_failure adjust_error(config::replica_config cfg, std::string_view uri) {
  auto r = validate_and_adjust(cfg, uri);
  BOOST_REQUIRE(!r);
  return r.error();
}

config::replica_config adjusted(config::replica_config cfg, std::string_view uri) {
  auto r = validate_and_adjust(cfg, uri);
  if (!r)
    BOOST_FAIL(full_message(r.error()));
  return cfg;
}

} // namespace

BOOST_AUTO_TEST_SUITE(rules_validate)

// -- protocol and atomicity from the URI ------------------------------------------

BOOST_AUTO_TEST_CASE(uri_protocol_replaces_the_config_protocol) {
  auto cfg = adjusted(create_cfg(R"({"sink":{"protocol":"avro"}})"), "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(cfg.sink->protocol.value() == "canal-json");
}

BOOST_AUTO_TEST_CASE(config_protocol_is_used_when_the_uri_has_none) {
  auto cfg = adjusted(create_cfg(R"({"sink":{"protocol":"canal-json"}})"), "kafka://k:9092/t");
  BOOST_TEST(cfg.sink->protocol.value() == "canal-json");
}

BOOST_AUTO_TEST_CASE(uri_atomicity_is_stored_in_the_config) {
  auto cfg = adjusted(create_cfg(), "mysql://root@h:3306/?transaction-atomicity=table");
  BOOST_TEST(cfg.sink->transaction_atomicity.value() == "table");
}

BOOST_AUTO_TEST_CASE(table_atomicity_is_refused_for_mq_sinks) {
  auto e = adjust_error(create_cfg(), "kafka://k:9092/t?protocol=canal-json&transaction-atomicity=table");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
}

BOOST_AUTO_TEST_CASE(storage_sink_refuses_a_protocol_it_cannot_write) {
  auto e = adjust_error(create_cfg(), "file:///tmp/x?protocol=avro");
  BOOST_TEST(e.kind == api_error::sink_unknown_protocol);
}

// -- sink section -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(mysql_sinks_skip_the_remaining_sink_checks) {
  // A negative encoder concurrency only matters to MQ and storage sinks.
  auto cfg = adjusted(create_cfg(R"({"sink":{"encoder_concurrency":-1}})"), "mysql://root@h:3306/");
  BOOST_TEST(cfg.sink->encoder_concurrency.value() == -1);
}

BOOST_AUTO_TEST_CASE(negative_encoder_concurrency_is_refused_for_mq) {
  auto e = adjust_error(create_cfg(R"({"sink":{"encoder_concurrency":-1}})"), "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::sink_invalid_config);
}

BOOST_AUTO_TEST_CASE(absent_terminator_becomes_crlf) {
  auto cfg = adjusted(update_cfg(R"({"sink":{}})"), "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(cfg.sink->terminator.value() == "\r\n");
}

BOOST_AUTO_TEST_CASE(absent_advance_timeout_becomes_150_seconds) {
  auto cfg = adjusted(update_cfg(R"({"sink":{}})"), "blackhole://");
  BOOST_TEST(cfg.sink->advance_timeout.value() == 150u);
}

BOOST_AUTO_TEST_CASE(storage_file_index_width_out_of_range_becomes_20) {
  auto cfg = adjusted(create_cfg(R"({"sink":{"file_index_width":3}})"), "file:///tmp/x?protocol=csv");
  BOOST_TEST(cfg.sink->file_index_width.value() == 20);
}

BOOST_AUTO_TEST_CASE(file_index_width_is_left_alone_for_other_sinks) {
  auto cfg = adjusted(create_cfg(R"({"sink":{"file_index_width":3}})"), "blackhole://");
  BOOST_TEST(cfg.sink->file_index_width.value() == 3);
}

BOOST_AUTO_TEST_CASE(storage_checks_the_csv_config) {
  auto e = adjust_error(create_cfg(R"({"sink":{"csv":{"delimiter":""}}})"), "file:///tmp/x?protocol=csv");
  BOOST_TEST(e.kind == api_error::sink_invalid_config);
  BOOST_TEST(contains_text(e.message, "delimiter cannot be empty"));
}

BOOST_AUTO_TEST_CASE(storage_checks_the_date_separator) {
  auto e = adjust_error(create_cfg(R"({"sink":{"date_separator":"week"}})"), "s3://b/p?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::sink_invalid_config);
}

BOOST_AUTO_TEST_CASE(csv_is_not_checked_for_mq_sinks) {
  adjusted(create_cfg(R"({"sink":{"csv":{"delimiter":""}}})"), "kafka://k:9092/t?protocol=canal-json");
}

BOOST_AUTO_TEST_CASE(delete_only_handle_key_is_refused_with_csv) {
  auto e = adjust_error(create_cfg(R"({"sink":{"delete_only_output_handle_key_columns":true}})"),
                        "file:///tmp/x?protocol=csv");
  BOOST_TEST(e.kind == api_error::sink_invalid_config);
}

BOOST_AUTO_TEST_CASE(large_message_handle_with_canal_json_needs_the_tidb_extension) {
  auto cfg = create_cfg(R"({"sink":{"kafka_config":{"large_message_handle":{"large_message_handle_option":"handle-key-only"}}}})");
  auto e = adjust_error(cfg, "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
  BOOST_TEST(contains_text(e.message, "enable-tidb-extension is false"));
  adjusted(cfg, "kafka://k:9092/t?protocol=canal-json&enable-tidb-extension=true");
}

BOOST_AUTO_TEST_CASE(large_message_handle_defaults_option_and_compression_to_none) {
  auto cfg = adjusted(create_cfg(R"({"sink":{"kafka_config":{"large_message_handle":{}}}})"),
                      "kafka://k:9092/t?protocol=avro&schema-registry=http://r:8081");
  const auto& lm = cfg.sink->kafka->large_message_handle.value();
  BOOST_TEST(lm.large_message_handle_option == "none");
  BOOST_TEST(lm.large_message_handle_compression == "none");
}

BOOST_AUTO_TEST_CASE(large_message_handle_is_refused_for_avro) {
  auto e = adjust_error(
    create_cfg(R"({"sink":{"kafka_config":{"large_message_handle":{"large_message_handle_option":"handle-key-only"}}}})"),
    "kafka://k:9092/t?protocol=avro");
  BOOST_TEST(e.message == "large message handle is set to handle-key-only, protocol is avro, it's not supported");
}

BOOST_AUTO_TEST_CASE(claim_check_needs_a_storage_uri) {
  auto e = adjust_error(
    create_cfg(R"({"sink":{"kafka_config":{"large_message_handle":{"large_message_handle_option":"claim-check"}}}})"),
    "kafka://k:9092/t?protocol=open-protocol");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
  BOOST_TEST(contains_text(e.message, "claim-check-storage-uri is empty"));
}

BOOST_AUTO_TEST_CASE(unsupported_large_message_compression_is_refused) {
  auto e = adjust_error(
    create_cfg(R"({"sink":{"kafka_config":{"large_message_handle":{"large_message_handle_compression":"gzip"}}}})"),
    "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(e.message == "large message handle compression is not supported, got gzip");
}

BOOST_AUTO_TEST_CASE(schema_registry_and_glue_cannot_both_be_set) {
  auto e = adjust_error(create_cfg(R"({"sink":{"schema_registry":"http://r:8081","kafka_config":)"
                                   R"({"glue_schema_registry_config":{"region":"us-west-1","registry_name":"n"}}}})"),
                        "kafka://k:9092/t?protocol=avro");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
}

BOOST_AUTO_TEST_CASE(glue_needs_a_region) {
  auto e = adjust_error(create_cfg(R"({"sink":{"kafka_config":{"glue_schema_registry_config":{"registry_name":"n"}}}})"),
                        "kafka://k:9092/t?protocol=avro");
  BOOST_TEST(e.kind == api_error::invalid_glue_schema_registry_config);
  BOOST_TEST(e.message == "region is empty, is must be set");
}

BOOST_AUTO_TEST_CASE(glue_access_key_needs_its_secret) {
  auto e = adjust_error(create_cfg(R"({"sink":{"kafka_config":{"glue_schema_registry_config":)"
                                   R"({"registry_name":"n","region":"r","access_key":"AK"}}}})"),
                        "kafka://k:9092/t?protocol=avro");
  BOOST_TEST(e.kind == api_error::invalid_glue_schema_registry_config);
}

BOOST_AUTO_TEST_CASE(pulsar_sink_gets_an_empty_pulsar_config) {
  auto cfg = adjusted(create_cfg(), "pulsar://p:6650/t?protocol=canal-json");
  BOOST_TEST(cfg.sink->pulsar.has_value());
}

BOOST_AUTO_TEST_CASE(incomplete_pulsar_oauth2_is_refused) {
  auto e = adjust_error(create_cfg(R"({"sink":{"pulsar_config":{"oauth2":{"oauth2-issuer-url":"https://i"}}}})"),
                        "pulsar://p:6650/t?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::sink_invalid_config);
}

// -- the rest of the config ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(eventual_redo_needs_a_known_storage) {
  auto e = adjust_error(create_cfg(R"({"consistent":{"level":"eventual","storage":"ftp://x"}})"), "blackhole://");
  BOOST_TEST(e.kind == api_error::consistent_storage);
}

BOOST_AUTO_TEST_CASE(short_sync_point_interval_is_refused) {
  auto e = adjust_error(create_cfg(R"({"enable_sync_point":true,"sync_point_interval":"10s"})"), "mysql://root@h:3306/");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
  BOOST_TEST(contains_text(e.message, "The SyncPointInterval:10s must be larger than 30s"));
}

BOOST_AUTO_TEST_CASE(zero_memory_quota_becomes_the_default) {
  auto cfg = adjusted(create_cfg(R"({"memory_quota":0})"), "blackhole://");
  BOOST_TEST(cfg.memory_quota == config::default_memory_quota);
}

BOOST_AUTO_TEST_CASE(absent_scheduler_becomes_the_default) {
  auto cfg = update_cfg("{}");
  cfg.scheduler.reset();
  cfg = adjusted(cfg, "blackhole://");
  BOOST_TEST((cfg.scheduler.value() == config::default_scheduler_config()));
}

BOOST_AUTO_TEST_CASE(span_replication_is_turned_off_for_mysql) {
  auto cfg = adjusted(create_cfg(R"({"scheduler":{"enable_table_across_nodes":true}})"), "mysql://root@h:3306/");
  BOOST_TEST(!cfg.scheduler->enable_table_across_nodes);
}

BOOST_AUTO_TEST_CASE(span_replication_is_kept_for_kafka_and_blackhole) {
  auto json = R"({"scheduler":{"enable_table_across_nodes":true}})";
  BOOST_TEST(adjusted(create_cfg(json), "kafka+ssl://k:9092/t?protocol=canal-json").scheduler->enable_table_across_nodes);
  BOOST_TEST(adjusted(create_cfg(json), "blackhole://").scheduler->enable_table_across_nodes);
}

BOOST_AUTO_TEST_CASE(negative_region_threshold_is_refused) {
  auto e = adjust_error(create_cfg(R"({"scheduler":{"enable_table_across_nodes":true,"region_threshold":-1}})"),
                        "blackhole://");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
}

BOOST_AUTO_TEST_CASE(integrity_check_is_downgraded_for_non_kafka_sinks) {
  auto cfg = adjusted(create_cfg(R"({"integrity":{"integrity_check_level":"correctness"}})"), "blackhole://");
  BOOST_TEST(cfg.integrity->integrity_check_level == "none");
}

BOOST_AUTO_TEST_CASE(integrity_check_is_kept_for_kafka) {
  auto cfg = adjusted(create_cfg(R"({"integrity":{"integrity_check_level":"correctness"}})"),
                      "kafka://k:9092/t?protocol=simple");
  BOOST_TEST(cfg.integrity->integrity_check_level == "correctness");
}

BOOST_AUTO_TEST_CASE(integrity_check_and_column_selectors_conflict) {
  auto e = adjust_error(create_cfg(R"({"integrity":{"integrity_check_level":"correctness"},)"
                                   R"("sink":{"column_selectors":[{"matcher":["*.*"],"columns":["*"]}]}})"),
                        "kafka://k:9092/t?protocol=simple");
  BOOST_TEST(e.message == "integrity check enabled and column selector set, not allowed");
}

BOOST_AUTO_TEST_CASE(bad_corruption_handle_level_is_refused) {
  auto e = adjust_error(create_cfg(R"({"integrity":{"corruption_handle_level":"panic"}})"), "blackhole://");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
}

BOOST_AUTO_TEST_CASE(error_stuck_duration_below_30m_is_refused) {
  auto e = adjust_error(create_cfg(R"({"changefeed_error_stuck_duration":"29m"})"), "blackhole://");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
}

BOOST_AUTO_TEST_CASE(sink_section_failure_wins_over_later_checks) {
  auto e = adjust_error(create_cfg(R"({"changefeed_error_stuck_duration":"1m","sink":{"encoder_concurrency":-5}})"),
                        "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::sink_invalid_config);
}

// -- the sink validator ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bdr_mode_needs_a_mysql_sink) {
  auto e = adjust_error(create_cfg(R"({"bdr_mode":true})"), "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(e.message.starts_with("sink uri scheme is not supported in BDR mode, sink uri: kafka://"));
}

BOOST_AUTO_TEST_CASE(sync_point_scheme_check_wins_over_bdr) {
  auto e = adjust_error(create_cfg(R"({"bdr_mode":true,"enable_sync_point":true})"), "blackhole://");
  BOOST_TEST(contains_text(e.message, "syncpoint"));
}

BOOST_AUTO_TEST_CASE(unknown_scheme_is_not_supported) {
  auto e = adjust_error(create_cfg(), "aaab://x");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(e.message == "the sink scheme (aaab) is not supported");
}

BOOST_AUTO_TEST_CASE(config_sections_feed_the_sink_parameters) {
  auto cfg = create_cfg(R"({"sink":{"mysql_config":{"worker_count":8},"safe_mode":true}})");
  auto r = validate_and_adjust(cfg, "mysql://root:pw@h:3306/");
  BOOST_REQUIRE(r);
  const auto& p = std::get<sink::mysql_params>(r->params);
  BOOST_TEST(p.worker_count == 8);
  BOOST_TEST(p.safe_mode);
  BOOST_TEST(p.password == "pw");
}

BOOST_AUTO_TEST_CASE(uri_parameters_win_over_config_sections) {
  auto cfg = create_cfg(R"({"sink":{"kafka_config":{"partition_num":3}}})");
  auto r = validate_and_adjust(cfg, "kafka://k:9092/t?protocol=canal-json&partition-num=9");
  BOOST_REQUIRE(r);
  BOOST_TEST(std::get<sink::kafka_params>(r->params).partition_num.value() == 9);
}

BOOST_AUTO_TEST_CASE(bad_config_section_value_is_the_sinks_error) {
  auto cfg = create_cfg(R"({"sink":{"kafka_config":{"required_acks":2}}})");
  auto e = adjust_error(cfg, "kafka://k:9092/t?protocol=canal-json");
  BOOST_TEST(e.kind == api_error::kafka_invalid_required_acks);
}

BOOST_AUTO_TEST_SUITE_END()
