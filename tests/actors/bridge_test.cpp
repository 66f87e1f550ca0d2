// The bridge: jobs run with the current owner, wait briefly during an
// election, and never wait forever.
#include <boost/test/unit_test.hpp>

#include "actors/bridge.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/fake_owner.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

/// Stands in for the election: records subscribers so the test can announce owners.
struct fake_election_state {
  fake_election_state() = default;
  std::vector<bridge_actor> subscribers;
};

election_actor::behavior_type fake_election(election_actor::stateful_pointer<fake_election_state> self) {
  return {
    [](atom::campaign, capture_info&, capture_actor&) {},
    [](atom::owner, std::uint64_t, owner_actor&) {},
    [](atom::resign) { return true; },
    [](atom::resign, std::uint64_t) {},
    [](atom::stopping, const std::string&) {},
    [self](atom::subscribe, bridge_actor& b) { self->state.subscribers.push_back(b); },
  };
}

struct bridge_fixture : test::actor_fixture {
  bridge_fixture() {
    election_hdl = sys.spawn(fake_election);
    bridge_hdl = sys.spawn(bridge, election_hdl);
    run();
  }
  ~bridge_fixture() {
    caf::anon_send_exit(bridge_hdl, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(election_hdl, caf::exit_reason::user_shutdown);
    run();
  }

  /// Posts a job that records whether it saw an owner.
  void post(int& runs, bool& saw_owner, bool needs_owner = true) {
    caf::anon_send(bridge_hdl, bridge_job{[&](bridge_actor::pointer, const owner_actor& owner) {
                                            ++runs;
                                            saw_owner = static_cast<bool>(owner);
                                          },
                                          needs_owner});
  }

  void announce(const owner_actor& owner) {
    caf::anon_send(bridge_hdl, atom::owner_v, owner);
    run();
  }

  election_actor election_hdl;
  bridge_actor bridge_hdl;
};

} // namespace

BOOST_AUTO_TEST_SUITE(bridge_jobs)

BOOST_AUTO_TEST_CASE(a_job_runs_at_once_when_an_owner_is_known) {
  bridge_fixture f;
  f.announce(f.sys.spawn(test::fake_owner));
  int runs = 0;
  bool saw_owner = false;
  f.post(runs, saw_owner);
  f.run();
  BOOST_TEST(runs == 1);
  BOOST_TEST(saw_owner);
}

BOOST_AUTO_TEST_CASE(a_job_waits_for_the_next_owner_during_an_election) {
  bridge_fixture f;
  int runs = 0;
  bool saw_owner = false;
  f.post(runs, saw_owner);
  f.run();
  BOOST_TEST(runs == 0);
  f.announce(f.sys.spawn(test::fake_owner));
  BOOST_TEST(runs == 1);
  BOOST_TEST(saw_owner);
}

BOOST_AUTO_TEST_CASE(a_waiting_job_runs_without_owner_after_the_wait_limit) {
  bridge_fixture f;
  int runs = 0;
  bool saw_owner = true;
  f.post(runs, saw_owner);
  f.run();
  f.sched.trigger_timeouts();
  f.run();
  BOOST_TEST(runs == 1);
  BOOST_TEST(!saw_owner);
}

BOOST_AUTO_TEST_CASE(a_job_that_needs_no_owner_never_waits) {
  bridge_fixture f;
  int runs = 0;
  bool saw_owner = true;
  f.post(runs, saw_owner, false);
  f.run();
  BOOST_TEST(runs == 1);
  BOOST_TEST(!saw_owner);
}

BOOST_AUTO_TEST_CASE(a_stale_wait_timer_does_not_flush_later_jobs_early) {
  bridge_fixture f;
  int first = 0, second = 0;
  bool saw1 = false, saw2 = false;
  f.post(first, saw1);
  f.run();
  f.announce(f.sys.spawn(test::fake_owner)); // flushes the first job
  f.announce(owner_actor{});              // election again
  f.post(second, saw2);
  f.run();
  // Fire only the first timer (the stale one): the second job keeps waiting.
  f.sched.trigger_timeout();
  f.run();
  BOOST_TEST(first == 1);
  BOOST_TEST(second == 0);
}

BOOST_AUTO_TEST_SUITE_END()
