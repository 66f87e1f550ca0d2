// A capture: one node of the cluster with its own ID and address. It hosts
// the owner role while the election says so.
#pragma once

#include <memory>

#include "actors/messages.hpp"
#include "actors/node_state.hpp"

namespace cdc::actors {

struct capture_state {
  static inline const char* name = "capture";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  capture_state() = default;

  // -- member variables -------------------------------------------------------

  /// Shared with this node's HTTP listener.
  std::shared_ptr<node_state> node;
  election_actor election;
  /// The owner role while this capture holds it, and the term it serves.
  owner_actor owner;
  std::uint64_t owner_term = 0;
};

capture_actor::behavior_type capture(capture_actor::stateful_pointer<capture_state> self,
                                     std::shared_ptr<node_state> node,
                                     election_actor election);

} // namespace cdc::actors
