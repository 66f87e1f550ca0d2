// The election of cluster mode; see etcd_election.hpp.
#include "actors/membership/etcd_election.hpp"

#include <algorithm>

#include <caf/send.hpp>
#include <spdlog/spdlog.h>

namespace cdc::actors {

namespace {

using self_ptr = etcd_election_actor::stateful_pointer<etcd_election_state>;

void set_owner(self_ptr self, owner_actor owner) {
  self->state.owner = std::move(owner);
  for (const auto& sub : self->state.subscribers)
    self->send(sub, atom::owner_v, self->state.owner);
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

/// The local capture lets go of the owner role it holds.
void step_down(self_ptr self) {
  auto& st = self->state;
  if (st.term == 0)
    return;
  spdlog::info("election: capture {} no longer owns (term {})", st.local ? st.local->info.id : "?", st.term);
  if (st.local)
    self->request(st.local->handle, caf::infinite, atom::resign_v, st.term).then([](bool) {});
  st.term = 0;
  set_owner(self, owner_actor{});
}

void apply(self_ptr self, membership_view v) {
  auto& st = self->state;
  auto old = std::exchange(st.view, std::move(v));
  publish(self);
  const auto& now = st.view;
  if (now.owner_id != old.owner_id || now.owner_term != old.owner_term)
    spdlog::info("election: owner is {} (term {})", now.owner_id.empty() ? "nobody" : now.owner_id, now.owner_term);
  if (st.term != 0 && (!now.owner_is_here || now.owner_term != st.term))
    step_down(self);
  if (now.owner_is_here && st.term == 0 && st.local) {
    st.term = now.owner_term;
    spdlog::info("election: capture {} elected owner for term {}", st.local->info.id, st.term);
    self->send(st.local->handle, atom::elected_v, st.term, std::vector<capture_member>{*st.local});
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
}

} // namespace

session_factory etcd_session_factory(std::shared_ptr<membership::session> session, session_options options,
                                     std::shared_ptr<node_state> node) {
  return [=](caf::actor_system& sys, etcd_election_actor election) {
    return sys.spawn<caf::detached>(actors::session, session, options, node, std::move(election));
  };
}

etcd_election_actor::behavior_type etcd_election(self_ptr self, std::shared_ptr<capture_directory> published,
                                                 std::string cluster_id, session_factory make_session) {
  auto& st = self->state;
  st.published = std::move(published);
  st.cluster_id = std::move(cluster_id);
  st.session = make_session(self->system(), caf::actor_cast<etcd_election_actor>(self));
  self->attach_functor([s = st.session] { caf::anon_send_exit(s, caf::exit_reason::user_shutdown); });
  return {
    [self](atom::campaign, capture_info& info, capture_actor& handle) {
      auto& st = self->state;
      st.local = capture_member{info, handle};
      self->send(st.session, atom::campaign_v, std::move(info));
    },
    [self](atom::owner, std::uint64_t term, owner_actor& owner) {
      if (term == self->state.term && term != 0)
        set_owner(self, std::move(owner));
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
    [self](atom::owner) { return self->state.owner; },
    [self](atom::subscribe, owner_listener_actor& sub) {
      self->send(sub, atom::owner_v, self->state.owner);
      self->state.subscribers.push_back(std::move(sub));
    },
    [self](atom::captures, membership_view& v) { apply(self, std::move(v)); },
    [self](atom::left) {
      auto& st = self->state;
      step_down(self);
      st.view = {};
      publish(self);
      if (st.local)
        self->send(st.local->handle, atom::left_v);
    },
  };
}

} // namespace cdc::actors
