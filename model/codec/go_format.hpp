// How TiCDC's Go code prints values, for encoders that must match it byte for
// byte: fmt's %v and strconv's 'f' for floats, encoding/json string escaping.
#pragma once

#include <string>
#include <string_view>

namespace cdc::model::codec {

/// fmt.Sprintf("%v", x) of a float64: the shortest digits that round-trip,
/// in %e form ("1.5e+06") when the decimal exponent is < -4 or >= 6 (strconv's
/// 'g' with shortest precision); NaN, +Inf, -Inf as Go spells them.
void append_go_float_v(double x, std::string& out);

/// strconv.FormatFloat(x, 'f', -1, 64): the shortest round-trip digits,
/// never in exponent form.
void append_go_float_f(double x, std::string& out);

/// encoding/json's (and json-iterator's) float64: strconv's 'f' with the
/// shortest round-trip digits, but 'e' form when |x| < 1e-6 or |x| >= 1e21,
/// with a one-digit negative exponent ("1e-7", "1e+21"). NaN and infinities
/// are errors in Go; they print as `null` here.
void append_go_json_float(double x, std::string& out);

/// A JSON string literal as json-iterator writes it with EscapeHTML off
/// (TiCDC's debezium encoder): quotes, \" \\ \n \r \t, other control
/// characters as \u00XX; <, >, & and U+2028/U+2029 left as they are.
void append_json_string_no_html(std::string_view s, std::string& out);

/// A JSON string literal as Go's encoders write it: quotes, \" \\ \n \r \t,
/// other control characters and <, >, & as \u00XX, U+2028/U+2029 escaped.
void append_json_string(std::string_view s, std::string& out);

} // namespace cdc::model::codec
