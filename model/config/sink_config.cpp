#include "model/config/sink_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;
constexpr auto opt = emit::omit_empty;

constexpr auto csv_fields = std::tuple{
  fld("delimiter", &csv_config::delimiter),
  fld("quote", &csv_config::quote),
  fld("null", &csv_config::null),
  fld("include_commit_ts", &csv_config::include_commit_ts),
  fld("binary_encoding_method", &csv_config::binary_encoding_method),
  fld("output_old_value", &csv_config::output_old_value),
  fld("output_handle_key", &csv_config::output_handle_key),
  fld("output_field_header", &csv_config::output_field_header),
};

constexpr auto dispatch_fields = std::tuple{
  fld("matcher", &dispatch_rule::matcher, opt),
  fld("partition", &dispatch_rule::partition, opt),
  fld("index", &dispatch_rule::index, opt),
  fld("columns", &dispatch_rule::columns, opt),
  fld("topic", &dispatch_rule::topic, opt),
};

constexpr auto selector_fields = std::tuple{
  fld("matcher", &column_selector::matcher, opt),
  fld("columns", &column_selector::columns, opt),
};

constexpr auto protocol_output_fields = std::tuple{
  fld("output_old_value", &protocol_output_config::output_old_value),
};

// Order and tags of TiCDC's API SinkConfig (spec/reference.md 6.2/6.3).
constexpr auto fields = std::tuple{
  fld("protocol", &sink_config::protocol, opt),
  fld("schema_registry", &sink_config::schema_registry, opt),
  fld("csv", &sink_config::csv, opt),
  fld("dispatchers", &sink_config::dispatchers, opt),
  fld("column_selectors", &sink_config::column_selectors, opt),
  fld("transaction_atomicity", &sink_config::transaction_atomicity, opt),
  fld("encoder_concurrency", &sink_config::encoder_concurrency, opt),
  fld("terminator", &sink_config::terminator, opt),
  fld("date_separator", &sink_config::date_separator, opt),
  fld("enable_partition_separator", &sink_config::enable_partition_separator, opt),
  fld("file_index_width", &sink_config::file_index_width, opt),
  fld("enable_kafka_sink_v2", &sink_config::enable_kafka_sink_v2, opt),
  fld("only_output_updated_columns", &sink_config::only_output_updated_columns, opt),
  fld("delete_only_output_handle_key_columns", &sink_config::delete_only_output_handle_key_columns),
  fld("content_compatible", &sink_config::content_compatible),
  fld("safe_mode", &sink_config::safe_mode, opt),
  fld("kafka_config", &sink_config::kafka, opt),
  fld("pulsar_config", &sink_config::pulsar, opt),
  fld("mysql_config", &sink_config::mysql, opt),
  fld("cloud_storage_config", &sink_config::cloud_storage, opt),
  fld("advance_timeout", &sink_config::advance_timeout, opt),
  fld("send_bootstrap_interval_in_sec", &sink_config::send_bootstrap_interval_in_sec, opt),
  fld("send_bootstrap_in_msg_count", &sink_config::send_bootstrap_in_msg_count, opt),
  fld("send_bootstrap_to_all_partition", &sink_config::send_bootstrap_to_all_partition, opt),
  fld("send-all-bootstrap-at-start", &sink_config::send_all_bootstrap_at_start, opt),
  fld("debezium_disable_schema", &sink_config::debezium_disable_schema, opt),
  fld("debezium", &sink_config::debezium, opt),
  fld("open", &sink_config::open, opt),
};

} // namespace

status read_into(csv_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, csv_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const csv_config& x) {
  json::encode_into(jv, x, csv_fields);
}

status read_into(dispatch_rule& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, dispatch_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const dispatch_rule& x) {
  json::encode_into(jv, x, dispatch_fields);
}

status read_into(column_selector& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, selector_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const column_selector& x) {
  json::encode_into(jv, x, selector_fields);
}

status read_into(protocol_output_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, protocol_output_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const protocol_output_config& x) {
  json::encode_into(jv, x, protocol_output_fields);
}

status read_into(sink_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const sink_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
