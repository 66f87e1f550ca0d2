// The composition root: spawns the election, the captures and the HTTP
// bridges, and wires their handles together. No actor looks another up.
#pragma once

#include <memory>
#include <vector>

#include <caf/actor_system.hpp>

#include "actors/messages.hpp"
#include "actors/node_state.hpp"

namespace cdc::actors {

struct cluster_config {
  /// One entry per capture, in start order: the first becomes the owner.
  std::vector<std::shared_ptr<node_state>> nodes;
  /// Bridges to spread HTTP requests over (one per scheduler thread is plenty).
  std::size_t bridges = 2;
};

struct cluster {
  election_actor election;
  std::vector<capture_actor> captures;
  std::vector<bridge_actor> bridges;
};

cluster spawn_cluster(caf::actor_system& sys, const cluster_config& cfg);

/// Begins a graceful shutdown: every capture turns to stopping.
void begin_shutdown(const cluster& c);

/// Terminates every actor of the cluster so the actor system can exit.
void terminate(const cluster& c);

} // namespace cdc::actors
