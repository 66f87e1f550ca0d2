// The blackhole sink (`blackhole://`): counts rows and discards them.
#pragma once

#include <atomic>
#include <memory>

#include "actors/messages.hpp"

namespace cdc::actors {

struct blackhole_state {
  static inline const char* name = "blackhole-sink";

  blackhole_state() = default;

  std::uint64_t rows = 0;
  /// Shared with whoever wants the total (benchmarks); may be null.
  std::shared_ptr<std::atomic<std::uint64_t>> total;
};

sink_actor::behavior_type blackhole_sink(sink_actor::stateful_pointer<blackhole_state> self,
                                         std::shared_ptr<std::atomic<std::uint64_t>> total);

} // namespace cdc::actors
