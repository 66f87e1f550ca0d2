#include "actors/control_lane.hpp"

#include <algorithm>
#include <cerrno>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <caf/scheduler/coordinator.hpp>

namespace cdc::actors {

void lower_thread_priority(int by) {
  auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  int now = getpriority(PRIO_PROCESS, tid);
  if (now == -1 && errno != 0)
    return;
  setpriority(PRIO_PROCESS, tid, std::min(now + by, 19));
}

void use_control_first_scheduler(caf::actor_system_config& cfg) {
  // The system takes a scheduler module loaded here in place of the one
  // "scheduler.policy" would pick.
  cfg.module_factories.push_back([](caf::actor_system& sys) -> caf::actor_system::module* {
    return new caf::scheduler::coordinator<control_first_policy>(sys);
  });
}

} // namespace cdc::actors
