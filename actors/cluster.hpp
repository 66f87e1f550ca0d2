// The composition root: spawns the upstream, the meta store, the election,
// the captures and the API actor, and wires their handles together. No
// actor looks another up.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include "actors/membership/session_actor.hpp"
#include "actors/messages.hpp"
#include "actors/published/capture_directory.hpp"
#include "actors/published/node_state.hpp"
#include "metrics/sink_metrics.hpp"
#include "actors/services.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "actors/store/meta_store.hpp"
#include "model/upstream/catalog.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::actors {

struct cluster_config {
  /// One entry per capture, in start order: the first becomes the owner.
  std::vector<std::shared_ptr<node_state>> nodes;
  std::shared_ptr<const model::upstream::catalog> catalog =
    std::make_shared<const model::upstream::catalog>(model::upstream::default_catalog());
  /// The upstream's wall clock at start, in ms; 0 reads the system clock.
  std::int64_t wall_now_ms = 0;
  /// Bytes of row changes this server's processors may hold at once, read
  /// and not yet flushed by their sinks (actors/replication/memory_quota.hpp); 0 sets
  /// no bound. It is what bounds memory while feeds catch up after downtime.
  std::size_t memory_quota = 32 << 20;
  /// Processors' sinks; empty uses the default factory.
  sink_factory make_sink;
  /// The sink check before a create or update is stored; empty uses the
  /// default (MySQL and file sinks are opened once).
  sink_probe_factory make_sink_probe;
  /// Where the default factory's sinks report their writes (GET /metrics); may be null.
  std::shared_ptr<metrics::sink_metrics> sink_metrics;
  /// Where file:// sinks may write (cdc server --sink-file-allowed-dirs).
  std::vector<std::filesystem::path> file_sink_dirs = default_file_sink_dirs();
  replication_settings settings;
  /// Where changefeed metadata lives: `cdc server` opens SQLite in its
  /// --data-dir (store::sqlite_backend); null keeps it in memory (tests).
  /// Only the meta store actor uses it once the cluster is spawned.
  std::shared_ptr<store::meta_backend> meta_backend;
  /// TiCDC's --cluster-id, shown by /status and /captures.
  std::string cluster_id{model::default_cluster_id};
  meta_store_options meta;
  /// Cluster mode (cdc server --pd): the node's one capture campaigns in
  /// etcd with a session of its own (actors/membership); unset keeps the
  /// in-process election of every capture in `nodes`.
  struct etcd_membership {
    std::vector<store::etcd::endpoint> endpoints;
    session_options session;
    /// Where the capture takes messages from other nodes (CAF's middleman,
    /// which the actor system must have loaded); port 0 picks a free one.
    /// When the system loaded CAF's OpenSSL manager too, nodes talk over
    /// TLS only, each showing the certificate it was configured with and
    /// accepting only peers whose certificates chain to its CA.
    std::string actor_host = "127.0.0.1";
    std::uint16_t actor_port = 0;
    /// The etcd client's options (TLS for https:// endpoints); its timeout
    /// is bounded by the session's TTL.
    store::etcd::client_options etcd;
  };
  std::optional<etcd_membership> membership;
};

struct cluster {
  election_actor election;
  upstream_actor upstream;
  meta_store_actor meta;
  std::vector<capture_actor> captures;
  /// Where API requests go (actors/control/api_gateway.hpp).
  api_actor api;
  /// The changefeeds and the captures as GET reads them.
  std::shared_ptr<feed_directory> directory;
  std::shared_ptr<capture_directory> capture_views;
  /// Cluster mode: carries the owner's feeds to the other nodes.
  feed_relay_actor relay;
  /// The upstream as the API describes it (verify_table, tso, unsafe).
  std::shared_ptr<const model::upstream::catalog_view> tables;
  std::uint64_t upstream_id = 0;
  std::vector<std::string> pd_addrs;
};

cluster spawn_cluster(caf::actor_system& sys, const cluster_config& cfg);

/// The scheduler `cdc server` runs its actors on: `threads` workers (2 for
/// 2 cores; the HTTP I/O threads are the others), which, once out of work,
/// poll only briefly before they sleep on their condition variable: CAF's
/// default (500 polls after every burst) kept an idle server with many
/// feeds spinning (tools/bench/REPORT.md, section 2); and which run the
/// control plane's jobs first (control_lane.hpp).
void configure_scheduler(caf::actor_system_config& cfg, std::size_t threads = 2);

/// Begins a graceful shutdown: every capture turns to stopping.
void begin_shutdown(const cluster& c);

/// Terminates every actor of the cluster so the actor system can exit.
void terminate(const cluster& c);

} // namespace cdc::actors
