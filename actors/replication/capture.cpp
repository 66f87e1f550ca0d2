#include "actors/replication/capture.hpp"

#include <algorithm>
#include <chrono>

#include <caf/exit_reason.hpp>
#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/bounded_fan_out.hpp"
#include "actors/control/owner.hpp"
#include "actors/control_lane.hpp"
#include "actors/replication/processor.hpp"
#include "actors/round_robin.hpp"

namespace cdc::actors {

namespace {

using self_ptr = capture_actor::stateful_pointer<capture_state>;

constexpr auto owner_restart_delay = std::chrono::milliseconds(200);

void stop_owner(self_ptr self) {
  auto& st = self->state;
  if (!st.owner)
    return;
  st.owner_role.release(st.owner);
  self->send_exit(st.owner, caf::exit_reason::user_shutdown);
  st.owner = owner_actor{};
  st.node->is_owner = false;
  st.node->owner_ready = false;
}

/// Sends the owner what processors here reported for its feeds on other
/// nodes since the last tick, in one message.
void send_remote_progress(self_ptr self) {
  auto& st = self->state;
  if (st.remote_progress.empty())
    return;
  std::vector<feed_progress> batch;
  batch.reserve(st.remote_progress.size());
  for (auto& [key, tables] : st.remote_progress)
    if (auto it = st.processors.find(key); it != st.processors.end())
      batch.push_back({it->second.feed, std::move(tables)});
  st.remote_progress.clear();
  if (st.dispatching_owner && !batch.empty())
    self->send(st.dispatching_owner, atom::progress_v, st.node->capture_id(), std::move(batch));
}

/// Makes a quiet processor one that ticks wake again.
void wake_up(capture_state& st, const model::changefeed_key& key, capture_state::hosted& hosted) {
  if (hosted.quiet_through != 0) {
    st.quiet.erase({hosted.quiet_through, key});
    hosted.quiet_through = 0;
  }
  st.awake.insert(key);
}

/// Forgets a processor that is gone.
void forget_processor(capture_state& st, std::map<model::changefeed_key, capture_state::hosted>::iterator it) {
  st.processor_actors.release(it->second.actor);
  st.awake.erase(it->first);
  if (it->second.quiet_through != 0)
    st.quiet.erase({it->second.quiet_through, it->first});
  st.processors.erase(it);
}

/// Starts and stops tables of one changefeed as the owner decided.
bool apply_dispatch(self_ptr self, std::shared_ptr<const model::changefeed_info>& info,
                    changefeed_actor& feed, std::vector<table_start>& add, std::vector<std::int64_t>& remove) {
  auto& st = self->state;
  if (!info)
    return false;
  auto it = st.processors.find(info->key);
  if (it == st.processors.end()) {
    if (add.empty() || !feed)
      return true;
    // Adopted: processors (and their sinks) end with their capture.
    auto p = self->spawn(processor, info, feed, caf::actor_cast<capture_actor>(self), st.node->capture_id(),
                         st.node->address, st.services);
    st.processor_actors.adopt(self, p);
    it = st.processors.emplace(info->key, capture_state::hosted{p, feed, {}}).first;
    st.awake.insert(info->key);
    if (st.resolved_ts != 0)
      self->send(p, atom::resolved_v, st.resolved_ts);
  } else if (feed) {
    // A new owner term brings new changefeed actors; an update new info.
    it->second.feed = feed;
    wake_up(st, it->first, it->second);
    ++it->second.changes_sent;
    self->send(it->second.actor, atom::update_v, info, feed);
  }
  auto& hosted = it->second;
  if (!remove.empty()) {
    for (auto id : remove)
      hosted.tables.erase(id);
    wake_up(st, it->first, hosted);
    ++hosted.changes_sent;
    self->send(hosted.actor, atom::remove_v, std::move(remove));
  }
  if (!add.empty()) {
    hosted.tables.reserve(hosted.tables.size() + add.size());
    for (const auto& t : add)
      hosted.tables.insert(t.table_id);
    wake_up(st, it->first, hosted);
    ++hosted.changes_sent;
    self->send(hosted.actor, atom::add_v, std::move(add));
  }
  if (hosted.tables.empty()) {
    self->send_exit(hosted.actor, caf::exit_reason::user_shutdown);
    forget_processor(st, it);
  }
  return true;
}

/// Tells processors the upstream's resolved TS: the quiet ones it is now
/// past, and of the others all while they are at most wakeups_per_tick,
/// else the next wakeups_per_tick in key order, continuing where the last
/// tick stopped.
///
/// Sent anonymously, i.e. from outside the scheduler: CAF's work stealing
/// runs what an actor sends from a worker next (LIFO), so a tick's
/// thousand wake-ups went ahead of every owner, changefeed and capture
/// message already waiting, and each hop of a create or resume waited out
/// a tick of replication. Anonymous sends queue at the back (FIFO, spread
/// over the workers), behind the control plane.
void wake_processors(self_ptr self, model::tso_t ts) {
  auto& st = self->state;
  while (!st.quiet.empty() && st.quiet.begin()->first < ts) {
    auto key = st.quiet.begin()->second;
    auto it = st.processors.find(key);
    wake_up(st, key, it->second);
    caf::anon_send(it->second.actor, atom::resolved_v, ts);
  }
  auto budget = std::max<std::size_t>(1, st.services->settings.wakeups_per_tick);
  visit_round_robin(st.awake, st.next_wakeup, budget, [&](const model::changefeed_key& key) {
    caf::anon_send(st.processors.find(key)->second.actor, atom::resolved_v, ts);
  });
}

} // namespace

capture_actor::behavior_type capture(self_ptr self, std::shared_ptr<node_state> node, election_actor election,
                                     cluster_services services) {
  // A capture places and removes processors for the owner; its own work
  // per tick is a round of wake-ups, which queue behind the control plane.
  join_control_plane(self);
  auto& st = self->state;
  st.node = std::move(node);
  st.election = std::move(election);
  st.services = std::make_shared<const cluster_services>(std::move(services));
  self->send(st.services->upstream, atom::subscribe_v, caf::actor_cast<capture_actor>(self));
  st.processor_actors.bind(self);
  st.owner_role.bind(self);
  // The node stops claiming anything once its capture is gone, so /status
  // and /health tell the truth.
  self->attach_functor([node = st.node] {
    node->is_owner = false;
    node->owner_ready = false;
    node->capture_up = false;
  });
  self->set_down_handler([self](caf::down_msg& msg) {
    auto& st = self->state;
    // An owner role that fails (e.g. it cannot load the registry) ends its
    // term, not the capture: the capture stays a member and the election
    // moves on, as TiCDC's capture resigns and campaigns again.
    if (st.owner && msg.source == st.owner.address()) {
      st.owner_role.release(st.owner);
      spdlog::warn("capture {}: owner of term {} failed: {}", st.node->capture_id(), st.owner_term,
                   caf::to_string(msg.reason));
      st.owner = owner_actor{};
      st.node->is_owner = false;
      st.node->owner_ready = false;
      // After a pause, so an owner that fails at once again cannot spin
      // the election.
      self->delayed_send(st.election, owner_restart_delay, atom::resign_v, st.owner_term);
      return;
    }
    // A processor that fails on its own takes its capture down, as a link
    // would: the owner then moves the capture's tables elsewhere.
    if (st.processor_actors.failed(msg))
      self->quit(msg.reason);
  });
  return {
    [self](atom::elected, std::uint64_t term, std::vector<capture_member>& members) {
      auto& st = self->state;
      stop_owner(self);
      // Adopted: it ends with its capture, but its failure ends only its
      // term (see the down handler).
      st.owner = self->spawn(owner, term, st.node->capture_id(), std::move(members), *st.services,
                             caf::actor_cast<capture_actor>(self));
      st.owner_role.adopt(self, st.owner);
      st.owner_term = term;
      st.node->is_owner = true;
    },
    [self](atom::ready, std::uint64_t term) {
      auto& st = self->state;
      if (term == st.owner_term && st.owner) {
        st.node->owner_ready = true;
        self->send(st.election, atom::owner_v, term, st.owner);
      }
    },
    [self](atom::resign, std::uint64_t term) {
      if (term == self->state.owner_term) {
        spdlog::info("capture {}: owner of term {} steps down", self->state.node->capture_id(), term);
        stop_owner(self);
      }
      return true;
    },
    [self](atom::stopping) {
      auto& st = self->state;
      st.node->live = model::liveness::stopping;
      self->send(st.election, atom::stopping_v, st.node->capture_id());
    },
    [self](atom::dispatch, std::uint64_t term, std::shared_ptr<const model::changefeed_info>& info,
           changefeed_actor& feed, std::vector<table_start>& add, std::vector<std::int64_t>& remove) {
      auto& st = self->state;
      if (term < st.dispatch_term)
        return false; // an owner of an earlier term; the current one decides
      if (term > st.dispatch_term)
        st.remote_progress.clear(); // for the feeds of an owner that is gone
      st.dispatch_term = term;
      st.dispatching_owner = caf::actor_cast<owner_actor>(self->current_sender());
      return apply_dispatch(self, info, feed, add, remove);
    },
    [self](atom::report) -> caf::result<std::vector<processor_report>> {
      auto& st = self->state;
      auto rp = self->make_response_promise<std::vector<processor_report>>();
      auto out = std::make_shared<std::vector<processor_report>>();
      auto keys = std::make_shared<std::vector<model::changefeed_key>>();
      keys->reserve(st.processors.size());
      for (const auto& [key, hosted] : st.processors)
        keys->push_back(key);
      bounded_fan_out(
        keys->size(), fan_out_window,
        [self, keys, out](std::size_t i, std::function<void()> done) {
          const auto& key = (*keys)[i];
          auto it = self->state.processors.find(key);
          if (it == self->state.processors.end())
            return done(); // stopped since: it reports nothing any more
          self->request(it->second.actor, self->state.services->settings.request_timeout, atom::report_v)
            .then(
              [out, key, done](std::vector<table_progress>& tables) {
                out->push_back({key, std::move(tables)});
                done();
              },
              [done](const caf::error&) { done(); });
        },
        [rp, out]() mutable { rp.deliver(std::move(*out)); });
      return rp;
    },
    [self](atom::resolved, model::tso_t ts) {
      auto& st = self->state;
      st.resolved_ts = ts;
      send_remote_progress(self);
      wake_processors(self, ts);
    },
    [self](atom::progress, const model::changefeed_key& key, std::vector<table_progress>& tables) {
      auto& st = self->state;
      auto it = st.processors.find(key);
      // A processor stopped since (its message was already queued) reports
      // for tables that are no longer its own.
      if (it == st.processors.end() || caf::actor_cast<caf::strong_actor_ptr>(it->second.actor) != self->current_sender())
        return;
      st.remote_progress[key] = std::move(tables);
    },
    [self](atom::quiet, const model::changefeed_key& key, model::tso_t through, std::uint64_t changes_seen) {
      auto& st = self->state;
      auto it = st.processors.find(key);
      // Believed only from the processor hosted now, if it took every table
      // change sent to it and the upstream has not passed the TSO already.
      if (it == st.processors.end() || caf::actor_cast<caf::strong_actor_ptr>(it->second.actor) != self->current_sender()
          || changes_seen != it->second.changes_sent || it->second.quiet_through != 0 || through < st.resolved_ts)
        return;
      st.awake.erase(key);
      it->second.quiet_through = through;
      st.quiet.emplace(through, key);
    },
    [self](atom::left) {
      // The node's lease is gone, so another owner may already have placed
      // these tables elsewhere: replicating on would write them twice.
      auto& st = self->state;
      spdlog::warn("capture {}: session lost; stopping {} processors", st.node->capture_id(), st.processors.size());
      stop_owner(self);
      for (auto& [key, hosted] : st.processors) {
        st.processor_actors.release(hosted.actor);
        self->send_exit(hosted.actor, caf::exit_reason::user_shutdown);
      }
      st.processors.clear();
      st.awake.clear();
      st.quiet.clear();
    },
    [self](atom::owner) {
      auto& st = self->state;
      return st.node->owner_ready ? st.owner : owner_actor{};
    },
    [self](atom::subscribe, feed_follower_actor& follower, std::uint64_t subscription) -> caf::result<feed_updates> {
      auto& relay = self->state.services->relay;
      if (!relay)
        return caf::make_error(caf::sec::unexpected_message); // one process: nothing to follow
      return self->delegate(relay, atom::subscribe_v, std::move(follower), subscription);
    },
    [self](atom::joined, capture_member& other) { self->send(self->state.election, atom::joined_v, std::move(other)); },
  };
}

} // namespace cdc::actors
