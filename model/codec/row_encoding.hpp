// What every row encoder shares: the columns it writes (after column
// selectors) and the MySQL/Java type facts TiCDC's formats print per column.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "model/upstream/catalog.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

/// Indexes of the columns an encoder writes, in table order.
using column_list = std::vector<std::size_t>;

/// Every column of `t`.
column_list all_columns(const upstream::table_def& t);

/// "INSERT", "UPDATE" or "DELETE" (canal-json's and simple's `type`).
std::string_view dml_type_name(upstream::row_op op) noexcept;

/// `columns` in name order, as Go prints a map keyed by column name.
column_list sorted_by_name(const upstream::table_def& t, column_list columns);

/// TiDB's handle key, which TiCDC flags as such: the primary key's columns,
/// else the unique not-null column TiDB picks as handle; none when the table
/// has neither.
column_list handle_key_columns(const upstream::table_def& t);

/// TiDB's short type name, lower-case ("bigint", "int", "varchar", "text",
/// "double", "datetime"): canal-json's mysqlType.
std::string_view mysql_type_name(upstream::column_type t) noexcept;

/// java.sql.Types of the column type (canal-json's sqlType): BIGINT -5,
/// INTEGER 4, VARCHAR 12, CLOB 2005 (text), DOUBLE 8, TIMESTAMP 93.
int java_sql_type(upstream::column_type t) noexcept;

/// The display width TiDB gives the type by default (varchar: 255, the
/// length our catalog's varchar columns have); 0 when the type has none.
int display_length(upstream::column_type t) noexcept;

} // namespace cdc::model::codec
