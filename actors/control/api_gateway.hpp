// The API actor of a process: where every API request that needs the
// cluster arrives, from HTTP sessions (through api_client) or from tests.
// It follows the election's owner changes, hands each write to the current
// owner (the owner answers the requester directly), answers reads of
// captures and processors from what the cluster published, holds requests
// for a short while during an election, and answers ErrOwnerNotFound when
// no owner appears in time. A resign goes to the election.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>

#include "actors/messages.hpp"
#include "actors/published/capture_directory.hpp"
#include "actors/published/feed_directory.hpp"

namespace cdc::actors {

/// What the cluster publishes for reads that need an owner to mean anything.
struct published_reads {
  std::shared_ptr<const feed_directory> feeds;
  std::shared_ptr<const capture_directory> captures;
};

struct api_gateway_state {
  static inline const char* name = "api_gateway";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  api_gateway_state() = default;

  // -- constants --------------------------------------------------------------

  /// Requests wait this long for an owner during an election.
  static constexpr auto owner_wait = std::chrono::seconds(3);
  /// Beyond this many waiting requests, new ones fail at once.
  static constexpr std::size_t max_waiting = 10'000;

  // -- member variables -------------------------------------------------------

  election_actor election;
  /// The current owner's API face (all the gateway sends it), or none.
  owner_api_actor owner;
  published_reads reads;
  /// Requests waiting for an owner; each hands itself to the owner it is
  /// given, or fails when given none.
  std::deque<std::function<void(const owner_api_actor&)>> waiting;
  /// Bumped whenever the queue is flushed, so a stale wait timer is ignored.
  std::uint64_t wait_epoch = 0;

  /// A request handed to the owner. If the owner ends before it answers,
  /// the answer never comes: an operation it had queued (a pause behind
  /// another write of the feed) ends with it when it steps down, and CAF
  /// fails nothing in flight when the connection to another node drops. So
  /// the gateway watches the owner and fails these when it goes down,
  /// instead of leaving the requester to its timeout (a resign storm would
  /// otherwise hold writes for the HTTP timeout, 10 s).
  struct owner_call {
    caf::actor_addr owner;
    std::function<void(const caf::error&)> fail;
  };
  std::map<std::uint64_t, owner_call> owner_calls;
  std::uint64_t next_call = 0;
  /// The owner this actor monitors (one monitor per owner).
  caf::actor_addr watched_owner;
};

/// Subscribes to `election` for owner changes and serves the API.
api_gateway_actor::behavior_type api_gateway(api_gateway_actor::stateful_pointer<api_gateway_state> self,
                                             election_actor election, published_reads reads);

} // namespace cdc::actors
