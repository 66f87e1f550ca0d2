// Column facts shared by the encoders; see row_encoding.hpp.
#include "model/codec/row_encoding.hpp"

namespace cdc::model::codec {

using upstream::column_type;

column_list all_columns(const upstream::table_def& t) {
  column_list out(t.columns.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = i;
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
