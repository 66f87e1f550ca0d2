// The memory trimmer; see memory_trimmer.hpp.
#include "actors/memory_trimmer.hpp"

#include <malloc.h>

namespace cdc::actors {

memory_trimmer_actor::behavior_type memory_trimmer(memory_trimmer_actor::stateful_pointer<memory_trimmer_state> self,
                                                   std::shared_ptr<const std::atomic<std::uint64_t>> removed,
                                                   memory_trim_options options) {
  auto& st = self->state;
  st.removed = std::move(removed);
  st.options = options;
  self->delayed_send(self, st.options.tick, atom::tick_v);
  return {
    [self](atom::tick) {
      auto& st = self->state;
      auto now = std::chrono::steady_clock::now();
      auto count = st.removed->load(std::memory_order_relaxed);
      if (count != st.seen) {
        st.seen = count;
        st.last_change = now;
      }
      if (count - st.settled_at >= st.options.min_removed)
        st.trimming = true;
      if (st.trimming && now - st.last_change > st.options.settle) {
        st.trimming = false;
        st.settled_at = count;
      }
      if (st.trimming)
        ::malloc_trim(0);
      self->delayed_send(self, st.options.tick, atom::tick_v);
    },
  };
}

} // namespace cdc::actors
