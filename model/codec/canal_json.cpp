// TiCDC's canal-json row encoding; see canal_json.hpp.
#include "model/codec/canal_json.hpp"

#include "model/codec/go_format.hpp"
#include "model/codec/json_values.hpp"

namespace cdc::model::codec {

namespace {

using upstream::row_op;

/// [{"col":"value",...}], or null without columns.
void append_row_data(const upstream::table_def& t, const column_list& columns, const upstream::row_values& values,
                     std::string& out) {
  if (columns.empty() || values.empty()) {
    out += "null";
    return;
  }
  out += "[{";
  bool first = true;
  for (auto i : columns) {
    if (!first)
      out += ',';
    first = false;
    append_json_string(t.columns.at(i).name, out);
    out += ':';
    append_value_as_string(values.at(i), out);
  }
  out += "}]";
}

} // namespace

void append_canal_json_row(const canal_json_options& o, const upstream::table_def& t,
                           const column_list& columns, const upstream::row_change& row,
                           std::int64_t build_ms, std::string& out) {
  out += "{\"id\":0,\"database\":";
  append_json_string(t.schema, out);
  out += ",\"table\":";
  append_json_string(t.name, out);
  out += ",\"pkNames\":";
  bool any_pk = false;
  for (const auto& c : t.columns) {
    if (!c.primary_key)
      continue;
    out += any_pk ? ',' : '[';
    any_pk = true;
    append_json_string(c.name, out);
  }
  out += any_pk ? "]" : "null";
  out += ",\"isDdl\":false,\"type\":\"";
  out += dml_type_name(row.op);
  out += "\",\"es\":";
  out += std::to_string(canal_ts(row.commit_ts));
  out += ",\"ts\":";
  out += std::to_string(build_ms);
  out += ",\"sql\":\"\",\"sqlType\":";
  // TiCDC writes the types in Go map order (random); we keep column order.
  if (columns.empty()) {
    out += "null,\"mysqlType\":null";
  } else {
    // Both maps share keys; only the value written per column differs.
    auto append_type_map = [&](auto&& append_value) {
      out += '{';
      for (std::size_t k = 0; k < columns.size(); ++k) {
        if (k > 0)
          out += ',';
        const auto& c = t.columns.at(columns[k]);
        append_json_string(c.name, out);
        out += ':';
        append_value(c);
      }
      out += '}';
    };
    append_type_map([&](const auto& c) { out += std::to_string(java_sql_type(c.type)); });
    out += ",\"mysqlType\":";
    append_type_map([&](const auto& c) { append_json_string(mysql_type_name(c.type), out); });
  }
  out += ",\"old\":";
  if (row.op == row_op::update)
    append_row_data(t, columns, row.old_values, out);
  else
    out += "null";
  out += ",\"data\":";
  append_row_data(t, columns, row.op == row_op::remove ? row.old_values : row.new_values, out);
  if (o.enable_tidb_extension) {
    out += ",\"_tidb\":{\"commitTs\":";
    out += std::to_string(row.commit_ts);
    out += '}';
  }
  out += '}';
}

} // namespace cdc::model::codec

namespace cdc::model::codec {

void append_canal_json_watermark(std::uint64_t ts, std::int64_t build_ms, std::string& out) {
  out += R"({"id":0,"database":"","table":"","pkNames":null,"isDdl":false,"type":"TIDB_WATERMARK","es":)";
  out += std::to_string(canal_ts(ts));
  out += ",\"ts\":";
  out += std::to_string(build_ms);
  out += R"(,"sql":"","sqlType":null,"mysqlType":null,"data":null,"old":null,"_tidb":{"watermarkTs":)";
  out += std::to_string(ts);
  out += "}}";
}

} // namespace cdc::model::codec
