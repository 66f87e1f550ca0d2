// PD-style timestamps (physical milliseconds << 18 | logical) and the time
// strings TiCDC prints for them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cdc::model {

using tso_t = std::uint64_t;

inline constexpr int logical_bits = 18;
inline constexpr std::uint64_t logical_mask = (std::uint64_t{1} << logical_bits) - 1;

constexpr tso_t compose_tso(std::int64_t physical_ms, std::uint64_t logical) noexcept {
  return (static_cast<std::uint64_t>(physical_ms) << logical_bits) | (logical & logical_mask);
}
constexpr std::int64_t tso_physical_ms(tso_t ts) noexcept {
  return static_cast<std::int64_t>(ts >> logical_bits);
}
constexpr std::uint64_t tso_logical(tso_t ts) noexcept { return ts & logical_mask; }

/// The wall time a TSO stands for (its physical part; logical is dropped).
std::chrono::system_clock::time_point tso_to_time(tso_t ts) noexcept;

/// A TSO with logical 0 for a wall time (TiCDC's GoTimeToTS).
tso_t time_to_tso(std::chrono::system_clock::time_point t) noexcept;

/// "2006-01-02 15:04:05.000" in the process's local time zone, milliseconds
/// truncated: the format of `checkpoint_time`.
std::string format_tso_time(tso_t ts);

/// The inverse of format_tso_time (local time zone); nullopt when malformed.
std::optional<tso_t> parse_tso_time(std::string_view text);

/// RFC 3339 with nanoseconds and a numeric zone, Go's time.Time JSON form
/// (trailing zeros of the fraction trimmed), e.g. "2023-02-27T23:46:52.123+08:00".
std::string format_rfc3339(std::chrono::system_clock::time_point t);

} // namespace cdc::model
