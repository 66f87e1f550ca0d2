// Go-compatible scalar parsing; the grammar and error texts follow Go's
// strconv and time packages because TiCDC's messages come from them.
#include "model/sink/go_parse.hpp"

#include <array>
#include <limits>

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

go_error invalid_duration(std::string_view orig) {
  return {"time: invalid duration " + go_quote(orig)};
}

struct unit_entry {
  std::string_view name;
  std::uint64_t ns;
};

// "µs" is U+00B5 (micro sign), "μs" U+03BC (Greek mu); Go accepts both.
constexpr std::array<unit_entry, 8> duration_units{{
  {"ns", 1},
  {"us", 1'000},
  {"\xC2\xB5s", 1'000},
  {"\xCE\xBCs", 1'000},
  {"ms", 1'000'000},
  {"s", 1'000'000'000},
  {"m", 60'000'000'000},
  {"h", 3'600'000'000'000},
}};

constexpr std::uint64_t two_63 = std::uint64_t{1} << 63;

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

go_result<std::chrono::nanoseconds> parse_go_duration(std::string_view orig) {
  std::string_view s = orig;
  bool neg = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0")
    return std::chrono::nanoseconds{0};
  if (s.empty())
    return invalid_duration(orig);
  std::uint64_t total = 0;
  while (!s.empty()) {
    if (!(s.front() == '.' || is_digit(s.front())))
      return invalid_duration(orig);
    // Integer part [0-9]*.
    std::uint64_t whole = 0;
    std::size_t i = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (whole > two_63 / 10)
        return invalid_duration(orig);
      whole = whole * 10 + static_cast<std::uint64_t>(s[i] - '0');
      if (whole > two_63)
        return invalid_duration(orig);
    }
    bool pre = i > 0;
    s.remove_prefix(i);
    // Fraction (\.[0-9]*)?; digits past what fits are dropped, as in Go.
    std::uint64_t frac = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s.front() == '.') {
      s.remove_prefix(1);
      bool frac_overflow = false;
      std::size_t j = 0;
      for (; j < s.size() && is_digit(s[j]); ++j) {
        if (frac_overflow)
          continue;
        if (frac > (two_63 - 1) / 10) {
          frac_overflow = true;
          continue;
        }
        std::uint64_t next = frac * 10 + static_cast<std::uint64_t>(s[j] - '0');
        if (next > two_63) {
          frac_overflow = true;
          continue;
        }
        frac = next;
        scale *= 10;
      }
      post = j > 0;
      s.remove_prefix(j);
    }
    if (!pre && !post)
      return invalid_duration(orig);
    // Unit: everything up to the next digit or dot.
    std::size_t u = 0;
    while (u < s.size() && !(s[u] == '.' || is_digit(s[u])))
      ++u;
    if (u == 0)
      return go_error{"time: missing unit in duration " + go_quote(orig)};
    std::string_view unit_name = s.substr(0, u);
    s.remove_prefix(u);
    const unit_entry* unit = nullptr;
    for (const auto& e : duration_units)
      if (e.name == unit_name)
        unit = &e;
    if (unit == nullptr)
      return go_error{"time: unknown unit " + go_quote(unit_name) + " in duration " + go_quote(orig)};
    if (whole > two_63 / unit->ns)
      return invalid_duration(orig);
    whole *= unit->ns;
    if (frac > 0) {
      whole += static_cast<std::uint64_t>(static_cast<double>(frac)
                                          * (static_cast<double>(unit->ns) / scale));
      if (whole > two_63)
        return invalid_duration(orig);
    }
    total += whole;
    if (total > two_63)
      return invalid_duration(orig);
  }
  if (neg)
    return std::chrono::nanoseconds{static_cast<std::int64_t>(0 - total)};
  if (total > two_63 - 1)
    return invalid_duration(orig);
  return std::chrono::nanoseconds{static_cast<std::int64_t>(total)};
}

} // namespace cdc::model::sink
