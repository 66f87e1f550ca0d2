// A changefeed with every field set away from its default, for the suites
// that check a codec gives back exactly what it was given (the stored form,
// the actor wire format). The model types have no operator==, hence
// require_same.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/info.hpp"
#include "model/config/merge.hpp"
#include "tests/support/printers.hpp"

namespace cdc::test {

// Every part and every optional member of the replica config set to a value
// other than its default.
inline constexpr std::string_view full_config_json = R"({
  "memory_quota": 1123450, "case_sensitive": true, "force_replicate": true, "ignore_ineligible_table": true,
  "check_gc_safe_point": false, "enable_sync_point": true, "enable_table_monitor": true, "bdr_mode": true,
  "sync_point_interval": "11m", "sync_point_retention": "25h",
  "filter": {"do_tables": [{"database_name": "d", "table_name": "t"}], "do_dbs": ["d"],
             "ignore_tables": [{"database_name": "i", "table_name": "t"}], "ignore_dbs": ["i"],
             "rules": ["a.d", "b.x"], "ignore_txn_start_ts": [1, 2, 3],
             "event_filters": [{"matcher": ["test.worker"], "ignore_event": ["update"], "ignore_sql": ["^drop"],
                                "ignore_insert_value_expr": "id > 1", "ignore_update_new_value_expr": "k = 2",
                                "ignore_update_old_value_expr": "k = 3", "ignore_delete_value_expr": "k = 4"}]},
  "mounter": {"worker_num": 17},
  "sink": {"protocol": "simple", "schema_registry": "http://r:8081",
           "csv": {"delimiter": ";", "quote": "'", "null": "NIL", "include_commit_ts": true,
                   "binary_encoding_method": "hex", "output_old_value": true, "output_handle_key": true,
                   "output_field_header": true},
           "dispatchers": [{"matcher": ["*.*"], "partition": "columns", "index": "i", "columns": ["id"], "topic": "t_{schema}"}],
           "column_selectors": [{"matcher": ["a.b"], "columns": ["c"]}],
           "transaction_atomicity": "table", "encoder_concurrency": 3, "terminator": "a", "date_separator": "month",
           "enable_partition_separator": false, "file_index_width": 7, "enable_kafka_sink_v2": true,
           "only_output_updated_columns": true, "delete_only_output_handle_key_columns": true,
           "content_compatible": true, "safe_mode": true,
           "kafka_config": {"partition_num": 4, "replication_factor": 2, "kafka_version": "3.0.0",
                            "max_message_bytes": 1024, "compression": "lz4", "kafka_client_id": "cid",
                            "auto_create_topic": false, "dial_timeout": "1s", "write_timeout": "2s",
                            "read_timeout": "3s", "required_acks": 1, "sasl_user": "u", "sasl_password": "p",
                            "sasl_mechanism": "PLAIN", "sasl_gssapi_auth_type": "user",
                            "sasl_gssapi_keytab_path": "/k", "sasl_gssapi_kerberos_config_path": "/kc",
                            "sasl_gssapi_service_name": "s", "sasl_gssapi_user": "gu", "sasl_gssapi_password": "gp",
                            "sasl_gssapi_realm": "R", "sasl_gssapi_disable_pafxfast": true,
                            "sasl_oauth_client_id": "oc", "sasl_oauth_client_secret": "os",
                            "sasl_oauth_token_url": "https://t", "sasl_oauth_scopes": ["s1", "s2"],
                            "sasl_oauth_grant_type": "g", "sasl_oauth_audience": "a", "enable_tls": true,
                            "ca": "/ca", "cert": "/cert", "key": "/key", "insecure_skip_verify": true,
                            "codec_config": {"enable_tidb_extension": true, "max_batch_size": 9,
                                             "avro_enable_watermark": true, "avro_decimal_handling_mode": "string",
                                             "avro_bigint_unsigned_handling_mode": "long", "encoding_format": "json"},
                            "large_message_handle": {"large_message_handle_option": "claim-check",
                                                     "large_message_handle_compression": "lz4",
                                                     "claim_check_storage_uri": "s3://b/c", "claim_check_raw_value": true},
                            "glue_schema_registry_config": {"registry_name": "n", "region": "r", "access_key": "ak",
                                                            "secret_access_key": "sk", "token": "tk"},
                            "output_raw_change_event": true},
           "pulsar_config": {"tls-certificate-path": "/a", "tls-private-key-path": "/b",
                             "tls-trust-certs-file-path": "/c", "pulsar-producer-cache-size": 5,
                             "pulsar-version": "v", "compression-type": "zstd", "authentication-token": "tok",
                             "connection-timeout": 6, "operation-timeout": 7, "batching-max-messages": 8,
                             "batching-max-publish-delay": 9, "send-timeout": 10, "token-from-file": "/t",
                             "basic-user-name": "bu", "basic-password": "bp", "auth-tls-certificate-path": "/d",
                             "auth-tls-private-key-path": "/e",
                             "oauth2": {"oauth2-issuer-url": "https://i", "oauth2-audience": "au",
                                        "oauth2-private-key": "pk", "oauth2-client-id": "ci", "oauth2-scope": "sc"},
                             "output-raw-change-event": true},
           "mysql_config": {"worker_count": 1, "max_txn_row": 2, "max_multi_update_row_size": 3,
                            "max_multi_update_row_count": 4, "tidb_txn_mode": "pessimistic", "ssl_ca": "/a",
                            "ssl_cert": "/b", "ssl_key": "/c", "time_zone": "UTC", "write_timeout": "1s",
                            "read_timeout": "2s", "timeout": "3s", "enable_batch_dml": false,
                            "enable_multi_statement": false, "enable_cache_prepared_statement": false},
           "cloud_storage_config": {"worker_count": 5, "flush_interval": "6s", "file_size": 7, "output_column_id": true,
                                    "file_expiration_days": 8, "file_cleanup_cron_spec": "0 0 * * *",
                                    "flush_concurrency": 9, "output_raw_change_event": true},
           "advance_timeout": 11, "send_bootstrap_interval_in_sec": 12, "send_bootstrap_in_msg_count": 13,
           "send_bootstrap_to_all_partition": false, "send-all-bootstrap-at-start": true,
           "debezium_disable_schema": true, "debezium": {"output_old_value": false}, "open": {"output_old_value": false}},
  "consistent": {"level": "eventual", "max_log_size": 65, "flush_interval": 2001, "meta_flush_interval": 201,
                 "encoding_worker_num": 31, "flush_worker_num": 18, "storage": "s3://redo", "use_file_backend": true,
                 "compression": "lz4", "flush_concurrency": 2, "memory_usage": {"memory_quota_percentage": 40}},
  "scheduler": {"enable_table_across_nodes": true, "region_threshold": 13, "write_key_threshold": 14},
  "integrity": {"integrity_check_level": "correctness", "corruption_handle_level": "error"},
  "changefeed_error_stuck_duration": "45m",
  "synced_status": {"synced_check_interval": 301, "checkpoint_interval": 16}
})";

