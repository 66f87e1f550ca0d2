// Internal to value_expr: the parsed expression as a flat node array, and the
// evaluator's entry point. Not for use outside model/filter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/filter/sql_value.hpp"

namespace cdc::model::filter::expr_detail {

enum class op : std::uint8_t {
  literal, column,
  negate, logical_not,
  add, subtract, multiply, divide, int_divide, modulo,
  eq, null_safe_eq, ne, lt, le, gt, ge,
  is_null, is_not_null, is_true, is_not_true, is_false, is_not_false,
  in, not_in, between, not_between, like, not_like,
  logical_and, logical_or, logical_xor,
};

struct node {
  op kind = op::literal;
  std::uint32_t a = 0, b = 0, c = 0;  ///< operand node indexes
  std::vector<std::uint32_t> list;    ///< the IN list
  sql_value literal;                  ///< op::literal
  std::uint32_t slot = 0;             ///< op::column: index into program::columns
};

struct program {
  std::string text;
  std::vector<node> nodes;
  std::uint32_t root = 0;
  std::vector<std::string> columns;  ///< distinct, as first written
};

/// Reads the value of a column slot; nullptr means NULL.
using column_reader = const sql_value* (*)(const void* context, std::uint32_t slot);

sql_value evaluate(const program& p, column_reader read, const void* context);
bool holds(const program& p, column_reader read, const void* context) noexcept;

} // namespace cdc::model::filter::expr_detail
