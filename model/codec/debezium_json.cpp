// TiCDC's debezium protocol; see debezium_json.hpp. TiCDC writes it with
// json-iterator (EscapeHTML off), so strings are escaped as
// append_json_string_no_html does and floats as encoding/json prints them.
#include "model/codec/debezium_json.hpp"

#include <ctime>

#include "model/codec/go_format.hpp"
#include "model/codec/json_values.hpp"
#include "model/tso.hpp"

namespace cdc::model::codec {

namespace {

using upstream::column_type;
using upstream::column_value;
using upstream::row_op;

void str(std::string_view s, std::string& out) { append_json_string_no_html(s, out); }

/// Kafka Connect's type of a column (int64 for BIGINT and DATETIME, int32
/// for a signed INT, string for VARCHAR and TEXT, double for DOUBLE).
std::string_view connect_type(column_type t) noexcept {
  switch (t) {
    case column_type::bigint:
    case column_type::datetime: return "int64";
    case column_type::int32: return "int32";
    case column_type::double_: return "double";
    default: return "string";
  }
}

/// "YYYY-MM-DD HH:MM:SS" read as UTC, in Unix milliseconds (Debezium's
/// io.debezium.time.Timestamp for DATETIME with fsp <= 3).
std::int64_t datetime_ms(const std::string& text) {
  std::tm tm{};
  int frac = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d.%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &frac)
      < 6)
    return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&tm)) * 1000;
}

void append_value(const upstream::column_def& c, const column_value& v, std::string& out) {
  if (append_json_scalar(v, out))
    return;
  if (c.type == column_type::datetime)
    out += std::to_string(datetime_ms(std::get<std::string>(v)));
  else
    str(std::get<std::string>(v), out);  // TEXT and VARCHAR have a charset: no binary flag, no base64
}

/// {"col":value,...} in table order.
void append_values(const upstream::table_def& t, const column_list& columns, const upstream::row_values& values,
                   std::string& out) {
  out += '{';
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (k > 0)
      out += ',';
    const auto& c = t.columns[columns[k]];
    str(c.name, out);
    out += ':';
    append_value(c, values.at(columns[k]), out);
  }
  out += '}';
}

void append_field_schema(const debezium_options& o, const upstream::column_def& c, std::string& out) {
  out += '{';
  if (o.enable_tidb_extension) {
    out += "\"tidb_type\":";
    str(mysql_type_name(c.type), out);
    out += ',';
  }
  out += "\"type\":\"";
  out += connect_type(c.type);
  out += "\",\"optional\":";
  out += c.nullable ? "true" : "false";
  if (c.type == column_type::datetime)
    out += ",\"name\":\"io.debezium.time.Timestamp\",\"version\":1";
  out += ",\"field\":";
  str(c.name, out);
  out += '}';
}

void append_field_schemas(const debezium_options& o, const upstream::table_def& t, const column_list& columns,
                          std::string& out) {
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (k > 0)
      out += ',';
    append_field_schema(o, t.columns[columns[k]], out);
  }
}

/// "<cluster>.<db>.<table>" as TiCDC's getSchemaTopicName builds it.
std::string schema_topic_name(const debezium_options& o, const upstream::table_def& t) {
  return debezium_sanitize_name(o.cluster_id) + "." + debezium_sanitize_name(t.schema) + "."
         + debezium_sanitize_topic_name(t.name);
}

void append_source(const debezium_options& o, std::string_view db, std::string_view table, std::uint64_t ts,
                   std::string& out) {
  out += "\"source\":{\"version\":\"2.4.0.Final\",\"connector\":\"TiCDC\",\"name\":";
  str(o.cluster_id, out);
  out += ",\"ts_ms\":";
  out += std::to_string(tso_physical_ms(ts));
  out += ",\"snapshot\":\"false\",\"db\":";
  str(db, out);
  out += ",\"table\":";
  str(table, out);
  out += ",\"server_id\":0,\"gtid\":null,\"file\":\"\",\"pos\":0,\"row\":0,\"thread\":0,\"query\":null,\"commit_ts\":";
  out += std::to_string(ts);
  out += ",\"cluster_id\":";
  str(o.cluster_id, out);
  out += '}';
}

constexpr std::string_view source_schema =
  R"({"type":"struct","fields":[)"
  R"({"type":"string","optional":false,"field":"version"},)"
  R"({"type":"string","optional":false,"field":"connector"},)"
  R"({"type":"string","optional":false,"field":"name"},)"
  R"({"type":"int64","optional":false,"field":"ts_ms"},)"
  R"({"type":"string","optional":true,"name":"io.debezium.data.Enum","version":1,)"
  R"("parameters":{"allowed":"true,last,false,incremental"},"default":"false","field":"snapshot"},)"
  R"({"type":"string","optional":false,"field":"db"},)"
  R"({"type":"string","optional":true,"field":"sequence"},)"
  R"({"type":"string","optional":true,"field":"table"},)"
  R"({"type":"int64","optional":false,"field":"server_id"},)"
  R"({"type":"string","optional":true,"field":"gtid"},)"
  R"({"type":"string","optional":false,"field":"file"},)"
  R"({"type":"int64","optional":false,"field":"pos"},)"
  R"({"type":"int32","optional":false,"field":"row"},)"
  R"({"type":"int64","optional":true,"field":"thread"},)"
  R"({"type":"string","optional":true,"field":"query"}],)"
  R"("optional":false,"name":"io.debezium.connector.mysql.Source","field":"source"})";

