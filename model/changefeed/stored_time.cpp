// RFC 3339 times for the meta store; see stored_time.hpp.
#include "model/changefeed/stored_time.hpp"

#include <cstdio>
#include <cstdint>

namespace cdc::model {

namespace {

using namespace std::chrono;

// Reads exactly `n` digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size())
    return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9')
      return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool at(std::string_view s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

} // namespace

std::string format_stored_time(system_clock::time_point t) {
  auto ns = duration_cast<nanoseconds>(t.time_since_epoch());
  auto day = floor<days>(ns);
  year_month_day ymd{sys_days{day}};
  hh_mm_ss<nanoseconds> tod{ns - day};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%09lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                static_cast<int>(tod.seconds().count()), static_cast<long long>(tod.subseconds().count()));
  return buf;
}

std::optional<system_clock::time_point> parse_stored_time(std::string_view s) {
  auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  auto h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
  if (!y || !mo || !d || !h || !mi || !sec || !at(s, 4, '-') || !at(s, 7, '-') || !at(s, 13, ':')
      || !at(s, 16, ':') || !(at(s, 10, 'T') || at(s, 10, 't')))
    return std::nullopt;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok() || *h > 23 || *mi > 59 || *sec > 59)
    return std::nullopt;
  std::size_t pos = 19;
  std::int64_t frac = 0;
  if (at(s, pos, '.')) {
    std::size_t n = 0;
    for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++n)
      if (n < 9)
        frac = frac * 10 + (s[pos] - '0');
    if (n == 0 || n > 9)
      return std::nullopt;
    for (; n < 9; ++n)
      frac *= 10;
  }
  std::int64_t offset_s = 0;
  if (at(s, pos, 'Z') || at(s, pos, 'z')) {
    ++pos;
  } else if (at(s, pos, '+') || at(s, pos, '-')) {
    auto oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
    if (!oh || !om || !at(s, pos + 3, ':') || *oh > 23 || *om > 59)
      return std::nullopt;
    offset_s = (*oh * 3600 + *om * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size())
    return std::nullopt;
  // Seconds since the epoch stay far inside int64; nanoseconds only within
  // about ±292 years of 1970, which is all system_clock can hold.
  std::int64_t secs = static_cast<std::int64_t>(sys_days{ymd}.time_since_epoch().count()) * 86400
                      + *h * 3600 + *mi * 60 + *sec - offset_s;
  constexpr std::int64_t limit = INT64_MAX / 1'000'000'000 - 1;
  if (secs > limit || secs < -limit)
    return std::nullopt;
  return system_clock::time_point{duration_cast<system_clock::duration>(nanoseconds{secs * 1'000'000'000 + frac})};
}

} // namespace cdc::model
