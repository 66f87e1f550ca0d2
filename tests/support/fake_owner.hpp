// Owner stand-ins for tests of the API actor, which only ever sends an owner
// its API face: they answer health and refuse everything else, and one of
// them steps down while a pause waits in its queue.
#pragma once

#include "actors/errors.hpp"
#include "actors/messages.hpp"

namespace cdc::test {

/// The owner's API face with `pause` as given; health answers, the rest refuse.
template <class Pause>
actors::owner_api_actor::behavior_type owner_face(Pause pause) {
  using namespace cdc::actors;
  auto no = [] { return to_error(model::api_error::not_owner); };
  return {
    [](atom::health) { return true; },
    [no](atom::create, model::changefeed_config&) -> caf::result<model::changefeed_detail> { return no(); },
    std::move(pause),
    [no](atom::resume, const model::changefeed_key&, model::resume_config&) -> caf::result<bool> { return no(); },
    [no](atom::remove, const model::changefeed_key&) -> caf::result<bool> { return no(); },
    [no](atom::update, const model::changefeed_key&, model::changefeed_update&)
      -> caf::result<model::changefeed_detail> { return no(); },
    [no](atom::drain, const std::string&) -> caf::result<std::int64_t> { return no(); },
    [no](atom::move, const model::changefeed_key&, std::int64_t, const std::string&) -> caf::result<bool> {
      return no();
    },
    [no](atom::rebalance, const model::changefeed_key&) -> caf::result<bool> { return no(); },
    [no](atom::safepoint) -> caf::result<bool> { return no(); },
  };
}

inline actors::owner_api_actor::behavior_type fake_owner() {
  return owner_face([](atom::pause, const model::changefeed_key&) -> caf::result<bool> {
    return actors::to_error(model::api_error::not_owner);
  });
}

/// Steps down while a pause waits in its queue: the pause's promise ends
/// with it, unanswered, as an owner's queued operation does.
inline actors::owner_api_actor::behavior_type stepping_down_owner(actors::owner_api_actor::pointer self) {
  return owner_face([self](atom::pause, const model::changefeed_key&) -> caf::result<bool> {
    auto queued = self->make_response_promise<bool>();
    self->quit(caf::exit_reason::user_shutdown);
    return queued;
  });
}

} // namespace cdc::test
