#include "actors/replication/upstream.hpp"

#include <algorithm>
#include <chrono>

#include "actors/control_lane.hpp"

namespace cdc::actors {

using model::compose_tso;

std::int64_t upstream_state::now_ms(caf::actor_clock::time_point now) const {
  return wall_origin_ms + std::chrono::duration_cast<std::chrono::milliseconds>(now - steady_origin).count();
}

void upstream_state::advance_gc(std::int64_t now) {
  auto target = compose_tso(std::max<std::int64_t>(0, now - catalog->gc_life_time_ms), 0);
  if (service_safepoint)
    target = std::min(target, *service_safepoint);
  gc_safepoint = std::max(gc_safepoint, target);
}

upstream_actor::behavior_type upstream(upstream_actor::stateful_pointer<upstream_state> self,
                                       std::shared_ptr<const model::upstream::catalog> catalog,
                                       std::int64_t wall_now_ms, std::shared_ptr<resolved_clock> published) {
  // Creates and resumes ask it for a TSO: its light work goes ahead of the
  // processors', or a tick's wake-ups would sit between a create and its
  // answer.
  join_control_plane(self);
  auto& st = self->state;
  st.published = std::move(published);
  st.catalog = std::move(catalog);
  st.wall_origin_ms = wall_now_ms;
  st.steady_origin = self->clock().now();
  st.advance_gc(wall_now_ms);
  self->send(self, atom::tick_v);
  return {
    [self](atom::tso) {
      auto& st = self->state;
      auto now = st.now_ms(self->clock().now());
      st.advance_gc(now);
      return upstream_times{st.clock.next(now), st.gc_safepoint};
    },
    [self](atom::safepoint, model::tso_t ts) {
      // A service safepoint only moves forward, like PD's.
      auto& sp = self->state.service_safepoint;
      sp = sp ? std::max(*sp, ts) : ts;
    },
    [self](atom::safepoint) { self->state.service_safepoint.reset(); },
    [self](atom::tick) {
      auto& st = self->state;
      auto now = st.now_ms(self->clock().now());
      auto resolved = compose_tso(now - st.catalog->resolved_lag_ms, 0);
      if (resolved > st.resolved_ts) {
        st.resolved_ts = resolved;
        st.published->advance(resolved);
        for (const auto& sub : st.subscribers)
          self->send(sub, atom::resolved_v, resolved);
      }
      st.advance_gc(now);
      self->delayed_send(self, std::chrono::milliseconds(st.catalog->tick_ms), atom::tick_v);
    },
    [self](atom::resolved) { return self->state.resolved_ts; },
    [self](atom::subscribe, capture_actor& sub) {
      if (self->state.resolved_ts != 0)
        self->send(sub, atom::resolved_v, self->state.resolved_ts);
      self->state.subscribers.push_back(std::move(sub));
    },
  };
}

} // namespace cdc::actors
