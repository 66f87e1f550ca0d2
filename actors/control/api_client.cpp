#include "actors/control/api_client.hpp"

#include <caf/scoped_actor.hpp>

#include "actors/control_lane.hpp"

namespace cdc::actors {

namespace {

api_caller_actor::behavior_type api_caller(api_caller_actor::pointer self) {
  join_control_plane(self);
  return {
    [self](api_call& call) { call.run(self); },
  };
}

} // namespace

api_client::api_client(caf::actor_system& sys, api_actor api, std::size_t callers, std::chrono::milliseconds timeout)
  : api_(std::move(api)), timeout_(timeout) {
  for (std::size_t i = 0; i < std::max<std::size_t>(1, callers); ++i)
    callers_.push_back(sys.spawn(api_caller));
}

void api_client::stop(caf::actor_system& sys) {
  caf::scoped_actor self{sys};
  for (const auto& c : callers_) {
    self->monitor(c);
    caf::anon_send_exit(c, caf::exit_reason::user_shutdown);
  }
  for (std::size_t i = 0; i < callers_.size(); ++i)
    self->receive([](const caf::down_msg&) {});
}

} // namespace cdc::actors
