// The SQL boolean expressions of event filters (ignore_insert_value_expr and
// friends): a documented subset of TiDB's expression syntax, parsed once and
// evaluated over a row without allocating.
//
// The subset: literals (integers, decimals with optional exponent, '...' and
// "..." strings with doubled quotes and backslash escapes, NULL, TRUE, FALSE);
// column names (plain or `back-quoted`, case-insensitive); parentheses;
// unary - + !; * / DIV % MOD; + -; comparisons = <=> != <> < <= > >=;
// IS [NOT] NULL|TRUE|FALSE|UNKNOWN; [NOT] IN (...); [NOT] BETWEEN a AND b;
// [NOT] LIKE with % and _ (backslash escapes); NOT; AND &&; XOR; OR ||.
// Keywords are case-insensitive; precedence is MySQL's. Not supported (a
// syntax error here, though TiDB accepts them): function calls, qualified
// names (t.c), CASE, subqueries, row constructors, bit operators, COLLATE,
// hex/bit literals, date/interval arithmetic.
//
// Semantics follow MySQL: NULL propagates through arithmetic and
// comparisons, AND/OR/NOT are three-valued, a number compared with a string
// compares as doubles, strings compare byte-wise (utf8mb4_bin), integer
// overflow falls back to double (MySQL would raise an error), division by
// zero is NULL. A row is ignored exactly when the expression evaluates to
// the integer 1, as TiCDC tests `GetInt64() == 1`.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/filter/sql_value.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

namespace expr_detail {
struct program;
}

/// A column name and its value, for evaluating against a row by names.
struct named_value {
  std::string column;
  sql_value value;
};

class value_expr {
public:
  /// Parses `text`. A syntax error is 500 CDC:ErrInvalidFilterExpression
  /// "invalid filter expressions. There is a syntax error in: '<text>'".
  static result<value_expr> parse(std::string_view text);

  const std::string& text() const noexcept;

  /// The distinct columns read, in order of first use, as written.
  const std::vector<std::string>& columns() const noexcept;

  /// Evaluates with `values[i]` the value of columns()[i] (nullptr = NULL).
  sql_value evaluate(std::span<const sql_value* const> values) const;

  /// True when the expression evaluates to the integer 1.
  bool holds(std::span<const sql_value* const> values) const noexcept;

  /// Evaluates against a row given by names (case-insensitive); a column
  /// the row lacks reads as NULL.
  sql_value evaluate(std::span<const named_value> row) const;
  bool holds(std::span<const named_value> row) const;

private:
  friend class bound_value_expr;
  explicit value_expr(std::shared_ptr<const expr_detail::program> p) : program_(std::move(p)) {}
  std::shared_ptr<const expr_detail::program> program_;
};

/// A value_expr tied to a table's column order, so a row can be given as a
/// plain vector of values in table order.
class bound_value_expr {
public:
  /// Binds to the column names of a table (case-insensitive). If the
  /// expression reads a column the table lacks, returns that column's name.
  static std::optional<bound_value_expr> bind(const value_expr& expr,
                                              std::span<const std::string> table_columns,
                                              std::string* unknown_column = nullptr);

  const value_expr& expr() const noexcept { return expr_; }

  /// Evaluates over a row in table column order.
  sql_value evaluate(std::span<const sql_value> row) const;
  bool holds(std::span<const sql_value> row) const noexcept;

private:
  bound_value_expr(value_expr e, std::vector<std::size_t> positions)
    : expr_(std::move(e)), positions_(std::move(positions)) {}
  value_expr expr_;
  std::vector<std::size_t> positions_;  ///< row position of each of expr().columns()
};

} // namespace cdc::model::filter
