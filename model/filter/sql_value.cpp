// Conversions and comparison for sql_value.
#include "model/filter/sql_value.hpp"

#include <charconv>
#include <cmath>

namespace cdc::model::filter {

sql_value_view view_of(const sql_value& v) noexcept {
  switch (v.index()) {
  case 1: return std::get<std::int64_t>(v);
  case 2: return std::get<double>(v);
  case 3: return std::string_view(std::get<std::string>(v));
  default: return std::monostate{};
  }
}

double string_to_double(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    ++i;
  // Find the longest prefix shaped like [+-]digits[.digits][e[+-]digits].
  std::size_t start = i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    ++i;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9')
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i, ++digits;
  }
  if (digits == 0)
    return 0.0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-'))
      ++j;
    if (j < s.size() && s[j] >= '0' && s[j] <= '9') {
      while (j < s.size() && s[j] >= '0' && s[j] <= '9')
        ++j;
      i = j;
    }
  }
  // from_chars rejects a leading '+'.
  if (s[start] == '+')
    ++start;
  double out = 0.0;
  std::from_chars(s.data() + start, s.data() + i, out);
  return out;
}

double to_double(const sql_value_view& v) noexcept {
  switch (v.index()) {
  case 1: return static_cast<double>(std::get<std::int64_t>(v));
  case 2: return std::get<double>(v);
  case 3: return string_to_double(std::get<std::string_view>(v));
  default: return 0.0;
  }
}

std::string format_double(double d) {
  if (std::isnan(d))
    return "NaN";
  if (std::isinf(d))
    return d > 0 ? "+Inf" : "-Inf";
  char buffer[400];  // fixed notation of the largest double needs 309 digits
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed);
  if (ec != std::errc())
    return "NaN";
  return std::string(buffer, end);
}

int compare(const sql_value_view& a, const sql_value_view& b) noexcept {
  if (a.index() == 1 && b.index() == 1) {
    auto x = std::get<std::int64_t>(a), y = std::get<std::int64_t>(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.index() == 3 && b.index() == 3) {
    int c = std::get<std::string_view>(a).compare(std::get<std::string_view>(b));
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  double x = to_double(a), y = to_double(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

std::string hash_text(const sql_value& v) {
  switch (v.index()) {
  case 1: return std::to_string(std::get<std::int64_t>(v));
  case 2: return format_double(std::get<double>(v));
  case 3: return std::get<std::string>(v);
  default: return "null";
  }
}

} // namespace cdc::model::filter
