// replica_config.sink: how rows are encoded and where they go, with its
// csv, dispatcher and column-selector sub-objects. Optional members are Go
// pointers in TiCDC's API model: absent means "not set" and is omitted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/config/cloud_storage_config.hpp"
#include "model/config/codec_decl.hpp"
#include "model/config/kafka_config.hpp"
#include "model/config/mysql_config.hpp"
#include "model/config/pulsar_config.hpp"

namespace cdc::model::config {

/// sink.csv (storage sinks); checked by validate_csv().
struct csv_config {
  std::string delimiter;
  std::string quote;
  std::string null;  ///< JSON key "null": how a NULL column is written
  bool include_commit_ts = false;
  std::string binary_encoding_method;  ///< base64 | hex
  bool output_old_value = false;
  bool output_handle_key = false;
  bool output_field_header = false;

  friend bool operator==(const csv_config&, const csv_config&) = default;
};

/// One sink.dispatchers rule (MQ sinks); every key omitted when empty.
struct dispatch_rule {
  std::vector<std::string> matcher;
  std::string partition;  ///< default | table | ts | index-value | rowid | columns | ...
  std::string index;      ///< index name for index-value
  std::vector<std::string> columns;  ///< for the columns partitioner
  std::string topic;

  friend bool operator==(const dispatch_rule&, const dispatch_rule&) = default;
};

/// One sink.column_selectors entry (MQ sinks).
struct column_selector {
  std::vector<std::string> matcher;
  std::vector<std::string> columns;

  friend bool operator==(const column_selector&, const column_selector&) = default;
};

/// sink.debezium and sink.open: {output_old_value}.
struct protocol_output_config {
  bool output_old_value = false;

  friend bool operator==(const protocol_output_config&, const protocol_output_config&) = default;
};

struct sink_config {
  std::optional<std::string> protocol;
  std::optional<std::string> schema_registry;
  std::optional<csv_config> csv;
  std::vector<dispatch_rule> dispatchers;
  std::vector<column_selector> column_selectors;
  std::optional<std::string> transaction_atomicity;  ///< "", none, table
  std::optional<std::int64_t> encoder_concurrency;
  std::optional<std::string> terminator;
  std::optional<std::string> date_separator;  ///< none | year | month | day
  std::optional<bool> enable_partition_separator;
  std::optional<std::int64_t> file_index_width;
  std::optional<bool> enable_kafka_sink_v2;
  std::optional<bool> only_output_updated_columns;
  std::optional<bool> delete_only_output_handle_key_columns;  ///< null when absent
  std::optional<bool> content_compatible;                     ///< null when absent
  std::optional<bool> safe_mode;
  std::optional<kafka_config> kafka;
  std::optional<pulsar_config> pulsar;
  std::optional<mysql_config> mysql;
  std::optional<cloud_storage_config> cloud_storage;
  std::optional<std::uint64_t> advance_timeout;  ///< seconds; key "advance_timeout"
  std::optional<std::int64_t> send_bootstrap_interval_in_sec;
  std::optional<std::int32_t> send_bootstrap_in_msg_count;
  std::optional<bool> send_bootstrap_to_all_partition;
  std::optional<bool> send_all_bootstrap_at_start;  ///< key "send-all-bootstrap-at-start"
  std::optional<bool> debezium_disable_schema;
  std::optional<protocol_output_config> debezium;
  std::optional<protocol_output_config> open;

  friend bool operator==(const sink_config&, const sink_config&) = default;
};

status read_into(csv_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const csv_config& x);

status read_into(dispatch_rule& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const dispatch_rule& x);

status read_into(column_selector& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const column_selector& x);

status read_into(protocol_output_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const protocol_output_config& x);

status read_into(sink_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const sink_config& x);

} // namespace cdc::model::config
