// Every node of a cluster answers changefeed and processor reads from its
// own feed_directory; only the owner's node has changefeed actors to fill
// it. The feed relay carries the owner's directory to the other nodes:
// there, the node's relay subscribes (through the owner's capture, the one
// actor each node opens to the others) and gets every feed at once, then
// every half second what changed, which it publishes into its own
// directory. A feed's info and placement travel only when they changed, so
// thousands of feeds whose checkpoints move cost a few hundred bytes each.
// A new owner means a new subscription; updates of an older one are
// dropped, and the first answer of the new one replaces everything.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "actors/messages.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/published/node_state.hpp"

namespace cdc::actors {

struct feed_relay_state {
  static inline const char* name = "feed-relay";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  feed_relay_state() = default;

  struct follower {
    feed_follower_actor handle;
    std::uint64_t subscription = 0;
  };

  // -- member variables -------------------------------------------------------

  std::shared_ptr<feed_directory> directory;
  std::shared_ptr<node_state> node;
  std::chrono::milliseconds interval{500};
  /// Nodes following this node's feeds.
  std::vector<follower> followers;
  /// The snapshots the followers were last sent, per feed.
  std::map<model::changefeed_key, std::shared_ptr<const feed_snapshot>> sent;
  /// The subscription this node follows the owner's feeds by (0: none).
  std::uint64_t following = 0;
  std::uint64_t next_subscription = 1;
};

/// What `directory` holds now, every feed in full.
feed_updates full_updates(const feed_directory& directory);

/// Publishes `u` into `directory` (a follower's side).
void apply_updates(feed_directory& directory, const feed_updates& u);

feed_relay_actor::behavior_type feed_relay(feed_relay_actor::stateful_pointer<feed_relay_state> self,
                                           std::shared_ptr<feed_directory> directory,
                                           std::shared_ptr<node_state> node,
                                           std::chrono::milliseconds interval = std::chrono::milliseconds(500));

} // namespace cdc::actors
