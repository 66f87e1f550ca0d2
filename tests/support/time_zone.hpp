// Runs a test body in a fixed time zone, so local-time formats have one answer.
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

namespace cdc::test {

/// Sets TZ for its lifetime and restores the old value after.
struct in_time_zone {
  explicit in_time_zone(const char* tz) {
    if (const char* old = std::getenv("TZ"))
      saved = old;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~in_time_zone() {
    if (saved.empty())
      unsetenv("TZ");
    else
      setenv("TZ", saved.c_str(), 1);
    tzset();
  }
  in_time_zone(const in_time_zone&) = delete;
  in_time_zone& operator=(const in_time_zone&) = delete;
  std::string saved;
};

} // namespace cdc::test
