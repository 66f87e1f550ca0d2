// The bridge: where HTTP requests enter the actor world. Sessions hand it
// bridge_jobs; it runs them with the current owner so their requests and
// replies are ordinary asynchronous CAF messages, and no I/O thread waits.
#pragma once

#include <chrono>
#include <deque>

#include "actors/messages.hpp"

namespace cdc::actors {

struct bridge_state {
  static inline const char* name = "bridge";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  bridge_state() = default;

  // -- constants --------------------------------------------------------------

  /// Jobs wait this long for an owner during an election, then run without.
  static constexpr auto owner_wait = std::chrono::seconds(3);
  /// Beyond this many waiting jobs, new ones run at once without an owner.
  static constexpr std::size_t max_waiting = 10'000;

  // -- member variables -------------------------------------------------------

  owner_actor owner;
  std::deque<bridge_job> waiting;
  /// Bumped whenever the queue is flushed, so a stale wait timer is ignored.
  std::uint64_t wait_epoch = 0;
};

/// Subscribes to `election` for owner changes and runs jobs as they come.
bridge_actor::behavior_type bridge(bridge_actor::stateful_pointer<bridge_state> self,
                                   election_actor election);

} // namespace cdc::actors
