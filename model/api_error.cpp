#include "model/api_error.hpp"

#include <algorithm>
#include <array>

namespace cdc::model {

namespace {

using enum api_error;

// Codes, templates and statuses from TiCDC's pkg/errors/cdc_errors.go and the
// bad-request list in cdc/api/middleware (spec/reference.md section 4).
constexpr std::array catalog{
  api_error_spec{api_invalid_param, "CDC:ErrAPIInvalidParam", "invalid api parameter", 400},
  api_error_spec{sink_uri_invalid, "CDC:ErrSinkURIInvalid", "sink uri invalid '%s'", 400},
  api_error_spec{start_ts_before_gc, "CDC:ErrStartTsBeforeGC",
                 "fail to create or maintain changefeed because start-ts %d is earlier than or equal to GC safepoint at %d",
                 400},
  api_error_spec{changefeed_not_exists, "CDC:ErrChangeFeedNotExists", "changefeed not exists, %s", 400},
  api_error_spec{target_ts_before_start_ts, "CDC:ErrTargetTsBeforeStartTs",
                 "fail to create changefeed because target-ts %d is earlier than start-ts %d", 400},
  api_error_spec{table_ineligible, "CDC:ErrTableIneligible",
                 "some tables are not eligible to replicate(%v), if you want to ignore these tables, please set ignore_ineligible_table to true",
                 400},
  api_error_spec{filter_rule_invalid, "CDC:ErrFilterRuleInvalid", "filter rule is invalid %v", 400},
  api_error_spec{changefeed_update_refused, "CDC:ErrChangefeedUpdateRefused", "changefeed update error: %s", 400},
  api_error_spec{mysql_connection_error, "CDC:ErrMySQLConnectionError", "MySQL connection error", 400},
  api_error_spec{mysql_invalid_config, "CDC:ErrMySQLInvalidConfig", "MySQL config invalid", 400},
  api_error_spec{capture_not_exist, "CDC:ErrCaptureNotExist", "capture not exists, %s", 400},
  api_error_spec{scheduler_request_failed, "CDC:ErrSchedulerRequestFailed", "scheduler request failed, %s", 400},
  api_error_spec{changefeed_already_exists, "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, %s", 500},
  api_error_spec{changefeed_deletion_unfinished, "CDC:ErrChangeFeedDeletionUnfinished",
                 "changefeed exists after deletion, %s", 500},
  api_error_spec{reach_max_try, "CDC:ErrReachMaxTry", "reach maximum try: %s, error: %s", 500},
  api_error_spec{api_get_pd_client_failed, "CDC:ErrAPIGetPDClientFailed",
                 "failed to get PDClient to connect PD, please recheck", 500},
  api_error_spec{new_store, "CDC:ErrNewStore", "new store failed", 500},
  api_error_spec{pd_etcd_api_error, "CDC:ErrPDEtcdAPIError", "etcd api call error", 500},
  api_error_spec{meta_op_failed, "DFLOW:ErrMetaOpFailed", "unexpected meta operation failure: %s", 500},
  api_error_spec{internal_server_error, "CDC:ErrInternalServerError", "internal server error", 500},
  api_error_spec{cluster_is_unhealthy, "CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy", 500},
  api_error_spec{server_is_not_ready, "CDC:ErrServerIsNotReady", "cdc server is not ready", 503},
  api_error_spec{credential_not_found, "CDC:ErrCredentialNotFound", "credential not found: %s", 401},
  api_error_spec{unauthorized, "CDC:ErrUnauthorized", "user %s unauthorized, error: %s", 401},
  api_error_spec{owner_not_found, "CDC:ErrOwnerNotFound", "owner not found", 500},
  api_error_spec{not_owner, "CDC:ErrNotOwner", "this capture is not a owner", 500},
  api_error_spec{upstream_not_found, "CDC:ErrUpstreamNotFound", "upstream not found, cluster-id: %d", 500},
  api_error_spec{same_upstream_downstream, "CDC:ErrSameUpstreamDownstream",
                 "upstream and downstream are the same, %s", 500},
  api_error_spec{invalid_replica_config, "CDC:ErrInvalidReplicaConfig", "invalid replica config, %s", 500},
  api_error_spec{sink_unknown_protocol, "CDC:ErrSinkUnknownProtocol", "unknown '%s' message protocol for sink", 500},
  api_error_spec{sink_invalid_config, "CDC:ErrSinkInvalidConfig", "sink config invalid", 500},
  api_error_spec{kafka_invalid_config, "CDC:ErrKafkaInvalidConfig", "kafka config invalid", 500},
  api_error_spec{kafka_topic_expr_invalid, "CDC:ErrKafkaTopicExprInvalid", "invalid topic expression: %s ", 500},
  api_error_spec{pulsar_topic_expr_invalid, "CDC:ErrPulsarTopicExprInvalid", "invalid topic expression", 500},
  api_error_spec{dispatcher_failed, "CDC:ErrDispatcherFailed", "dispatcher failed", 500},
  api_error_spec{column_selector_failed, "CDC:ErrColumnSelectorFailed", "column selector failed", 500},
  api_error_spec{invalid_ignore_event_type, "CDC:ErrInvalidIgnoreEventType", "invalid ignore event type: '%s'", 500},
  api_error_spec{invalid_filter_expression, "CDC:ErrInvalidFilterExpression",
                 "invalid filter expressions. There is a syntax error in: '%s'", 500},
  api_error_spec{storage_sink_invalid_config, "CDC:ErrStorageSinkInvalidConfig", "storage sink config invalid", 500},
  api_error_spec{consistent_storage, "CDC:ErrConsistentStorage", "consistent storage (%s) not support", 500},
  api_error_spec{codec_invalid_config, "CDC:ErrCodecInvalidConfig", "Codec invalid config", 500},
  api_error_spec{invalid_glue_schema_registry_config, "CDC:ErrInvalidGlueSchemaRegistryConfig",
                 "invalid glue schema registry config, %s", 500},
  api_error_spec{gc_ttl_exceeded, "CDC:ErrGCTTLExceeded",
                 "the checkpoint-ts(%d) lag of the changefeed(%s) has exceeded the GC TTL and the changefeed is blocking global GC progression",
                 500},
  api_error_spec{snapshot_lost_by_gc, "CDC:ErrSnapshotLostByGC",
                 "fail to create or maintain changefeed due to snapshot loss caused by GC. checkpoint-ts %d is earlier than or equal to GC safepoint at %d",
                 500},
  api_error_spec{changefeed_unretryable, "CDC:ErrChangefeedUnretryable",
                 "changefeed is in unretryable state, please check the error message, and you should manually handle it",
                 500},
  api_error_spec{owner_unknown, "CDC:ErrOwnerUnknown", "owner running unknown error", 500},
  // Ours, beyond TiCDC: the embedded meta store, request limits and routing.
  api_error_spec{meta_store_failed, "CDC:ErrMetaStoreFailed", "meta store operation failed: %s", 500},
  api_error_spec{request_timeout, "CDC:ErrRequestTimeout", "request timed out: %s", 500},
  api_error_spec{too_many_requests, "CDC:ErrTooManyRequests", "too many requests in flight, retry later", 429},
  api_error_spec{request_body_too_large, "CDC:ErrRequestBodyTooLarge", "request body larger than %s bytes", 413},
  api_error_spec{request_target_too_long, "CDC:ErrRequestURITooLong", "request target longer than %s bytes", 414},
  api_error_spec{request_header_too_large, "CDC:ErrRequestHeaderTooLarge", "request header larger than %s bytes", 431},
  api_error_spec{request_read_timeout, "CDC:ErrRequestReadTimeout", "request %s was not received within %s", 408},
  api_error_spec{route_not_found, "CDC:ErrRouteNotFound", "no route for %s", 404},
  api_error_spec{method_not_allowed, "CDC:ErrMethodNotAllowed", "method %s not allowed for %s", 405},
  api_error_spec{sink_write_failed, "CDC:ErrSinkWriteFailed", "sink write failed: %s", 500},
  api_error_spec{expression_column_not_found, "CDC:ErrExpressionColumnNotFound",
                 "invalid filter expression(s). Cannot find column '%s' from table '%s' in: %s", 500},
  api_error_spec{kafka_invalid_partition_num, "CDC:ErrKafkaInvalidPartitionNum", "invalid partition num %d", 500},
  api_error_spec{kafka_invalid_required_acks, "CDC:ErrKafkaInvalidRequiredAcks",
                 "invalid required acks %d, only support these values: 0(NoResponse),1(WaitForLocal),-1(WaitForAll)", 500},
  api_error_spec{kafka_invalid_client_id, "CDC:ErrKafkaInvalidClientID", "invalid kafka client ID '%s'", 500},
  api_error_spec{mysql_txn_error, "CDC:ErrMySQLTxnError", "MySQL txn error", 500},
  api_error_spec{mysql_query_error, "CDC:ErrMySQLQueryError", "MySQL query error", 500},
  // TiCDC's ErrExternalStorageAPI carries the code of its S3 ancestor.
  api_error_spec{external_storage_api, "CDC:ErrS3StorageAPI", "external storage api", 500},
  api_error_spec{storage_sink_invalid_file_name, "CDC:ErrStorageSinkInvalidFileName",
                 "filename in storage sink is invalid", 500},
  // A sink location that cannot be opened at create; not on TiCDC's
  // bad-request list, so 500 as there.
  api_error_spec{fail_to_create_external_storage, "CDC:ErrFailToCreateExternalStorage",
                 "failed to create external storage", 500},
  api_error_spec{kafka_new_producer, "CDC:ErrKafkaNewProducer", "new kafka producer", 500},
  api_error_spec{kafka_create_topic, "CDC:ErrKafkaCreateTopic", "kafka create topic failed", 500},
  api_error_spec{kafka_async_send_message, "CDC:ErrKafkaAsyncSendMessage", "kafka async send message failed", 500},
  api_error_spec{message_too_large, "CDC:ErrMessageTooLarge", "message is too large", 500},
};

// The table is indexed by enumerator value; a mismatch is a compile error.
constexpr bool catalog_in_order() {
  for (std::size_t i = 0; i < catalog.size(); ++i)
    if (static_cast<std::size_t>(catalog[i].kind) != i + 1)
      return false;
  return true;
}
static_assert(catalog_in_order(), "api_error catalog must follow the enum order");

} // namespace

const api_error_spec& spec_of(api_error kind) noexcept {
  auto index = static_cast<std::size_t>(kind);
  if (index == 0 || index > catalog.size())
    return catalog[static_cast<std::size_t>(internal_server_error) - 1];
  return catalog[index - 1];
}

const api_error_spec* find_spec(std::string_view code) noexcept {
  auto it = std::find_if(catalog.begin(), catalog.end(),
                         [&](const api_error_spec& s) { return s.code == code; });
  return it == catalog.end() ? nullptr : &*it;
}

std::span<const api_error_spec> all_api_errors() noexcept {
  return catalog;
}

std::string format_template(std::string_view tmpl,
                            std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  auto next = args.begin();
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    bool verb = tmpl[i] == '%' && i + 1 < tmpl.size()
                && (tmpl[i + 1] == 's' || tmpl[i + 1] == 'd' || tmpl[i + 1] == 'v');
    if (verb && next != args.end()) {
      out += *next++;
      ++i;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

api_failure fail(api_error kind, std::initializer_list<std::string_view> args) {
  return {kind, format_template(spec_of(kind).message_template, args)};
}

api_failure fail_with(api_error kind, std::string message) {
  return {kind, std::move(message)};
}

std::string full_message(const api_failure& failure) {
  const auto& spec = spec_of(failure.kind);
  std::string out;
  out.reserve(spec.code.size() + failure.message.size() + 2);
  out += '[';
  out += spec.code;
  out += ']';
  out += failure.message;
  return out;
}

} // namespace cdc::model
