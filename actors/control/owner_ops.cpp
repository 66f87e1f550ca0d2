// The owner's changefeed operations besides create: spawning and forgetting
// feeds, lifecycle changes and updates. Per feed they run one at a time.
#include "actors/control/owner_ops.hpp"

#include "actors/errors.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/replication/changefeed.hpp"

namespace cdc::actors {

using model::api_error;

void spawn_feed(owner_pointer self, model::changefeed_info info, model::changefeed_progress progress) {
  auto& st = self->state;
  auto key = info.key;
  bool running = info.state == model::feed_state::normal || info.state == model::feed_state::error;
  auto shared = std::make_shared<const model::changefeed_info>(std::move(info));
  // Listed before the create answers (the slot is published at spawn).
  auto slot = st.services->directory ? st.services->directory->add(key) : nullptr;
  if (slot)
    slot->current.store(std::make_shared<const feed_snapshot>(starting_view(shared, progress)));
  // The feed and the owner share one info until the feed changes its own.
  auto actor = self->spawn(changefeed, shared, progress, st.services, caf::actor_cast<owner_feed_listener_actor>(self),
                           std::move(slot));
  st.feed_actors.adopt(self, actor);
  auto& e = st.feeds[key];
  e.actor = actor;
  e.info = shared;
  e.generation = st.next_generation++;
  e.running = running;
  if (running)
    e.tables = tables_of(st, *shared);
}

void answer_detail(owner_pointer self, const model::changefeed_key& key,
                   caf::typed_response_promise<model::changefeed_detail> rp) {
  auto* e = self->state.find(key);
  if (!e) {
    rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
    return;
  }
  self->request(e->actor, self->state.services->settings.request_timeout, atom::get_v)
    .then([rp](model::changefeed_detail& d) mutable { rp.deliver(std::move(d)); },
          [rp](const caf::error& err) mutable { rp.deliver(err); });
}

namespace {

/// Forgets a removed feed; operations queued behind the removal run now and
/// find it gone.
void forget(owner_pointer self, const model::changefeed_key& key) {
  auto it = self->state.feeds.find(key);
  if (it == self->state.feeds.end())
    return;
  auto queue = std::move(it->second.queue);
  self->state.place(it->second, {});
  // Unlisted before the delete answers.
  if (self->state.services->directory)
    self->state.services->directory->remove(key);
  self->state.feed_actors.release(it->second.actor);
  self->send_exit(it->second.actor, caf::exit_reason::user_shutdown);
  self->state.feeds.erase(it);
  for (auto& op : queue)
    op(op_token{});
}

/// Takes over what a lifecycle change did to the feed: places or releases
/// its tables (and forgets it once removed), then answers.
void settle(owner_pointer self, const model::changefeed_key& key, const admin_outcome& o,
            caf::typed_response_promise<bool> rp, op_token op) {
  auto* e = self->state.find(key);
  if (!e) {
    rp.deliver(true);
    return;
  }
  e->info = o.info;
  e->running = o.running && !o.removed;
  e->tables = e->running ? tables_of(self->state, *o.info) : std::vector<std::int64_t>{};
  reschedule(self, key, [self, key, rp, op, removed = o.removed]() mutable {
    if (removed)
      forget(self, key);
    rp.deliver(true);
  });
}

} // namespace

caf::result<bool> change_state(owner_pointer self, const model::changefeed_key& key, model::feed_event_t event) {
  bool is_remove = std::holds_alternative<model::feed_event::remove>(event);
  if (!self->state.find(key)) {
    if (is_remove)
      return true; // removing what does not exist succeeds, as in TiCDC
    return to_error(api_error::changefeed_not_exists, {key.display()});
  }
  auto rp = self->make_response_promise<bool>();
  enqueue_op(self, key, [self, key, event = std::move(event), rp, is_remove](op_token op) mutable {
    auto* e = self->state.find(key);
    if (!e) {
      if (is_remove)
        rp.deliver(true);
      else
        rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
      return;
    }
    self->request(e->actor, self->state.services->settings.request_timeout, atom::state_v, std::move(event))
      .then([self, key, rp, op](const admin_outcome& o) mutable { settle(self, key, o, rp, op); },
            [rp](const caf::error& err) mutable { rp.deliver(err); });
  });
  return rp;
}

caf::result<model::changefeed_detail> update_feed(owner_pointer self, const model::changefeed_key& key,
                                                  model::changefeed_update body) {
  if (!self->state.find(key))
    return to_error(api_error::changefeed_not_exists, {key.display()});
  auto rp = self->make_response_promise<model::changefeed_detail>();
  enqueue_op(self, key, [self, key, body = std::move(body), rp](op_token op) mutable {
    auto* e = self->state.find(key);
    if (!e) {
      rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
      return;
    }
    self->request(e->actor, self->state.services->settings.request_timeout, atom::update_v, std::move(body))
      .then(
        [self, key, rp, op](const admin_outcome& o) mutable {
          if (auto* e = self->state.find(key))
            e->info = o.info;
          // Removed meanwhile: the detail answers not-exists at once.
          answer_detail(self, key, rp);
        },
        [rp](const caf::error& err) mutable { rp.deliver(err); });
  });
  return rp;
}

} // namespace cdc::actors
