#include "actors/control/owner.hpp"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

#include "actors/control/owner_ops.hpp"
#include "actors/control_lane.hpp"
#include "actors/errors.hpp"
#include "actors/round_robin.hpp"

namespace cdc::actors {

namespace {

/// How often the owner ticks a slice of its feeds.
constexpr auto follow_tick_round = std::chrono::seconds(1);

} // namespace

bool owner_state::healthy() const {
  if (!ready)
    return false;
  for (const auto& [id, m] : members)
    if (!m.info.alive)
      return false;
  return true;
}

std::vector<std::string> owner_state::eligible_captures() const {
  std::vector<std::string> out, drained;
  for (const auto& [id, m] : members)
    if (m.info.alive)
      (draining.contains(id) ? drained : out).push_back(id);
  return out.empty() ? drained : out;
}

owner_state::feed_entry* owner_state::find(const model::changefeed_key& key) {
  auto it = feeds.find(key);
  return it == feeds.end() ? nullptr : &it->second;
}

void owner_state::share_config(model::changefeed_info& info) {
  if (last_config && info.config && *last_config == *info.config)
    info.config = last_config;
  last_config = info.config;
}

void owner_state::place(feed_entry& e, std::vector<model::scheduling::capture_tables> placement) {
  for (const auto& p : e.placement)
    if (auto it = load.find(p.capture_id); it != load.end())
      it->second -= std::min(it->second, p.table_ids.size());
  e.placement = std::move(placement);
  for (const auto& p : e.placement)
    load[p.capture_id] += p.table_ids.size();
}

model::scheduling::capture_load owner_state::load_without(const feed_entry& e) const {
  auto out = load;
  for (const auto& p : e.placement)
    if (auto it = out.find(p.capture_id); it != out.end())
      it->second -= std::min(it->second, p.table_ids.size());
  return out;
}

owner_actor::behavior_type owner(owner_pointer self, std::uint64_t term, std::string capture_id,
                                 std::vector<capture_member> members, cluster_services services,
                                 capture_actor home) {
  join_control_plane(self);
  auto& st = self->state;
  st.term = term;
  st.capture_id = std::move(capture_id);
  st.home = std::move(home);
  st.services = std::make_shared<const cluster_services>(std::move(services));
  for (auto& m : members)
    st.members.emplace(m.info.id, std::move(m));
  spdlog::info("owner: term {} starting on capture {} with {} captures", term, st.capture_id, st.members.size());
  st.feed_actors.bind(self);
  // A feed that fails on its own takes its owner down, as a link would: the
  // next term reloads every feed from the meta store.
  self->set_down_handler([self](caf::down_msg& msg) {
    if (self->state.feed_actors.failed(msg))
      self->quit(msg.reason);
  });
  start_term(self);
  self->delayed_send(self, follow_tick_round, atom::tick_v);
  return {
    [self](atom::load) { start_term(self); },
    [self](atom::tick) {
      // Every feed hears a tick once per follow_persist_interval, a slice
      // a round: one that follows the upstream stores its checkpoint then.
      // From here rather than a timer per feed, which would hold each
      // removed feed's memory until its timer fired.
      auto& st = self->state;
      auto rounds = std::max<std::int64_t>(1, st.services->settings.follow_persist_interval / follow_tick_round);
      st.follow_ticks_due += static_cast<double>(st.feeds.size()) / static_cast<double>(rounds);
      auto slice = std::min(st.feeds.size(), static_cast<std::size_t>(st.follow_ticks_due));
      st.follow_ticks_due -= static_cast<double>(slice);
      visit_round_robin(st.feeds, st.next_follow_tick, slice,
                        [&](const auto& feed) { self->send(feed.second.actor, atom::tick_v); });
      self->delayed_send(self, follow_tick_round, atom::tick_v);
    },
    [self](atom::health) { return self->state.healthy(); },
    [self](atom::joined, capture_member& m) {
      auto& members = self->state.members;
      auto id = m.info.id;
      auto [it, added] = members.insert_or_assign(id, std::move(m));
      if (added) {
        spdlog::info("owner: capture {} joined at {}", id, it->second.info.address);
        if (self->state.ready)
          reschedule_all(self);
      }
    },
    [self](atom::left, const std::string& id) {
      spdlog::info("owner: capture {} left", id);
      self->state.draining.erase(id);
      if (self->state.members.erase(id) > 0 && self->state.ready)
        reschedule_all(self);
    },
    [self](atom::stopping, const std::string& id) {
      if (auto it = self->state.members.find(id); it != self->state.members.end()) {
        it->second.info.alive = false;
        // A stopping capture hands its tables to the others.
        if (self->state.ready)
          reschedule_all(self);
      }
    },
    [self](atom::create, model::changefeed_config& cfg) { return create_feed(self, std::move(cfg)); },
    [self](atom::probe, model::changefeed_info& info) { return probe_created(self, std::move(info)); },
    [self](atom::put, model::changefeed_info& info) { return store_created(self, std::move(info)); },
    [self](atom::get, const model::changefeed_key& key) -> caf::result<changefeed_actor> {
      if (auto* e = self->state.find(key))
        return e->actor;
      return to_error(model::api_error::changefeed_not_exists, {key.display()});
    },
    [self](atom::pause, const model::changefeed_key& key) {
      return change_state(self, key, model::feed_event::pause{});
    },
    [self](atom::resume, const model::changefeed_key& key, model::resume_config& body) {
      return change_state(self, key, model::feed_event::resume{body.overwrite_checkpoint_ts, 0, 0});
    },
    [self](atom::remove, const model::changefeed_key& key) {
      return change_state(self, key, model::feed_event::remove{});
    },
    [self](atom::update, const model::changefeed_key& key, model::changefeed_update& body) {
      return update_feed(self, key, std::move(body));
    },
    [self](atom::drain, const std::string& capture_id) { return drain_capture(self, capture_id); },
    [self](atom::move, const model::changefeed_key& key, std::int64_t table, std::string& capture_id) {
      return move_table(self, key, table, std::move(capture_id));
    },
    [self](atom::rebalance, const model::changefeed_key& key) { return rebalance_feed(self, key); },
    [self](atom::safepoint) {
      // The meta store sets it again with the feeds' next progress.
      self->send(self->state.services->upstream, atom::safepoint_v);
      return true;
    },
    [self](atom::state, const model::changefeed_key& key, bool running) {
      enqueue_op(self, key, [self, key, running](op_token op) {
        auto* e = self->state.find(key);
        if (!e)
          return;
        e->running = running;
        if (running)
          e->tables = tables_of(self->state, *e->info);
        reschedule(self, key, [op] {});
      });
    },
    [self](atom::run, const model::changefeed_key& key, std::uint64_t generation) {
      next_op(self, key, generation);
    },
    [self](atom::progress, const std::string& capture_id, std::vector<feed_progress>& batch) {
      // Each feed takes it as if its processor had sent it (a feed of an
      // earlier term is gone, and so is the message).
      for (auto& p : batch)
        self->send(p.feed, atom::progress_v, capture_id, std::move(p.tables));
    },
  };
}

} // namespace cdc::actors
