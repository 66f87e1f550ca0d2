// A capture for actor tests that does nothing unless a test asks: the hooks
// it is given see elections, resigns and a lost session, and subscriptions
// go to a relay when one is given. Tests of what talks to captures (the
// election, the feed relay) spawn it instead of each writing out the whole
// capture interface.
#pragma once

#include <functional>

#include "actors/messages.hpp"

namespace cdc::test {

struct capture_stub_hooks {
  std::function<void(std::uint64_t term, const std::vector<actors::capture_member>& members)> elected;
  std::function<void(std::uint64_t term)> resign;
  std::function<void()> left;
  /// Where subscriptions go; without one they are answered with nothing.
  actors::feed_relay_actor relay;
};

inline actors::capture_actor::behavior_type capture_stub(actors::capture_actor::pointer self,
                                                         capture_stub_hooks hooks) {
  using namespace actors;
  return {
    [hooks](atom::elected, std::uint64_t term, std::vector<capture_member>& members) {
      if (hooks.elected)
        hooks.elected(term, members);
    },
    [hooks](atom::resign, std::uint64_t term) {
      if (hooks.resign)
        hooks.resign(term);
      return true;
    },
    [](atom::ready, std::uint64_t) {},
    [](atom::stopping) {},
    [](atom::dispatch, std::uint64_t, std::shared_ptr<const model::changefeed_info>&, changefeed_actor&,
       std::vector<table_start>&, std::vector<std::int64_t>&) { return true; },
    [](atom::report) { return std::vector<processor_report>{}; },
    [](atom::resolved, model::tso_t) {},
    [](atom::progress, const model::changefeed_key&, std::vector<table_progress>&) {},
    [](atom::quiet, const model::changefeed_key&, model::tso_t, std::uint64_t) {},
    [hooks](atom::left) {
      if (hooks.left)
        hooks.left();
    },
    [](atom::owner) { return owner_actor{}; },
    [self, hooks](atom::subscribe, feed_follower_actor& f, std::uint64_t n) -> caf::result<feed_updates> {
      if (!hooks.relay)
        return feed_updates{};
      return self->delegate(hooks.relay, atom::subscribe_v, f, n);
    },
    [](atom::joined, const capture_member&) {},
  };
}

} // namespace cdc::test
