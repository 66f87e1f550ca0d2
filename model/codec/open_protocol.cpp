// TiCDC's open protocol encoding; see open_protocol.hpp.
#include "model/codec/open_protocol.hpp"

#include <algorithm>

#include "model/codec/base64.hpp"
#include "model/codec/go_format.hpp"
#include "model/codec/json_values.hpp"

namespace cdc::model::codec {

namespace {

using upstream::column_type;
using upstream::column_value;
using upstream::row_op;

// TiCDC's model.ColumnFlagType bits.
constexpr int binary_flag = 1 << 0;
constexpr int handle_key_flag = 1 << 1;
constexpr int primary_key_flag = 1 << 3;
constexpr int unique_key_flag = 1 << 4;
constexpr int multiple_key_flag = 1 << 5;
constexpr int nullable_flag = 1 << 6;

/// Go's json.Marshal of the value TiCDC holds: integers and floats as
/// numbers, varchar and datetime as strings, text ([]byte in TiCDC) as base64.
void append_value(column_type type, const column_value& v, std::string& out) {
  if (append_json_scalar(v, out))
    return;
  if (type == column_type::text)
    append_json_string(model::base64_encode(std::get<std::string>(v)), out);
  else
    append_json_string(std::get<std::string>(v), out);
}

/// ,"field":{"name":{"t":..,"h":true,"f":..,"v":..},...} in name order;
/// nothing without columns (TiCDC's omitempty drops an empty map).
void append_columns(std::string_view field, const upstream::table_def& t, const column_list& columns,
                    const upstream::row_values& values, std::string& out) {
  if (columns.empty() || values.empty())
    return;
  if (out.size() > 1)
    out += ',';
  out += '"';
  out += field;
  out += "\":";
  auto sorted = sorted_by_name(t, columns);
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
    auto flags = open_column_flags(t, i);
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

int open_column_flags(const upstream::table_def& t, std::size_t column) {
  const auto& c = t.columns.at(column);
  int flags = 0;
  // TiDB gives every non-string type the binary character set.
  if (c.type != column_type::varchar && c.type != column_type::text)
    flags |= binary_flag;
  auto handle = handle_key_columns(t);
  if (std::find(handle.begin(), handle.end(), column) != handle.end())
    flags |= handle_key_flag;
  if (c.primary_key) {
    flags |= primary_key_flag;
    // Every column of a composite index is flagged as a multiple key.
    auto key_columns = std::count_if(t.columns.begin(), t.columns.end(), [](const auto& k) { return k.primary_key; });
    if (key_columns > 1)
      flags |= multiple_key_flag;
  } else if (c.unique) {
    flags |= unique_key_flag;
  }
  if (c.nullable)
    flags |= nullable_flag;
  return flags;
}

void append_be64(std::uint64_t n, std::string& out) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out += static_cast<char>((n >> shift) & 0xff);
}

std::int64_t open_row_id(const upstream::table_def& t, const upstream::row_change& row) noexcept {
  auto handle = handle_key_columns(t);
  if (handle.size() != 1 || !t.columns[handle[0]].primary_key)
    return 0;
  const auto& values = row.op == row_op::remove ? row.old_values : row.new_values;
  if (handle[0] >= values.size())
    return 0;
  auto* id = std::get_if<std::int64_t>(&values[handle[0]]);
  return id ? *id : 0;
}

void append_open_row_key(const upstream::table_def& t, const upstream::row_change& row, std::string& out) {
  out += "{\"ts\":";
  out += std::to_string(row.commit_ts);
  out += ",\"scm\":";
  append_json_string(t.schema, out);
  out += ",\"tbl\":";
  append_json_string(t.name, out);
  // rid and ptn are omitempty: ptn is for partitioned tables, which the
  // catalog has none of.
  if (auto rid = open_row_id(t, row); rid != 0) {
    out += ",\"rid\":";
    out += std::to_string(rid);
  }
  out += ",\"t\":1}";
}

void append_open_row_value(const upstream::table_def& t, const column_list& columns, const upstream::row_change& row,
                           std::string& out) {
  // append_columns puts a comma before a field unless it is the first.
  std::string value = "{";
  switch (row.op) {
    case row_op::insert: append_columns("u", t, columns, row.new_values, value); break;
    case row_op::update:
      // TiCDC's open-output-old-value defaults to true.
      append_columns("u", t, columns, row.new_values, value);
      append_columns("p", t, columns, row.old_values, value);
      break;
    case row_op::remove: append_columns("d", t, columns, row.old_values, value); break;
  }
  value += '}';
  out += value;
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
