// Wall times in the meta store: RFC 3339 in UTC with all nine fraction
// digits, so a time point survives a restart (and a time zone change) exactly.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cdc::model {

/// "2023-11-28T06:33:37.279000000Z".
std::string format_stored_time(std::chrono::system_clock::time_point t);

/// RFC 3339: date, 'T' (or 't'), time, an optional fraction of 1-9 digits and
/// 'Z' or a numeric offset. nullopt for anything else, including an
/// impossible date or a time outside what system_clock can hold.
std::optional<std::chrono::system_clock::time_point> parse_stored_time(std::string_view text);

} // namespace cdc::model
