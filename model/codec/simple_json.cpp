// TiCDC's simple protocol, JSON encoding; see simple_json.hpp.
#include "model/codec/simple_json.hpp"

#include <algorithm>

#include "model/codec/go_format.hpp"
#include "model/codec/json_values.hpp"

namespace cdc::model::codec {

namespace {

using upstream::row_op;

/// ,"name":{"col":"value",...} with the columns in name order; nothing when
/// no column is left (Go's omitempty drops an empty map).
void append_values(std::string_view name, const upstream::table_def& t, const column_list& columns,
                   const upstream::row_values& values, std::string& out) {
  if (columns.empty() || values.empty())
    return;
  auto sorted = sorted_by_name(t, columns);
  out += ",\"";
  out += name;
  out += "\":{";
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    if (k > 0)
      out += ',';
    append_json_string(t.columns[sorted[k]].name, out);
    out += ':';
    // TiCDC's encodeValue makes every value a string; text and varchar have
    // no binary flag, so no base64.
    append_value_as_string(values.at(sorted[k]), out);
  }
  out += '}';
}

} // namespace

void append_simple_row(const upstream::table_def& t, const column_list& columns, const upstream::row_change& row,
                       std::int64_t build_ms, std::string& out) {
  out += "{\"version\":1,\"database\":";
  append_json_string(t.schema, out);
  out += ",\"table\":";
  append_json_string(t.name, out);
  if (t.id != 0) {  // omitempty
    out += ",\"tableID\":";
    out += std::to_string(t.id);
  }
  out += ",\"type\":\"";
  out += dml_type_name(row.op);
  out += "\",\"commitTs\":";
  out += std::to_string(row.commit_ts);
  out += ",\"buildTs\":";
  out += std::to_string(build_ms);
  // schemaVersion is TiDB's table UpdateTS; our catalog has no schema
  // history, so it is 0 and omitted as TiCDC omits a zero.
  if (row.op != row_op::remove)
    append_values("data", t, columns, row.new_values, out);
  if (row.op != row_op::insert)
    append_values("old", t, columns, row.old_values, out);
  out += '}';
}

void append_simple_watermark(std::uint64_t ts, std::int64_t build_ms, std::string& out) {
  out += "{\"version\":1,\"type\":\"WATERMARK\",\"commitTs\":";
  out += std::to_string(ts);
  out += ",\"buildTs\":";
  out += std::to_string(build_ms);
  out += '}';
}

} // namespace cdc::model::codec
