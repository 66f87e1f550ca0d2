// Go time.Duration as TiCDC's API reads and writes it: Go duration strings or
// integer nanoseconds in, integer nanoseconds out, Go's String() for messages.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace cdc::model {

/// Go's time.Duration: signed 64-bit nanoseconds.
using duration = std::chrono::nanoseconds;

/// Parses a Go duration string ("10m", "1h30m", "1.5h", "500ms", "-2s", "0";
/// units ns, us, µs, μs, ms, s, m, h) exactly as time.ParseDuration does,
/// including its overflow rules. On failure the api_failure (400
/// ErrAPIInvalidParam) carries Go's own text, e.g. `time: unknown unit "x" in
/// duration "1x"`, without any prefix; callers add the field path.
result<duration> parse_go_duration(std::string_view text);

/// Go's Duration.String(): "1h0m0s", "10m0s", "30s", "1.5s", "500ms", "0s".
std::string format_go_duration(duration d);

/// Go's fmt "%f" of Duration.Seconds(), e.g. "1800.000000" (used by TiCDC's
/// ChangefeedErrorStuckDuration message).
std::string format_seconds_f(duration d);

} // namespace cdc::model
