// TiCDC's open protocol (pkg/sink/codec/open): each row is a key JSON
// {"ts","scm","tbl","rid","t":1} and a value JSON with the row's columns under
// "u" (insert, update), "p" (an update's old values) or "d" (delete), each
// column {"t": MySQL type code, "h": true for the handle key, "f": flags,
// "v": value}, columns in name order as Go prints a map; a map with no
// column left (column selectors) is left out. Messages batch rows: the key is an 8-byte big-endian version (1) followed by each row's
// 8-byte length and key; the value holds each row's 8-byte length and value.
#pragma once

#include <cstdint>
#include <string>

#include "model/codec/row_encoding.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

/// The key JSON of a row change (no length prefix): "rid" is the row's
/// integer handle (an integer primary key's value), left out when it has none.
void append_open_row_key(const upstream::table_def& t, const upstream::row_change& row, std::string& out);

/// TiDB's row ID as TiCDC reads it: the value of a single integer primary
/// key (the handle); 0 (left out) for any other table, whose hidden
/// _tidb_rowid the simulated upstream does not have.
std::int64_t open_row_id(const upstream::table_def& t, const upstream::row_change& row) noexcept;

/// The value JSON of a row change (no length prefix).
void append_open_row_value(const upstream::table_def& t, const column_list& columns,
                           const upstream::row_change& row, std::string& out);

/// A whole resolved-event message's key ({"ts":<ts>,"t":3} in a batch of
/// one) and value (a zero length).
std::string open_resolved_key(std::uint64_t ts);
std::string open_resolved_value();

/// Appends `n` as the 8 big-endian bytes the batch format uses.
void append_be64(std::uint64_t n, std::string& out);

/// The batch format's version header.
inline constexpr std::uint64_t open_batch_version = 1;

/// TiDB's type code for a column type (mysql.TypeLonglong 8, ...).
int mysql_type_code(upstream::column_type t) noexcept;

/// TiCDC's column flags for column `column` of `t`: binary (every
/// non-string type, as TiDB gives them the binary charset), handle key,
/// primary key, unique key, multiple key (a composite primary key's columns),
/// nullable.
int open_column_flags(const upstream::table_def& t, std::size_t column);

} // namespace cdc::model::codec
