// The upstream's resolved TS as its actor last ticked it, readable from any
// thread. A changefeed whose tables have nothing to write for a while
// follows it (changefeed_progress::follow_through): its checkpoint is computed from
// this clock when read, so ten thousand idle feeds cost no message per tick.
#pragma once

#include <atomic>

#include "model/tso.hpp"

namespace cdc::actors {

class resolved_clock {
public:
  model::tso_t now() const noexcept { return ts_.load(std::memory_order_acquire); }
  /// Only the upstream actor moves it, and only forward.
  void advance(model::tso_t ts) noexcept {
    if (ts > ts_.load(std::memory_order_relaxed))
      ts_.store(ts, std::memory_order_release);
  }

private:
  std::atomic<model::tso_t> ts_{0};
};

} // namespace cdc::actors
