// The scheduler cdc server runs on: a message from outside the scheduler
// (an HTTP thread, the meta store's thread) to a control-plane actor runs
// before the data plane's work already queued, and the workers run at a
// lower OS priority than the threads that answer requests.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <future>
#include <mutex>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>

#include "actors/cluster.hpp"
#include "actors/control_lane.hpp"

using namespace cdc;

namespace {

/// One worker, so the order its queue runs jobs in is the order they ran.
struct one_worker_config : caf::actor_system_config {
  one_worker_config() { actors::configure_scheduler(*this, 1); }
};

struct ran_log {
  std::mutex mu;
  std::vector<std::string> order;
  void add(std::string who) {
    std::lock_guard guard{mu};
    order.push_back(std::move(who));
  }
};

caf::behavior recorder(caf::event_based_actor* self, std::shared_ptr<ran_log> log, std::string name, bool control) {
  if (control)
    actors::join_control_plane(self);
  return {[log, name](int) { log->add(name); }};
}

caf::behavior blocker(caf::event_based_actor*, std::shared_future<void> release) {
  return {[release](int) { release.wait(); }};
}

} // namespace

BOOST_AUTO_TEST_SUITE(control_lane)

BOOST_AUTO_TEST_CASE(a_control_plane_message_from_outside_runs_before_queued_data_plane_work) {
  one_worker_config cfg;
  caf::actor_system sys{cfg};
  auto log = std::make_shared<ran_log>();
  std::vector<caf::actor> data;
  for (int i = 0; i < 20; ++i)
    data.push_back(sys.spawn(recorder, log, "data-" + std::to_string(i), false));
  auto owner = sys.spawn(recorder, log, "owner", true);
  {
    // Let every actor start before the worker is held.
    caf::scoped_actor self{sys};
    for (const auto& a : data)
      self->send(a, 0);
    self->send(owner, 0);
  }
  for (int spin = 0; spin < 1000; ++spin) {
    {
      std::lock_guard guard{log->mu};
      if (log->order.size() == data.size() + 1)
        break;
    }
    usleep(1000);
  }
  log->order.clear();
  std::promise<void> release;
  auto hold = sys.spawn(blocker, release.get_future().share());
  caf::anon_send(hold, 0);
  usleep(20000); // the one worker is now inside the blocker
  for (const auto& a : data)
    caf::anon_send(a, 1);
  caf::anon_send(owner, 1);
  release.set_value();
  for (int spin = 0; spin < 1000; ++spin) {
    {
      std::lock_guard guard{log->mu};
      if (log->order.size() == data.size() + 1)
        break;
    }
    usleep(1000);
  }
  std::lock_guard guard{log->mu};
  BOOST_REQUIRE_EQUAL(log->order.size(), data.size() + 1);
  BOOST_TEST(log->order.front() == "owner");
  BOOST_TEST(log->order.back() == "data-19"); // the data plane keeps its order
}

BOOST_AUTO_TEST_CASE(workers_run_at_a_lower_priority_than_the_threads_that_answer) {
  one_worker_config cfg;
  caf::actor_system sys{cfg};
  auto ask_priority = sys.spawn([](caf::event_based_actor*) -> caf::behavior {
    return {[](int) {
      errno = 0;
      return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
    }};
  });
  caf::scoped_actor self{sys};
  int worker_nice = 0;
  self->request(ask_priority, caf::infinite, 0).receive([&](int n) { worker_nice = n; }, [](caf::error&) {});
  BOOST_TEST(worker_nice > getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))));
}

BOOST_AUTO_TEST_SUITE_END()
