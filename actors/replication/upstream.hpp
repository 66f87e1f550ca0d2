// The simulated upstream (PD + TiKV): TSOs, the GC safepoint, and resolved TS
// ticks to the captures. Row changes are a pure function of time
// (model/upstream/workload.hpp), so processors generate them themselves.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <caf/actor_clock.hpp>

#include "actors/messages.hpp"
#include "actors/published/resolved_clock.hpp"
#include "model/upstream/catalog.hpp"
#include "model/upstream/tso_clock.hpp"

namespace cdc::actors {

struct upstream_state {
  static inline const char* name = "upstream";

  upstream_state() = default;

  // -- member variables -------------------------------------------------------

  std::shared_ptr<const model::upstream::catalog> catalog;
  model::upstream::tso_clock clock;
  /// Wall time in ms at `steady_origin`: now = origin + elapsed actor-clock time,
  /// so a test's clock drives the wall time too.
  std::int64_t wall_origin_ms = 0;
  caf::actor_clock::time_point steady_origin;
  model::tso_t resolved_ts = 0;
  model::tso_t gc_safepoint = 0;
  /// TiCDC's service safepoint; GC never passes it.
  std::optional<model::tso_t> service_safepoint;
  std::vector<capture_actor> subscribers;
  /// Where the resolved TS is published for readers on any thread.
  std::shared_ptr<resolved_clock> published;

  // -- helpers ----------------------------------------------------------------

  std::int64_t now_ms(caf::actor_clock::time_point now) const;
  /// GC trails now by gc_life_time, held back by the service safepoint, and
  /// never moves backwards.
  void advance_gc(std::int64_t now_ms);
};

/// `wall_now_ms`: the wall time at spawn (the system clock in production,
/// fixed in tests).
upstream_actor::behavior_type upstream(upstream_actor::stateful_pointer<upstream_state> self,
                                       std::shared_ptr<const model::upstream::catalog> catalog,
                                       std::int64_t wall_now_ms, std::shared_ptr<resolved_clock> published);

} // namespace cdc::actors
