// A whole cluster (upstream, meta store, election, captures, the API actor) on
// CAF's deterministic scheduler: tests drive time with advance() and run
// every message to quiescence with run().
#pragma once

#include <optional>
#include <stdexcept>

#include "actors/control/api_gateway.hpp"
#include "actors/control/election.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/errors.hpp"
#include "actors/replication/capture.hpp"
#include "actors/replication/upstream.hpp"
#include "actors/sinks/sinks.hpp"
#include "actors/store/backend/memory_backend.hpp"
#include "actors/store/meta_store.hpp"
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

  /// Sends an API request to the API actor, as an HTTP request would.
  /// Returns the answer, or the API failure it gave.
  template <class T, class... Ts>
  model::result<T> ask_api(Ts... xs) {
    return answer_of<T>(api_hdl, xs...);
  }

  /// Asks the current owner directly (what only the owner answers, such as
  /// the actor of a changefeed); ErrOwnerNotFound while there is none.
  template <class T, class... Ts>
  model::result<T> ask_owner(Ts... xs) {
    auto owner = answer_of<actors::owner_actor>(election_hdl, atom::owner_v);
    if (!owner)
      return owner.error();
    if (!*owner)
      return model::fail(model::api_error::owner_not_found);
    return answer_of<T>(*owner, xs...);
  }

  /// Asks a changefeed actor (found through the owner).
  template <class T, class... Ts>
  model::result<T> ask_feed(const model::changefeed_key& key, Ts... xs) {
    auto feed = ask_owner<actors::changefeed_actor>(atom::get_v, key);
    if (!feed)
      return feed.error();
    return answer_of<T>(*feed, xs...);
  }

  /// Asks `dest`, runs every message to quiescence and returns the answer.
  template <class T, class Handle, class... Ts>
  model::result<T> answer_of(const Handle& dest, Ts... xs) {
    std::optional<model::result<T>> out;
    auto rh = self->request(dest, std::chrono::seconds(10), xs...);
    run();
    rh.receive([&](T& v) { out = std::move(v); }, [&](caf::error& e) { out = actors::to_failure(e); });
    if (!out)
      throw std::runtime_error("no answer");
    return std::move(*out);
  }

  std::shared_ptr<const model::upstream::catalog> catalog;
  actors::cluster_services services;
  actors::upstream_actor upstream_hdl;
  actors::meta_store_actor meta;
  actors::election_actor election_hdl;
  actors::api_actor api_hdl;
  /// The captures as the election publishes them for GET /captures.
  std::shared_ptr<actors::capture_directory> capture_views;
  /// The changefeeds as they publish themselves for GET.
  std::shared_ptr<actors::feed_directory> directory;
  std::vector<std::shared_ptr<actors::node_state>> nodes;
  std::vector<actors::capture_actor> capture_hdls;
};

} // namespace cdc::test
