#include "actors/replication/changefeed.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include <caf/exit_reason.hpp>
#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/control_lane.hpp"
#include "actors/errors.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "model/changefeed/create_rules.hpp"
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

/// The progress of `id` in the sorted `tables`, or null.
table_progress* find_table(std::vector<table_progress>& tables, std::int64_t id) {
  auto it = std::lower_bound(tables.begin(), tables.end(), id,
                             [](const table_progress& t, std::int64_t v) { return t.table_id < v; });
  return it != tables.end() && it->table_id == id ? &*it : nullptr;
}

/// The feed's filter selects none of the upstream's tables.
bool selects_no_table(const changefeed_state& st) {
  if (!st.services->tables)
    return false;
  auto tables = model::select_tables(*st.info, st.services->tables->tables);
  return !tables || tables->empty();
}

/// Takes a processor's report of one table into what the feed knows of it.
void take_report(table_progress& t, const table_progress& r) {
  t.checkpoint_ts = std::max(t.checkpoint_ts, r.checkpoint_ts);
  t.resolved_ts = std::max(t.resolved_ts, r.resolved_ts);
  t.last_synced_ts = std::max(t.last_synced_ts, r.last_synced_ts);
  t.follow_through = r.follow_through;
}

using unplaced_reports = std::vector<changefeed_state::unplaced_report>;

bool by_table_and_capture(const changefeed_state::unplaced_report& a, const changefeed_state::unplaced_report& b) {
  return std::tie(a.progress.table_id, a.capture_id) < std::tie(b.progress.table_id, b.capture_id);
}

/// Sorts the unplaced reports by table and capture, and folds each table and
/// capture's into one, in the order they came.
void fold_unplaced(unplaced_reports& unplaced) {
  std::stable_sort(unplaced.begin(), unplaced.end(), by_table_and_capture);
  std::size_t out = 0;
  for (std::size_t i = 0; i < unplaced.size(); ++i) {
    if (out > 0 && !by_table_and_capture(unplaced[out - 1], unplaced[i]))
      take_report(unplaced[out - 1].progress, unplaced[i].progress);
    else if (out++ != i)
      unplaced[out - 1] = std::move(unplaced[i]); // never onto itself: that empties a string
  }
  unplaced.resize(out);
}

/// Keeps the report of a table the feed has not been told is placed. Folded
/// when they double, so a placement that is slow to come costs memory for
/// each table and capture once, not per report.
void keep_unplaced(changefeed_state& st, const std::string& capture_id, const table_progress& r) {
  st.unplaced.push_back({capture_id, r});
  if (st.unplaced.size() >= 2 * std::max<std::size_t>(st.unplaced_folded, 512)) {
    fold_unplaced(st.unplaced);
    st.unplaced_folded = st.unplaced.size();
  }
}

/// The folded report of `table` from `capture_id`, or null.
const table_progress* unplaced_report_of(const unplaced_reports& folded, std::int64_t table,
                                         const std::string& capture_id) {
  changefeed_state::unplaced_report key{capture_id, {table}};
  auto it = std::lower_bound(folded.begin(), folded.end(), key, by_table_and_capture);
  return it != folded.end() && !by_table_and_capture(key, *it) ? &it->progress : nullptr;
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
  self->send(st.services->meta, atom::progress_v, st.info->key, st.progress);
}

void on_event(self_ptr self, model::feed_event_t event, std::optional<model::running_error> err, done_fn done);
void advance(self_ptr self, model::tso_t cp, model::tso_t rs, model::tso_t synced = 0, bool republish = false);

/// A following feed's progress, brought up to the upstream's resolved TS
/// (before it is stored, shown by an event, or checked against).
void catch_up(self_ptr self) {
  auto& st = self->state;
  if (st.progress.follow_through == 0)
    return;
  auto now = st.progress.at(st.services->resolved->now());
  advance(self, now.checkpoint_ts, now.resolved_ts);
}

/// While the feed follows the upstream, its progress is brought up to date
/// (and stored) at the owner's ticks, once per follow_persist_interval; a
/// checkpoint sink or a target waits for it every progress interval, on a
/// timer of the feed's own.
void arm_follow_timer(self_ptr self) {
  auto& st = self->state;
  bool prompt = st.checkpoint_sink || st.info->target_ts != 0;
  if (st.follow_timer || st.progress.follow_through == 0 || !prompt)
    return;
  st.follow_timer = true;
  self->delayed_send(self, st.services->settings.progress_interval, atom::tick_v);
}