/// What follows the source schema in every envelope: op, ts_ms, transaction.
constexpr std::string_view envelope_tail =
  R"({"type":"string","optional":false,"field":"op"},)"
  R"({"type":"int64","optional":true,"field":"ts_ms"},)"
  R"({"type":"struct","fields":[)"
  R"({"type":"string","optional":false,"field":"id"},)"
  R"({"type":"int64","optional":false,"field":"total_order"},)"
  R"({"type":"int64","optional":false,"field":"data_collection_order"}],)"
  R"("optional":true,"name":"event.block","version":1,"field":"transaction"})";

/// {"payload":<payload>,"schema":{"type":"struct","name":..,"optional":false,"fields":[<fields>]}}
void append_key(const debezium_options& o, const std::string& name, std::string_view payload,
                std::string_view fields, std::string& out) {
  out += "{\"payload\":";
  out += payload;
  if (!o.disable_schema) {
    out += ",\"schema\":{\"type\":\"struct\",\"name\":";
    str(name, out);
    out += ",\"optional\":false,\"fields\":[";
    out += fields;
    out += "]}";
  }
  out += '}';
}

/// ,"schema":{...,"fields":[<sides>source,op,ts_ms,transaction]}; `sides`
/// is the before and after struct schemas (each followed by a comma), or
/// nothing for a watermark.
void append_envelope_schema(const std::string& name, std::string_view sides, std::string& out) {
  out += ",\"schema\":{\"type\":\"struct\",\"optional\":false,\"name\":";
  str(name, out);
  out += ",\"version\":1,\"fields\":[";
  out += sides;
  out += source_schema;
  out += ',';
  out += envelope_tail;
  out += "]}";
}

bool letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// `name` with each character `valid(c, first)` refuses replaced by `_`
/// (and a refused leading digit kept after it). Go ranges over runes, so a
/// multi-byte UTF-8 character is one replacement.
template <class Valid>
std::string replace_invalid(std::string_view name, Valid valid) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    auto c = name[i];
    if (valid(c, i == 0)) {
      out += c;
    } else {
      out += '_';
      if (i == 0 && digit(c))
        out += c;
    }
    auto u = static_cast<unsigned char>(c);
    i += u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
  }
  return out;
}

} // namespace

std::string debezium_sanitize_name(std::string_view name) {
  return replace_invalid(name, [](char c, bool first) { return letter(c) || (!first && digit(c)); });
}

std::string debezium_sanitize_topic_name(std::string_view name) {
  return replace_invalid(name, [](char c, bool) { return letter(c) || digit(c) || c == '.'; });
}

void append_debezium_key(const debezium_options& o, const upstream::table_def& t, const upstream::row_change& row,
                         std::string& out) {
  auto key = handle_key_columns(t);
  std::string payload, fields;
  append_values(t, key, row.op == row_op::remove ? row.old_values : row.new_values, payload);
  append_field_schemas(o, t, key, fields);
  append_key(o, schema_topic_name(o, t) + ".Key", payload, fields, out);
}

void append_debezium_value(const debezium_options& o, const upstream::table_def& t, const column_list& columns,
                           const upstream::row_change& row, std::int64_t now_ms, std::string& out) {
  out += "{\"payload\":{";
  append_source(o, t.schema, t.name, row.commit_ts, out);
  out += ",\"ts_ms\":";
  out += std::to_string(now_ms);
  out += ",\"transaction\":null";
  switch (row.op) {
    case row_op::insert:
      out += ",\"op\":\"c\",\"before\":null,\"after\":";
      append_values(t, columns, row.new_values, out);
      break;
    case row_op::remove:
      out += ",\"op\":\"d\",\"after\":null,\"before\":";
      append_values(t, columns, row.old_values, out);
      break;
    case row_op::update:
      out += ",\"op\":\"u\"";
      if (o.output_old_value) {
        out += ",\"before\":";
        append_values(t, columns, row.old_values, out);
      }
      out += ",\"after\":";
      append_values(t, columns, row.new_values, out);
      break;
  }
  out += '}';
  if (!o.disable_schema) {
    auto name = schema_topic_name(o, t);
    // `before` and `after` share one field list.
    std::string fields, sides;
    append_field_schemas(o, t, columns, fields);
    for (std::string_view side : {"before", "after"}) {
      sides += "{\"type\":\"struct\",\"optional\":true,\"name\":";
      str(name + ".Value", sides);
      sides += ",\"field\":\"";
      sides += side;
      sides += "\",\"fields\":[";
      sides += fields;
      sides += "]},";
    }
    append_envelope_schema(name + ".Envelope", sides, out);
  }
  out += '}';
}

void append_debezium_watermark_key(const debezium_options& o, std::string& out) {
  append_key(o, debezium_sanitize_name(o.cluster_id) + ".watermark.Key", "{}", "", out);
}

void append_debezium_watermark_value(const debezium_options& o, std::uint64_t ts, std::int64_t now_ms,
                                     std::string& out) {
  out += "{\"payload\":{";
  append_source(o, "", "", ts, out);
  out += ",\"ts_ms\":";
  out += std::to_string(now_ms);
  out += ",\"transaction\":null,\"op\":\"m\"}";
  if (!o.disable_schema)
    append_envelope_schema(debezium_sanitize_name(o.cluster_id) + ".watermark.Envelope", "", out);
  out += '}';
}

} // namespace cdc::model::codec
