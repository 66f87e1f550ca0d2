// Go-compatible scalar parsing; the grammar and error texts follow Go's
// strconv and time packages because TiCDC's messages come from them.
#include "model/sink/go_parse.hpp"

#include <limits>

#include "model/duration.hpp"

namespace cdc::model::sink {

namespace {

go_error num_error(std::string_view func, std::string_view text, std::string_view what) {
  std::string out{func};
  out += ": parsing ";
  out += go_quote(text);
  out += ": ";
  out += what;
  return {out};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::string go_quote(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

go_result<std::int64_t> parse_go_int(std::string_view text, int bits, std::string_view func) {
  std::string_view s = text;
  bool neg = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty())
    return num_error(func, text, "invalid syntax");
  std::uint64_t un = 0;
  bool overflow = false;
  for (char c : s) {
    if (!is_digit(c))
      return num_error(func, text, "invalid syntax");
    auto digit = static_cast<std::uint64_t>(c - '0');
    if (un > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
      overflow = true;
    else
      un = un * 10 + digit;
  }
  const std::uint64_t cutoff = std::uint64_t{1} << (bits - 1);
  if (overflow || (!neg && un >= cutoff) || (neg && un > cutoff))
    return num_error(func, text, "value out of range");
  if (neg)
    return un == 0 ? 0 : -static_cast<std::int64_t>(un - 1) - 1; // un may be 2^63
  return static_cast<std::int64_t>(un);
}

go_result<bool> parse_go_bool(std::string_view text) {
  for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"})
    if (text == t)
      return true;
  for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"})
    if (text == f)
      return false;
  return num_error("strconv.ParseBool", text, "invalid syntax");
}

go_result<std::chrono::nanoseconds> parse_go_duration(std::string_view text) {
  // One implementation of Go's grammar and texts: model/duration.
  auto parsed = model::parse_go_duration(text);
  if (!parsed)
    return go_error{parsed.error().message};
  return *parsed;
}

} // namespace cdc::model::sink