/// Takes up the follow limit the tables give now (the caller publishes).
void follow(self_ptr self) {
  auto& st = self->state;
  st.progress.follow_through = st.follow_limit();
  arm_follow_timer(self);
}

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
  // Stopped, it waits for a placement again before it follows anything.
  if (!st.holds_tables())
    st.tableless = false;
  follow(self);
  publish(self);
}

/// Runs `event` through the state machine; makes the new info durable
/// before adopting it, so a failed write changes nothing in memory. The
/// actor waits (await) for the meta store so no other event interleaves.
void on_event(self_ptr self, model::feed_event_t event, std::optional<model::running_error> err, done_fn done) {
  auto& st = self->state;
  catch_up(self);
  auto t = model::transition(st.status, event, st.info->key.id);
  if (!t)
    return done(to_error(t.error()));
  if (!t->applied)
    return done(outcome(self));
  auto timeout = st.services->settings.request_timeout;
  if (t->effects.delete_record) {
    self->request(st.services->meta, timeout, atom::remove_v, st.info->key)
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
  self->request(st.services->meta, timeout, atom::put_v, next, progress)
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
/// never goes back. Publishes when it moved (or when asked to).
void advance(self_ptr self, model::tso_t cp, model::tso_t rs, model::tso_t synced, bool republish) {
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
  if (republish || st.progress.resolved_ts != old_resolved || st.progress.checkpoint_ts != old
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
  if (now - st.last_persisted >= st.services->settings.progress_interval)
    persist_progress(self);
  bool reached = st.info->target_ts != 0 && st.progress.checkpoint_ts >= st.info->target_ts;
  // One event per step: both would be computed from the same (error) status
  // and the later adoption would undo the earlier (finished, then normal).
  if (reached)
    on_runtime_event(self, ev::target_reached{});
  else if (st.status.state == model::feed_state::error)
    on_runtime_event(self, ev::checkpoint_advanced{st.progress.checkpoint_ts});
}

/// The checkpoint is the lowest over the placed tables (a quiet table's as
/// far as the upstream has come towards its next change).
void aggregate(self_ptr self) {
  auto& st = self->state;
  if (st.tables.empty())
    return;
  auto resolved = st.services->resolved->now();
  auto cp = ~model::tso_t{0};
  auto rs = ~model::tso_t{0};
  model::tso_t synced = 0;
  for (const auto& t : st.tables) {
    auto followed = t.follow_through != 0 ? std::min(resolved, t.follow_through) : 0;
    cp = std::min(cp, std::max(t.checkpoint_ts, followed));
    rs = std::min(rs, std::max(t.resolved_ts, followed));
    synced = std::max(synced, t.last_synced_ts);
  }
  auto before = st.progress.follow_through;
  follow(self);
  advance(self, cp, rs, synced, st.progress.follow_through != before);
}

/// (Re)makes the writer of the checkpoint at the sink; it ends with the feed.
void open_checkpoint_sink(self_ptr self) {
  auto& st = self->state;
  if (st.checkpoint_sink)
    caf::anon_send_exit(st.checkpoint_sink, caf::exit_reason::user_shutdown);
  st.checkpoint_sink = checkpoint_sink_actor{};
  if (!st.services->make_checkpoint_sink)
    return;
  st.checkpoint_sink = st.services->make_checkpoint_sink(self->home_system(), *st.info);
  if (st.checkpoint_sink)
    self->attach_functor([w = st.checkpoint_sink] { caf::anon_send_exit(w, caf::exit_reason::user_shutdown); });
}

/// Makes an update durable, then takes it over; the old config stays in
/// force if the write fails.
void store_update(self_ptr self, model::changefeed_info next, caf::typed_response_promise<admin_outcome> rp) {
  auto& st = self->state;
  catch_up(self);
  self->request(st.services->meta, st.services->settings.request_timeout, atom::put_v, next, st.progress)
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

feed_view changefeed_state::view() const {
  return make_view(info, status, progress.at(services->resolved->now()), task_status);
}

model::tso_t changefeed_state::follow_limit() const noexcept {
  if (!holds_tables() || (tables.empty() && !tableless))
    return 0;
  auto limit = ~model::tso_t{0};
  for (const auto& t : tables) {
    if (t.follow_through == 0)
      return 0;
    limit = std::min(limit, t.follow_through);
  }
  if (info->target_ts != 0)
    limit = std::min(limit, info->target_ts);
  return limit;
}

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

changefeed_actor::behavior_type changefeed(self_ptr self, std::shared_ptr<const model::changefeed_info> info,
                                           model::changefeed_progress progress,
                                           std::shared_ptr<const cluster_services> services,
                                           owner_feed_listener_actor owner, std::shared_ptr<feed_directory::slot> slot) {
  join_control_plane(self);
  auto& st = self->state;
  st.status = starting_status(*info);
  st.status.checkpoint_ts = progress.checkpoint_ts;
  st.progress = starting_progress(progress);
  auto stuck = std::chrono::minutes(30);
  st.retry_backoff = model::backoff{model::changefeed_backoff_policy(
    info->config && info->config->changefeed_error_stuck_duration ? *info->config->changefeed_error_stuck_duration
                                                                  : std::chrono::nanoseconds(stuck))};
  st.random.seed(std::hash<std::string>{}(info->key.display()));
  st.info = std::move(info);
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
      self->request(st.services->upstream, st.services->settings.request_timeout, atom::tso_v)
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
      catch_up(self);
      auto updated = model::check_update(*st.info, st.progress.checkpoint_ts, body,
                                         {st.services->tables->tables, st.services->pd_addrs});
      if (!updated)
        return to_error(updated.error());
      auto rp = self->make_response_promise<admin_outcome>();
      // TiCDC opens the sink again when the URI or the config changes.
      auto probe = body.sets_sink_uri() || body.sets_replica_config()
                     ? probe_for(self->system(), *st.services, *updated)
                     : sink_probe_actor{};
      if (!probe) {
        store_update(self, std::move(*updated), rp);
        return rp;
      }
      self->request(probe, st.services->settings.sink_check_timeout, atom::probe_v, *updated)
        .await([self, rp, next = *updated](bool) mutable { store_update(self, std::move(next), rp); },
               [rp](const caf::error& e) mutable { rp.deliver(to_error(model::update_refused(to_failure(e)))); });
      return rp;
    },
    [self](atom::assign, std::vector<model::scheduling::capture_tables>& placement) {
      auto& st = self->state;
      // Each table with its capture's position in the placement.
      std::vector<std::pair<std::int64_t, std::uint32_t>> where;
      for (std::uint32_t c = 0; c < placement.size(); ++c)
        for (auto id : placement[c].table_ids)
          where.emplace_back(id, c);
      std::sort(where.begin(), where.end());
      where.erase(std::unique(where.begin(), where.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                  where.end());
      fold_unplaced(st.unplaced);
      std::vector<table_progress> kept;
      kept.reserve(where.size());
      st.table_capture.clear();
      st.table_capture.reserve(where.size());
      for (auto [id, c] : where) {
        // Tables that stay keep their progress; new ones take what their
        // capture's processor reported before this placement arrived.
        table_progress t{id, st.progress.checkpoint_ts, st.progress.checkpoint_ts, 0};
        if (auto* old = find_table(st.tables, id))
          t = *old;
        if (const auto* early = unplaced_report_of(st.unplaced, id, placement[c].capture_id))
          take_report(t, *early);
        kept.push_back(t);
        st.table_capture.push_back(c);
      }
      st.unplaced = {}; // its memory too: most feeds are placed once
      st.unplaced_folded = 0;
      st.tables = std::move(kept);
      std::vector<model::capture_task_status> ts;
      ts.reserve(placement.size());
      for (const auto& p : placement)
        ts.push_back({p.capture_id, p.table_ids});
      st.task_status = std::make_shared<const std::vector<model::capture_task_status>>(std::move(ts));
      st.placement = std::move(placement);
      // No table placed is not yet a feed without tables: a new owner's
      // first placement, or one of a paused feed, is empty too.
      st.tableless = st.tables.empty() && st.holds_tables() && selects_no_table(st);
      catch_up(self);
      follow(self);
      publish(self);
      return true;
    },
    [self](atom::tick) {
      // The owner's round, or the feed's own timer.
      auto& st = self->state;
      if (self->current_sender() == self->ctrl())
        st.follow_timer = false;
      catch_up(self);
      arm_follow_timer(self);
    },
    [self](atom::progress, const std::string& capture_id, const std::vector<table_progress>& reports) {
      auto& st = self->state;
      auto from = std::find_if(st.placement.begin(), st.placement.end(),
                               [&](const auto& p) { return p.capture_id == capture_id; })
                  - st.placement.begin();
      for (const auto& r : reports) {
        auto* t = find_table(st.tables, r.table_id);
        if (!t)
          keep_unplaced(st, capture_id, r);
        else if (st.table_capture[static_cast<std::size_t>(t - st.tables.data())] == from)
          take_report(*t, r);
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
