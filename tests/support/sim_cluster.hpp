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
#include "actors/store/memory_backend.hpp"
#include "actors/upstream.hpp"
#include "model/ids.hpp"
#include "tests/support/actor_fixture.hpp"

namespace cdc::test {

/// 2023-11-28 06:33:37.279 UTC: a fixed wall clock, so TSOs are reproducible.
inline constexpr std::int64_t sim_wall_start_ms = 1701153217279;

struct sim_cluster : actor_fixture {
  explicit sim_cluster(std::size_t captures = 3, model::upstream::catalog cat = model::upstream::default_catalog(),
                       actors::sink_factory make_sink = actors::default_sink_factory(),
                       std::shared_ptr<store::meta_backend> backend = std::make_shared<store::memory_backend>(),
                       actors::checkpoint_sink_factory make_checkpoint_sink = {});

  ~sim_cluster();

  /// Spawns one more capture, which campaigns at once.
  void add_capture();

  /// Moves every clock forward by `d`, firing the timers that fall due
  /// (upstream ticks every 100 ms by default), and runs to quiescence.
  void advance(std::chrono::milliseconds d);

  /// The IDs of the nodes that currently claim ownership.
  std::vector<std::string> claimed_owners() const;

  /// A changefeed ID's key in the default namespace.
  static model::changefeed_key key(const std::string& id) { return {std::string(model::default_namespace), id}; }

  /// The feed's detail as GET shows it; throws (failing the test) with the
  /// API error when it has none.
  model::changefeed_detail detail(const std::string& id);

  /// How many captures run a processor for `id`.
  std::size_t processors(const std::string& id);

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
