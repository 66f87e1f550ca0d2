// parse -> serialise -> parse is the identity, for the default and for a
// config that sets every field; and what is written follows TiCDC's tags.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

// A body that sets every key of every section.
constexpr std::string_view everything = R"({
  "memory_quota": 123, "case_sensitive": true, "force_replicate": true, "ignore_ineligible_table": true,
  "check_gc_safe_point": false, "enable_sync_point": true, "enable_table_monitor": true, "bdr_mode": true,
  "sync_point_interval": "1m", "sync_point_retention": "2h",
  "filter": {"do_tables": [{"database_name": "d", "table_name": "t"}], "do_dbs": ["d"],
             "ignore_tables": [{"database_name": "i", "table_name": "u"}], "ignore_dbs": ["i"],
             "rules": ["d.*"], "ignore_txn_start_ts": [18446744073709551615, 1],
             "event_filters": [{"matcher": ["d.t"], "ignore_event": ["insert"], "ignore_sql": ["^x"],
                                "ignore_insert_value_expr": "a", "ignore_update_new_value_expr": "b",
                                "ignore_update_old_value_expr": "c", "ignore_delete_value_expr": "e"}]},
  "mounter": {"worker_num": 4},
  "sink": {"protocol": "avro", "schema_registry": "http://r",
           "csv": {"delimiter": "|", "quote": "'", "null": "NULL", "include_commit_ts": true,
                   "binary_encoding_method": "hex", "output_old_value": true, "output_handle_key": true,
                   "output_field_header": true},
           "dispatchers": [{"matcher": ["d.*"], "partition": "columns", "index": "i", "columns": ["a"], "topic": "t"}],
           "column_selectors": [{"matcher": ["d.*"], "columns": ["!b"]}],
           "transaction_atomicity": "table", "encoder_concurrency": 8, "terminator": "\n",
           "date_separator": "month", "enable_partition_separator": false, "file_index_width": 8,
           "enable_kafka_sink_v2": true, "only_output_updated_columns": true,
           "delete_only_output_handle_key_columns": true, "content_compatible": true, "safe_mode": true,
           "kafka_config": {"partition_num": 3, "replication_factor": 2, "kafka_version": "2.4.0",
                            "max_message_bytes": 1048576, "compression": "lz4", "kafka_client_id": "c",
                            "auto_create_topic": true, "dial_timeout": "10s", "write_timeout": "10s",
                            "read_timeout": "10s", "required_acks": -1, "sasl_user": "u", "sasl_password": "p",
                            "sasl_mechanism": "plain", "sasl_gssapi_auth_type": "user",
                            "sasl_gssapi_keytab_path": "k", "sasl_gssapi_kerberos_config_path": "kc",
                            "sasl_gssapi_service_name": "s", "sasl_gssapi_user": "gu", "sasl_gssapi_password": "gp",
                            "sasl_gssapi_realm": "r", "sasl_gssapi_disable_pafxfast": true,
                            "sasl_oauth_client_id": "oc", "sasl_oauth_client_secret": "os",
                            "sasl_oauth_token_url": "ot", "sasl_oauth_scopes": ["s1"], "sasl_oauth_grant_type": "g",
                            "sasl_oauth_audience": "a", "enable_tls": true, "ca": "ca", "cert": "ce", "key": "ke",
                            "insecure_skip_verify": true,
                            "codec_config": {"enable_tidb_extension": true, "max_batch_size": 16,
                                             "avro_enable_watermark": true, "avro_decimal_handling_mode": "string",
                                             "avro_bigint_unsigned_handling_mode": "long", "encoding_format": "json"},
                            "large_message_handle": {"large_message_handle_option": "claim-check",
                                                     "large_message_handle_compression": "lz4",
                                                     "claim_check_storage_uri": "s3://c", "claim_check_raw_value": true},
                            "glue_schema_registry_config": {"registry_name": "n", "region": "r", "access_key": "a",
                                                            "secret_access_key": "s", "token": "t"},
                            "output_raw_change_event": true},
           "pulsar_config": {"tls-certificate-path": "a", "tls-private-key-path": "b",
                             "tls-trust-certs-file-path": "c", "pulsar-producer-cache-size": 5,
                             "pulsar-version": "v", "compression-type": "lz4", "authentication-token": "t",
                             "connection-timeout": 1, "operation-timeout": 2, "batching-max-messages": 3,
                             "batching-max-publish-delay": 4, "send-timeout": 5, "token-from-file": "f",
                             "basic-user-name": "u", "basic-password": "p", "auth-tls-certificate-path": "x",
                             "auth-tls-private-key-path": "y",
                             "oauth2": {"oauth2-issuer-url": "i", "oauth2-audience": "a", "oauth2-private-key": "k",
                                        "oauth2-client-id": "c", "oauth2-scope": "s"},
                             "output-raw-change-event": true},
           "mysql_config": {"worker_count": 1, "max_txn_row": 2, "max_multi_update_row_size": 3,
                            "max_multi_update_row_count": 4, "tidb_txn_mode": "optimistic", "ssl_ca": "a",
                            "ssl_cert": "b", "ssl_key": "c", "time_zone": "UTC", "write_timeout": "1s",
                            "read_timeout": "2s", "timeout": "3s", "enable_batch_dml": true,
                            "enable_multi_statement": true, "enable_cache_prepared_statement": true},
           "cloud_storage_config": {"worker_count": 2, "flush_interval": "5s", "file_size": 1024,
                                    "output_column_id": true, "file_expiration_days": 7,
                                    "file_cleanup_cron_spec": "0 0 2 * * *", "flush_concurrency": 2,
                                    "output_raw_change_event": true},
           "advance_timeout": 60, "send_bootstrap_interval_in_sec": 30, "send_bootstrap_in_msg_count": 100,
           "send_bootstrap_to_all_partition": false, "send-all-bootstrap-at-start": true,
           "debezium_disable_schema": true, "debezium": {"output_old_value": false},
           "open": {"output_old_value": false}},
  "consistent": {"level": "eventual", "max_log_size": 1, "flush_interval": 100, "meta_flush_interval": 60,
                 "encoding_worker_num": 2, "flush_worker_num": 3, "storage": "s3://r", "use_file_backend": true,
                 "compression": "lz4", "flush_concurrency": 4, "memory_usage": {"memory_quota_percentage": 10}},
  "scheduler": {"enable_table_across_nodes": true, "region_threshold": 5, "write_key_threshold": 6},
  "integrity": {"integrity_check_level": "correctness", "corruption_handle_level": "error"},
  "changefeed_error_stuck_duration": "45m",
  "synced_status": {"synced_check_interval": 600, "checkpoint_interval": 30}
})";

