// Log levels by zap's names, as TiCDC's POST /api/v2/log accepts them.
#pragma once

#include <optional>
#include <string_view>

namespace cdc::model {

enum class log_level { debug, info, warn, error, dpanic, panic, fatal };

/// zap's names in lower or upper case, as zapcore.Level.UnmarshalText reads
/// them; like zap, the empty string means info. nullopt for anything else.
std::optional<log_level> parse_log_level(std::string_view name) noexcept;

std::string_view to_string(log_level level) noexcept;

} // namespace cdc::model
