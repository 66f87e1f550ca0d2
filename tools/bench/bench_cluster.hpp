// A whole cluster in a benchmark process, on CAF's real threaded scheduler
// configured as `cdc server` configures it: create feeds through the owner,
// ask actors and wait for the answers (benchmark drivers may block).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/cluster.hpp"
#include "actors/errors.hpp"

namespace cdc::bench {

struct system_config : caf::actor_system_config {
  system_config();
};

class bench_cluster {
public:
  bench_cluster(std::size_t captures, model::upstream::catalog catalog, actors::sink_factory make_sink = {});
  ~bench_cluster();

  caf::actor_system& system() { return sys_; }
  const actors::cluster& handles() const { return cluster_; }
  const std::vector<std::shared_ptr<actors::node_state>>& nodes() const { return nodes_; }

  /// The current owner (waits for one; benchmarks reach feed actors through it).
  actors::owner_actor owner();
  /// Creates a changefeed from a POST /changefeeds body; throws on failure.
  model::changefeed_detail create(const std::string& body);
  /// Creates many, up to 64 at a time (as concurrent API clients would).
  void create_all(const std::vector<std::string>& bodies);

  /// Asks `dest` and waits; throws with the API failure on error.
  template <class T, class Handle, class... Ts>
  T ask(const Handle& dest, Ts&&... xs) {
    caf::scoped_actor self{sys_};
    T out{};
    std::string failure;
    self->request(dest, std::chrono::seconds(60), std::forward<Ts>(xs)...)
      .receive([&](T& v) { out = std::move(v); },
               [&](caf::error& e) { failure = actors::to_failure(e).message; });
    if (!failure.empty())
      throw std::runtime_error(failure);
    return out;
  }

private:
  system_config cfg_;
  caf::actor_system sys_;
  std::vector<std::shared_ptr<actors::node_state>> nodes_;
  actors::cluster cluster_;
};

/// A catalog of `schemas` x `tables_per_schema` tables s0.t0 ... writing
/// `rows_per_second` each (0: none).
model::upstream::catalog make_catalog(std::size_t schemas, std::size_t tables_per_schema, double rows_per_second);

/// CPU seconds this process has used so far.
double process_cpu_seconds();

} // namespace cdc::bench
