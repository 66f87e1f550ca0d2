// Column facts shared by the encoders; see row_encoding.hpp.
#include "model/codec/row_encoding.hpp"

#include <algorithm>

namespace cdc::model::codec {

using upstream::column_type;

column_list all_columns(const upstream::table_def& t) {
  column_list out(t.columns.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = i;
  return out;
}

std::string_view dml_type_name(upstream::row_op op) noexcept {
  switch (op) {
    case upstream::row_op::insert: return "INSERT";
    case upstream::row_op::update: return "UPDATE";
    default: return "DELETE";
  }
}

column_list sorted_by_name(const upstream::table_def& t, column_list columns) {
  std::sort(columns.begin(), columns.end(),
            [&](std::size_t a, std::size_t b) { return t.columns[a].name < t.columns[b].name; });
  return columns;
}

column_list handle_key_columns(const upstream::table_def& t) {
  column_list out;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].primary_key)
      out.push_back(i);
  if (out.empty() && t.eligible())
    out.push_back(t.key_column());
  return out;
}

std::string_view mysql_type_name(column_type t) noexcept {
  switch (t) {
    case column_type::bigint: return "bigint";
    case column_type::int32: return "int";
    case column_type::varchar: return "varchar";
    case column_type::text: return "text";
    case column_type::double_: return "double";
    case column_type::datetime: return "datetime";
  }
  return "varchar";
}

int java_sql_type(column_type t) noexcept {
  switch (t) {
    case column_type::bigint: return -5;
    case column_type::int32: return 4;
    case column_type::varchar: return 12;
    case column_type::text: return 2005;
    case column_type::double_: return 8;
    case column_type::datetime: return 93;
  }
  return 12;
}

int display_length(column_type t) noexcept {
  // TiDB's mysql.GetDefaultFieldLengthAndDecimal, plus our varchar(255).
  switch (t) {
    case column_type::bigint: return 20;
    case column_type::int32: return 11;
    case column_type::varchar: return 255;
    case column_type::text: return 65535;
    case column_type::double_: return 22;
    case column_type::datetime: return 0;
  }
  return 0;
}

} // namespace cdc::model::codec
