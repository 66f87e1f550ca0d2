#include "model/log_level.hpp"

#include <array>
#include <utility>

namespace cdc::model {

namespace {

constexpr std::array<std::pair<std::string_view, log_level>, 7> names{{
  {"debug", log_level::debug},
  {"info", log_level::info},
  {"warn", log_level::warn},
  {"error", log_level::error},
  {"dpanic", log_level::dpanic},
  {"panic", log_level::panic},
  {"fatal", log_level::fatal},
}};

constexpr std::array<std::string_view, 7> upper_names{"DEBUG", "INFO", "WARN", "ERROR",
                                                      "DPANIC", "PANIC", "FATAL"};

} // namespace

std::optional<log_level> parse_log_level(std::string_view name) noexcept {
  if (name.empty())
    return log_level::info;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (name == names[i].first || name == upper_names[i])
      return names[i].second;
  return std::nullopt;
}

std::string_view to_string(log_level level) noexcept {
  return names[static_cast<std::size_t>(level)].first;
}

} // namespace cdc::model
