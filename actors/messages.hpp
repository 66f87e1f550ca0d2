// The whole actor protocol of cdc-actor in one place: atoms, message types and
// every typed actor interface, one comment per signature.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/error.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/type_id.hpp>
#include <caf/typed_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "model/api_error.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/changefeed/info.hpp"
#include "model/changefeed/state_machine.hpp"
#include "model/changefeed/views.hpp"
#include "model/cluster_views.hpp"
#include "model/scheduling/table_scheduler.hpp"
#include "model/sink/row_batch.hpp"
#include "model/upstream/workload.hpp"

// Before any message type: CAF looks up these inspect overloads when it
// registers the types below.
#include "actors/wire/inspect_model.hpp"

namespace cdc::actors {

/// A capture as the election and the owner see it.
struct capture_info {
  std::string id;
  std::string address;
  bool alive = true; ///< false once the capture began a graceful shutdown
  /// Cluster mode: "host:port" where the capture's node takes messages
  /// from other nodes (CAF's middleman); empty in one process.
  std::string actor_address{};

  friend bool operator==(const capture_info&, const capture_info&) = default;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, capture_info& x) {
  return f(caf::meta::type_name("capture_info"), x.id, x.address, x.alive, x.actor_address);
}

/// The cluster as a node's etcd session last read it (cluster mode).
struct membership_view {
  /// Every registered capture, by ID.
  std::vector<capture_info> captures;
  /// The capture whose campaign is first in line; empty while none is.
  std::string owner_id;
  /// The owner's term: its campaign's create revision in etcd, which grows
  /// with every campaign, so captures can fence out older owners.
  std::uint64_t owner_term = 0;
  /// The owner's campaign is this node's own (on its lease).
  bool owner_is_here = false;

