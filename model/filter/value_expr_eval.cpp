// Evaluation of value_expr programs with MySQL semantics: NULL propagation,
// three-valued logic, numeric/string comparison rules. Works on views, so
// reading a row never copies its strings.
#include <charconv>
#include <cmath>
#include <limits>

#include "model/filter/table_schema.hpp"
#include "model/filter/value_expr.hpp"
#include "model/filter/value_expr_program.hpp"

namespace cdc::model::filter {

using namespace expr_detail;

namespace {

using val = sql_value_view;

constexpr val null_v{};
val boolean(bool b) { return std::int64_t{b ? 1 : 0}; }
bool null(const val& v) { return v.index() == 0; }

// MySQL truth of a non-NULL value: non-zero.
bool truth(const val& v) { return to_double(v) != 0.0; }

// Text of a value for LIKE; numbers are printed into `buffer`.
std::string_view text_of(const val& v, char (&buffer)[64]) {
  switch (v.index()) {
  case 1: {
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::get<std::int64_t>(v));
    return {buffer, static_cast<std::size_t>(end - buffer)};
  }
  case 2: {
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(v));
    if (ec != std::errc())
      return {};
    return {buffer, static_cast<std::size_t>(end - buffer)};
  }
  case 3: return std::get<std::string_view>(v);
  default: return {};
  }
}

std::size_t char_length(std::string_view s, std::size_t pos) {
  auto lead = static_cast<unsigned char>(s[pos]);
  std::size_t len = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
  return std::min(len, s.size() - pos);
}

// LIKE with % (any run), _ (one character) and backslash escapes, byte-exact
// (utf8mb4_bin). Backtracks on the last % only, which is complete for these
// two wildcards.
bool like(std::string_view s, std::string_view p) {
  std::size_t i = 0, j = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (j < p.size() && p[j] == '%') {
      star = j++;
      mark = i;
      continue;
    }
    if (j < p.size()) {
      if (p[j] == '_') {
        i += char_length(s, i);
        ++j;
        continue;
      }
      std::size_t pj = j;
      if (p[j] == '\\' && j + 1 < p.size())
        ++pj;
      if (p[pj] == s[i]) {
        ++i;
        j = pj + 1;
        continue;
      }
    }
    if (star == std::string_view::npos)
      return false;
    j = star + 1;
    mark += char_length(s, mark);
    i = mark;
  }
  while (j < p.size() && p[j] == '%')
    ++j;
  return j == p.size();
}

class evaluator {
public:
  evaluator(const program& p, column_reader read, const void* context)
    : p_(p), read_(read), context_(context) {}

