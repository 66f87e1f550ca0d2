// The owner's changefeed operations: create, lifecycle changes, update and
// processor queries. Each runs asynchronously; per feed they run in order.
#include "actors/control/owner_ops.hpp"

#include <random>

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/replication/changefeed.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "actors/sinks/sinks.hpp"
#include "model/changefeed/create_rules.hpp"
#include "model/version.hpp"

namespace cdc::actors {

namespace {

using model::api_error;

/// What the create rules need to know about the cluster now.
model::create_context create_context_of(owner_state& st, model::tso_t now, model::tso_t gc) {
  std::random_device rd;
  auto word = [&] { return (std::uint64_t{rd()} << 32) | rd(); };
  model::create_context ctx;
  ctx.current_tso = now;
  ctx.gc_safepoint = gc;
  ctx.upstream_id = st.services.upstream_id;
  ctx.creator_version = std::string(model::release_version());
  ctx.now = std::chrono::system_clock::now();
  ctx.random_hi = word();
  ctx.random_lo = word();
  ctx.exists = [&st](const model::changefeed_key& key) { return st.feeds.count(key) || st.creating.count(key); };
  ctx.tables = st.services.tables->tables;
  ctx.upstream_pd_addrs = st.services.pd_addrs;
  return ctx;
}

/// TiCDC's create rules, then ours: a sink this server can open.
model::result<model::created_changefeed> check_create(owner_state& st, model::changefeed_config cfg,
                                                      model::tso_t now, model::tso_t gc) {
  auto created = model::check_create(std::move(cfg), create_context_of(st, now, gc));
  if (created && !sink_supported(created->sink.uri))
    return model::fail_with(api_error::sink_uri_invalid,
                            "the sink scheme (" + created->sink.uri.scheme + ") is not supported by this server yet");
  return created;
}

} // namespace

void spawn_feed(owner_pointer self, model::changefeed_info info, model::changefeed_progress progress) {
  auto& st = self->state;
  auto key = info.key;
  auto shared = std::make_shared<const model::changefeed_info>(info);
  bool running = info.state == model::feed_state::normal || info.state == model::feed_state::error;
  // Listed before the create answers (the slot is published at spawn).
  auto slot = st.services.directory ? st.services.directory->add(key) : nullptr;
  if (slot)
    slot->current.store(std::make_shared<const feed_snapshot>(starting_view(shared, progress)));
  auto actor = self->spawn(changefeed, std::move(info), progress, st.services, caf::actor_cast<owner_feed_listener_actor>(self),
                           std::move(slot));
  st.feed_actors.adopt(self, actor);
  auto& e = st.feeds[key];
  e.actor = actor;
  e.info = shared;
  e.running = running;
  if (running)
    e.tables = tables_of(st, *shared);
}

namespace {

/// Forgets a removed feed; operations queued behind the removal find it gone.
void forget(owner_pointer self, const model::changefeed_key& key) {
  auto it = self->state.feeds.find(key);
  if (it == self->state.feeds.end())
    return;
  auto queue = std::move(it->second.queue);
  self->state.place(it->second, {});
  // Unlisted before the delete answers.
  if (self->state.services.directory)
    self->state.services.directory->remove(key);
  self->state.feed_actors.release(it->second.actor);
  self->send_exit(it->second.actor, caf::exit_reason::user_shutdown);
  self->state.feeds.erase(it);
  for (auto& op : queue)
    op();
}

} // namespace

namespace {

/// Stores a checked create (durable before acknowledged: the changefeed
/// exists once stored), spawns its actor and answers once its tables are
/// placed, so a read right after the create already sees its processors.
void store_created(owner_pointer self, model::changefeed_info info,
                   caf::typed_response_promise<model::changefeed_detail> rp) {
  auto timeout = self->state.services.settings.request_timeout;
  auto key = info.key;
  auto start = info.start_ts;
  self->request(self->state.services.meta, timeout, atom::put_v, info, model::changefeed_progress{start, start})
    .then(
      [self, info = std::move(info), rp, key, timeout](bool) mutable {
        self->state.creating.erase(key);
        auto start = info.start_ts;
        spawn_feed(self, std::move(info), {start, start});
        enqueue_op(self, key, [self, key, rp, timeout]() mutable {
          reschedule(self, key, [self, key, rp, timeout]() mutable {
            if (auto* e = self->state.find(key))
              self->request(e->actor, timeout, atom::get_v)
                .then([rp](model::changefeed_detail& d) mutable { rp.deliver(std::move(d)); },
                      [rp](const caf::error& err) mutable { rp.deliver(err); });
            else
              rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
            next_op(self, key);
          });
        });
      },
      [self, rp, key](const caf::error& e) mutable {
        self->state.creating.erase(key);
        rp.deliver(meta_store_error(e));
      });
}

} // namespace

caf::result<model::changefeed_detail> create_feed(owner_pointer self, model::changefeed_config cfg) {
  auto rp = self->make_response_promise<model::changefeed_detail>();
  auto& st = self->state;
  auto timeout = st.services.settings.request_timeout;
  auto fail = [rp](const caf::error& e) mutable { rp.deliver(e); };
  self->request(st.services.upstream, timeout, atom::tso_v)
    .then(
      [self, cfg = std::move(cfg), rp, fail, timeout](model::tso_t now) mutable {
        self->request(self->state.services.upstream, timeout, atom::gc_v)
          .then(
            [self, cfg = std::move(cfg), rp, now](model::tso_t gc) mutable {
              auto& st = self->state;
              auto created = check_create(st, std::move(cfg), now, gc);
              if (!created) {
                rp.deliver(to_error(created.error()));
                return;
              }
              auto& info = created->info;
              if (st.last_config && info.config && *st.last_config == *info.config)
                info.config = st.last_config;
              st.last_config = info.config;
              auto key = info.key;
              st.creating.insert(key);
              // TiCDC opens the sink to check it before it stores the feed;
              // the probe blocks on its own thread, the owner goes on.
              auto probe = probe_for(self->system(), st.services, info);
              if (!probe)
                return store_created(self, std::move(info), rp);
              self->request(probe, st.services.settings.sink_check_timeout, atom::probe_v, info)
                .then([self, info, rp](bool) mutable { store_created(self, std::move(info), rp); },
                      [self, rp, key](const caf::error& e) mutable {
                        self->state.creating.erase(key);
                        rp.deliver(e);
                      });
            },
            fail);
      },
      fail);
  return rp;
}

caf::result<bool> change_state(owner_pointer self, const model::changefeed_key& key, model::feed_event_t event) {
  bool is_remove = std::holds_alternative<model::feed_event::remove>(event);
  if (!self->state.find(key)) {
    if (is_remove)
      return true; // removing what does not exist succeeds, as in TiCDC
    return to_error(api_error::changefeed_not_exists, {key.display()});
  }
  auto rp = self->make_response_promise<bool>();
  enqueue_op(self, key, [self, key, event = std::move(event), rp, is_remove]() mutable {
    auto* e = self->state.find(key);
    if (!e) {
      if (is_remove)
        rp.deliver(true);
      else
        rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
      return;
    }
    self->request(e->actor, self->state.services.settings.request_timeout, atom::state_v, std::move(event))
      .then(
        [self, key, rp](admin_outcome& o) mutable {
          auto* e = self->state.find(key);
          if (!e) {
            rp.deliver(true);
            return;
          }
          e->info = o.info;
          if (o.removed) {
            e->running = false;
            reschedule(self, key, [self, key, rp]() mutable {
              forget(self, key);
              rp.deliver(true);
            });
            return;
          }
          e->running = o.running;
          e->tables = o.running ? tables_of(self->state, *o.info) : std::vector<std::int64_t>{};
          reschedule(self, key, [self, key, rp]() mutable {
            rp.deliver(true);
            next_op(self, key);
          });
        },
        [self, key, rp](const caf::error& err) mutable {
          rp.deliver(err);
          next_op(self, key);
        });
  });
  return rp;
}

caf::result<model::changefeed_detail> update_feed(owner_pointer self, const model::changefeed_key& key,
                                                  model::changefeed_update body) {
  if (!self->state.find(key))
    return to_error(api_error::changefeed_not_exists, {key.display()});
  auto rp = self->make_response_promise<model::changefeed_detail>();
  enqueue_op(self, key, [self, key, body = std::move(body), rp]() mutable {
    auto* e = self->state.find(key);
    if (!e) {
      rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
      return;
    }
    auto timeout = self->state.services.settings.request_timeout;
    self->request(e->actor, timeout, atom::update_v, std::move(body))
      .then(
        [self, key, rp, timeout](admin_outcome& o) mutable {
          if (auto* e = self->state.find(key)) {
            e->info = o.info;
            self->request(e->actor, timeout, atom::get_v)
              .then([rp](model::changefeed_detail& d) mutable { rp.deliver(std::move(d)); },
                    [rp](const caf::error& err) mutable { rp.deliver(err); });
          } else {
            // Removed while the update ran: answer now, not at the timeout.
            rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
          }
          next_op(self, key);
        },
        [self, key, rp](const caf::error& err) mutable {
          rp.deliver(err);
          next_op(self, key);
        });
  });
  return rp;
}

namespace {

/// TiCDC refuses the processors of a feed that is not running, naming its state.
caf::error abnormal(model::feed_state state) {
  return to_error(model::fail_with(api_error::api_invalid_param,
                                   "invalid api parameter: changefeed in abnormal state: "
                                     + std::string(model::to_string(state))
                                     + ", can't get processor of an abnormal changefeed"));
}

/// The tables `capture_id` holds for a running feed.
caf::expected<model::processor_detail> tables_on(owner_state& st, const owner_state::feed_entry& e,
                                               const std::string& capture_id) {
  if (!st.members.count(capture_id))
    return to_error(api_error::capture_not_exist, {capture_id});
  model::processor_detail d;
  for (const auto& p : e.placement)
    if (p.capture_id == capture_id)
      d.table_ids = p.table_ids;
  return d;
}

} // namespace

caf::result<model::processor_detail> processor_detail(owner_pointer self, const model::changefeed_key& key,
                                                      const std::string& capture_id) {
  auto* e = self->state.find(key);
  if (!e)
    return to_error(api_error::changefeed_not_exists, {key.display()});
  if (e->running)
    return tables_on(self->state, *e, capture_id);
  // The registry's info keeps the state of the last admin operation; a feed
  // that stopped by itself (error, failed, finished) knows its state: ask it.
  auto rp = self->make_response_promise<model::processor_detail>();
  self->request(e->actor, self->state.services.settings.request_timeout, atom::summary_v)
    .then(
      [self, key, capture_id, rp](const model::changefeed_list_item& item) mutable {
        auto* e = self->state.find(key);
        if (!e)
          rp.deliver(to_error(api_error::changefeed_not_exists, {key.display()}));
        else if (!e->running && item.state != model::feed_state::normal)
          rp.deliver(abnormal(item.state));
        else if (auto d = tables_on(self->state, *e, capture_id))
          rp.deliver(std::move(*d));
        else
          rp.deliver(d.error());
      },
      [rp](const caf::error& err) mutable { rp.deliver(err); });
  return rp;
}

} // namespace cdc::actors