  friend bool operator==(const membership_view&, const membership_view&) = default;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, membership_view& x) {
  return f(caf::meta::type_name("membership_view"), x.captures, x.owner_id, x.owner_term, x.owner_is_here);
}

/// How far one table of a changefeed has come on a capture.
struct table_progress {
  std::int64_t table_id = 0;
  model::tso_t checkpoint_ts = 0; ///< everything up to here is in the sink
  model::tso_t resolved_ts = 0;   ///< everything up to here has been read
  model::tso_t last_synced_ts = 0; ///< commit TS of the last row written to the sink
  /// Nonzero: the table has nothing to write up to here, so it follows the
  /// upstream's resolved TS that far without another report.
  model::tso_t follow_through = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, table_progress& x) {
  return f(caf::meta::type_name("table_progress"), x.table_id, x.checkpoint_ts, x.resolved_ts, x.last_synced_ts,
           x.follow_through);
}

/// A table to start replicating from a checkpoint.
struct table_start {
  std::int64_t table_id = 0;
  model::tso_t checkpoint_ts = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, table_start& x) {
  return f(caf::meta::type_name("table_start"), x.table_id, x.checkpoint_ts);
}

/// What one capture replicates for one changefeed (a new owner asks for it).
struct processor_report {
  model::changefeed_key key;
  std::vector<table_progress> tables;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, processor_report& x) {
  return f(caf::meta::type_name("processor_report"), x.key, x.tables);
}

/// What a processor hands its sink (model/sink/row_batch.hpp).
using model::sink::row_batch;
using model::sink::row_batch_ptr;
using model::sink::table_rows;

/// Every stored changefeed with its progress (what the meta store loads).
using feed_records = std::vector<std::pair<model::changefeed_info, model::changefeed_progress>>;

/// PD's clock as a create or resume checks a start TS against it.
struct upstream_times {
  model::tso_t tso = 0;          ///< a fresh TSO
  model::tso_t gc_safepoint = 0; ///< the GC safepoint when it was taken
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, upstream_times& x) {
  return f(caf::meta::type_name("upstream_times"), x.tso, x.gc_safepoint);
}

/// What changed in one changefeed's published view since the last update
/// its follower got (actors/published/feed_relay.hpp). The info and the
/// placement, large and rarely changed, travel only when they did.
struct feed_delta {
  model::changefeed_key key;
  /// Null: the info is the one sent before.
  std::shared_ptr<const model::changefeed_info> info;
  model::changefeed_progress progress;
  model::admin_job admin_job_type = model::admin_job::none;
  /// The placement changed (task_status then holds it, maybe null).
  bool placement_changed = false;
  std::shared_ptr<const std::vector<model::capture_task_status>> task_status;
  bool holds_tables = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feed_delta& x) {
  return f(caf::meta::type_name("feed_delta"), x.key, wire::nullable(x.info), x.progress,
           wire::enum_upto(x.admin_job_type, model::admin_job::finish), x.placement_changed,
           wire::nullable(x.task_status), x.holds_tables);
}

/// The owner's changefeeds as another node follows them.
struct feed_updates {
  /// Every feed is in `changed`: the follower drops any other it has.
  bool full = false;
  std::vector<feed_delta> changed;
  std::vector<model::changefeed_key> removed;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feed_updates& x) {
  return f(caf::meta::type_name("feed_updates"), x.full, x.changed, x.removed);
}

/// A capture with its handle (defined once capture_actor is, below).
struct capture_member;

/// The effect of an admin operation, as the changefeed reports it to the owner.
struct admin_outcome {
  std::shared_ptr<const model::changefeed_info> info; ///< after the operation
  model::changefeed_progress progress;
  bool running = false;   ///< the feed should hold tables now
  bool removed = false;   ///< the feed is gone (deleted from the meta store)
};

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
CAF_ADD_ATOM(cdc, cdc::atom, ready, "ready")
CAF_ADD_ATOM(cdc, cdc::atom, tso, "tso")
CAF_ADD_ATOM(cdc, cdc::atom, safepoint, "safepoint")
CAF_ADD_ATOM(cdc, cdc::atom, resolved, "resolved")
CAF_ADD_ATOM(cdc, cdc::atom, tick, "tick")
CAF_ADD_ATOM(cdc, cdc::atom, quiet, "quiet")
CAF_ADD_ATOM(cdc, cdc::atom, create, "create")
CAF_ADD_ATOM(cdc, cdc::atom, get, "getcf")
CAF_ADD_ATOM(cdc, cdc::atom, summary, "summary")
CAF_ADD_ATOM(cdc, cdc::atom, update, "update")
CAF_ADD_ATOM(cdc, cdc::atom, remove, "remove")
CAF_ADD_ATOM(cdc, cdc::atom, pause, "pause")
CAF_ADD_ATOM(cdc, cdc::atom, resume, "resume")
CAF_ADD_ATOM(cdc, cdc::atom, processors, "processors")
CAF_ADD_ATOM(cdc, cdc::atom, processor, "processor")
CAF_ADD_ATOM(cdc, cdc::atom, dispatch, "dispatch")
CAF_ADD_ATOM(cdc, cdc::atom, report, "report")
CAF_ADD_ATOM(cdc, cdc::atom, add, "addtables")
CAF_ADD_ATOM(cdc, cdc::atom, progress, "progress")
CAF_ADD_ATOM(cdc, cdc::atom, error, "error")
CAF_ADD_ATOM(cdc, cdc::atom, assign, "assign")
CAF_ADD_ATOM(cdc, cdc::atom, state, "state")
CAF_ADD_ATOM(cdc, cdc::atom, retry, "retry")
CAF_ADD_ATOM(cdc, cdc::atom, write, "write")
CAF_ADD_ATOM(cdc, cdc::atom, load, "load")
CAF_ADD_ATOM(cdc, cdc::atom, put, "put")
CAF_ADD_ATOM(cdc, cdc::atom, flush, "flush")
CAF_ADD_ATOM(cdc, cdc::atom, commit, "commit")
CAF_ADD_ATOM(cdc, cdc::atom, probe, "probe")
CAF_ADD_ATOM(cdc, cdc::atom, follow, "follow")
CAF_ADD_ATOM(cdc, cdc::atom, drain, "drain")
CAF_ADD_ATOM(cdc, cdc::atom, move, "movetable")
CAF_ADD_ATOM(cdc, cdc::atom, rebalance, "rebalance")

namespace cdc::actors {

// -- typed interfaces ---------------------------------------------------------

// clang-format off

/// Messages an actor sends only to itself (its timers, work it queued for
/// later): typed actors must declare them, but no other actor sends them.
/// Each interface lists them last, wrapped in this alias.
template <class... Sigs>
using internal = caf::typed_actor<Sigs...>;

/// Writes row changes somewhere; answers once they are durable there.
using sink_actor = caf::typed_actor<
  // Write a batch; the answer means every row in it is flushed.
  caf::replies_to<atom::write, row_batch_ptr>::with<bool>>;

/// A sink that buffers up to its flush interval (storage sinks): a sink_actor
/// with a timer of its own.
using buffering_sink_actor = sink_actor::extend_with<internal<
  // Timer: the flush interval has elapsed; publish what is buffered.
  caf::reacts_to<atom::flush>>>;

/// Keeps a changefeed's checkpoint at its sink (a storage sink's `metadata`
/// file), as TiCDC's owner does through its DDL sink.
using checkpoint_sink_actor = caf::typed_actor<
  // The changefeed's checkpoint moved here.
  caf::reacts_to<atom::progress, model::tso_t>>::extend_with<internal<
  // Write the newest checkpoint received (queued, so bursts coalesce).
  caf::reacts_to<atom::flush>>>;

/// Checks once that a changefeed's sink can be opened, before a create or an
/// update is stored (a one-shot actor: the check blocks; sink_probe.hpp).
using sink_probe_actor = caf::typed_actor<
  // Open this changefeed's sink; answers true, or why it cannot be opened.
  caf::replies_to<atom::probe, model::changefeed_info>::with<bool>>;

/// A changefeed: owns its info, state and progress (spawned by the owner).
using changefeed_actor = caf::typed_actor<
  // The detail view (GET /changefeeds/{id}).
  caf::replies_to<atom::get>::with<model::changefeed_detail>,
  // The list item (GET /changefeeds).
  caf::replies_to<atom::summary>::with<model::changefeed_list_item>,
  // Pause, resume, remove or another lifecycle event from the API.
  caf::replies_to<atom::state, model::feed_event_t>::with<admin_outcome>,
  // Update the config of a stopped or failed feed.
  caf::replies_to<atom::update, model::changefeed_update>::with<admin_outcome>,
  // The tables the owner placed, per capture (task_status, processors,
  // checkpoint scope); answers once published, so an API answer that
  // waits for it is seen by the reads that follow.
  caf::replies_to<atom::assign, std::vector<model::scheduling::capture_tables>>::with<bool>,
  // Progress of some tables from a processor on a capture.
  caf::reacts_to<atom::progress, std::string, std::vector<table_progress>>,
  // A runtime error from a processor or its sink.
  caf::reacts_to<atom::error, model::running_error>>::extend_with<internal<
  // Timer: the back-off after an error has elapsed.
  caf::reacts_to<atom::retry, std::uint64_t>,
  // Timer: a feed without tables follows the upstream's resolved TS.
  caf::reacts_to<atom::tick>>>;

/// A changefeed's progress on one capture. A capture sends the progress of
/// its processors whose changefeed runs on another node to that node's
/// owner in one message per resolved tick (one message across the network
/// instead of one per processor and tick).
struct feed_progress {
  changefeed_actor feed;
  std::vector<table_progress> tables;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feed_progress& x) {
  return f(caf::meta::type_name("feed_progress"), x.feed, x.tables);
}

/// Replicates the tables of one changefeed that one capture holds.
using processor_actor = caf::typed_actor<
  // The upstream resolved TS moved: pull, filter, write, report.
  caf::reacts_to<atom::resolved, model::tso_t>,
  // Start tables / stop tables (the capture orders them through its mailbox).
  caf::reacts_to<atom::add, std::vector<table_start>>,
  caf::reacts_to<atom::remove, std::vector<std::int64_t>>,
  // The changefeed's actor or info changed (new owner term, update).
  caf::reacts_to<atom::update, std::shared_ptr<const model::changefeed_info>, changefeed_actor>,
  // The tables and their progress (for a new owner).
  caf::replies_to<atom::report>::with<std::vector<table_progress>>,
  // The memory quota granted what this processor waited for: pull on.
  caf::reacts_to<atom::run>>;

/// Durable changefeed metadata (store/: SQLite in the data dir; memory in tests).
using meta_store_actor = caf::typed_actor<
  // Every changefeed with its latest progress.
  caf::replies_to<atom::load>::with<feed_records>,
  // Write a changefeed's info and progress together; answers once durable.
  caf::replies_to<atom::put, model::changefeed_info, model::changefeed_progress>::with<bool>,
  // Delete a changefeed; answers once durable.
  caf::replies_to<atom::remove, model::changefeed_key>::with<bool>,
  // Progress to persist in the next batch.
  caf::reacts_to<atom::progress, model::changefeed_key, model::changefeed_progress>>::extend_with<internal<
  // Timer: write the pending progress batch.
  caf::reacts_to<atom::flush>,
  // Commit the puts and removes queued so far in one transaction.
  caf::reacts_to<atom::commit>>>;

/// The management API as the owner serves it: what needs the cluster's one
/// writer. Reads are published (feed_directory, capture_directory, the
/// feeds' placements) and never wait here.
using owner_api_actor = caf::typed_actor<
  // True while every capture is alive (an owner exists: it is answering).
  caf::replies_to<atom::health>::with<bool>,
  // Create a changefeed (body already parsed); answers with its detail.
  caf::replies_to<atom::create, model::changefeed_config>::with<model::changefeed_detail>,
  // Pause, resume (with its body) and remove.
  caf::replies_to<atom::pause, model::changefeed_key>::with<bool>,
  caf::replies_to<atom::resume, model::changefeed_key, model::resume_config>::with<bool>,
  caf::replies_to<atom::remove, model::changefeed_key>::with<bool>,
  // Update a stopped or failed changefeed; answers with its detail.
  caf::replies_to<atom::update, model::changefeed_key, model::changefeed_update>::with<model::changefeed_detail>,
  // Move every table off a capture (it keeps serving, but takes no tables
  // while this owner serves); answers how many of its tables are still there.
  caf::replies_to<atom::drain, std::string>::with<std::int64_t>,
  // Move one table of a changefeed to a capture (v1's move_table).
  caf::replies_to<atom::move, model::changefeed_key, std::int64_t, std::string>::with<bool>,
  // Place a changefeed's tables again (v1's rebalance_table).
  caf::replies_to<atom::rebalance, model::changefeed_key>::with<bool>,
  // Drop TiCDC's service GC safepoint at the upstream (the owner sets it
  // again as its feeds' checkpoints advance).
  caf::replies_to<atom::safepoint>::with<bool>>;

/// The management API, one signature per endpoint that needs the cluster:
/// what the HTTP layer (through api_client) and tests send. Its actor waits
/// for an owner during elections, hands each write to it and answers the
/// reads below from what the cluster published under that owner.
using api_actor = owner_api_actor::extend<
  // The captures of the cluster as the current owner sees them.
  caf::replies_to<atom::captures>::with<std::vector<model::capture_view>>,
  // Processors: every (changefeed, capture) pair of the feeds holding tables.
  caf::replies_to<atom::processors>::with<std::vector<model::processor_item>>,
  // One processor's tables.
  caf::replies_to<atom::processor, model::changefeed_key, std::string>::with<model::processor_detail>,
  // The current owner steps down and a new one is elected.
  caf::replies_to<atom::resign>::with<bool>>;

/// The owner's face to the election: who is in the cluster.
using owner_membership_actor = caf::typed_actor<
  // A capture joined the cluster (from the election).
  caf::reacts_to<atom::joined, capture_member>,
  // A capture left the cluster or died (from the election).
  caf::reacts_to<atom::left, std::string>,
  // A capture began a graceful shutdown (from the election).
  caf::reacts_to<atom::stopping, std::string>>;

/// The owner's face to its changefeeds.
using owner_feed_listener_actor = caf::typed_actor<
  // A changefeed started or stopped needing tables by itself (error,
  // finished, retry).
  caf::reacts_to<atom::state, model::changefeed_key, bool>,
  // Another node's capture: its processors' progress for this owner's feeds.
  caf::reacts_to<atom::progress, std::string, std::vector<feed_progress>>>;

/// The owner role: the single writer of cluster state for one election term.
using owner_actor = owner_api_actor::extend_with<owner_membership_actor, owner_feed_listener_actor>::extend<
  // One changefeed's actor, or ErrChangeFeedNotExists (tests and benchmarks
  // reach a feed's actor through it).
  caf::replies_to<atom::get, model::changefeed_key>::with<changefeed_actor>>::extend_with<internal<
  // Timer: load the registry again (the last load failed).
  caf::reacts_to<atom::load>,
  // A create's steps: open the checked feed's sink, then store it, spawn
  // it and place its tables; the last answers the create.
  caf::replies_to<atom::probe, model::changefeed_info>::with<model::changefeed_detail>,
  caf::replies_to<atom::put, model::changefeed_info>::with<model::changefeed_detail>,
  // The running operation of a feed (of this generation) ended: run its next.
  caf::reacts_to<atom::run, model::changefeed_key, std::uint64_t>,
  // Timer: tick the next slice of feeds (those following the upstream
  // store their checkpoint then).
  caf::reacts_to<atom::tick>>>;

/// Where a node's feed relay receives the owner's changefeeds
/// (actors/published/feed_relay.hpp).
using feed_follower_actor = caf::typed_actor<
  // What changed in the followed feeds, under subscription N (updates of
  // an earlier subscription are stale).
  caf::reacts_to<atom::update, std::uint64_t, feed_updates>>;

/// One capture: a node of the cluster with its own ID and address.
using capture_actor = caf::typed_actor<
  // Won election term N: start the owner role; the argument lists the members.
  caf::reacts_to<atom::elected, std::uint64_t, std::vector<capture_member>>,
  // Lose the owner role of term N; answers once it no longer claims to own.
  caf::replies_to<atom::resign, std::uint64_t>::with<bool>,
  // The owner of term N finished starting up and takes requests.
  caf::reacts_to<atom::ready, std::uint64_t>,
  // Begin a graceful shutdown: liveness turns to stopping.
  caf::reacts_to<atom::stopping>,
  // From the owner of term N: start and stop tables of a changefeed here.
  caf::replies_to<atom::dispatch, std::uint64_t, std::shared_ptr<const model::changefeed_info>,
                  changefeed_actor, std::vector<table_start>, std::vector<std::int64_t>>::with<bool>,
  // Every processor here with its tables (for a new owner).
  caf::replies_to<atom::report>::with<std::vector<processor_report>>,
  // The upstream's resolved TS moved.
  caf::reacts_to<atom::resolved, model::tso_t>,
  // A processor's progress for its changefeed on another node (sent on
  // with the others' at the next resolved tick).
  caf::reacts_to<atom::progress, model::changefeed_key, std::vector<table_progress>>,
  // A processor has nothing to do until the upstream is resolved past the
  // TSO: it is not woken by the ticks before.
  caf::reacts_to<atom::quiet, model::changefeed_key, model::tso_t, std::uint64_t>,
  // This node's etcd session ended (its lease expired): stop every
  // processor and the owner role now; the owner moves the tables.
  caf::reacts_to<atom::left>,
  // The owner role hosted here once it takes requests, else an invalid
  // handle (how other nodes find the owner to hand it their writes).
  caf::replies_to<atom::owner>::with<owner_actor>,
  // Another node follows the changefeeds published here (subscription N):
  // answers every feed now, and the updates follow (the node's relay).
  caf::replies_to<atom::subscribe, feed_follower_actor, std::uint64_t>::with<feed_updates>,
  // The capture of another node connected to this one and introduces
  // itself (passed on to the election).
  caf::reacts_to<atom::joined, capture_member>>;

/// A node's feed relay (actors/published/feed_relay.hpp): publishes the
/// feeds of this node's owner to the nodes that follow them, and on other
/// nodes follows the owner's, so every node answers reads.
using feed_relay_actor = feed_follower_actor::extend<
  // Another node follows this node's feeds (through its capture).
  caf::replies_to<atom::subscribe, feed_follower_actor, std::uint64_t>::with<feed_updates>,
  // Follow the feeds of the owner on this capture's node (invalid: follow
  // none; this node's own owner publishes here).
  caf::reacts_to<atom::follow, capture_actor>>::extend_with<internal<
  // Timer: send the followers what changed.
  caf::reacts_to<atom::tick>>>;

/// Stands in for PD and TiKV: the TSO, the GC safepoint and resolved TS ticks.
/// Row changes themselves are a pure function of time (model/upstream).
using upstream_actor = caf::typed_actor<
  // A fresh, strictly increasing TSO with the current GC safepoint.
  caf::replies_to<atom::tso>::with<upstream_times>,
  // TiCDC's service GC safepoint: GC may not pass this TSO.
  caf::reacts_to<atom::safepoint, model::tso_t>,
  // Drop TiCDC's service GC safepoint (GC may advance to its own limit).
  caf::reacts_to<atom::safepoint>,
  // The current resolved TS (for feeds that have no table to hear it through).
  caf::replies_to<atom::resolved>::with<model::tso_t>,
  // Receive (atom::resolved, ts) on every tick.
  caf::reacts_to<atom::subscribe, capture_actor>>::extend_with<internal<
  // Timer: advance the resolved TS and tell the subscribers.
  caf::reacts_to<atom::tick>>>;

struct capture_member {
  capture_info info;
  capture_actor handle;
};

/// The handle crosses nodes as CAF writes actor handles (node and actor
/// ID); the receiving node gets a proxy when its middleman is loaded.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, capture_member& x) {
  return f(caf::meta::type_name("capture_member"), x.info, x.handle);
}

/// Told about every owner change (an invalid handle means "none right now").
using owner_listener_actor = caf::typed_actor<
  caf::reacts_to<atom::owner, owner_actor>>;

/// The API actor of a process (actors/control/api_gateway.hpp): the API, and the
/// owner changes it follows.
using api_gateway_actor = api_actor::extend_with<owner_listener_actor>::extend_with<internal<
  // Timer: requests waiting for an owner since this epoch have waited enough.
  caf::reacts_to<atom::run, std::uint64_t>>>;

/// Where code outside the actor world (HTTP sessions) makes its API calls
/// (actors/control/api_client.hpp): each job makes one typed request to the API
/// actor and completes with its answer.
struct api_call;
using api_caller_actor = caf::typed_actor<
  caf::reacts_to<api_call>>;

/// Stands in for etcd's capture registry and owner election.
using election_actor = caf::typed_actor<
  // A capture joins and queues for ownership.
  caf::reacts_to<atom::campaign, capture_info, capture_actor>,
  // The elected capture's owner role of term N is up and takes requests.
  caf::reacts_to<atom::owner, std::uint64_t, owner_actor>,
  // The current owner steps down; another capture (or the same, if alone) wins.
  caf::replies_to<atom::resign>::with<bool>,
  // From a capture: its owner role of term N failed; elect again.
  caf::reacts_to<atom::resign, std::uint64_t>,
  // A capture began a graceful shutdown.
  caf::reacts_to<atom::stopping, std::string>,
  // The current owner (invalid while there is none).
  caf::replies_to<atom::owner>::with<owner_actor>,
  // Tell this listener about every owner change.
  caf::reacts_to<atom::subscribe, owner_listener_actor>,
  // The capture of another node connected to this node's and introduced
  // itself (cluster mode; nothing to do in one process).
  caf::reacts_to<atom::joined, capture_member>>;

/// The election of cluster mode (actors/membership/etcd_election.hpp): the
/// election, fed by the node's etcd session.
using etcd_election_actor = election_actor::extend<
  // The cluster as etcd has it now.
  caf::reacts_to<atom::captures, membership_view>,
  // This node's lease is gone: it holds nothing until it registers again,
  // as a new capture under the ID given.
  caf::reacts_to<atom::left, std::string>>::extend_with<internal<
  // Timer: connect to captures not reached yet, find a remote owner.
  caf::reacts_to<atom::tick>>>;

/// A node's session in etcd (actors/membership/session_actor.hpp): its lease,
/// its capture key and its campaign, on a thread of its own.
using session_actor = caf::typed_actor<
  // Register this capture and campaign for ownership.
  caf::reacts_to<atom::campaign, capture_info>,
  // End the campaign of term N (whichever node's it is): the line moves
  // on; answers false when it had already ended.
  caf::replies_to<atom::resign, std::uint64_t>::with<bool>,
  // This capture began a graceful shutdown: say so in its capture info and
  // campaign no more.
  caf::reacts_to<atom::stopping>>::extend_with<internal<
  // Timer: renew the lease when due and read the membership.
  caf::reacts_to<atom::tick>,
  // The watch on the membership's keys saw them change: read them now.
  caf::reacts_to<atom::captures>>>;

// clang-format on

/// One API call from outside the actor world, run by an api_caller_actor:
/// made by api_client::call, which alone knows the request's types.
struct api_call {
  std::function<void(api_caller_actor::pointer self)> run;
};

} // namespace cdc::actors