  val eval(std::uint32_t index) const {
    const node& n = p_.nodes[index];
    switch (n.kind) {
    case op::literal: return view_of(n.literal);
    case op::column: {
      const sql_value* v = read_(context_, n.slot);
      return v ? view_of(*v) : null_v;
    }
    case op::negate: return negate(eval(n.a));
    case op::logical_not: {
      auto v = eval(n.a);
      return null(v) ? null_v : boolean(!truth(v));
    }
    case op::add:
    case op::subtract:
    case op::multiply:
    case op::divide:
    case op::int_divide:
    case op::modulo: return arithmetic(n.kind, eval(n.a), eval(n.b));
    case op::eq:
    case op::ne:
    case op::lt:
    case op::le:
    case op::gt:
    case op::ge: return compare_op(n.kind, eval(n.a), eval(n.b));
    case op::null_safe_eq: {
      auto a = eval(n.a), b = eval(n.b);
      if (null(a) || null(b))
        return boolean(null(a) && null(b));
      return boolean(compare(a, b) == 0);
    }
    case op::is_null: return boolean(null(eval(n.a)));
    case op::is_not_null: return boolean(!null(eval(n.a)));
    case op::is_true: {
      auto v = eval(n.a);
      return boolean(!null(v) && truth(v));
    }
    case op::is_not_true: {
      auto v = eval(n.a);
      return boolean(null(v) || !truth(v));
    }
    case op::is_false: {
      auto v = eval(n.a);
      return boolean(!null(v) && !truth(v));
    }
    case op::is_not_false: {
      auto v = eval(n.a);
      return boolean(null(v) || truth(v));
    }
    case op::in:
    case op::not_in: return in_list(n);
    case op::between:
    case op::not_between: {
      auto v = eval(n.a);
      auto low = compare_op(op::ge, v, eval(n.b));
      auto high = compare_op(op::le, v, eval(n.c));
      auto both = logical_and(low, high);
      return n.kind == op::between || null(both) ? both : boolean(!truth(both));
    }
    case op::like:
    case op::not_like: {
      auto s = eval(n.a), pattern = eval(n.b);
      if (null(s) || null(pattern))
        return null_v;
      char sb[64], pb[64];
      bool matched = like(text_of(s, sb), text_of(pattern, pb));
      return boolean(n.kind == op::like ? matched : !matched);
    }
    case op::logical_and: {
      auto a = eval(n.a);
      if (!null(a) && !truth(a))
        return boolean(false);  // short-circuit: FALSE AND anything
      return logical_and(a, eval(n.b));
    }
    case op::logical_or: {
      auto a = eval(n.a);
      if (!null(a) && truth(a))
        return boolean(true);
      auto b = eval(n.b);
      if (!null(b) && truth(b))
        return boolean(true);
      return null(a) || null(b) ? null_v : boolean(false);
    }
    case op::logical_xor: {
      auto a = eval(n.a), b = eval(n.b);
      if (null(a) || null(b))
        return null_v;
      return boolean(truth(a) != truth(b));
    }
    }
    return null_v;
  }

private:
  static val logical_and(const val& a, const val& b) {
    if ((!null(a) && !truth(a)) || (!null(b) && !truth(b)))
      return boolean(false);
    if (null(a) || null(b))
      return null_v;
    return boolean(true);
  }

  static val negate(const val& v) {
    if (null(v))
      return null_v;
    if (v.index() == 1) {
      auto i = std::get<std::int64_t>(v);
      if (i != std::numeric_limits<std::int64_t>::min())
        return -i;
    }
    return -to_double(v);
  }

  static val arithmetic(op kind, const val& a, const val& b) {
    if (null(a) || null(b))
      return null_v;
    if (a.index() == 1 && b.index() == 1 && kind != op::divide) {
      auto x = std::get<std::int64_t>(a), y = std::get<std::int64_t>(b);
      std::int64_t r = 0;
      switch (kind) {
      case op::add:
        if (!__builtin_add_overflow(x, y, &r))
          return r;
        break;
      case op::subtract:
        if (!__builtin_sub_overflow(x, y, &r))
          return r;
        break;
      case op::multiply:
        if (!__builtin_mul_overflow(x, y, &r))
          return r;
        break;
      case op::int_divide:
      case op::modulo:
        if (y == 0)
          return null_v;
        if (y == -1)  // avoids INT64_MIN / -1
          return kind == op::modulo ? val(std::int64_t{0}) : negate(a);
        return kind == op::modulo ? x % y : x / y;
      default: break;
      }
    }
    double x = to_double(a), y = to_double(b);
    switch (kind) {
    case op::add: return x + y;
    case op::subtract: return x - y;
    case op::multiply: return x * y;
    case op::divide: return y == 0.0 ? null_v : val(x / y);
    case op::int_divide: {
      if (y == 0.0)
        return null_v;
      double q = std::trunc(x / y);
      if (std::fabs(q) < 9.2e18)
        return static_cast<std::int64_t>(q);
      return q;
    }
    case op::modulo: return y == 0.0 ? null_v : val(std::fmod(x, y));
    default: return null_v;
    }
  }

  static val compare_op(op kind, const val& a, const val& b) {
    if (null(a) || null(b))
      return null_v;
    int c = compare(a, b);
    switch (kind) {
    case op::eq: return boolean(c == 0);
    case op::ne: return boolean(c != 0);
    case op::lt: return boolean(c < 0);
    case op::le: return boolean(c <= 0);
    case op::gt: return boolean(c > 0);
    case op::ge: return boolean(c >= 0);
    default: return null_v;
    }
  }

