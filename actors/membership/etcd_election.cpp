// The election of cluster mode; see etcd_election.hpp.
#include "actors/membership/etcd_election.hpp"

#include <algorithm>
#include <chrono>

#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>
#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/control_lane.hpp"

namespace cdc::actors {

namespace {

using self_ptr = etcd_election_actor::stateful_pointer<etcd_election_state>;

/// How often captures not reached yet, and an owner not found yet, are
/// tried again.
constexpr auto retry_interval = std::chrono::seconds(1);
constexpr auto connect_timeout = std::chrono::seconds(5);

/// Tells the API actor which owner takes writes now.
void announce(self_ptr self, owner_actor owner) {
  auto& st = self->state;
  if (st.announced == owner)
    return;
  st.announced = std::move(owner);
  for (const auto& sub : st.subscribers)
    self->send(sub, atom::owner_v, st.announced);
}

/// The captures as reads show them, or none while the cluster has no owner.
void publish(self_ptr self) {
  auto& st = self->state;
  if (!st.published)
    return;
  if (st.view.owner_id.empty()) {
    st.published->publish(nullptr);
    return;
  }
  auto views = std::make_shared<capture_directory::captures>();
  for (const auto& c : st.view.captures)
    views->push_back({c.id, c.id == st.view.owner_id, c.address, st.cluster_id});
  st.published->publish(std::move(views));
}

const capture_info* in_view(const etcd_election_state& st, const std::string& id) {
  auto it = std::find_if(st.view.captures.begin(), st.view.captures.end(),
                         [&](const capture_info& c) { return c.id == id; });
  return it == st.view.captures.end() ? nullptr : &*it;
}

/// This node's capture and every other one reached.
std::vector<capture_member> members(const etcd_election_state& st) {
  std::vector<capture_member> out;
  if (st.local)
    out.push_back(*st.local);
  for (const auto& [id, m] : st.remote)
    out.push_back(m);
  return out;
}

/// The local capture lets go of the owner role it holds.
void step_down(self_ptr self) {
  auto& st = self->state;
  if (st.term == 0)
    return;
  spdlog::info("election: capture {} no longer owns (term {})", st.local ? st.local->info.id : "?", st.term);
  if (st.local)
    self->request(st.local->handle, caf::infinite, atom::resign_v, st.term).then([](bool) {});
  st.term = 0;
  st.owner = owner_actor{};
  announce(self, owner_actor{});
}

/// Tells the node's relay whose feeds to follow (invalid: none).
void follow(self_ptr self, capture_actor owner_capture) {
  if (self->state.relay)
    self->send(self->state.relay, atom::follow_v, std::move(owner_capture));
}

/// A remote capture is no longer reachable or no longer a member. `id` is a
/// copy: callers pass the key of the entry this erases.
void drop_remote(self_ptr self, std::string id) {
  auto& st = self->state;
  auto it = st.remote.find(id);
  if (it == st.remote.end())
    return;
  self->demonitor(it->second.handle.address());
  st.remote.erase(it);
  if (st.owner)
    self->send(st.owner, atom::left_v, id);
  if (id == st.view.owner_id && !st.view.owner_is_here) {
    st.remote_owner_term = 0;
    announce(self, owner_actor{});
    follow(self, capture_actor{});
  }
}

/// On a node that does not own: asks the owner's capture for its owner
/// role, which takes this node's writes.
void find_owner(self_ptr self) {
  auto& st = self->state;
  const auto& v = st.view;
  if (v.owner_is_here || v.owner_term == 0 || st.remote_owner_term == v.owner_term || st.finding_owner)
    return;
  auto it = st.remote.find(v.owner_id);
  if (it == st.remote.end())
    return; // not connected yet
  st.finding_owner = true;
  auto term = v.owner_term;
  auto owner_capture = it->second.handle;
  self->request(owner_capture, connect_timeout, atom::owner_v)
    .then(
      [self, term, owner_capture](owner_actor& owner) {
        auto& st = self->state;
        st.finding_owner = false;
        if (!owner || st.view.owner_term != term || st.view.owner_is_here)
          return; // still starting, or no longer the owner: the next tick asks again
        st.remote_owner_term = term;
        announce(self, std::move(owner));
        follow(self, owner_capture);
      },
      [self](const caf::error&) { self->state.finding_owner = false; });
}

/// A capture of another node is reached: this node connected to it (and
/// then `introduces` the local capture to it), or it connected here.
void connected(self_ptr self, const std::string& id, capture_actor handle, bool introduce) {
  auto& st = self->state;
  st.connecting.erase(id);
  const auto* info = in_view(st, id);
  if (!info || st.remote.count(id) > 0)
    return; // it left while we connected
  spdlog::info("election: reached capture {} at {}", id, info->actor_address);
  self->monitor(handle);
  if (introduce && st.local)
    self->send(handle, atom::joined_v, *st.local);
  auto& m = st.remote[id] = capture_member{*info, std::move(handle)};
  if (st.owner)
    self->send(st.owner, atom::joined_v, m);
  find_owner(self);
}

/// Connects to every capture of the view not reached yet whose ID sorts
/// after the local one's; those before it connect to this node, and
/// introduce their capture (a pair of nodes keeps one connection: CAF's
/// OpenSSL middleman loses the link when both ends connect).
void connect_missing(self_ptr self) {
  auto& st = self->state;
  if (!st.local)
    return;
  for (const auto& c : st.view.captures) {
    if (c.id == st.local->info.id || c.actor_address.empty() || st.remote.count(c.id) > 0
        || st.connecting.count(c.id) > 0)
      continue;
    if (c.id < st.local->info.id) {
      // It introduced itself before this node's view showed it.
      if (auto early = st.introduced.find(c.id); early != st.introduced.end()) {
        auto handle = std::move(early->second);
        st.introduced.erase(early);
        connected(self, c.id, std::move(handle), false);
      }
      continue;
    }
    auto colon = c.actor_address.rfind(':');
    if (colon == std::string::npos)
      continue;
    auto host = c.actor_address.substr(0, colon);
    auto port = static_cast<std::uint16_t>(std::stoul(c.actor_address.substr(colon + 1)));
    st.connecting.insert(c.id);
    // Over TLS when the system loaded CAF's OpenSSL manager (cluster.hpp).
    auto& sys = self->system();
    auto mm = sys.has_openssl_manager() ? sys.openssl_manager().actor_handle() : sys.middleman().actor_handle();
    self->request(mm, connect_timeout, caf::connect_atom_v, host, port)
      .then(
        [self, id = c.id](const caf::node_id&, caf::strong_actor_ptr& ptr, const std::set<std::string>&) {
          if (!ptr) {
            self->state.connecting.erase(id);
            return;
          }
          connected(self, id, caf::actor_cast<capture_actor>(std::move(ptr)), true);
        },
        [self, id = c.id, where = c.actor_address](const caf::error& e) {
          self->state.connecting.erase(id);
          spdlog::warn("election: cannot reach capture {} at {}: {}", id, where, self->system().render(e));
        });
  }
}

void apply(self_ptr self, membership_view v) {
  auto& st = self->state;
  auto old = std::exchange(st.view, std::move(v));
  publish(self);
  const auto& now = st.view;
  if (now.owner_id != old.owner_id || now.owner_term != old.owner_term) {
    spdlog::info("election: owner is {} (term {})", now.owner_id.empty() ? "nobody" : now.owner_id, now.owner_term);
    if (!old.owner_is_here) {
      st.remote_owner_term = 0;
      announce(self, owner_actor{});
    }
    follow(self, capture_actor{});
  }
  for (const auto& [id, m] : std::map<std::string, capture_member>(st.remote))
    if (!in_view(st, id))
      drop_remote(self, id);
  if (st.term != 0 && (!now.owner_is_here || now.owner_term != st.term))
    step_down(self);
  if (now.owner_is_here && st.term == 0 && st.local) {
    st.term = now.owner_term;
    spdlog::info("election: capture {} elected owner for term {}", st.local->info.id, st.term);
    self->send(st.local->handle, atom::elected_v, st.term, members(st));
  }
  // The owner hears which captures began to stop (it moves their tables).
  if (st.owner) {
    for (const auto& c : now.captures) {
      auto before = std::find_if(old.captures.begin(), old.captures.end(),
                                 [&](const capture_info& o) { return o.id == c.id; });
      if (!c.alive && (before == old.captures.end() || before->alive))
        self->send(st.owner, atom::stopping_v, c.id);
    }
  }
  connect_missing(self);
  find_owner(self);
}

} // namespace

session_factory etcd_session_factory(std::shared_ptr<membership::session> session, session_options options,
                                     std::shared_ptr<node_state> node) {
  return [=](caf::actor_system& sys, etcd_election_actor election) {
    return sys.spawn<caf::detached>(actors::session, session, options, node, std::move(election));
  };
}

etcd_election_actor::behavior_type etcd_election(self_ptr self, std::shared_ptr<capture_directory> published,
                                                 std::string cluster_id, session_factory make_session,
                                                 feed_relay_actor relay) {
  join_control_plane(self);
  auto& st = self->state;
  st.relay = std::move(relay);
  st.published = std::move(published);
  st.cluster_id = std::move(cluster_id);
  st.session = make_session(self->system(), caf::actor_cast<etcd_election_actor>(self));
  self->attach_functor([s = st.session] { caf::anon_send_exit(s, caf::exit_reason::user_shutdown); });
  // A remote capture whose connection dropped is gone until reached again.
  self->set_down_handler([self](const caf::down_msg& msg) {
    for (const auto& [id, m] : self->state.remote)
      if (m.handle.address() == msg.source) {
        spdlog::warn("election: lost the connection to capture {}", id);
        drop_remote(self, id);
        return;
      }
  });
  self->delayed_send(self, retry_interval, atom::tick_v);
  return {
    [self](atom::campaign, capture_info& info, capture_actor& handle) {
      auto& st = self->state;
      st.local = capture_member{info, handle};
      self->send(st.session, atom::campaign_v, std::move(info));
    },
    [self](atom::owner, std::uint64_t term, owner_actor& owner) {
      auto& st = self->state;
      if (term != st.term || term == 0)
        return;
      st.owner = owner;
      // Bring the new owner up to date with whoever was reached meanwhile.
      for (const auto& [id, m] : st.remote)
        self->send(owner, atom::joined_v, m);
      announce(self, std::move(owner));
    },
    [self](atom::resign) -> caf::result<bool> {
      auto& st = self->state;
      if (st.view.owner_term == 0)
        return true; // no owner to step down: the next one is being elected
      return self->delegate(st.session, atom::resign_v, st.view.owner_term);
    },
    [self](atom::resign, std::uint64_t term) {
      // The owner role of `term` failed here: end its campaign, so the
      // line moves on (this capture campaigns again, at the back).
      spdlog::warn("election: the owner of term {} failed; ending its campaign", term);
      self->request(self->state.session, caf::infinite, atom::resign_v, term).then([](bool) {});
    },
    [self](atom::stopping, const std::string& id) {
      auto& st = self->state;
      self->send(st.session, atom::stopping_v);
      bool other_alive = std::any_of(st.view.captures.begin(), st.view.captures.end(),
                                     [&](const capture_info& c) { return c.alive && c.id != id; });
      // A stopping owner hands over while another capture can take over.
      if (st.term != 0 && other_alive)
        self->request(st.session, caf::infinite, atom::resign_v, st.term).then([](bool) {});
    },
    [self](atom::owner) { return self->state.announced; },
    [self](atom::subscribe, owner_listener_actor& sub) {
      self->send(sub, atom::owner_v, self->state.announced);
      self->state.subscribers.push_back(std::move(sub));
    },
    [self](atom::captures, membership_view& v) { apply(self, std::move(v)); },
    [self](atom::joined, capture_member& other) {
      auto& st = self->state;
      auto id = other.info.id;
      if (in_view(st, id))
        return connected(self, id, std::move(other.handle), false);
      // Not in this node's view yet: taken when the view shows it.
      st.introduced[id] = std::move(other.handle);
    },
    [self](atom::left, std::string& next_id) {
      auto& st = self->state;
      step_down(self);
      st.view = {};
      publish(self);
      for (const auto& [id, m] : std::map<std::string, capture_member>(st.remote))
        drop_remote(self, id);
      st.introduced.clear();
      st.remote_owner_term = 0;
      announce(self, owner_actor{});
      follow(self, capture_actor{});
      if (st.local) {
        self->send(st.local->handle, atom::left_v);
        // The capture comes back as a new one: the views and the owner's
        // members name it by its new ID from now on.
        st.local->info.id = std::move(next_id);
      }
    },
    [self](atom::tick) {
      connect_missing(self);
      find_owner(self);
      self->delayed_send(self, retry_interval, atom::tick_v);
    },
  };
}

} // namespace cdc::actors
