// TiCDC's open protocol encoding; see open_protocol.hpp.
#include "model/codec/open_protocol.hpp"

#include <algorithm>

#include "model/codec/base64.hpp"
#include "model/codec/go_format.hpp"

namespace cdc::model::codec {

namespace {

using upstream::column_type;
using upstream::column_value;
using upstream::row_op;

// TiCDC's model.ColumnFlagType bits.
constexpr int handle_key_flag = 1 << 1;
constexpr int primary_key_flag = 1 << 3;
constexpr int unique_key_flag = 1 << 4;
constexpr int nullable_flag = 1 << 6;

/// Go's json.Marshal of the value TiCDC holds: integers and floats as
/// numbers, varchar and datetime as strings, text ([]byte in TiCDC) as base64.
void append_value(column_type type, const column_value& v, std::string& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "null";
  } else if (auto* i = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*i);
  } else if (auto* d = std::get_if<double>(&v)) {
    append_go_float_f(*d, out);
  } else if (type == column_type::text) {
    append_json_string(model::base64_encode(std::get<std::string>(v)), out);
  } else {
    append_json_string(std::get<std::string>(v), out);
  }
}

/// {"name":{"t":..,"h":true,"f":..,"v":..},...} in name order.
void append_columns(const upstream::table_def& t, const column_list& columns, const upstream::row_values& values,
                    std::string& out) {
  column_list sorted = columns;
  std::sort(sorted.begin(), sorted.end(),
            [&](std::size_t a, std::size_t b) { return t.columns[a].name < t.columns[b].name; });
  out += '{';
  bool first = true;
  for (auto i : sorted) {
    const auto& c = t.columns[i];
    if (!first)
      out += ',';
    first = false;
    append_json_string(c.name, out);
    out += ":{\"t\":";
    out += std::to_string(mysql_type_code(c.type));
    auto flags = open_column_flags(c);
    if (flags & handle_key_flag)
      out += ",\"h\":true";
    out += ",\"f\":";
    out += std::to_string(flags);
    out += ",\"v\":";
    append_value(c.type, values.at(i), out);
    out += '}';
  }
  out += '}';
}

} // namespace

int mysql_type_code(column_type t) noexcept {
  switch (t) {
    case column_type::bigint: return 8;     // TypeLonglong
    case column_type::int32: return 3;      // TypeLong
    case column_type::varchar: return 15;   // TypeVarchar
    case column_type::text: return 252;     // TypeBlob (TEXT is a blob with a charset)
    case column_type::double_: return 5;    // TypeDouble
    case column_type::datetime: return 12;  // TypeDatetime
  }
  return 15;
}

int open_column_flags(const upstream::column_def& c) noexcept {
  int flags = 0;
  if (c.primary_key)
    flags |= handle_key_flag | primary_key_flag;
  if (c.unique && !c.primary_key)
    flags |= unique_key_flag;
  if (c.nullable)
    flags |= nullable_flag;
  return flags;
}

void append_be64(std::uint64_t n, std::string& out) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out += static_cast<char>((n >> shift) & 0xff);
}

void append_open_row_key(const upstream::table_def& t, std::uint64_t commit_ts, std::string& out) {
  out += "{\"ts\":";
  out += std::to_string(commit_ts);
  out += ",\"scm\":";
  append_json_string(t.schema, out);
  out += ",\"tbl\":";
  append_json_string(t.name, out);
  out += ",\"t\":1}";
}

void append_open_row_value(const upstream::table_def& t, const column_list& columns, const upstream::row_change& row,
                           std::string& out) {
  out += '{';
  switch (row.op) {
    case row_op::insert:
      out += "\"u\":";
      append_columns(t, columns, row.new_values, out);
      break;
    case row_op::update:
      // TiCDC's open-output-old-value defaults to true.
      out += "\"u\":";
      append_columns(t, columns, row.new_values, out);
      out += ",\"p\":";
      append_columns(t, columns, row.old_values, out);
      break;
    case row_op::remove:
      out += "\"d\":";
      append_columns(t, columns, row.old_values, out);
      break;
  }
  out += '}';
}

std::string open_resolved_key(std::uint64_t ts) {
  std::string json = "{\"ts\":" + std::to_string(ts) + ",\"t\":3}";
  std::string out;
  append_be64(open_batch_version, out);
  append_be64(json.size(), out);
  out += json;
  return out;
}

std::string open_resolved_value() {
  std::string out;
  append_be64(0, out);
  return out;
}

} // namespace cdc::model::codec
