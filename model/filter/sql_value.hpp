// A column value as the expression filter sees it: NULL, an integer, a float
// or a string (bytes), with MySQL's comparison and conversion rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace cdc::model::filter {

/// NULL is std::monostate. Decimals and temporal values travel as strings
/// or doubles, as the caller chooses; unsigned 64-bit values above INT64_MAX
/// are not representable (use a double or a string).
using sql_value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline sql_value sql_null() { return std::monostate{}; }
inline bool is_null(const sql_value& v) noexcept { return std::holds_alternative<std::monostate>(v); }

/// A non-owning view of a value, what evaluation works on so that reading a
/// row never copies strings.
using sql_value_view = std::variant<std::monostate, std::int64_t, double, std::string_view>;

sql_value_view view_of(const sql_value& v) noexcept;

/// MySQL's string-to-number conversion: the longest numeric prefix (after
/// leading spaces), 0 when there is none ("12abc" is 12, "abc" is 0).
double string_to_double(std::string_view s) noexcept;

/// The value as a number (NULL must be handled by the caller).
double to_double(const sql_value_view& v) noexcept;

/// The shortest text that reads back as `d` in fixed notation (Go's
/// strconv.FormatFloat(d, 'f', -1, 64)).
std::string format_double(double d);

/// MySQL's comparison of two non-NULL values: two integers as integers, two
/// strings byte-wise (utf8mb4_bin, TiDB's default collation), anything else
/// as doubles. Returns <0, 0 or >0.
int compare(const sql_value_view& a, const sql_value_view& b) noexcept;

/// How TiCDC's dispatchers print a value into the hash (ColumnValueString):
/// NULL is "null", numbers in decimal, strings as they are.
std::string hash_text(const sql_value& v);

} // namespace cdc::model::filter
