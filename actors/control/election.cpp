#include "actors/control/election.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include <caf/system_messages.hpp>
#include <spdlog/spdlog.h>

#include "actors/control_lane.hpp"

namespace cdc::actors {

using self_ptr = election_actor::stateful_pointer<election_state>;

// A capture that does not let go of ownership within this time is presumed
// gone, as an expired etcd lease would make it.
constexpr auto resign_timeout = std::chrono::seconds(5);

election_state::member* election_state::find(const std::string& id) {
  auto it = std::find_if(line.begin(), line.end(), [&](const member& m) { return m.info.id == id; });
  return it == line.end() ? nullptr : &*it;
}

void election_state::publish() const {
  if (!published)
    return;
  if (!owner) {
    published->publish(nullptr);
    return;
  }
  auto views = std::make_shared<capture_directory::captures>();
  for (const auto& m : line)
    views->push_back({m.info.id, m.info.id == owner_id, m.info.address, cluster_id});
  std::sort(views->begin(), views->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  published->publish(std::move(views));
}

namespace {

void set_owner(self_ptr self, owner_actor owner) {
  self->state.owner = std::move(owner);
  self->state.publish();
  for (const auto& sub : self->state.subscribers)
    self->send(sub, atom::owner_v, self->state.owner);
}

/// Starts a new term with the first alive capture in line (or the first at
/// all when every capture is stopping, so the cluster keeps an owner).
void elect(self_ptr self) {
  auto& st = self->state;
  st.owner_id.clear();
  st.resign_pending = false;
  if (st.line.empty())
    return;
  auto it = std::find_if(st.line.begin(), st.line.end(), [](const auto& m) { return m.info.alive; });
  if (it == st.line.end())
    it = st.line.begin();
  ++st.term;
  st.owner_id = it->info.id;
  spdlog::info("election: capture {} elected owner for term {}", st.owner_id, st.term);
  self->send(it->handle, atom::elected_v, st.term, st.members());
}

/// Moves the owner to the back of the line, waits until it has let go, then
/// elects the next one.
void hand_over(self_ptr self) {
  auto& st = self->state;
  auto it = std::find_if(st.line.begin(), st.line.end(),
                         [&](const auto& m) { return m.info.id == st.owner_id; });
  if (it == st.line.end()) {
    elect(self);
    return;
  }
  auto old = std::move(*it);
  st.line.erase(it);
  st.line.push_back(old);
  st.handing_over = true;
  st.owner_id.clear();
  set_owner(self, owner_actor{});
  auto done = [self] {
    self->state.handing_over = false;
    elect(self);
  };
  self->request(old.handle, resign_timeout, atom::resign_v, st.term)
    .then([done](bool) { done(); }, [done](const caf::error&) { done(); });
}

/// A resign from the API. One during a handover is absorbed by it; one
/// while the owner is still starting waits for it (see resign_pending).
void resign_owner(self_ptr self) {
  auto& st = self->state;
  if (st.handing_over || st.owner_id.empty())
    return;
  if (!st.owner) {
    st.resign_pending = true;
    return;
  }
  hand_over(self);
}

} // namespace

election_actor::behavior_type election(self_ptr self, std::shared_ptr<capture_directory> published,
                                       std::string cluster_id) {
  join_control_plane(self);
  self->state.published = std::move(published);
  self->state.cluster_id = std::move(cluster_id);
  self->set_down_handler([self](const caf::down_msg& msg) {
    auto& st = self->state;
    auto it = std::find_if(st.line.begin(), st.line.end(),
                           [&](const auto& m) { return m.handle.address() == msg.source; });
    if (it == st.line.end())
      return;
    auto id = it->info.id;
    spdlog::warn("election: capture {} is gone", id);
    st.line.erase(it);
    if (id == st.owner_id) {
      set_owner(self, owner_actor{});
      elect(self);
    } else if (st.owner) {
      self->send(st.owner, atom::left_v, id);
      st.publish();
    }
  });
  return {
    [self](atom::campaign, capture_info& info, capture_actor& handle) {
      auto& st = self->state;
      self->monitor(handle);
      st.line.push_back({info, handle});
      if (st.owner_id.empty() && !st.handing_over)
        elect(self);
      else if (st.owner) {
        self->send(st.owner, atom::joined_v, capture_member{info, handle});
        st.publish();
      }
      // An owner still starting up learns of it when it reports in.
    },
    [self](atom::owner, std::uint64_t term, owner_actor& owner) {
      auto& st = self->state;
      if (term != st.term || st.owner_id.empty())
        return; // an owner of a term already over
      // Bring the new owner up to date with whoever joined while it started.
      for (const auto& m : st.line)
        self->send(owner, atom::joined_v, m);
      set_owner(self, std::move(owner));
      if (std::exchange(st.resign_pending, false))
        resign_owner(self);
    },
    [self](atom::resign) {
      resign_owner(self);
      return true;
    },
    [self](atom::resign, std::uint64_t term) {
      // The owner of `term` failed on its capture: elect again (the capture
      // stays in line, so it may win the next term itself).
      auto& st = self->state;
      if (term != st.term || st.owner_id.empty() || st.handing_over)
        return;
      spdlog::warn("election: the owner of term {} failed; electing again", term);
      hand_over(self);
    },
    [self](atom::stopping, const std::string& id) {
      auto& st = self->state;
      auto* m = st.find(id);
      if (!m)
        return;
      m->info.alive = false;
      if (st.owner)
        self->send(st.owner, atom::stopping_v, id);
      // A stopping owner hands over while another capture can take over.
      bool other_alive = std::any_of(st.line.begin(), st.line.end(),
                                     [](const auto& x) { return x.info.alive; });
      if (id == st.owner_id && other_alive)
        resign_owner(self);
    },
    [self](atom::owner) { return self->state.owner; },
    [self](atom::subscribe, owner_listener_actor& sub) {
      self->send(sub, atom::owner_v, self->state.owner);
      self->state.subscribers.push_back(std::move(sub));
    },
    // Every capture of one process campaigns here directly.
    [](atom::joined, const capture_member&) {},
  };
}

} // namespace cdc::actors
