#include "actors/sinks/blackhole_sink.hpp"

namespace cdc::actors {

sink_actor::behavior_type blackhole_sink(sink_actor::stateful_pointer<blackhole_state> self,
                                         std::shared_ptr<std::atomic<std::uint64_t>> total) {
  self->state.total = std::move(total);
  return {
    [self](atom::write, const row_batch_ptr& batch) {
      self->state.rows += batch->row_count;
      if (self->state.total)
        self->state.total->fetch_add(batch->row_count, std::memory_order_relaxed);
      return true;
    },
  };
}

} // namespace cdc::actors
