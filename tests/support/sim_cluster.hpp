// A whole cluster (upstream, meta store, election, captures, a bridge) on
// CAF's deterministic scheduler: tests drive time with advance() and run
// every message to quiescence with run().
#pragma once

#include <optional>
#include <stdexcept>

#include "actors/bridge.hpp"
#include "actors/capture.hpp"
#include "actors/election.hpp"
#include "actors/errors.hpp"
#include "actors/meta_store.hpp"
#include "actors/sinks.hpp"
#include "actors/upstream.hpp"
#include "actors/store/memory_backend.hpp"
#include "tests/support/actor_fixture.hpp"

namespace cdc::test {

/// 2023-11-28 06:33:37.279 UTC: a fixed wall clock, so TSOs are reproducible.
inline constexpr std::int64_t sim_wall_start_ms = 1701153217279;

struct sim_cluster : actor_fixture {
  explicit sim_cluster(std::size_t captures = 3,
                       model::upstream::catalog cat = model::upstream::default_catalog(),
                       actors::sink_factory make_sink = actors::default_sink_factory(),
                       std::shared_ptr<store::meta_backend> backend = std::make_shared<store::memory_backend>(),
                       actors::checkpoint_sink_factory make_checkpoint_sink = {}) {
    using namespace cdc::actors;
    catalog = std::make_shared<const model::upstream::catalog>(std::move(cat));
    upstream_hdl = sys.spawn(upstream, catalog, sim_wall_start_ms);
    // Not detached: under the test coordinator every actor runs on this thread.
    meta = sys.spawn(meta_store, upstream_hdl, std::move(backend), actors::meta_store_options{});
    election_hdl = sys.spawn(election);
    services.upstream = upstream_hdl;
    services.meta = meta;
    services.catalog = catalog;
    services.tables = std::make_shared<const model::upstream::catalog_view>(model::upstream::make_catalog_view(*catalog));
    services.make_sink = std::move(make_sink);
    services.make_checkpoint_sink = std::move(make_checkpoint_sink);
    services.upstream_id = 42;
    for (std::size_t i = 0; i < captures; ++i)
      add_capture();
    bridge_hdl = sys.spawn(bridge, election_hdl);
    run();
  }

  ~sim_cluster() {
    for (auto& c : capture_hdls)
      caf::anon_send_exit(c, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(bridge_hdl, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(election_hdl, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(meta, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(upstream_hdl, caf::exit_reason::user_shutdown);
    run();
  }

  void add_capture() {
    using namespace cdc::actors;
    auto i = nodes.size();
    auto node = std::make_shared<node_state>("capture-" + std::to_string(i), "127.0.0.1:" + std::to_string(8300 + i));
    auto cap = sys.spawn(capture, node, election_hdl, services);
    caf::anon_send(election_hdl, atom::campaign_v, capture_info{node->capture_id, node->address}, cap);
    nodes.push_back(node);
    capture_hdls.push_back(cap);
  }

  /// Moves every clock forward by `d`, firing the timers that fall due
  /// (upstream ticks every 100 ms by default), and runs to quiescence.
  void advance(std::chrono::milliseconds d) {
    auto step = std::chrono::milliseconds(catalog->tick_ms);
    for (auto done = std::chrono::milliseconds(0); done < d; done += step) {
      sched.advance_time(std::min(step, d - done));
      run();
    }
  }

  /// The IDs of the nodes that currently claim ownership.
  std::vector<std::string> claimed_owners() const {
    std::vector<std::string> out;
    for (const auto& n : nodes)
      if (n->is_owner)
        out.push_back(n->capture_id);
    return out;
  }

  /// Asks the current owner through the bridge, as an HTTP request would.
  /// Returns the answer, or the API failure it gave.
  template <class T, class... Ts>
  model::result<T> ask_owner(Ts... xs) {
    std::optional<model::result<T>> out;
    caf::anon_send(bridge_hdl,
                   actors::bridge_job{[&, xs...](actors::bridge_actor::pointer self, const actors::owner_actor& owner) {
                                        if (!owner) {
                                          out = model::fail(model::api_error::owner_not_found);
                                          return;
                                        }
                                        self->request(owner, std::chrono::seconds(10), xs...)
                                          .then([&](T& v) { out = std::move(v); },
                                                [&](caf::error& e) { out = actors::to_failure(e); });
                                      },
                                      true});
    run();
    if (!out)
      throw std::runtime_error("the owner did not answer");
    return std::move(*out);
  }

  /// Asks a changefeed actor (found through the owner).
  template <class T, class... Ts>
  model::result<T> ask_feed(const model::changefeed_key& key, Ts... xs) {
    auto feed = ask_owner<actors::changefeed_actor>(atom::get_v, key);
    if (!feed)
      return feed.error();
    std::optional<model::result<T>> out;
    auto rh = self->request(*feed, caf::infinite, xs...);
    run();
    rh.receive([&](T& v) { out = std::move(v); }, [&](caf::error& e) { out = actors::to_failure(e); });
    return std::move(*out);
  }

  std::shared_ptr<const model::upstream::catalog> catalog;
  actors::cluster_services services;
  actors::upstream_actor upstream_hdl;
  actors::meta_store_actor meta;
  actors::election_actor election_hdl;
  actors::bridge_actor bridge_hdl;
  std::vector<std::shared_ptr<actors::node_state>> nodes;
  std::vector<actors::capture_actor> capture_hdls;
};

} // namespace cdc::test
