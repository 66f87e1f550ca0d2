// TiCDC's debezium protocol (pkg/sink/codec/debezium): a row is a key
// {"payload":{<handle key columns>},"schema":{...}} and a value
// {"payload":{"source":{...},"ts_ms":<now>,"transaction":null,"op":"c"|"u"|"d",
// "before":..,"after":..},"schema":{...}} in Kafka Connect's JSON envelope,
// the schema names built from the TiCDC cluster ID, database and table
// ("default.test0.t0.Envelope"). With the TiDB extension each field schema
// carries `tidb_type`, and the checkpoint goes out as an op "m" message;
// without it there is no watermark.
#pragma once

#include <cstdint>
#include <string>

#include "model/codec/row_encoding.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

struct debezium_options {
  /// TiCDC's --cluster-id: source.name, source.cluster_id, schema names.
  std::string cluster_id = "default";
  /// `enable-tidb-extension=true`: tidb_type in field schemas, watermarks.
  bool enable_tidb_extension = false;
  /// sink.debezium-disable-schema: no "schema" objects.
  bool disable_schema = false;
  /// sink.debezium.output-old-value (TiCDC's default true): updates carry
  /// `before`.
  bool output_old_value = true;
};

/// A row's key message.
void append_debezium_key(const debezium_options& o, const upstream::table_def& t, const upstream::row_change& row,
                         std::string& out);

/// A row's value message; `now_ms` is payload.ts_ms (when it was made).
void append_debezium_value(const debezium_options& o, const upstream::table_def& t, const column_list& columns,
                           const upstream::row_change& row, std::int64_t now_ms, std::string& out);

/// The watermark's key and value (op "m"), TiDB extension only.
void append_debezium_watermark_key(const debezium_options& o, std::string& out);
void append_debezium_watermark_value(const debezium_options& o, std::uint64_t ts, std::int64_t now_ms,
                                     std::string& out);

/// TiCDC's SanitizeName: letters, digits and `_` kept, others `_`; a first
/// character that is no letter or `_` becomes `_` (a digit stays after it).
std::string debezium_sanitize_name(std::string_view name);

/// TiCDC's SanitizeTopicName: letters, digits, `_` and `.` kept, others `_`.
std::string debezium_sanitize_topic_name(std::string_view name);

} // namespace cdc::model::codec
