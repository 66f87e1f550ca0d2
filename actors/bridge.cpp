#include "actors/bridge.hpp"

namespace cdc::actors {

namespace {

using self_ptr = bridge_actor::stateful_pointer<bridge_state>;

void flush(self_ptr self) {
  auto jobs = std::move(self->state.waiting);
  self->state.waiting.clear();
  ++self->state.wait_epoch;
  for (auto& job : jobs)
    job.run(self, self->state.owner);
}

} // namespace

bridge_actor::behavior_type bridge(self_ptr self, election_actor election) {
  self->send(election, atom::subscribe_v, caf::actor_cast<bridge_actor>(self));
  return {
    [self](bridge_job& job) {
      auto& st = self->state;
      if (st.owner || !job.needs_owner || st.waiting.size() >= bridge_state::max_waiting) {
        job.run(self, st.owner);
        return;
      }
      if (st.waiting.empty())
        self->delayed_send(self, bridge_state::owner_wait, atom::run_v, st.wait_epoch);
      st.waiting.push_back(std::move(job));
    },
    [self](atom::owner, owner_actor& owner) {
      self->state.owner = std::move(owner);
      if (self->state.owner)
        flush(self);
    },
    [self](atom::run, std::uint64_t epoch) {
      // The election took too long: answer the waiting jobs without an owner.
      if (epoch == self->state.wait_epoch)
        flush(self);
    },
  };
}

} // namespace cdc::actors
