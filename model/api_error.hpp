// The catalog of every TiCDC API error this server can return: its
// `CDC:Err...` code, message template and HTTP status, in one table.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace cdc::model {

/// Numbered from 1 so the value can travel as a caf::error code (0 = none).
enum class api_error : std::uint8_t {
  // -- TiCDC's bad-request list (HTTP 400) ------------------------------------
  api_invalid_param = 1,
  sink_uri_invalid,
  start_ts_before_gc,
  changefeed_not_exists,
  target_ts_before_start_ts,
  table_ineligible,
  filter_rule_invalid,
  changefeed_update_refused,
  mysql_connection_error,
  mysql_invalid_config,
  capture_not_exist,
  scheduler_request_failed,
  // -- everything else is HTTP 500 unless noted -------------------------------
  changefeed_already_exists,
  changefeed_deletion_unfinished,
  reach_max_try,
  api_get_pd_client_failed,
  new_store,
  pd_etcd_api_error,
  meta_op_failed,
  internal_server_error,
  cluster_is_unhealthy,
  server_is_not_ready,   // 503
  credential_not_found,  // 401
  unauthorized,          // 401
  owner_not_found,
  not_owner,
  upstream_not_found,
  same_upstream_downstream,
  invalid_replica_config,
  sink_unknown_protocol,
  sink_invalid_config,
  kafka_invalid_config,
  kafka_topic_expr_invalid,
  pulsar_topic_expr_invalid,
  dispatcher_failed,
  column_selector_failed,
  invalid_ignore_event_type,
  invalid_filter_expression,
  storage_sink_invalid_config,
  consistent_storage,
  codec_invalid_config,
  invalid_glue_schema_registry_config,
  gc_ttl_exceeded,
  snapshot_lost_by_gc,
  changefeed_unretryable,
  owner_unknown,
  meta_store_failed,
  request_timeout,
  too_many_requests,     // 429
  request_body_too_large, // 413
  request_target_too_long, // 414
  request_header_too_large, // 431
  request_read_timeout,  // 408
  route_not_found,       // 404
  method_not_allowed,    // 405
  sink_write_failed,
  expression_column_not_found,
  kafka_invalid_partition_num,
  kafka_invalid_required_acks,
  kafka_invalid_client_id,
  mysql_txn_error,
  mysql_query_error,
  external_storage_api,
  storage_sink_invalid_file_name,
  fail_to_create_external_storage,
  // -- the Kafka sink at run time and at create --------------------------------
  kafka_new_producer,
  kafka_create_topic,
  kafka_async_send_message,
  message_too_large,
};

/// What TiCDC prints for an error kind.
struct api_error_spec {
  api_error kind;
  std::string_view code;              ///< e.g. "CDC:ErrChangeFeedNotExists"
  std::string_view message_template;  ///< TiCDC's template, %s/%d/%v verbs
  unsigned http_status;
};

/// The catalog entry for `kind`; every enumerator has one.
const api_error_spec& spec_of(api_error kind) noexcept;

/// Looks a kind up by its code string (for errors read back from storage).
const api_error_spec* find_spec(std::string_view code) noexcept;

/// The catalog in declaration order (for tests and documentation).
std::span<const api_error_spec> all_api_errors() noexcept;

inline std::string_view code_of(api_error kind) noexcept { return spec_of(kind).code; }
inline unsigned http_status_of(api_error kind) noexcept { return spec_of(kind).http_status; }

/// An error as the API reports it: the kind plus the rendered message (the
/// part after TiCDC's "[CDC:ErrX]" prefix, which the HTTP layer adds).
struct api_failure {
  api_error kind = api_error::internal_server_error;
  std::string message;

  friend bool operator==(const api_failure&, const api_failure&) = default;
};

/// Fills the template's verbs (%s, %d, %v) left to right with `args`; verbs
/// without an argument stay verbatim, as Go's errors package prints them.
std::string format_template(std::string_view tmpl,
                            std::initializer_list<std::string_view> args);

/// An api_failure whose message is the catalog template filled with `args`.
api_failure fail(api_error kind, std::initializer_list<std::string_view> args = {});

/// An api_failure with a message of its own (TiCDC's GenWithStack form).
api_failure fail_with(api_error kind, std::string message);

/// "[CDC:ErrX]message", TiCDC's `error_msg`.
std::string full_message(const api_failure& failure);

} // namespace cdc::model
