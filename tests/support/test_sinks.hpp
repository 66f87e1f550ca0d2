// Sinks for actor tests: one that records what it got, one that fails; and
// a sink check that lets every sink through.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>

#include "actors/errors.hpp"
#include "actors/services.hpp"

namespace cdc::test {

/// What every sink made by a recording factory received.
struct sink_log {
  std::atomic<std::uint64_t> rows{0};
  std::atomic<std::uint64_t> batches{0};
  /// While set, writes fail (a downstream outage).
  std::atomic<bool> failing{false};
  /// While set, writes are never answered (a downstream that hangs).
  std::atomic<bool> silent{false};
  std::mutex mu;
  std::vector<model::upstream::row_change> changes;
};

struct recording_sink_state {
  recording_sink_state() = default;
  std::shared_ptr<sink_log> log;
  /// The answers a silent sink never gives.
  std::vector<caf::typed_response_promise<bool>> held;
};

inline actors::sink_actor::behavior_type recording_sink(
  actors::sink_actor::stateful_pointer<recording_sink_state> self, std::shared_ptr<sink_log> log) {
  self->state.log = std::move(log);
  return {
    [self](atom::write, const actors::row_batch_ptr& batch) -> caf::result<bool> {
      auto& log = *self->state.log;
      if (log.silent)
        return self->state.held.emplace_back(self->make_response_promise<bool>());
      if (log.failing)
        return actors::to_error(model::api_error::sink_write_failed, {"downstream unavailable"});
      log.rows += batch->row_count;
      ++log.batches;
      std::lock_guard<std::mutex> guard{log.mu};
      for (const auto& t : batch->tables)
        log.changes.insert(log.changes.end(), t.rows.begin(), t.rows.end());
      return true;
    },
  };
}

/// A factory whose sinks all write into `log`.
inline actors::sink_factory recording_factory(std::shared_ptr<sink_log> log) {
  return [log](caf::actor_system& sys, const model::changefeed_info&) -> actors::sink_actor {
    return sys.spawn(recording_sink, log);
  };
}

/// Sink checks that pass every sink (for tests of a create with a MySQL
/// sink where no MySQL runs).
inline actors::sink_probe_factory passing_probe_factory() {
  return [](caf::actor_system& sys) -> actors::sink_probe_actor {
    return sys.spawn([](actors::sink_probe_actor::pointer self) -> actors::sink_probe_actor::behavior_type {
      return {[self](atom::probe, const model::changefeed_info&) {
        self->quit();
        return true;
      }};
    });
  };
}

} // namespace cdc::test
