// The changefeed error back-off; arithmetic follows cenkalti/backoff v4's
// ExponentialBackOff.NextBackOff so intervals match TiCDC's.
#include "model/changefeed/backoff.hpp"

#include <algorithm>

namespace cdc::model {

void backoff::reset(time_point now) noexcept {
  current_ = policy_.initial_interval;
  start_ = now;
  started_ = true;
}

std::optional<std::chrono::nanoseconds> backoff::next_interval(time_point now, double random01) noexcept {
  if (!started_)
    reset(now);
  random01 = std::clamp(random01, 0.0, 1.0);
  const auto elapsed = now - start_;
  // A value in [current - delta, current + delta]; the +1 keeps the upper end
  // reachable after truncation, as in Go.
  const double current = static_cast<double>(current_.count());
  const double delta = policy_.randomization_factor * current;
  const double low = current - delta;
  const double high = current + delta;
  const auto wait = std::chrono::nanoseconds{static_cast<std::int64_t>(low + random01 * (high - low + 1))};
  // Grow the interval, saturating at the maximum (the check avoids overflow).
  if (current >= static_cast<double>(policy_.max_interval.count()) / policy_.multiplier)
    current_ = policy_.max_interval;
  else
    current_ = std::chrono::nanoseconds{static_cast<std::int64_t>(current * policy_.multiplier)};
  if (policy_.max_elapsed.count() != 0 && elapsed + wait > policy_.max_elapsed)
    return std::nullopt;
  return wait;
}

} // namespace cdc::model
