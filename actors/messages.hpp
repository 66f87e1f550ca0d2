// The whole actor protocol of cdc-actor in one place: atoms, message types and
// every typed actor interface, one comment per signature.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/error.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/type_id.hpp>
#include <caf/typed_actor.hpp>
#include <caf/typed_event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "model/api_error.hpp"
#include "model/cluster_views.hpp"

namespace cdc::actors {

/// A capture as the election and the owner see it.
struct capture_info {
  std::string id;
  std::string address;
  bool alive = true; ///< false once the capture began a graceful shutdown
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, capture_info& x) {
  return f(caf::meta::type_name("capture_info"), x.id, x.address, x.alive);
}

} // namespace cdc::actors

// -- atoms (at most 10 characters each) --------------------------------------

CAF_ADD_ATOM(cdc, cdc::atom, campaign, "campaign")
CAF_ADD_ATOM(cdc, cdc::atom, elected, "elected")
CAF_ADD_ATOM(cdc, cdc::atom, resign, "resign")
CAF_ADD_ATOM(cdc, cdc::atom, owner, "owner")
CAF_ADD_ATOM(cdc, cdc::atom, captures, "captures")
CAF_ADD_ATOM(cdc, cdc::atom, health, "health")
CAF_ADD_ATOM(cdc, cdc::atom, joined, "joined")
CAF_ADD_ATOM(cdc, cdc::atom, left, "left")
CAF_ADD_ATOM(cdc, cdc::atom, stopping, "stopping")
CAF_ADD_ATOM(cdc, cdc::atom, subscribe, "subscribe")
CAF_ADD_ATOM(cdc, cdc::atom, run, "run")

namespace cdc::actors {

// -- typed interfaces ---------------------------------------------------------

// clang-format off

/// The owner role: the single writer of cluster state for one election term.
using owner_actor = caf::typed_actor<
  // The captures of the cluster as the owner sees them.
  caf::replies_to<atom::captures>::with<std::vector<model::capture_view>>,
  // True while every capture is alive (an owner exists: it is answering).
  caf::replies_to<atom::health>::with<bool>,
  // A capture joined the cluster (from the election).
  caf::reacts_to<atom::joined, capture_info>,
  // A capture left the cluster or died (from the election).
  caf::reacts_to<atom::left, std::string>,
  // A capture began a graceful shutdown (from the election).
  caf::reacts_to<atom::stopping, std::string>>;

/// One capture: a node of the cluster with its own ID and address.
using capture_actor = caf::typed_actor<
  // Won election term N: start the owner role; the argument lists the members.
  caf::reacts_to<atom::elected, std::uint64_t, std::vector<capture_info>>,
  // Lose the owner role of term N; answers once it no longer claims to own.
  caf::replies_to<atom::resign, std::uint64_t>::with<bool>,
  // Begin a graceful shutdown: liveness turns to stopping.
  caf::reacts_to<atom::stopping>>;

struct bridge_job;

/// Where HTTP requests enter the actor world (see actors/bridge.hpp).
using bridge_actor = caf::typed_actor<
  // Run a job for an HTTP request.
  caf::reacts_to<bridge_job>,
  // The owner changed; an invalid handle means "none right now".
  caf::reacts_to<atom::owner, owner_actor>,
  // Timer: jobs waiting for an owner since this epoch have waited enough.
  caf::reacts_to<atom::run, std::uint64_t>>;

/// Stands in for etcd's capture registry and owner election.
using election_actor = caf::typed_actor<
  // A capture joins and queues for ownership.
  caf::reacts_to<atom::campaign, capture_info, capture_actor>,
  // The elected capture's owner role of term N is up and takes requests.
  caf::reacts_to<atom::owner, std::uint64_t, owner_actor>,
  // The current owner steps down; another capture (or the same, if alone) wins.
  caf::replies_to<atom::resign>::with<bool>,
  // A capture began a graceful shutdown.
  caf::reacts_to<atom::stopping, std::string>,
  // Tell this bridge about every owner change.
  caf::reacts_to<atom::subscribe, bridge_actor>>;

// clang-format on

/// Work the HTTP layer hands to a bridge actor: run inside the bridge, with
/// the current owner (possibly invalid), it issues requests and completes the
/// HTTP reply from their answers.
struct bridge_job {
  std::function<void(bridge_actor::pointer self, const owner_actor& owner)> run;
  bool needs_owner = true; ///< wait for an owner before running
};

} // namespace cdc::actors

// -- type IDs of message payloads ---------------------------------------------

CAF_BEGIN_TYPE_ID_BLOCK(cdc, caf::first_custom_type_id)

  CAF_ADD_TYPE_ID(cdc, (cdc::actors::capture_info))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::actors::capture_info>))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::model::capture_view>))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::owner_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::capture_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::election_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::bridge_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::bridge_job))

CAF_END_TYPE_ID_BLOCK(cdc)

// Model values travel between actors of this process only; they are never
// serialized, so they need no inspect() of their own.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cdc::actors::bridge_job)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<cdc::model::capture_view>)
CAF_ERROR_CODE_ENUM(cdc::model::api_error, "cdc")
