#include "actors/replication/changefeed.hpp"

#include <algorithm>
#include <functional>

#include <caf/exit_reason.hpp>
#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "model/changefeed/prune.hpp"
#include "model/changefeed/update_rules.hpp"

namespace cdc::actors {

namespace {

using self_ptr = changefeed_actor::stateful_pointer<changefeed_state>;
using done_fn = std::function<void(caf::expected<admin_outcome>)>;
namespace ev = model::feed_event;

// The retry "epoch" that means: the back-off gave up, the feed fails.
constexpr std::uint64_t stuck_epoch = ~std::uint64_t{0};

bool by_table(const table_progress& a, const table_progress& b) { return a.table_id < b.table_id; }
bool same_table(const table_progress& a, const table_progress& b) { return a.table_id == b.table_id; }

/// The progress of `id` in the sorted `tables`, or null.
table_progress* find_table(std::vector<table_progress>& tables, std::int64_t id) {
  auto it = std::lower_bound(tables.begin(), tables.end(), id,
                             [](const table_progress& t, std::int64_t v) { return t.table_id < v; });
  return it != tables.end() && it->table_id == id ? &*it : nullptr;
}

admin_outcome outcome(self_ptr self, bool removed = false) {
  const auto& st = self->state;
  return {st.info, st.progress, !removed && st.holds_tables(), removed};
}

/// Makes the current view what GET reads (a pointer swap; JSON is made
/// later, on the first read).
void publish(self_ptr self) {
  auto& st = self->state;
  if (st.slot)
    st.slot->current.store(std::make_shared<const feed_snapshot>(st.view()));
}

void persist_progress(self_ptr self) {
  auto& st = self->state;
  st.last_persisted = self->clock().now();
  self->send(st.services.meta, atom::progress_v, st.info->key, st.progress);
}

void on_event(self_ptr self, model::feed_event_t event, std::optional<model::running_error> err, done_fn done);

/// Takes over a transition whose info is durable.
void adopt(self_ptr self, const model::feed_transition& t, model::changefeed_info next) {
  auto& st = self->state;
  st.status = t.status;
  st.info = std::make_shared<const model::changefeed_info>(std::move(next));
  const auto& fx = t.effects;
  auto now = self->clock().now();
  if (fx.apply_overwrite_checkpoint) {
    st.progress = {t.overwrite_checkpoint_ts, t.overwrite_checkpoint_ts};
    st.tables.clear();
    persist_progress(self);
  }
  if (fx.reset_backoff) {
    st.retry_backoff = model::backoff{st.retry_backoff.policy()};
    ++st.retry_epoch;
  }
  if (fx.start_backoff)
    st.retry_backoff.reset(now);
  if (fx.schedule_retry) {
    std::uniform_real_distribution<double> draw{0.0, 1.0};
    auto when = st.retry_backoff.next(now, draw(st.random));
    if (when) {
      self->delayed_send(self, *when - now, atom::retry_v, ++st.retry_epoch);
    } else {
      self->send(self, atom::retry_v, stuck_epoch);
    }
  }
  publish(self);
}

/// Runs `event` through the state machine; makes the new info durable
/// before adopting it, so a failed write changes nothing in memory. The
/// actor waits (await) for the meta store so no other event interleaves.
void on_event(self_ptr self, model::feed_event_t event, std::optional<model::running_error> err, done_fn done) {
  auto& st = self->state;
  auto t = model::transition(st.status, event, st.info->key.id);
  if (!t)
    return done(to_error(t.error()));
  if (!t->applied)
    return done(outcome(self));
  auto timeout = st.services.settings.request_timeout;
  if (t->effects.delete_record) {
    self->request(st.services.meta, timeout, atom::remove_v, st.info->key)
      .await([self, t = *t, done](bool) {
               self->state.status = t.status;
               done(outcome(self, true));
             },
             [done](const caf::error& e) { done(meta_store_error(e)); });
    return;
  }
  auto next = st.next_info(*t, event);
  if (err && t->effects.set_error)
    next.error = std::move(*err);
  if (!t->effects.persist) {
    adopt(self, *t, std::move(next));
    return done(outcome(self));
  }
  // Info and progress are written in one transaction, so a resume that
  // overwrites the checkpoint is durable with its new checkpoint.
  auto progress = t->effects.apply_overwrite_checkpoint
                    ? model::changefeed_progress{t->overwrite_checkpoint_ts, t->overwrite_checkpoint_ts}
                    : st.progress;
  self->request(st.services.meta, timeout, atom::put_v, next, progress)
    .await([self, t = *t, next, done](bool) mutable {
             adopt(self, t, std::move(next));
             done(outcome(self));
           },
           [done](const caf::error& e) { done(meta_store_error(e)); });
}

/// A runtime event: nobody waits for it, but the owner must learn when the
/// feed starts or stops needing tables.
void on_runtime_event(self_ptr self, model::feed_event_t event, std::optional<model::running_error> err = {}) {
  bool held = self->state.holds_tables();
  on_event(self, std::move(event), std::move(err), [self, held](caf::expected<admin_outcome> r) {
    if (!r) {
      spdlog::warn("changefeed {}: {}", self->state.info->key.display(), to_failure(r.error()).message);
      return;
    }
    if (r->running != held)
      self->send(self->state.owner, atom::state_v, self->state.info->key, r->running);
  });
}

/// Moves the progress to `cp`, `rs` and `synced`, capped at the target; it
/// never goes back.
void advance(self_ptr self, model::tso_t cp, model::tso_t rs, model::tso_t synced = 0) {
  auto& st = self->state;
  if (st.info->target_ts != 0) {
    cp = std::min(cp, st.info->target_ts);
    rs = std::min(rs, st.info->target_ts);
  }
  auto old = st.progress.checkpoint_ts;
  auto old_resolved = st.progress.resolved_ts;
  auto old_synced = st.progress.last_synced_ts;
  st.progress.checkpoint_ts = std::max(old, cp);
  st.progress.resolved_ts = std::max({st.progress.resolved_ts, rs, st.progress.checkpoint_ts});
  st.progress.last_synced_ts = std::max(old_synced, synced);
  if (st.progress.resolved_ts != old_resolved || st.progress.checkpoint_ts != old
      || st.progress.last_synced_ts != old_synced)
    publish(self);
  if (st.progress.checkpoint_ts == old)
    return;
  if (st.checkpoint_sink)
    self->send(st.checkpoint_sink, atom::progress_v, st.progress.checkpoint_ts);
  // A retrying feed learns through the state machine whether it got past
  // the point where it failed; otherwise the status just follows.
  if (st.status.state != model::feed_state::error)
    st.status.checkpoint_ts = st.progress.checkpoint_ts;
  auto now = self->clock().now();
  if (now - st.last_persisted >= st.services.settings.progress_interval)
    persist_progress(self);
  bool reached = st.info->target_ts != 0 && st.progress.checkpoint_ts >= st.info->target_ts;
  // One event per step: both would be computed from the same (error) status
  // and the later adoption would undo the earlier (finished, then normal).
  if (reached)
    on_runtime_event(self, ev::target_reached{});
  else if (st.status.state == model::feed_state::error)
    on_runtime_event(self, ev::checkpoint_advanced{st.progress.checkpoint_ts});
}

/// The checkpoint is the lowest over the placed tables.
void aggregate(self_ptr self) {
  auto& st = self->state;
  if (st.tables.empty())
    return;
  auto cp = ~model::tso_t{0};
  auto rs = ~model::tso_t{0};
  model::tso_t synced = 0;
  for (const auto& t : st.tables) {
    cp = std::min(cp, t.checkpoint_ts);
    rs = std::min(rs, t.resolved_ts);
    synced = std::max(synced, t.last_synced_ts);
  }
  advance(self, cp, rs, synced);
}

/// With no table to wait for, a replicating feed is complete up to the
/// upstream's resolved TS (as TiCDC's owner moves such a feed with its
/// barrier): ask for it every progress interval while that holds.
void follow_upstream(self_ptr self) {
  auto& st = self->state;
  if (st.following_upstream || !st.tables.empty() || !st.holds_tables())
    return;
  st.following_upstream = true;
  self->send(self, atom::tick_v);
}

/// (Re)makes the writer of the checkpoint at the sink; it ends with the feed.
void open_checkpoint_sink(self_ptr self) {
  auto& st = self->state;
  if (st.checkpoint_sink)
    caf::anon_send_exit(st.checkpoint_sink, caf::exit_reason::user_shutdown);
  st.checkpoint_sink = checkpoint_sink_actor{};
  if (!st.services.make_checkpoint_sink)
    return;
  st.checkpoint_sink = st.services.make_checkpoint_sink(self->home_system(), *st.info);
  if (st.checkpoint_sink)
    self->attach_functor([w = st.checkpoint_sink] { caf::anon_send_exit(w, caf::exit_reason::user_shutdown); });
}

/// Makes an update durable, then takes it over; the old config stays in
/// force if the write fails.
void store_update(self_ptr self, model::changefeed_info next, caf::typed_response_promise<admin_outcome> rp) {
  auto& st = self->state;
  self->request(st.services.meta, st.services.settings.request_timeout, atom::put_v, next, st.progress)
    .await(
      [self, rp, next](bool) mutable {
        bool new_sink = next.sink_uri != self->state.info->sink_uri;
        self->state.info = std::make_shared<const model::changefeed_info>(std::move(next));
        if (new_sink)
          open_checkpoint_sink(self);
        publish(self);
        rp.deliver(outcome(self));
      },
      [rp](const caf::error& e) mutable { rp.deliver(meta_store_error(e)); });
}

} // namespace

bool changefeed_state::holds_tables() const noexcept {
  return model::holds_tables(status);
}

namespace {

/// The view of a feed with this status and progress.
feed_view make_view(std::shared_ptr<const model::changefeed_info> info, const model::feed_status& status,
                    const model::changefeed_progress& progress,
                    std::shared_ptr<const std::vector<model::capture_task_status>> task_status) {
  feed_view v;
  v.info = std::move(info);
  v.progress = progress;
  v.admin_job_type = model::admin_job_of(status);
  v.task_status = std::move(task_status);
  v.holds_tables = model::holds_tables(status);
  return v;
}

model::feed_status starting_status(const model::changefeed_info& info) {
  model::feed_status s;
  s.state = info.state;
  // A feed that was retrying when its owner went away restarts at once.
  s.retrying = info.state == model::feed_state::error;
  return s;
}

model::changefeed_progress starting_progress(model::changefeed_progress progress) {
  progress.resolved_ts = std::max(progress.resolved_ts, progress.checkpoint_ts);
  return progress;
}

} // namespace

feed_view changefeed_state::view() const { return make_view(info, status, progress, task_status); }

model::changefeed_info changefeed_state::next_info(const model::feed_transition& t,
                                                   const model::feed_event_t&) const {
  auto next = *info;
  next.state = t.status.state;
  ++next.epoch;
  if (t.effects.clear_error)
    next.error.reset();
  if (t.effects.apply_overwrite_checkpoint)
    next.start_ts = t.overwrite_checkpoint_ts;
  return next;
}

feed_view starting_view(std::shared_ptr<const model::changefeed_info> info, const model::changefeed_progress& progress) {
  auto status = starting_status(*info);
  // No tables are placed yet: an empty task_status, as the actor starts with.
  return make_view(std::move(info), status, starting_progress(progress),
                   std::make_shared<const std::vector<model::capture_task_status>>());
}

changefeed_actor::behavior_type changefeed(self_ptr self, model::changefeed_info info,
                                           model::changefeed_progress progress, cluster_services services,
                                           owner_feed_listener_actor owner, std::shared_ptr<feed_directory::slot> slot) {
  auto& st = self->state;
  st.status = starting_status(info);
  st.status.checkpoint_ts = progress.checkpoint_ts;
  st.progress = starting_progress(progress);
  auto stuck = std::chrono::minutes(30);
  st.retry_backoff = model::backoff{model::changefeed_backoff_policy(
    info.config && info.config->changefeed_error_stuck_duration ? *info.config->changefeed_error_stuck_duration
                                                                : std::chrono::nanoseconds(stuck))};
  st.random.seed(std::hash<std::string>{}(info.key.display()));
  st.info = std::make_shared<const model::changefeed_info>(std::move(info));
  st.services = std::move(services);
  st.owner = std::move(owner);
  st.last_persisted = self->clock().now();
  st.slot = std::move(slot);
  open_checkpoint_sink(self);
  publish(self);
  return {
    [self](atom::get) { return self->state.detail(); },
    [self](atom::summary) { return self->state.summary(); },
    [self](atom::state, model::feed_event_t& event) {
      auto rp = self->make_response_promise<admin_outcome>();
      auto finish = [rp](caf::expected<admin_outcome> r) mutable {
        if (r)
          rp.deliver(std::move(*r));
        else
          rp.deliver(r.error());
      };
      if (!std::holds_alternative<ev::resume>(event)) {
        on_event(self, std::move(event), std::nullopt, finish);
        return rp;
      }
      // Resume checks the checkpoint against PD's TSO and GC safepoint.
      auto& st = self->state;
      self->request(st.services.upstream, st.services.settings.request_timeout, atom::tso_v)
        .await(
          [self, event, finish](const upstream_times& pd) mutable {
            auto& r = std::get<ev::resume>(event);
            r.current_tso = pd.tso;
            r.gc_safepoint = pd.gc_safepoint;
            on_event(self, std::move(event), std::nullopt, finish);
          },
          [finish](const caf::error& e) mutable { finish(e); });
      return rp;
    },
    [self](atom::update, const model::changefeed_update& body) -> caf::result<admin_outcome> {
      auto& st = self->state;
      auto updated = model::check_update(*st.info, st.progress.checkpoint_ts, body,
                                         {st.services.tables->tables, st.services.pd_addrs});
      if (!updated)
        return to_error(updated.error());
      auto rp = self->make_response_promise<admin_outcome>();
      // TiCDC opens the sink again when the URI or the config changes.
      auto probe = body.sets_sink_uri() || body.sets_replica_config()
                     ? probe_for(self->system(), st.services, *updated)
                     : sink_probe_actor{};
      if (!probe) {
        store_update(self, std::move(*updated), rp);
        return rp;
      }
      self->request(probe, st.services.settings.sink_check_timeout, atom::probe_v, *updated)
        .await([self, rp, next = *updated](bool) mutable { store_update(self, std::move(next), rp); },
               [rp](const caf::error& e) mutable { rp.deliver(to_error(model::update_refused(to_failure(e)))); });
      return rp;
    },
    [self](atom::assign, std::vector<model::scheduling::capture_tables>& placement) {
      auto& st = self->state;
      std::vector<table_progress> kept;
      for (const auto& p : placement)
        for (auto id : p.table_ids)
          kept.push_back({id, st.progress.checkpoint_ts, st.progress.checkpoint_ts, 0});
      std::sort(kept.begin(), kept.end(), by_table);
      kept.erase(std::unique(kept.begin(), kept.end(), same_table), kept.end());
      // Tables that stay keep their progress.
      for (auto& t : kept)
        if (auto* old = find_table(st.tables, t.table_id))
          t = *old;
      st.tables = std::move(kept);
      std::vector<model::capture_task_status> ts;
      ts.reserve(placement.size());
      for (const auto& p : placement)
        ts.push_back({p.capture_id, p.table_ids});
      st.task_status = std::make_shared<const std::vector<model::capture_task_status>>(std::move(ts));
      st.placement = std::move(placement);
      publish(self);
      follow_upstream(self);
      return true;
    },
    [self](atom::tick) {
      auto& st = self->state;
      if (!st.tables.empty() || !st.holds_tables()) {
        st.following_upstream = false;
        return;
      }
      self->request(st.services.upstream, st.services.settings.request_timeout, atom::resolved_v)
        .then(
          [self](model::tso_t resolved) {
            auto& st = self->state;
            if (st.tables.empty() && st.holds_tables())
              advance(self, resolved, resolved);
            self->delayed_send(self, st.services.settings.progress_interval, atom::tick_v);
          },
          [self](const caf::error&) {
            self->delayed_send(self, self->state.services.settings.progress_interval, atom::tick_v);
          });
    },
    [self](atom::progress, const std::string& capture_id, const std::vector<table_progress>& reports) {
      auto& st = self->state;
      for (const auto& r : reports) {
        auto* t = find_table(st.tables, r.table_id);
        if (!t)
          continue;
        t->checkpoint_ts = std::max(t->checkpoint_ts, r.checkpoint_ts);
        t->resolved_ts = std::max(t->resolved_ts, r.resolved_ts);
        t->last_synced_ts = std::max(t->last_synced_ts, r.last_synced_ts);
      }
      aggregate(self);
    },
    [self](atom::error, model::running_error& err) {
      auto code = err.code;
      auto message = err.message;
      on_runtime_event(self, ev::error{std::move(code), std::move(message)}, std::move(err));
    },
    [self](atom::retry, std::uint64_t epoch) {
      if (epoch == stuck_epoch)
        on_runtime_event(self, ev::error_stuck{});
      else if (epoch == self->state.retry_epoch)
        on_runtime_event(self, ev::backoff_elapsed{});
    },
  };
}

} // namespace cdc::actors
