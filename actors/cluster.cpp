#include "actors/cluster.hpp"

#include <caf/send.hpp>

#include "actors/bridge.hpp"
#include "actors/capture.hpp"
#include "actors/election.hpp"

namespace cdc::actors {

cluster spawn_cluster(caf::actor_system& sys, const cluster_config& cfg) {
  cluster c;
  c.election = sys.spawn(election);
  for (const auto& node : cfg.nodes) {
    auto cap = sys.spawn(capture, node, c.election);
    // Campaigns are sent from this one thread in order, so the mailbox keeps
    // their order and the first capture becomes the first owner.
    caf::anon_send(c.election, atom::campaign_v, capture_info{node->capture_id, node->address}, cap);
    c.captures.push_back(std::move(cap));
  }
  for (std::size_t i = 0; i < cfg.bridges; ++i)
    c.bridges.push_back(sys.spawn(bridge, c.election));
  return c;
}

void begin_shutdown(const cluster& c) {
  for (const auto& cap : c.captures)
    caf::anon_send(cap, atom::stopping_v);
}

void terminate(const cluster& c) {
  for (const auto& b : c.bridges)
    caf::anon_send_exit(b, caf::exit_reason::user_shutdown);
  for (const auto& cap : c.captures)
    caf::anon_send_exit(cap, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(c.election, caf::exit_reason::user_shutdown);
}

} // namespace cdc::actors