// -- type IDs of message payloads ---------------------------------------------

CAF_BEGIN_TYPE_ID_BLOCK(cdc, caf::first_custom_type_id)

  CAF_ADD_TYPE_ID(cdc, (cdc::actors::capture_info))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::membership_view))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::feed_updates))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::feed_follower_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::capture_member))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::actors::capture_member>))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::upstream_times))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::table_progress))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::actors::table_progress>))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::table_start))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::actors::table_start>))
  CAF_ADD_TYPE_ID(cdc, (std::vector<std::int64_t>))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::actors::processor_report>))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::actors::feed_progress>))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::sink::row_batch_ptr))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::admin_outcome))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::model::capture_view>))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_key))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_info))
  CAF_ADD_TYPE_ID(cdc, (std::shared_ptr<const cdc::model::changefeed_info>))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_progress))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::feed_records))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_config))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_update))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::resume_config))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_detail))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::changefeed_list_item))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::running_error))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::feed_event_t))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::model::processor_item>))
  CAF_ADD_TYPE_ID(cdc, (cdc::model::processor_detail))
  CAF_ADD_TYPE_ID(cdc, (std::vector<cdc::model::scheduling::capture_tables>))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::upstream_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::sink_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::changefeed_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::processor_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::meta_store_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::owner_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::capture_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::election_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::owner_listener_actor))
  CAF_ADD_TYPE_ID(cdc, (cdc::actors::api_call))

CAF_END_TYPE_ID_BLOCK(cdc)

// Every other payload has an inspect (here or in actors/wire/) and may cross
// nodes. These never leave their process, so CAF may not serialize them: an
// API call carries a callback, a row batch is the processor-to-sink hand-off
// on one capture, an admin outcome goes from a feed to its owner's
// operation, and the feed records are the meta store's load on the owner's
// node. (A field of one of these types inside an inspect would be skipped
// silently: keep them out of structs that cross nodes.)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cdc::actors::api_call)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cdc::model::sink::row_batch_ptr)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cdc::actors::admin_outcome)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cdc::actors::feed_records)
CAF_ERROR_CODE_ENUM(cdc::model::api_error, "cdc")
