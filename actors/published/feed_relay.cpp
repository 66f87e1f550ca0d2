// The feed relay; see feed_relay.hpp.
#include "actors/published/feed_relay.hpp"

#include <set>

#include <spdlog/spdlog.h>

namespace cdc::actors {

namespace {

using self_ptr = feed_relay_actor::stateful_pointer<feed_relay_state>;

/// The delta of `now` against what was sent before (null: nothing was).
feed_delta delta(const feed_snapshot& now, const feed_snapshot* before) {
  const auto& v = now.view();
  feed_delta d;
  d.key = v.info->key;
  if (!before || before->view().info != v.info)
    d.info = v.info;
  d.progress = v.progress;
  d.admin_job_type = v.admin_job_type;
  d.placement_changed = !before || before->view().task_status != v.task_status;
  if (d.placement_changed)
    d.task_status = v.task_status;
  d.holds_tables = v.holds_tables;
  return d;
}

/// Sends the followers what changed since the last round.
void publish_changes(self_ptr self) {
  auto& st = self->state;
  if (st.followers.empty()) {
    st.sent.clear();
    return;
  }
  feed_updates u;
  std::map<model::changefeed_key, std::shared_ptr<const feed_snapshot>> now;
  for (auto& snap : st.directory->all()) {
    const auto& key = snap->view().info->key;
    auto it = st.sent.find(key);
    if (it == st.sent.end() || it->second != snap)
      u.changed.push_back(delta(*snap, it == st.sent.end() ? nullptr : it->second.get()));
    now.emplace(key, std::move(snap));
  }
  for (const auto& [key, snap] : st.sent)
    if (!now.count(key))
      u.removed.push_back(key);
  st.sent = std::move(now);
  if (u.changed.empty() && u.removed.empty())
    return;
  for (const auto& f : st.followers)
    self->send(f.handle, atom::update_v, f.subscription, u);
}

} // namespace

feed_updates full_updates(const feed_directory& directory) {
  feed_updates u;
  u.full = true;
  for (const auto& snap : directory.all())
    u.changed.push_back(delta(*snap, nullptr));
  return u;
}

void apply_updates(feed_directory& directory, const feed_updates& u) {
  if (u.full) {
    std::set<model::changefeed_key> keys;
    for (const auto& d : u.changed)
      keys.insert(d.key);
    directory.retain(keys);
  }
  for (const auto& d : u.changed) {
    auto before = directory.find(d.key);
    feed_view v;
    v.info = d.info ? d.info : before ? before->view().info : nullptr;
    if (!v.info)
      continue; // an info never received: the next full update brings it
    v.progress = d.progress;
    v.admin_job_type = d.admin_job_type;
    v.task_status = d.placement_changed ? d.task_status : before ? before->view().task_status : nullptr;
    v.holds_tables = d.holds_tables;
    directory.put(d.key, std::make_shared<const feed_snapshot>(std::move(v)));
  }
  for (const auto& key : u.removed)
    directory.remove(key);
}

feed_relay_actor::behavior_type feed_relay(self_ptr self, std::shared_ptr<feed_directory> directory,
                                           std::shared_ptr<node_state> node, std::chrono::milliseconds interval) {
  auto& st = self->state;
  st.directory = std::move(directory);
  st.node = std::move(node);
  st.interval = interval;
  // A follower that went away (its node died or left) gets nothing more.
  self->set_down_handler([self](const caf::down_msg& msg) {
    std::erase_if(self->state.followers, [&](const auto& f) { return f.handle.address() == msg.source; });
  });
  self->delayed_send(self, st.interval, atom::tick_v);
  return {
    [self](atom::subscribe, feed_follower_actor& follower, std::uint64_t subscription) {
      auto& st = self->state;
      self->monitor(follower);
      std::erase_if(st.followers, [&](const auto& f) { return f.handle == follower; });
      st.followers.push_back({std::move(follower), subscription});
      // The answer holds every feed; the next round's changes are measured
      // against what the other followers were sent, which is never newer.
      return full_updates(*st.directory);
    },
    [self](atom::update, std::uint64_t subscription, feed_updates& u) {
      if (subscription == self->state.following && subscription != 0)
        apply_updates(*self->state.directory, u);
    },
    [self](atom::follow, capture_actor& owner_capture) {
      auto& st = self->state;
      st.following = 0;
      if (!owner_capture)
        return;
      auto subscription = st.next_subscription++;
      st.following = subscription;
      self->request(owner_capture, std::chrono::seconds(10), atom::subscribe_v,
                    caf::actor_cast<feed_follower_actor>(self), subscription)
        .then(
          [self, subscription](feed_updates& all) {
            if (self->state.following == subscription)
              apply_updates(*self->state.directory, all);
          },
          [self, subscription](const caf::error& e) {
            spdlog::warn("feed relay: cannot follow the owner's changefeeds: {}", self->system().render(e));
            if (self->state.following == subscription)
              self->state.following = 0;
          });
    },
    [self](atom::tick) {
      // Only an owner's node has feeds to publish.
      if (self->state.node->owner_ready)
        publish_changes(self);
      self->delayed_send(self, self->state.interval, atom::tick_v);
    },
  };
}

} // namespace cdc::actors
