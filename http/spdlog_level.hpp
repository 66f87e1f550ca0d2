// TiCDC's log levels as spdlog's: the server's start-up level and
// POST /api/v2/log set the same thing.
#pragma once

#include <spdlog/common.h>

#include "model/log_level.hpp"

namespace cdc::http {

inline spdlog::level::level_enum to_spdlog(model::log_level level) {
  using model::log_level;
  switch (level) {
    case log_level::debug: return spdlog::level::debug;
    case log_level::info: return spdlog::level::info;
    case log_level::warn: return spdlog::level::warn;
    case log_level::error: return spdlog::level::err;
    default: return spdlog::level::critical; // dpanic, panic, fatal
  }
}

} // namespace cdc::http
