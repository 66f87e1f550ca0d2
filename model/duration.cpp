#include "model/duration.hpp"

#include <array>
#include <cstdio>
#include <limits>

namespace cdc::model {

namespace {

using u64 = std::uint64_t;

// Go keeps the running total unsigned and allows it to reach 2^63 so that
// "-9223372036854775808ns" parses; anything larger overflows.
constexpr u64 limit = u64{1} << 63;

struct unit_entry {
  std::string_view name;
  u64 nanos;
};

// "µs" is U+00B5 (micro sign), "μs" U+03BC (Greek mu); Go accepts both.
constexpr std::array units{
  unit_entry{"ns", 1},
  unit_entry{"us", 1'000},
  unit_entry{"\xC2\xB5s", 1'000},
  unit_entry{"\xCE\xBCs", 1'000},
  unit_entry{"ms", 1'000'000},
  unit_entry{"s", 1'000'000'000},
  unit_entry{"m", 60 * u64{1'000'000'000}},
  unit_entry{"h", 3600 * u64{1'000'000'000}},
};

std::string quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

api_failure bad(std::string message) {
  return fail_with(api_error::api_invalid_param, std::move(message));
}

api_failure invalid(std::string_view orig) {
  return bad("time: invalid duration " + quote(orig));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Consumes [0-9]*; false on overflow past 2^63 (Go's errLeadingInt).
bool leading_int(std::string_view& s, u64& x) {
  std::size_t i = 0;
  x = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) {
    if (x > limit / 10)
      return false;
    x = x * 10 + static_cast<u64>(s[i] - '0');
    if (x > limit)
      return false;
  }
  s.remove_prefix(i);
  return true;
}

// Consumes [0-9]* after a '.'; digits past what fits are dropped, as in Go.
void leading_fraction(std::string_view& s, u64& x, double& scale) {
  std::size_t i = 0;
  x = 0;
  scale = 1;
  bool overflow = false;
  for (; i < s.size() && is_digit(s[i]); ++i) {
    if (overflow)
      continue;
    if (x > (limit - 1) / 10) {
      overflow = true;
      continue;
    }
    u64 y = x * 10 + static_cast<u64>(s[i] - '0');
    if (y > limit) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  s.remove_prefix(i);
}

// Writes v's decimal digits ending at buf[w], returns the new start.
std::size_t put_int(char* buf, std::size_t w, u64 v) {
  if (v == 0) {
    buf[--w] = '0';
    return w;
  }
  while (v > 0) {
    buf[--w] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return w;
}

// Go's fmtFrac: the `prec` low digits of v as ".ddd" without trailing zeros
// (nothing when they are all zero); v becomes the integer part.
std::size_t put_frac(char* buf, std::size_t w, u64& v, int prec) {
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    auto digit = v % 10;
    print = print || digit != 0;
    if (print)
      buf[--w] = static_cast<char>('0' + digit);
    v /= 10;
  }
  if (print)
    buf[--w] = '.';
  return w;
}

} // namespace

result<duration> parse_go_duration(std::string_view text) {
  std::string_view orig = text;
  std::string_view s = text;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0")
    return duration{0};
  if (s.empty())
    return invalid(orig);
  u64 total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || is_digit(s[0])))
      return invalid(orig);
    u64 whole = 0;
    std::size_t before = s.size();
    if (!leading_int(s, whole))
      return invalid(orig);
    bool pre = before != s.size();
    u64 frac = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      std::size_t at = s.size();
      leading_fraction(s, frac, scale);
      post = at != s.size();
    }
    if (!pre && !post)
      return invalid(orig);
    std::size_t i = 0;
    while (i < s.size() && s[i] != '.' && !is_digit(s[i]))
      ++i;
    if (i == 0)
      return bad("time: missing unit in duration " + quote(orig));
    std::string_view unit_name = s.substr(0, i);
    s.remove_prefix(i);
    const unit_entry* unit = nullptr;
    for (const auto& u : units)
      if (u.name == unit_name)
        unit = &u;
    if (unit == nullptr)
      return bad("time: unknown unit " + quote(unit_name) + " in duration " + quote(orig));
    if (whole > limit / unit->nanos)
      return invalid(orig);
    whole *= unit->nanos;
    if (frac > 0) {
      // Go computes the fraction in float64 so "1.5h" stays exact to the ns.
      whole += static_cast<u64>(static_cast<double>(frac)
                                * (static_cast<double>(unit->nanos) / scale));
      if (whole > limit)
        return invalid(orig);
    }
    total += whole;
    if (total > limit)
      return invalid(orig);
  }
  if (neg)
    return duration{static_cast<std::int64_t>(0 - total)};
  if (total > limit - 1)
    return invalid(orig);
  return duration{static_cast<std::int64_t>(total)};
}

std::string format_go_duration(duration d) {
  // Longest output: "-2562047h47m16.854775808s" (25 bytes).
  char buf[32];
  std::size_t w = sizeof buf;
  auto count = d.count();
  bool neg = count < 0;
  u64 u = neg ? 0 - static_cast<u64>(count) : static_cast<u64>(count);
  if (u < 1'000'000'000) {
    if (u == 0)
      return "0s";
    int prec = 0;
    buf[--w] = 's';
    if (u < 1'000) {
      buf[--w] = 'n';
    } else if (u < 1'000'000) {
      prec = 3;
      buf[--w] = '\xB5';  // "µs" as Go prints it (U+00B5)
      buf[--w] = '\xC2';
    } else {
      prec = 6;
      buf[--w] = 'm';
    }
    w = put_frac(buf, w, u, prec);
    w = put_int(buf, w, u);
  } else {
    buf[--w] = 's';
    w = put_frac(buf, w, u, 9);
    w = put_int(buf, w, u % 60);
    u /= 60;
    if (u > 0) {
      buf[--w] = 'm';
      w = put_int(buf, w, u % 60);
      u /= 60;
      if (u > 0) {
        buf[--w] = 'h';
        w = put_int(buf, w, u);
      }
    }
  }
  if (neg)
    buf[--w] = '-';
  return std::string(buf + w, sizeof buf - w);
}

std::string format_seconds_f(duration d) {
  auto secs = d.count() / 1'000'000'000;
  auto nanos = d.count() % 1'000'000'000;
  double value = static_cast<double>(secs) + static_cast<double>(nanos) / 1e9;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%f", value);
  return buf;
}

} // namespace cdc::model
