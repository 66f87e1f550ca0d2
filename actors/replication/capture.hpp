// A capture: one node of the cluster with its own ID and address. It hosts a
// processor per changefeed that has tables here, forwards the upstream's
// resolved TS to them (not to quiet ones, until their next change is due),
// and hosts the owner role while the election says so.
#pragma once

#include <map>
#include <memory>
#include <set>

#include <boost/container/flat_set.hpp>

#include "actors/control/children.hpp"
#include "actors/messages.hpp"
#include "actors/published/node_state.hpp"
#include "actors/services.hpp"

namespace cdc::actors {

struct capture_state {
  static inline const char* name = "capture";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  capture_state() = default;

  struct hosted {
    processor_actor actor;
    changefeed_actor feed;
    /// Flat: a set's node per table came to 1.5 KB per hosted feed.
    boost::container::flat_set<std::int64_t> tables;
    /// Table changes sent to the processor (add, remove, update), so a
    /// quiet notice sent before it took the last one is not believed.
    std::uint64_t changes_sent = 0;
    /// Nonzero while quiet: woken once the upstream is resolved past it.
    model::tso_t quiet_through = 0;
  };

  // -- member variables -------------------------------------------------------

  /// Shared with this node's HTTP listener.
  std::shared_ptr<node_state> node;
  election_actor election;
  /// One copy for the capture and every processor it spawns (its sink
  /// factories hold sink options; a copy per processor would be a copy per feed).
  std::shared_ptr<const cluster_services> services;
  /// The owner role while this capture holds it, and the term it serves.
  owner_actor owner;
  std::uint64_t owner_term = 0;
  /// The owner role's actor, which ends with this capture.
  children owner_role;
  /// The latest term an owner dispatched from: older owners are fenced out.
  std::uint64_t dispatch_term = 0;
  /// The owner of that term, and what processors here reported for its
  /// feeds on another node since the last resolved tick (the newest per
  /// feed), sent to it in one message at the next tick.
  owner_actor dispatching_owner;
  std::map<model::changefeed_key, std::vector<table_progress>> remote_progress;
  std::map<model::changefeed_key, hosted> processors;
  /// The processors each tick wakes (round robin), and the quiet ones by
  /// the TSO the upstream must pass to wake them.
  std::set<model::changefeed_key> awake;
  std::set<std::pair<model::tso_t, model::changefeed_key>> quiet;
  /// The processors' actors, which end with this capture (see children.hpp).
  children processor_actors;
  model::tso_t resolved_ts = 0;
  /// Where the next tick's round of wake-ups starts (settings.wakeups_per_tick).
  model::changefeed_key next_wakeup;
};

capture_actor::behavior_type capture(capture_actor::stateful_pointer<capture_state> self,
                                     std::shared_ptr<node_state> node, election_actor election,
                                     cluster_services services);

} // namespace cdc::actors
