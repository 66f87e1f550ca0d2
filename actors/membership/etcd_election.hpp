// The election of cluster mode: the election interface the captures and
// the API actor already speak, decided by etcd instead of inside the
// process. The node's etcd session registers the local capture and
// campaigns for it; every membership_view it reads says who owns. When the
// view names this node's campaign first, the local capture starts the owner
// role of that term (the campaign's create revision); when it no longer
// does, the capture lets go.
//
// Captures of other nodes are reached over CAF's middleman at the actor
// address in their capture info. A local owner hears of each once it is
// connected (joined) and when it leaves the view or its connection drops
// (left), so it places tables only where it can send orders. On a node
// that does not own, the owner role is fetched from the owner's capture,
// and the API actor hands writes to it across the network.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/membership/session_actor.hpp"
#include "actors/messages.hpp"
#include "actors/published/capture_directory.hpp"

namespace cdc::actors {

struct etcd_election_state {
  static inline const char* name = "etcd-election";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  etcd_election_state() = default;

  // -- member variables -------------------------------------------------------

  session_actor session;
  /// This node's capture, once it campaigned.
  std::optional<capture_member> local;
  /// The cluster as the session last read it.
  membership_view view;
  /// The term the local capture owns (0: it owns none), and its owner role
  /// once that reported in.
  std::uint64_t term = 0;
  owner_actor owner;
  /// The owner the API actor was last told of (local, remote or none).
  owner_actor announced;
  /// Captures of other nodes reached over the middleman, by ID, and the
  /// IDs being connected to.
  std::map<std::string, capture_member> remote;
  std::set<std::string> connecting;
  /// Captures of other nodes that connected here and introduced themselves
  /// before this node's view showed them.
  std::map<std::string, capture_actor> introduced;
  /// The owner role on another node once found (writes go to it), and the
  /// term it was found for.
  std::uint64_t remote_owner_term = 0;
  bool finding_owner = false;
  /// Actors told about every owner change (the API actor).
  std::vector<owner_listener_actor> subscribers;
  std::shared_ptr<capture_directory> published;
  std::string cluster_id;
  /// Told whose feeds to follow: the remote owner's, or none (invalid in
  /// tests).
  feed_relay_actor relay;
};

/// Spawns the node's session actor, which reports to the election given
/// (the seam tests drive the election through).
using session_factory = std::function<session_actor(caf::actor_system&, etcd_election_actor)>;

/// The session on etcd (session_actor.hpp), on a thread of its own.
session_factory etcd_session_factory(std::shared_ptr<membership::session> session, session_options options,
                                     std::shared_ptr<node_state> node);

/// Spawns its session itself (only the election talks to it), which ends
/// with it.
etcd_election_actor::behavior_type etcd_election(etcd_election_actor::stateful_pointer<etcd_election_state> self,
                                                 std::shared_ptr<capture_directory> published,
                                                 std::string cluster_id, session_factory make_session,
                                                 feed_relay_actor relay);

} // namespace cdc::actors
