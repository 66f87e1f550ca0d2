// The owner's table placement: per-feed operation queues, scheduling and the
// dispatch of the resulting moves to the captures.
#include <spdlog/spdlog.h>

#include "actors/after_all.hpp"
#include "actors/bounded_fan_out.hpp"
#include "actors/control/owner.hpp"
#include "model/changefeed/create_rules.hpp"

namespace cdc::actors {

namespace {

namespace sched = model::scheduling;

/// Sends each capture its part of the plan, waits for every answer, then
/// records the placement and tells the changefeed.
void dispatch(owner_pointer self, const model::changefeed_key& key, sched::feed_plan plan, model::tso_t checkpoint,
              std::function<void()> done) {
  auto& st = self->state;
  auto* e = st.find(key);
  if (!e)
    return done();
  std::map<std::string, sched::capture_moves> work;
  for (auto& m : plan.moves)
    work[m.capture_id] = std::move(m);
  // Captures keeping their tables still hear from a new term's owner once,
  // so their processors report to the new changefeed actor; after that only
  // captures whose tables change do (a lost capture then costs a message
  // per capture that takes tables over, not one per capture and feed).
  if (!e->announced) {
    for (const auto& a : plan.assignment)
      if (!a.table_ids.empty())
        work.try_emplace(a.capture_id, sched::capture_moves{a.capture_id, {}, {}});
    for (const auto& p : e->placement)
      if (!p.table_ids.empty())
        work.try_emplace(p.capture_id, sched::capture_moves{p.capture_id, {}, {}});
  }

  // The owner's answer waits until the feed published its new placement.
  auto finish = [self, key, placement = plan.assignment, done]() {
    auto* e = self->state.find(key);
    if (!e)
      return done();
    self->state.place(*e, placement);
    e->announced = true;
    self->request(e->actor, feed_answers_at_once, atom::assign_v, placement)
      .then([done](bool) { done(); }, [done](const caf::error&) { done(); });
  };
  std::vector<std::pair<capture_actor, sched::capture_moves>> sends;
  for (auto& [capture_id, moves] : work) {
    auto m = st.members.find(capture_id);
    if (m == st.members.end())
      continue; // a capture that is gone holds nothing any more
    sends.emplace_back(m->second.handle, std::move(moves));
  }
  auto answered = after_all(sends.size(), std::move(finish));
  for (auto& [handle, moves] : sends) {
    std::vector<table_start> add;
    add.reserve(moves.add.size());
    for (auto id : moves.add)
      add.push_back({id, checkpoint});
    self->request(handle, st.services->settings.request_timeout, atom::dispatch_v, st.term, e->info, e->actor,
                  std::move(add), std::move(moves.remove))
      .then([answered](bool) { answered(); },
            [answered, key](const caf::error& err) {
              spdlog::warn("owner: dispatch of {} failed: {}", key.display(), caf::to_string(err));
              answered();
            });
  }
}

} // namespace

op_token::op_token(owner_pointer self, model::changefeed_key key, std::uint64_t generation) {
  // Released from wherever the last copy dies, possibly while the owner is
  // being torn down: a message (dropped by an owner that is gone) rather
  // than a call into its state.
  caf::weak_actor_ptr owner{self->ctrl()};
  release_ = std::shared_ptr<const void>(nullptr, [owner, key = std::move(key), generation](const void*) {
    if (auto alive = owner.lock())
      caf::anon_send(caf::actor_cast<owner_actor>(alive), atom::run_v, key, generation);
  });
}

void enqueue_op(owner_pointer self, const model::changefeed_key& key, feed_op op) {
  auto* e = self->state.find(key);
  if (!e)
    return op(op_token{}); // no feed: nothing to order against
  e->queue.push_back(std::move(op));
  if (!e->busy)
    next_op(self, key, e->generation);
}

void next_op(owner_pointer self, const model::changefeed_key& key, std::uint64_t generation) {
  auto* e = self->state.find(key);
  if (!e || e->generation != generation)
    return; // the token of a feed that was removed (and maybe created again)
  if (e->queue.empty()) {
    e->busy = false;
    return;
  }
  e->busy = true;
  auto op = std::move(e->queue.front());
  e->queue.pop_front();
  op(op_token{self, key, generation});
}

void reschedule(owner_pointer self, const model::changefeed_key& key, std::function<void()> done,
                std::vector<sched::table_pin> pins) {
  auto& st = self->state;
  auto* e = st.find(key);
  if (!e)
    return done();
  sched::feed_input in;
  in.changefeed_id = key.display();
  in.state = e->running ? model::feed_state::normal : model::feed_state::stopped;
  in.tables = e->running ? e->tables : std::vector<std::int64_t>{};
  in.current = e->placement;
  in.pinned = std::move(pins);
  auto captures = st.eligible_captures();
  auto plans = sched::schedule_tables({&in, 1}, captures, st.load_without(*e));
  auto plan = std::move(plans.front());
  bool adds = std::any_of(plan.moves.begin(), plan.moves.end(), [](const auto& m) { return !m.add.empty(); });
  if (!adds)
    return dispatch(self, key, std::move(plan), 0, std::move(done));
  // New tables start at the feed's checkpoint, which the changefeed knows.
  self->request(e->actor, feed_answers_at_once, atom::summary_v)
    .then(
      [self, key, plan, done](const model::changefeed_list_item& item) mutable {
        dispatch(self, key, std::move(plan), item.checkpoint_tso, std::move(done));
      },
      [self, key, plan, done](const caf::error&) mutable {
        auto* e = self->state.find(key);
        dispatch(self, key, std::move(plan), e ? e->info->start_ts : 0, std::move(done));
      });
}

void reschedule_all(owner_pointer self) {
  auto keys = std::make_shared<std::vector<model::changefeed_key>>();
  for (auto& [key, e] : self->state.feeds)
    if (e.running || !e.placement.empty())
      keys->push_back(key);
  // A window of feeds at a time, each queued behind the feed's earlier
  // operations; its completion holds its token, so the feed's next operation
  // starts once it is done. A feed waiting for the window holds no token:
  // its own operations go on meanwhile.
  bounded_fan_out(
    keys->size(), fan_out_window,
    [self, keys](std::size_t i, std::function<void()> done) {
      const auto& key = (*keys)[i];
      enqueue_op(self, key, [self, key, done](op_token op) { reschedule(self, key, [op, done] { done(); }); });
    },
    [] {});
}

std::vector<std::int64_t> tables_of(const owner_state& st, const model::changefeed_info& info) {
  auto tables = model::select_tables(info, st.services->tables->tables);
  if (!tables) {
    spdlog::warn("owner: {} selects no tables: {}", info.key.display(), tables.error().message);
    return {};
  }
  return std::move(*tables);
}

} // namespace cdc::actors