inline model::config::replica_config full_config() {
  using namespace model;
  auto cfg = config::create_replica_config(boost::json::parse(full_config_json).as_object()).value();
  cfg.sql_mode = "ANSI"; // dropped by conversion, but the stored form must carry whatever it is given
  return cfg;
}

/// A failed feed with a target TS, an error and the full config.
inline model::changefeed_info sample_info() {
  using namespace model;
  changefeed_info info;
  info.key = {"ns-1", "feed-1"};
  info.upstream_id = 7208271329298173977ULL;
  info.sink_uri = "kafka://u:p@127.0.0.1:9092/t?protocol=simple&sasl-password=x";
  info.create_time = std::chrono::system_clock::time_point{std::chrono::nanoseconds{1701153217279123456LL}};
  info.start_ts = 445947108990386176ULL;
  info.target_ts = 445947108990386177ULL;
  info.config = std::make_shared<const config::replica_config>(full_config());
  info.state = feed_state::failed;
  info.error = running_error{info.create_time + std::chrono::nanoseconds{1}, "10.0.0.1:8300", "CDC:ErrSinkWriteFailed",
                             "write \"failed\"\n"};
  info.creator_version = "v8.5.0-cdc-actor";
  info.epoch = 445947108990386176ULL;
  return info;
}

/// Every field equal, the config compared by value.
inline void require_same(const model::changefeed_info& a, const model::changefeed_info& b) {
  BOOST_TEST((a.key == b.key));
  BOOST_TEST(a.upstream_id == b.upstream_id);
  BOOST_TEST(a.sink_uri == b.sink_uri);
  BOOST_TEST((a.create_time == b.create_time));
  BOOST_TEST(a.start_ts == b.start_ts);
  BOOST_TEST(a.target_ts == b.target_ts);
  BOOST_TEST(a.state == b.state);
  BOOST_TEST((a.error == b.error));
  BOOST_TEST(a.creator_version == b.creator_version);
  BOOST_TEST(a.epoch == b.epoch);
  BOOST_REQUIRE(bool(a.config) == bool(b.config));
  if (a.config)
    BOOST_TEST((*a.config == *b.config));
}

} // namespace cdc::test
