// The etcd session's actor; see session_actor.hpp.
#include "actors/membership/session_actor.hpp"

#include <algorithm>
#include <filesystem>

#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/published/capture_id.hpp"
#include "model/cluster/etcd_keys.hpp"
#include "model/version.hpp"

namespace cdc::actors {

namespace {

using self_ptr = session_actor::stateful_pointer<session_state>;
using clock = std::chrono::steady_clock;

std::int64_t steady_ms(clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

model::capture_record record_of(const capture_info& info, const session_options& options) {
  model::capture_record r;
  r.upstream_digest = options.upstream_digest;
  r.id = info.id;
  r.address = info.address;
  r.actor_address = info.actor_address;
  r.version = std::string{model::release_version()};
  r.git_hash = std::string{model::git_hash()};
  std::error_code ec;
  r.deploy_path = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path().string();
  r.start_timestamp = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  return r;
}

/// The lease is gone: the node gives up what it holds before anything else,
/// and registers again as a new capture, under a new ID, as TiCDC's does:
/// the owner then never mistakes the new incarnation for the old one,
/// whose tables it may have placed elsewhere meanwhile.
void lose_lease(self_ptr self, const std::string& why) {
  auto& st = self->state;
  auto next = st.options.next_capture_id ? st.options.next_capture_id() : new_capture_id();
  spdlog::error("membership: capture {} lost its etcd session: {}; stopping its processors and owner role, "
                "then registering again as capture {}",
                st.self->id, why, next);
  st.registered = false;
  st.stale_lease = st.session->lease();
  st.node->lease_until_ms = 0;
  st.last_view.reset();
  st.self->id = next;
  st.self->start_timestamp = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  st.node->set_capture_id(next);
  self->send(st.election, atom::left_v, std::move(next));
}

/// Opens a lease, registers the capture on it and campaigns.
bool open(self_ptr self) {
  auto& st = self->state;
  // A lease given up while etcd was unreachable may live on in etcd (a
  // restarted etcd renews every lease): its campaign would stand first in
  // line for another TTL, and its capture key would be a second capture of
  // this node under the old ID, so it goes before a new lease is opened.
  if (st.stale_lease != 0) {
    if (!st.session->revoke(st.stale_lease)) {
      spdlog::warn("membership: cannot revoke the lost lease {:x} yet; capture {} registers once it is gone",
                   st.stale_lease, st.self->id);
      return false;
    }
    st.stale_lease = 0;
  }
  auto sent = clock::now();
  auto opened = st.session->open(*st.self);
  if (!opened) {
    spdlog::warn("membership: cannot register capture {}: {}", st.self->id, opened.error().message);
    return false;
  }
  st.registered = true;
  st.renewed = sent;
  st.node->lease_until_ms = steady_ms(sent + st.options.ttl);
  spdlog::info("membership: capture {} registered on lease {:x} (ttl {} s) at {}", st.self->id,
               st.session->lease(), st.options.ttl.count(), st.session->describe());
  return true;
}

/// Renews the lease once a third of its TTL has passed since the last renewal.
void renew(self_ptr self) {
  auto& st = self->state;
  auto sent = clock::now();
  if (sent - st.renewed < st.options.ttl / 3)
    return;
  auto left = st.session->keep_alive();
  if (left && *left > 0) {
    st.renewed = sent;
    st.node->lease_until_ms = steady_ms(sent + std::chrono::seconds(*left));
    return;
  }
  if (left) {
    lose_lease(self, "etcd says lease " + fmt::format("{:x}", st.session->lease()) + " expired");
    return;
  }
  spdlog::warn("membership: cannot renew lease {:x}: {}", st.session->lease(), left.error().message);
  if (sent - st.renewed >= st.options.ttl)
    lose_lease(self, "not renewed for a whole TTL");
}

/// Reads the membership, campaigns again when the campaign was ended (a
/// resign) and hands the view to the election when it changed.
void observe(self_ptr self) {
  auto& st = self->state;
  st.observed = clock::now();
  auto snap = st.session->read();
  if (!snap) {
    spdlog::warn("membership: cannot read the membership: {}", snap.error().message);
    return;
  }
  auto lease = st.session->lease();
  bool campaigning = std::any_of(snap->line.begin(), snap->line.end(), [&](const auto& c) { return c.lease == lease; });
  if (!campaigning && !st.stopping) {
    if (auto c = st.session->campaign(st.self->id); !c) {
      spdlog::warn("membership: capture {} cannot campaign: {}", st.self->id, c.error().message);
    } else {
      // Read again, so the view has the campaign in its place.
      snap = st.session->read();
      if (!snap)
        return;
    }
  }
  membership_view v;
  for (const auto& c : snap->captures)
    v.captures.push_back({c.id, c.address, !c.stopping, c.actor_address});
  if (!snap->line.empty()) {
    const auto& first = snap->line.front();
    v.owner_id = first.capture_id;
    v.owner_term = static_cast<std::uint64_t>(first.create_revision);
    v.owner_is_here = first.lease == lease;
    // Before the election hears it: the owner role starts, and writes,
    // only after that.
    if (v.owner_is_here && st.options.fence)
      st.options.fence->hold(model::etcd_keys::owner_key(st.node->cluster_id, lease), first.create_revision);
  }
  if (st.last_view && *st.last_view == v)
    return;
  st.last_view = v;
  self->send(st.election, atom::captures_v, std::move(v));
}

/// Opens or renews the lease as due, and reads the membership when
/// `read_now` (it changed, or the lease is new) or when it was last read a
/// reread interval ago.
void step(self_ptr self, bool read_now) {
  auto& st = self->state;
  if (!st.self)
    return; // not campaigning yet
  if (!st.registered)
    read_now = open(self) || read_now;
  else
    renew(self);
  if (st.registered && (read_now || clock::now() - st.observed >= st.options.reread))
    observe(self);
}

/// Watches the membership's keys; each change the watch sees becomes one
/// `captures` message, however many come before it is read.
void watch(self_ptr self) {
  auto& st = self->state;
  auto signalled = st.change_signalled;
  // Weak: the state owns the watch, which must not keep the actor alive.
  auto me = self->address();
  st.watch = std::make_unique<membership::prefix_watch>(
    st.session->endpoints(), st.session->client_options().tls, model::etcd_keys::meta_prefix(st.session->cluster()), [signalled, me] {
      if (signalled->exchange(true))
        return;
      if (auto session = caf::actor_cast<session_actor>(me))
        caf::anon_send(session, atom::captures_v);
    });
}

} // namespace

session_actor::behavior_type session(self_ptr self, std::shared_ptr<membership::session> s, session_options options,
                                     std::shared_ptr<node_state> node, etcd_election_actor election) {
  auto& st = self->state;
  st.session = std::move(s);
  st.options = options;
  st.node = std::move(node);
  st.election = std::move(election);
  // A node that ends on purpose lets its capture and campaign go at once,
  // rather than a TTL later.
  self->attach_functor([s = st.session] { s->close(); });
  self->send(self, atom::tick_v);
  return {
    [self](atom::campaign, capture_info& info) {
      auto& st = self->state;
      st.self = record_of(info, st.options);
      if (!st.watch)
        watch(self);
      step(self, true);
    },
    [self](atom::resign, std::uint64_t term) {
      auto r = self->state.session->resign(static_cast<std::int64_t>(term));
      if (!r) {
        spdlog::warn("membership: cannot end the campaign of term {}: {}", term, r.error().message);
        return false;
      }
      return *r;
    },
    [self](atom::stopping) {
      auto& st = self->state;
      st.stopping = true;
      if (!st.self || !st.registered)
        return;
      st.self->stopping = true;
      if (auto r = st.session->update(*st.self); !r)
        spdlog::warn("membership: cannot mark capture {} stopping: {}", st.self->id, r.error().message);
    },
    [self](atom::captures) {
      self->state.change_signalled->store(false);
      step(self, true);
    },
    [self](atom::tick) {
      step(self, false);
      self->delayed_send(self, self->state.options.poll, atom::tick_v);
    },
  };
}

} // namespace cdc::actors
