#include "http/log_throttle.hpp"

#include <spdlog/spdlog.h>

namespace cdc::http {

void log_throttle::warn(const std::string& message) {
  auto now = std::chrono::steady_clock::now();
  if (now < next_) {
    ++held_back_;
    return;
  }
  if (held_back_ > 0)
    spdlog::warn("{} ({} more like it since the last one logged)", message, held_back_);
  else
    spdlog::warn("{}", message);
  held_back_ = 0;
  next_ = now + interval_;
}

} // namespace cdc::http
