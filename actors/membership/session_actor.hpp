// The actor around a node's etcd session (etcd_session.hpp), on a thread of
// its own because every etcd call blocks. Every poll interval it renews the
// lease when a third of its TTL has passed (TiCDC's rhythm). It watches the
// membership's keys, and whenever they change (and at least once a
// second) reads the captures and the campaign line at one revision and
// hands them to the node's election as a membership_view.
//
// A lease that etcd says is gone, or that could not be renewed for a whole
// TTL, is lost: the election hears so first (the node then stops its
// processors and its owner role), then the session opens a new lease and
// registers again, as a new capture with a new ID (TiCDC's rule). While the
// lease is alive, node_state::lease_until_ms says until when it surely is,
// so a node paused past its lease stops claiming to own the moment it runs
// again, before it hears anything.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "actors/membership/etcd_session.hpp"
#include "actors/membership/etcd_watch.hpp"
#include "actors/store/backend/owner_fence.hpp"
#include "actors/messages.hpp"
#include "actors/published/node_state.hpp"

namespace cdc::actors {

struct session_options {
  /// TiCDC's capture-session-ttl.
  std::chrono::seconds ttl{10};
  /// How often the lease is looked at (renewed a third of a TTL after the
  /// last renewal).
  std::chrono::milliseconds poll{200};
  /// The membership is read whenever the watch on its keys sees a change
  /// (a vanished capture is noticed as soon as etcd expires its lease), and
  /// at least this often, in case the watch is down or missed something.
  std::chrono::milliseconds reread{1000};
  /// The fingerprint of this node's simulated upstream, in its capture info.
  std::string upstream_digest;
  /// The ID a capture that lost its session registers again under; a
  /// random UUID when unset.
  std::function<std::string()> next_capture_id;
  /// Held with this node's campaign whenever it reads it first in line, so
  /// the meta store's etcd writes are fenced by it (owner_fence.hpp).
  std::shared_ptr<store::owner_fence> fence;
};

struct session_state {
  static inline const char* name = "etcd-session";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  session_state() = default;

  // -- member variables -------------------------------------------------------

  std::shared_ptr<membership::session> session;
  session_options options;
  std::shared_ptr<node_state> node;
  etcd_election_actor election;
  /// This capture as registered; set by the campaign.
  std::optional<model::capture_record> self;
  /// The lease exists and the capture's key is on it.
  bool registered = false;
  /// When the lease was last renewed (or granted).
  std::chrono::steady_clock::time_point renewed{};
  /// A lease given up as lost, to revoke once etcd answers (0: none).
  std::int64_t stale_lease = 0;
  /// This capture began a graceful shutdown: it campaigns no more.
  bool stopping = false;
  /// The last view handed to the election, to hand over only changes.
  std::optional<membership_view> last_view;
  /// When the membership was last read.
  std::chrono::steady_clock::time_point observed{};
  /// Set by the watch's thread when it told this actor of a change that
  /// this actor has not read yet: a burst of changes is one read.
  std::shared_ptr<std::atomic<bool>> change_signalled = std::make_shared<std::atomic<bool>>(false);
  /// Declared last: its thread stops before the rest of the state goes.
  std::unique_ptr<membership::prefix_watch> watch;
};

session_actor::behavior_type session(session_actor::stateful_pointer<session_state> self,
                                     std::shared_ptr<membership::session> s, session_options options,
                                     std::shared_ptr<node_state> node, etcd_election_actor election);

} // namespace cdc::actors
