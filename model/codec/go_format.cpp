// Go-compatible number and string formatting; see go_format.hpp.
#include "model/codec/go_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace cdc::model::codec {

namespace {

bool append_special(double x, std::string& out) {
  if (std::isnan(x)) {
    out += "NaN";
    return true;
  }
  if (std::isinf(x)) {
    out += x > 0 ? "+Inf" : "-Inf";
    return true;
  }
  return false;
}

/// Go's encoding/json escaping (`go_escapes`) or json-iterator's with
/// EscapeHTML off, which leaves <, >, & and U+2028/U+2029 alone.
void escape_json_string(std::string_view s, std::string& out, bool go_escapes) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20 || (go_escapes && (c == '<' || c == '>' || c == '&'))) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      continue;
    }
    // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript; Go escapes them.
    if (go_escapes && c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80
        && (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  out += '"';
}

} // namespace

void append_go_float_v(double x, std::string& out) {
  if (append_special(x, out))
    return;
  // The shortest round-trip digits in scientific form give the decimal
  // exponent strconv's 'g' bases its choice on.
  char buf[64];
  auto sci = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view s(buf, static_cast<std::size_t>(sci.ptr - buf));
  auto e = s.find('e');
  int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
  // Shortest precision: %e when exp < -4 || exp >= 6 (Go's eprec of 6).
  if (exp < -4 || exp >= 6) {
    out.append(s.substr(0, e));
    out += 'e';
    out += exp < 0 ? '-' : '+';
    int a = std::abs(exp);
    if (a < 10)
      out += '0';
    out += std::to_string(a);
    return;
  }
  append_go_float_f(x, out);
}

void append_go_float_f(double x, std::string& out) {
  if (append_special(x, out))
    return;
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  out.append(buf, r.ptr);
}

void append_json_string(std::string_view s, std::string& out) { escape_json_string(s, out, true); }

void append_go_json_float(double x, std::string& out) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  auto a = std::abs(x);
  if (a == 0 || (a >= 1e-6 && a < 1e21)) {
    append_go_float_f(x, out);
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string s(buf, r.ptr);  // e.g. "1e-07", "1.5e+21"
  auto e = s.find('e');
  // Go cleans "e-07" to "e-7" (and to_chars already writes "e+21").
  if (s.size() - e == 4 && s[e + 2] == '0')
    s.erase(e + 2, 1);
  out += s;
}

void append_json_string_no_html(std::string_view s, std::string& out) { escape_json_string(s, out, false); }

} // namespace cdc::model::codec
