// Go-compatible parsing of the scalar values TiCDC reads from sink URIs
// (strconv.ParseInt/ParseBool, time.ParseDuration), with Go's error texts,
// so our messages match what TiCDC users see.
#pragma once

#include <chrono>
#include <stdexcept>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

namespace cdc::model::sink {

/// Go's error text, e.g. `strconv.ParseInt: parsing "x": invalid syntax`.
struct go_error {
  std::string text;
};

/// Only reached if code calls .value() on a failed go_result.
[[noreturn]] inline void throw_exception_from_error(const go_error& e, const boost::source_location&) {
  throw std::invalid_argument(e.text);
}

/// A value or Go's error text.
template <class T>
using go_result = boost::system::result<T, go_error>;

/// strconv.Quote for the ASCII text TiCDC quotes: `"` + text + `"`, with `"`
/// and `\` escaped and control bytes as \xNN.
std::string go_quote(std::string_view text);

/// strconv.ParseInt(text, 10, bits): optional sign, decimal digits, range-checked
/// against a signed integer of `bits` bits (8, 16, 32 or 64).
go_result<std::int64_t> parse_go_int(std::string_view text, int bits = 64,
                                     std::string_view func = "strconv.ParseInt");

/// strconv.Atoi: ParseInt with 64 bits, reported as "strconv.Atoi".
inline go_result<std::int64_t> parse_go_atoi(std::string_view text) {
  return parse_go_int(text, 64, "strconv.Atoi");
}

/// strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False.
go_result<bool> parse_go_bool(std::string_view text);

/// time.ParseDuration: e.g. "300ms", "-1.5h", "2h45m"; units ns us µs μs ms s m h;
/// "0" needs no unit.
go_result<std::chrono::nanoseconds> parse_go_duration(std::string_view text);

/// gin's form binding: an empty value binds as zero/false before parsing.
inline std::string_view gin_value(std::string_view text, std::string_view zero) {
  return text.empty() ? zero : text;
}

} // namespace cdc::model::sink
