// How the owner creates a changefeed, in steps it sends itself so each is
// short and fails on its own: check the body against PD's clock and the
// create rules; open the sink once, as TiCDC does; store the feed, spawn it
// and place its tables, answering with its detail.
#include <optional>
#include <random>

#include "actors/control/owner_ops.hpp"
#include "actors/errors.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "actors/sinks/sinks.hpp"
#include "model/changefeed/create_rules.hpp"
#include "model/ids.hpp"
#include "model/version.hpp"

namespace cdc::actors {

namespace {

using model::api_error;

/// What the create rules need to know about the cluster now.
model::create_context create_context_of(owner_state& st, const upstream_times& pd) {
  std::random_device rd;
  auto word = [&] { return (std::uint64_t{rd()} << 32) | rd(); };
  model::create_context ctx;
  ctx.current_tso = pd.tso;
  ctx.gc_safepoint = pd.gc_safepoint;
  ctx.upstream_id = st.services->upstream_id;
  ctx.creator_version = std::string(model::release_version());
  ctx.now = std::chrono::system_clock::now();
  ctx.random_hi = word();
  ctx.random_lo = word();
  ctx.exists = [&st](const model::changefeed_key& key) { return st.feeds.count(key) || st.creating.count(key); };
  ctx.tables = st.services->tables->tables;
  ctx.upstream_pd_addrs = st.services->pd_addrs;
  return ctx;
}

/// TiCDC's create rules, then ours: a sink this server can open.
model::result<model::created_changefeed> check_create(owner_state& st, model::changefeed_config cfg,
                                                      const upstream_times& pd) {
  auto created = model::check_create(std::move(cfg), create_context_of(st, pd));
  if (!created)
    return created;
  if (auto ok = check_sink_supported(created->sink); !ok)
    return ok.error();
  return created;
}

owner_actor me(owner_pointer self) { return caf::actor_cast<owner_actor>(self); }

/// The key a create asks for; nullopt when it leaves the ID to the server.
std::optional<model::changefeed_key> requested_key(const model::changefeed_config& cfg) {
  if (cfg.changefeed_id.empty())
    return std::nullopt;
  return model::changefeed_key{cfg.namespace_.empty() ? std::string(model::default_namespace) : cfg.namespace_,
                               cfg.changefeed_id};
}

/// The create of `key` is stored or has failed: the creates of the same ID
/// that waited for it run now, and find the feed there or not.
void finish_creating(owner_pointer self, const model::changefeed_key& key) {
  auto& st = self->state;
  st.creating.erase(key);
  auto waiting = st.waiting_creates.extract(key);
  if (waiting.empty())
    return;
  for (auto& [cfg, rp] : waiting.mapped())
    rp.delegate(me(self), atom::create_v, std::move(cfg));
}

/// The feed's first operation places its tables; the create answers after
/// it, so a read right after the create already sees its processors.
void place_and_answer(owner_pointer self, const model::changefeed_key& key,
                      caf::typed_response_promise<model::changefeed_detail> rp) {
  enqueue_op(self, key, [self, key, rp](op_token op) mutable {
    reschedule(self, key, [self, key, rp, op]() mutable { answer_detail(self, key, rp); });
  });
}

} // namespace

caf::result<model::changefeed_detail> create_feed(owner_pointer self, model::changefeed_config cfg) {
  auto rp = self->make_response_promise<model::changefeed_detail>();
  auto& st = self->state;
  self->request(st.services->upstream, st.services->settings.request_timeout, atom::tso_v)
    .then(
      [self, cfg = std::move(cfg), rp](const upstream_times& pd) mutable {
        // Another create of this ID is not stored yet. Answering "already
        // exists" now would tell of a feed that reads do not show and that
        // may never exist (its store can fail): wait for its outcome, as
        // TiCDC answers so only for a feed etcd holds.
        if (auto key = requested_key(cfg); key && self->state.creating.count(*key)) {
          self->state.waiting_creates[*key].emplace_back(std::move(cfg), rp);
          return;
        }
        auto created = check_create(self->state, std::move(cfg), pd);
        if (!created) {
          rp.deliver(to_error(created.error()));
          return;
        }
        auto info = std::move(created->info);
        self->state.share_config(info);
        // Taken from now on: a second create of this ID fails.
        self->state.creating.insert(info.key);
        rp.delegate(me(self), atom::probe_v, std::move(info));
      },
      [rp](const caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

caf::result<model::changefeed_detail> probe_created(owner_pointer self, model::changefeed_info info) {
  auto& st = self->state;
  auto rp = self->make_response_promise<model::changefeed_detail>();
  // The probe blocks on a thread of its own; the owner goes on meanwhile.
  auto probe = probe_for(self->system(), *st.services, info);
  if (!probe)
    return rp.delegate(me(self), atom::put_v, std::move(info));
  auto key = info.key;
  self->request(probe, st.services->settings.sink_check_timeout, atom::probe_v, info)
    .then([self, info = std::move(info), rp](bool) mutable { rp.delegate(me(self), atom::put_v, std::move(info)); },
          [self, key, rp](const caf::error& e) mutable {
            finish_creating(self, key);
            rp.deliver(e);
          });
  return rp;
}

caf::result<model::changefeed_detail> store_created(owner_pointer self, model::changefeed_info info) {
  auto& st = self->state;
  auto rp = self->make_response_promise<model::changefeed_detail>();
  auto key = info.key;
  model::changefeed_progress start{info.start_ts, info.start_ts};
  // Durable before acknowledged: the changefeed exists once stored.
  self->request(st.services->meta, st.services->settings.request_timeout, atom::put_v, info, start)
    .then(
      [self, info = std::move(info), start, rp](bool) mutable {
        auto key = info.key;
        spawn_feed(self, std::move(info), start);
        finish_creating(self, key);
        place_and_answer(self, key, rp);
      },
      [self, key, rp](const caf::error& e) mutable {
        finish_creating(self, key);
        rp.deliver(meta_store_error(e));
      });
  return rp;
}

} // namespace cdc::actors
