#include "actors/cluster.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>
#include <caf/openssl/publish.hpp>
#include <caf/send.hpp>

#include "actors/control/api_gateway.hpp"
#include "actors/control/election.hpp"
#include "actors/control_lane.hpp"
#include "actors/membership/etcd_election.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/published/feed_relay.hpp"
#include "actors/replication/capture.hpp"
#include "actors/replication/memory_quota.hpp"
#include "actors/replication/upstream.hpp"
#include "actors/sinks/sinks.hpp"
#include "actors/store/backend/memory_backend.hpp"
#include "actors/store/meta_store.hpp"

namespace cdc::actors {

namespace {

// Our one upstream's PD cluster ID (a real PD picks a random 64-bit number).
constexpr std::uint64_t simulated_upstream_id = 7181230447427289600ull;

/// The in-process election, or in cluster mode the node's etcd election.
election_actor spawn_election(caf::actor_system& sys, const cluster_config& cfg,
                              std::shared_ptr<capture_directory> published, const feed_relay_actor& relay) {
  if (!cfg.membership)
    return sys.spawn(election, std::move(published), cfg.cluster_id);
  if (cfg.nodes.size() != 1)
    throw std::invalid_argument("cluster mode runs one capture per process");
  const auto& m = *cfg.membership;
  // Calls that take longer than a third of the TTL would eat the margin
  // the lease has between renewals.
  auto client = m.etcd;
  client.timeout = std::min<std::chrono::milliseconds>(client.timeout, m.session.ttl / 3);
  auto session = std::make_shared<membership::session>(store::etcd::client(m.endpoints, client), cfg.cluster_id,
                                                       m.session.ttl);
  return sys.spawn(etcd_election, std::move(published), cfg.cluster_id,
                   etcd_session_factory(std::move(session), m.session, cfg.nodes.front()), relay);
}

/// Opens the capture to other nodes on the middleman; its "host:port".
std::string publish_capture(caf::actor_system& sys, const capture_actor& cap,
                            const cluster_config::etcd_membership& m) {
  auto port = sys.has_openssl_manager() ? caf::openssl::publish(cap, m.actor_port, m.actor_host.c_str(), true)
                                         : sys.middleman().publish(cap, m.actor_port, m.actor_host.c_str(), true);
  if (!port)
    throw std::runtime_error("cannot open the actor port on " + m.actor_host + ":" + std::to_string(m.actor_port)
                             + ": " + sys.render(port.error()));
  return m.actor_host + ":" + std::to_string(*port);
}

} // namespace

cluster spawn_cluster(caf::actor_system& sys, const cluster_config& cfg) {
  cluster c;
  auto wall = cfg.wall_now_ms;
  if (wall == 0)
    wall = std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count();
  auto resolved = std::make_shared<resolved_clock>();
  c.upstream = sys.spawn(upstream, cfg.catalog, wall, resolved);
  auto backend = cfg.meta_backend ? cfg.meta_backend : std::make_shared<store::memory_backend>();
  // Detached: the store actor gets a thread of its own, because its backend
  // blocks on fsync and must not hold up a scheduler thread (or an I/O one).
  c.meta = sys.spawn<caf::detached>(meta_store, c.upstream, std::move(backend), cfg.meta);
  c.capture_views = std::make_shared<capture_directory>();
  c.directory = std::make_shared<feed_directory>(resolved);
  // In cluster mode every node answers reads from the owner's feeds.
  if (cfg.membership)
    c.relay = sys.spawn(feed_relay, c.directory, cfg.nodes.front(), std::chrono::milliseconds(500));
  c.election = spawn_election(sys, cfg, c.capture_views, c.relay);
  cluster_services services;
  services.upstream = c.upstream;
  services.meta = c.meta;
  services.catalog = cfg.catalog;
  services.tables = std::make_shared<const model::upstream::catalog_view>(model::upstream::make_catalog_view(*cfg.catalog));
  sink_options sinks;
  sinks.max_hold = cfg.settings.sink_timeout / 2;
  sinks.file_dirs = cfg.file_sink_dirs;
  sinks.metrics = cfg.sink_metrics;
  sinks.catalog = cfg.catalog;
  sinks.cluster_id = cfg.cluster_id;
  services.make_sink = cfg.make_sink ? cfg.make_sink : default_sink_factory(cfg.sink_metrics ? cfg.sink_metrics->rows : nullptr, sinks);
  services.make_checkpoint_sink = default_checkpoint_sink_factory(sinks);
  services.make_sink_probe = cfg.make_sink_probe ? cfg.make_sink_probe : default_sink_probe_factory(sinks);
  services.directory = c.directory;
  services.relay = c.relay;
  services.upstream_id = simulated_upstream_id;
  services.resolved = resolved;
  services.settings = cfg.settings;
  c.tables = services.tables;
  c.upstream_id = services.upstream_id;
  c.pd_addrs = services.pd_addrs;
  if (cfg.memory_quota != 0)
    services.memory = std::make_shared<memory_quota>(cfg.memory_quota);
  for (const auto& node : cfg.nodes) {
    auto cap = sys.spawn(capture, node, c.election, services);
    capture_info info{node->capture_id(), node->address};
    if (cfg.membership)
      info.actor_address = publish_capture(sys, cap, *cfg.membership);
    // Campaigns are sent from this one thread in order, so the mailbox keeps
    // their order and the first capture becomes the first owner.
    caf::anon_send(c.election, atom::campaign_v, std::move(info), cap);
    c.captures.push_back(std::move(cap));
  }
  c.api = sys.spawn(api_gateway, c.election, published_reads{c.directory, c.capture_views});
  return c;
}

void configure_scheduler(caf::actor_system_config& cfg, std::size_t threads) {
  use_control_first_scheduler(cfg);
  cfg.set("scheduler.max-threads", threads);
  cfg.set("work-stealing.moderate-poll-attempts", std::size_t{10});
}

void begin_shutdown(const cluster& c) {
  for (const auto& cap : c.captures)
    caf::anon_send(cap, atom::stopping_v);
}

void terminate(const cluster& c) {
  caf::anon_send_exit(c.api, caf::exit_reason::user_shutdown);
  for (const auto& cap : c.captures)
    caf::anon_send_exit(cap, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(c.election, caf::exit_reason::user_shutdown);
  if (c.relay)
    caf::anon_send_exit(c.relay, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(c.meta, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(c.upstream, caf::exit_reason::user_shutdown);
}

} // namespace cdc::actors