  val in_list(const node& n) const {
    auto v = eval(n.a);
    if (null(v))
      return null_v;
    bool saw_null = false;
    for (auto item : n.list) {
      auto candidate = eval(item);
      if (null(candidate)) {
        saw_null = true;
        continue;
      }
      if (compare(v, candidate) == 0)
        return boolean(n.kind == op::in);
    }
    if (saw_null)
      return null_v;
    return boolean(n.kind != op::in);
  }

  const program& p_;
  column_reader read_;
  const void* context_;
};

sql_value to_owned(const val& v) {
  switch (v.index()) {
  case 1: return std::get<std::int64_t>(v);
  case 2: return std::get<double>(v);
  case 3: return std::string(std::get<std::string_view>(v));
  default: return sql_null();
  }
}

bool is_one(const val& v) {
  return v.index() == 1 && std::get<std::int64_t>(v) == 1;
}

// Readers for the three ways a row is given.
const sql_value* read_pointers(const void* context, std::uint32_t slot) {
  return static_cast<const sql_value* const*>(context)[slot];
}

struct named_context {
  const program* p;
  std::span<const named_value> row;
};
const sql_value* read_named(const void* context, std::uint32_t slot) {
  const auto* c = static_cast<const named_context*>(context);
  for (const auto& nv : c->row)
    if (same_name(nv.column, c->p->columns[slot]))
      return &nv.value;
  return nullptr;
}

struct bound_context {
  const std::size_t* positions;
  std::span<const sql_value> row;
};
const sql_value* read_bound(const void* context, std::uint32_t slot) {
  const auto* c = static_cast<const bound_context*>(context);
  auto pos = c->positions[slot];
  return pos < c->row.size() ? &c->row[pos] : nullptr;
}

} // namespace

namespace expr_detail {

sql_value evaluate(const program& p, column_reader read, const void* context) {
  return to_owned(evaluator(p, read, context).eval(p.root));
}

bool holds(const program& p, column_reader read, const void* context) noexcept {
  return is_one(evaluator(p, read, context).eval(p.root));
}

} // namespace expr_detail

const std::string& value_expr::text() const noexcept { return program_->text; }

const std::vector<std::string>& value_expr::columns() const noexcept { return program_->columns; }

sql_value value_expr::evaluate(std::span<const sql_value* const> values) const {
  return expr_detail::evaluate(*program_, read_pointers, values.data());
}

bool value_expr::holds(std::span<const sql_value* const> values) const noexcept {
  return expr_detail::holds(*program_, read_pointers, values.data());
}

sql_value value_expr::evaluate(std::span<const named_value> row) const {
  named_context c{program_.get(), row};
  return expr_detail::evaluate(*program_, read_named, &c);
}

bool value_expr::holds(std::span<const named_value> row) const {
  named_context c{program_.get(), row};
  return expr_detail::holds(*program_, read_named, &c);
}

std::optional<bound_value_expr> bound_value_expr::bind(const value_expr& expr,
                                                       std::span<const std::string> table_columns,
                                                       std::string* unknown_column) {
  std::vector<std::size_t> positions;
  positions.reserve(expr.columns().size());
  for (const auto& name : expr.columns()) {
    std::size_t pos = 0;
    while (pos < table_columns.size() && !same_name(table_columns[pos], name))
      ++pos;
    if (pos == table_columns.size()) {
      if (unknown_column)
        *unknown_column = name;
      return std::nullopt;
    }
    positions.push_back(pos);
  }
  return bound_value_expr(expr, std::move(positions));
}

sql_value bound_value_expr::evaluate(std::span<const sql_value> row) const {
  bound_context c{positions_.data(), row};
  return expr_detail::evaluate(*expr_.program_, read_bound, &c);
}

bool bound_value_expr::holds(std::span<const sql_value> row) const noexcept {
  bound_context c{positions_.data(), row};
  return expr_detail::holds(*expr_.program_, read_bound, &c);
}

} // namespace cdc::model::filter
