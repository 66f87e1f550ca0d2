// An owner stand-in for tests of the API actor, which only ever sends an
// owner its API face: it answers health and refuses everything else.
#pragma once

#include "actors/errors.hpp"
#include "actors/messages.hpp"

namespace cdc::test {

inline actors::owner_api_actor::behavior_type fake_owner() {
  using namespace cdc::actors;
  auto no = [] { return to_error(model::api_error::not_owner); };
  return {
    [](atom::health) { return true; },
    [no](atom::create, model::changefeed_config&) -> caf::result<model::changefeed_detail> { return no(); },
    [no](atom::pause, const model::changefeed_key&) -> caf::result<bool> { return no(); },
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

} // namespace cdc::test