replica_config read_back(const boost::json::value& v) {
  replica_config c;
  auto st = read_into(c, v, json::path{"replica_config"});
  BOOST_TEST_REQUIRE(st.has_value(), (st ? "" : st.error().message));
  return c;
}

replica_config full_config() {
  auto c = create_replica_config(boost::json::parse(everything).as_object());
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  return *c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(config_roundtrip)

BOOST_AUTO_TEST_CASE(default_config_round_trips) {
  auto c = default_replica_config();
  BOOST_TEST((read_back(boost::json::value_from(c)) == c));
}

BOOST_AUTO_TEST_CASE(a_config_setting_every_key_round_trips) {
  auto c = full_config();
  BOOST_TEST((read_back(boost::json::value_from(c)) == c));
}

BOOST_AUTO_TEST_CASE(a_config_setting_every_key_serialises_to_what_was_sent) {
  // Every key of `everything` is written back, with durations as ns.
  auto sent = boost::json::parse(everything).as_object();
  sent["sync_point_interval"] = 60'000'000'000;
  sent["sync_point_retention"] = 7'200'000'000'000;
  sent["changefeed_error_stuck_duration"] = 2'700'000'000'000;
  BOOST_TEST((boost::json::value_from(full_config()) == boost::json::value(sent)));
}

BOOST_AUTO_TEST_CASE(serialised_text_parses_to_the_same_config) {
  auto c = full_config();
  auto text = boost::json::serialize(boost::json::value_from(c));
  BOOST_TEST((read_back(boost::json::parse(text)) == c));
}

BOOST_AUTO_TEST_CASE(a_zero_config_round_trips) {
  replica_config zero;
  BOOST_TEST((read_back(boost::json::value_from(zero)) == zero));
}

BOOST_AUTO_TEST_CASE(a_zero_config_writes_nulls_for_plain_sub_objects) {
  auto v = boost::json::value_from(replica_config{});
  const auto& o = v.as_object();
  BOOST_TEST(o.at("filter").is_null());
  BOOST_TEST(o.at("mounter").is_null());
  BOOST_TEST(o.at("sink").is_null());
  BOOST_TEST(o.at("scheduler").is_null());
  BOOST_TEST(o.at("integrity").is_null());
  BOOST_TEST(!o.contains("consistent"));
  BOOST_TEST(!o.contains("synced_status"));
  BOOST_TEST(!o.contains("changefeed_error_stuck_duration"));
  BOOST_TEST(!o.contains("enable_sync_point"));
}

BOOST_AUTO_TEST_CASE(empty_event_filter_lists_are_written_as_null) {
  event_filter_rule r;
  r.ignore_insert_value_expr = "a > 1";
  auto v = boost::json::value_from(r);
  BOOST_TEST(boost::json::serialize(v)
             == R"({"matcher":null,"ignore_event":null,"ignore_sql":null,"ignore_insert_value_expr":"a > 1",)"
                R"("ignore_update_new_value_expr":"","ignore_update_old_value_expr":"","ignore_delete_value_expr":""})");
}

BOOST_AUTO_TEST_CASE(empty_dispatch_rule_keys_are_omitted) {
  dispatch_rule d;
  d.partition = "ts";
  BOOST_TEST(boost::json::serialize(boost::json::value_from(d)) == R"({"partition":"ts"})");
}

BOOST_AUTO_TEST_CASE(dispatch_rule_keys_follow_tidbs_order) {
  dispatch_rule d{{"a.*"}, "index-value", "uk", {"c"}, "t"};
  BOOST_TEST(boost::json::serialize(boost::json::value_from(d))
             == R"({"matcher":["a.*"],"partition":"index-value","index":"uk","columns":["c"],"topic":"t"})");
}

BOOST_AUTO_TEST_CASE(consistent_omits_empty_level_storage_and_compression) {
  consistent_config c;
  BOOST_TEST(boost::json::serialize(boost::json::value_from(c))
             == R"({"max_log_size":0,"flush_interval":0,"meta_flush_interval":0,"encoding_worker_num":0,)"
                R"("flush_worker_num":0,"use_file_backend":false,"memory_usage":null})");
}

BOOST_AUTO_TEST_CASE(u64_txn_start_ts_keeps_full_precision) {
  auto c = full_config();
  BOOST_TEST(c.filter->ignore_txn_start_ts.at(0) == UINT64_MAX);
  auto text = boost::json::serialize(boost::json::value_from(c));
  BOOST_TEST(text.find("18446744073709551615") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
