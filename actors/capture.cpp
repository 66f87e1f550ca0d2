#include "actors/capture.hpp"

#include <caf/exit_reason.hpp>
#include <spdlog/spdlog.h>

#include "actors/owner.hpp"

namespace cdc::actors {

namespace {

void stop_owner(capture_actor::stateful_pointer<capture_state> self) {
  auto& st = self->state;
  if (!st.owner)
    return;
  self->unlink_from(st.owner);
  self->send_exit(st.owner, caf::exit_reason::user_shutdown);
  st.owner = owner_actor{};
  st.node->is_owner = false;
}

} // namespace

capture_actor::behavior_type capture(capture_actor::stateful_pointer<capture_state> self,
                                     std::shared_ptr<node_state> node,
                                     election_actor election) {
  self->state.node = std::move(node);
  self->state.election = std::move(election);
  return {
    [self](atom::elected, std::uint64_t term, std::vector<capture_info>& members) {
      auto& st = self->state;
      stop_owner(self);
      // Linked: an owner that crashes takes its capture down, and the
      // election then moves ownership on (as a lost etcd session would).
      st.owner = self->spawn<caf::linked>(owner, term, st.node->capture_id, std::move(members));
      st.owner_term = term;
      st.node->is_owner = true;
      self->send(st.election, atom::owner_v, term, st.owner);
    },
    [self](atom::resign, std::uint64_t term) {
      if (term == self->state.owner_term) {
        spdlog::info("capture {}: owner of term {} steps down", self->state.node->capture_id, term);
        stop_owner(self);
      }
      return true;
    },
    [self](atom::stopping) {
      auto& st = self->state;
      st.node->live = model::liveness::stopping;
      self->send(st.election, atom::stopping_v, st.node->capture_id);
    },
  };
}

} // namespace cdc::actors
