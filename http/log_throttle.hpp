// A warning that can repeat in a tight loop (a failing accept) is logged at
// most once per interval, with a count of the ones held back, so the log
// says what happens without growing by megabytes a second.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace cdc::http {

class log_throttle {
public:
  explicit log_throttle(std::chrono::steady_clock::duration interval) : interval_(interval) {}

  /// Logs `message` as a warning unless one was logged within the interval.
  /// Not thread-safe: each user calls it from one strand.
  void warn(const std::string& message);

private:
  std::chrono::steady_clock::duration interval_;
  std::chrono::steady_clock::time_point next_{};
  std::size_t held_back_ = 0;
};

} // namespace cdc::http
