// Child actors that end with their parent, without CAF links.
//
// CAF 0.17 keeps an actor's links in a singly linked list, and ending a link
// (unlink_from, or a linked child's exit) scans the parent's list, so an
// owner of many feeds paid a scan of all of them on every remove and pause
// (tools/bench/REPORT.md, section 5). Here the parent monitors each child
// instead (that entry lives on the child and dies with it) and one functor
// on the parent ends every child still adopted when the parent exits.
#pragma once

#include <memory>
#include <unordered_map>

#include <caf/actor.hpp>
#include <caf/actor_cast.hpp>
#include <caf/exit_reason.hpp>
#include <caf/send.hpp>
#include <caf/system_messages.hpp>

namespace cdc::actors {

class children {
public:
  /// Ends every adopted child when `self` exits, for whatever reason (a
  /// link would pass a normal exit on to no one).
  template <class Self>
  void bind(Self* self) {
    self->attach_functor([live = live_] {
      for (auto& [id, child] : *live)
        caf::anon_send_exit(child, caf::exit_reason::user_shutdown);
      live->clear();
    });
  }

  /// `child` now ends with the parent; the parent learns (on_down) if it
  /// ends first on its own.
  template <class Self, class Handle>
  void adopt(Self* self, const Handle& child) {
    self->monitor(child);
    live_->emplace(child.id(), caf::actor_cast<caf::actor>(child));
  }

  /// The parent ends `child` itself: its end is no longer news.
  template <class Handle>
  void release(const Handle& child) {
    live_->erase(child.id());
  }

  /// For the parent's down handler: true when `msg` reports an adopted child
  /// that ended on its own with an error (as a link would have propagated).
  bool failed(const caf::down_msg& msg) {
    auto it = live_->find(msg.source.id());
    if (it == live_->end())
      return false;
    live_->erase(it);
    return msg.reason && msg.reason != caf::exit_reason::normal;
  }

private:
  std::shared_ptr<std::unordered_map<caf::actor_id, caf::actor>> live_
    = std::make_shared<std::unordered_map<caf::actor_id, caf::actor>>();
};

} // namespace cdc::actors
