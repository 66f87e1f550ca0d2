// TiCDC's error back-off for a retrying changefeed: exponential from 10 s,
// doubling up to 10 min, ±10 % jitter, giving up once the retries would
// outlast changefeed_error_stuck_duration (cenkalti/backoff's
// ExponentialBackOff as TiCDC's feed state manager configures it). Time and
// the random draw are inputs, so the sequence is deterministic in tests.
#pragma once

#include <chrono>
#include <optional>

namespace cdc::model {

struct backoff_policy {
  std::chrono::nanoseconds initial_interval = std::chrono::seconds{10};
  double multiplier = 2.0;
  std::chrono::nanoseconds max_interval = std::chrono::minutes{10};
  double randomization_factor = 0.1;
  /// Retrying stops once elapsed + next interval would pass this; 0 = never.
  std::chrono::nanoseconds max_elapsed = std::chrono::minutes{30};
};

/// The policy for a changefeed with the given changefeed_error_stuck_duration.
inline backoff_policy changefeed_backoff_policy(std::chrono::nanoseconds stuck_duration) {
  backoff_policy p;
  p.max_elapsed = stuck_duration;
  return p;
}

class backoff {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  explicit backoff(backoff_policy policy = {}) : policy_(policy), current_(policy.initial_interval) {}

  /// Starts a retry episode at `now`: the next interval is the initial one
  /// and elapsed time counts from here.
  void reset(time_point now) noexcept;

  /// The wait before the next retry, or nullopt once the episode has lasted
  /// too long (the feed should fail). `random01` in [0, 1) picks the point in
  /// [interval × 0.9, interval × 1.1]; 0.5 gives the interval itself. An
  /// episode not yet started starts at `now`.
  std::optional<std::chrono::nanoseconds> next_interval(time_point now, double random01) noexcept;

  /// now + next_interval(now, random01): when to retry.
  std::optional<time_point> next(time_point now, double random01) noexcept {
    auto wait = next_interval(now, random01);
    if (!wait)
      return std::nullopt;
    return now + *wait;
  }

  /// Time since reset (0 before the first reset).
  std::chrono::nanoseconds elapsed(time_point now) const noexcept {
    return started_ ? now - start_ : std::chrono::nanoseconds{0};
  }

  /// The interval the next draw is centred on.
  std::chrono::nanoseconds current_interval() const noexcept { return current_; }

  bool started() const noexcept { return started_; }

  const backoff_policy& policy() const noexcept { return policy_; }

private:
  backoff_policy policy_;
  std::chrono::nanoseconds current_;
  time_point start_{};
  bool started_ = false;
};

} // namespace cdc::model
