// An owner stand-in for tests of actors that only need to reach "an owner":
// it answers the captures list and health, and refuses everything else.
#pragma once

#include "actors/errors.hpp"
#include "actors/messages.hpp"

namespace cdc::test {

inline actors::owner_actor::behavior_type fake_owner() {
  using namespace cdc::actors;
  auto no = [] { return to_error(model::api_error::not_owner); };
  return {
    [](atom::captures) { return std::vector<model::capture_view>{{"c1", true, "a:1"}}; },
    [](atom::health) { return true; },
    [](atom::joined, capture_member&) {},
    [](atom::left, const std::string&) {},
    [](atom::stopping, const std::string&) {},
    [no](atom::create, model::changefeed_config&) -> caf::result<model::changefeed_detail> { return no(); },
    [no](atom::get, const model::changefeed_key&) -> caf::result<changefeed_actor> { return no(); },
    [no](atom::pause, const model::changefeed_key&) -> caf::result<bool> { return no(); },
    [no](atom::resume, const model::changefeed_key&, model::resume_config&) -> caf::result<bool> { return no(); },
    [no](atom::remove, const model::changefeed_key&) -> caf::result<bool> { return no(); },
    [no](atom::update, const model::changefeed_key&, model::changefeed_update&)
      -> caf::result<model::changefeed_detail> { return no(); },
    [no](atom::processors) -> caf::result<std::vector<model::processor_item>> { return no(); },
    [no](atom::processor, const model::changefeed_key&, const std::string&)
      -> caf::result<model::processor_detail> { return no(); },
    [](atom::state, const model::changefeed_key&, bool) {},
    [](atom::load) {},
  };
}

} // namespace cdc::test
