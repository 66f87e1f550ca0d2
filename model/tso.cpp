#include "model/tso.hpp"

#include <cstdio>
#include <ctime>

namespace cdc::model {

namespace {

std::tm local_tm(std::time_t secs) {
  std::tm tm{};
  localtime_r(&secs, &tm);
  return tm;
}

// Euclidean split so times before 1970 keep a positive sub-second part.
template <class Rep>
std::pair<std::int64_t, std::int64_t> split(Rep total, std::int64_t per_second) {
  std::int64_t secs = total / per_second;
  std::int64_t rest = total % per_second;
  if (rest < 0) {
    rest += per_second;
    --secs;
  }
  return {secs, rest};
}

} // namespace

std::chrono::system_clock::time_point tso_to_time(tso_t ts) noexcept {
  return std::chrono::system_clock::time_point{std::chrono::milliseconds{tso_physical_ms(ts)}};
}

tso_t time_to_tso(std::chrono::system_clock::time_point t) noexcept {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  return compose_tso(ms < 0 ? 0 : ms, 0);
}

std::string format_tso_time(tso_t ts) {
  auto [secs, ms] = split(tso_physical_ms(ts), 1000);
  auto tm = local_tm(static_cast<std::time_t>(secs));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

std::optional<tso_t> parse_tso_time(std::string_view text) {
  if (text.size() != 23)
    return std::nullopt;
  std::string copy{text};
  std::tm tm{};
  int ms = 0;
  char tail = 0;
  int n = std::sscanf(copy.c_str(), "%4d-%2d-%2d %2d:%2d:%2d.%3d%c", &tm.tm_year, &tm.tm_mon,
                      &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms, &tail);
  if (n != 7 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31
      || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60 || ms < 0)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_isdst = -1;
  std::time_t secs = std::mktime(&tm);
  if (secs == -1 && !(tm.tm_year == 69 && tm.tm_mon == 11 && tm.tm_mday == 31))
    return std::nullopt;
  std::int64_t physical = static_cast<std::int64_t>(secs) * 1000 + ms;
  if (physical < 0)
    return std::nullopt;
  return compose_tso(physical, 0);
}

std::string format_rfc3339(std::chrono::system_clock::time_point t) {
  auto ns_total = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  auto [secs, ns] = split(ns_total, 1'000'000'000);
  auto tm = local_tm(static_cast<std::time_t>(secs));
  char buf[96];
  int len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
                          tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string out(buf, static_cast<std::size_t>(len));
  if (ns != 0) {
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%09lld", static_cast<long long>(ns));
    std::string f = frac;
    while (f.back() == '0')
      f.pop_back();
    out += f;
  }
  long off = tm.tm_gmtoff;
  if (off == 0) {
    out += 'Z';
  } else {
    char zone[32];
    char sign = off < 0 ? '-' : '+';
    off = off < 0 ? -off : off;
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", sign, static_cast<int>(off / 3600 % 100),
                  static_cast<int>(off % 3600 / 60));
    out += zone;
  }
  return out;
}

} // namespace cdc::model
