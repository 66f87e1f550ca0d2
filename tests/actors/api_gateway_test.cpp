// The API actor: writes go to the current owner, reads come from what the
// cluster published under it, requests wait briefly during an election and
// never forever, a write the owner took fails at once if it steps down
// before answering, and a resign goes to the election.
#include <boost/test/unit_test.hpp>

#include "actors/control/api_gateway.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/fake_owner.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

/// Stands in for the election: records subscribers so the test can announce
/// owners, and counts resigns.
struct fake_election_state {
  fake_election_state() = default;
  std::vector<owner_listener_actor> subscribers;
  int resigns = 0;
};

election_actor::behavior_type fake_election(election_actor::stateful_pointer<fake_election_state> self) {
  return {
    [](atom::campaign, capture_info&, capture_actor&) {},
    [](atom::owner, std::uint64_t, owner_actor&) {},
    [](atom::owner) { return owner_actor{}; },
    [self](atom::resign) {
      ++self->state.resigns;
      return true;
    },
    [](atom::resign, std::uint64_t) {},
    [](atom::stopping, const std::string&) {},
    [self](atom::subscribe, owner_listener_actor& l) { self->state.subscribers.push_back(l); },
    [](atom::joined, const capture_member&) {},
  };
}

struct gateway_fixture : test::actor_fixture {
  gateway_fixture() {
    election_hdl = sys.spawn(fake_election);
    gateway = sys.spawn(api_gateway, election_hdl, published_reads{feeds, captures});
    run();
  }
  ~gateway_fixture() {
    caf::anon_send_exit(gateway, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(election_hdl, caf::exit_reason::user_shutdown);
    run();
  }

  /// Sends `xs...` to the API actor; the answer lands in the returned
  /// slot whenever it comes (the test can look before).
  template <class T, class... Ts>
  test::pending<T> send(Ts... xs) {
    return send_request<T>(api_actor{gateway}, xs...);
  }

  /// What an election publishes when `owner` takes office: one capture.
  void elect(const owner_api_actor& owner) {
    captures->publish(std::make_shared<capture_directory::captures>(
      capture_directory::captures{{"c1", true, "a:1"}}));
    announce(owner);
  }

  /// The election announces whole owners; the gateway uses their API face
  /// only, which is all a fake owner has.
  void announce(const owner_api_actor& owner) {
    caf::anon_send(caf::actor_cast<owner_listener_actor>(gateway), atom::owner_v, caf::actor_cast<owner_actor>(owner));
    run();
  }

  std::shared_ptr<feed_directory> feeds = std::make_shared<feed_directory>();
  std::shared_ptr<capture_directory> captures = std::make_shared<capture_directory>();
  election_actor election_hdl;
  api_gateway_actor gateway;
};

using capture_list = std::vector<model::capture_view>;

} // namespace

BOOST_AUTO_TEST_SUITE(api_gateway_requests)

BOOST_AUTO_TEST_CASE(a_write_goes_to_the_owner_and_its_answer_comes_back) {
  gateway_fixture f;
  f.elect(f.sys.spawn(test::fake_owner));
  auto healthy = f.send<bool>(atom::health_v);
  f.run();
  BOOST_REQUIRE(healthy->has_value());
  BOOST_TEST((**healthy).value());
}

BOOST_AUTO_TEST_CASE(reads_come_from_what_was_published_under_the_owner) {
  gateway_fixture f;
  f.elect(f.sys.spawn(test::fake_owner));
  auto caps = f.send<capture_list>(atom::captures_v);
  auto procs = f.send<std::vector<model::processor_item>>(atom::processors_v);
  auto proc = f.send<model::processor_detail>(atom::processor_v, model::changefeed_key{"default", "cf"},
                                              std::string("c1"));
  f.run();
  BOOST_REQUIRE(caps->has_value());
  BOOST_TEST((**caps).value().at(0).id == "c1");
  BOOST_REQUIRE(procs->has_value());
  BOOST_TEST((**procs).value().empty());
  BOOST_REQUIRE(proc->has_value());
  BOOST_TEST((**proc).error().kind == model::api_error::changefeed_not_exists);
}

BOOST_AUTO_TEST_CASE(a_read_while_an_owner_hands_over_waits_for_the_next_one) {
  gateway_fixture f;
  f.announce(f.sys.spawn(test::fake_owner)); // known here, but its captures are withdrawn
  auto caps = f.send<capture_list>(atom::captures_v);
  f.run();
  BOOST_TEST(!caps->has_value());
  f.elect(f.sys.spawn(test::fake_owner));
  BOOST_REQUIRE(caps->has_value());
  BOOST_TEST((**caps).value().at(0).id == "c1");
}

BOOST_AUTO_TEST_CASE(the_owners_refusal_reaches_the_requester_as_an_api_failure) {
  gateway_fixture f;
  f.announce(f.sys.spawn(test::fake_owner));
  auto paused = f.send<bool>(atom::pause_v, model::changefeed_key{"default", "cf"});
  f.run();
  BOOST_REQUIRE(paused->has_value());
  BOOST_TEST((**paused).error().kind == model::api_error::not_owner);
}

BOOST_AUTO_TEST_CASE(a_request_waits_for_the_next_owner_during_an_election) {
  gateway_fixture f;
  auto caps = f.send<capture_list>(atom::captures_v);
  f.run();
  BOOST_TEST(!caps->has_value());
  f.elect(f.sys.spawn(test::fake_owner));
  BOOST_REQUIRE(caps->has_value());
  BOOST_TEST((**caps).has_value());
}

BOOST_AUTO_TEST_CASE(a_waiting_request_fails_with_owner_not_found_after_the_wait_limit) {
  gateway_fixture f;
  auto healthy = f.send<bool>(atom::health_v);
  f.run();
  f.sched.trigger_timeouts();
  f.run();
  BOOST_REQUIRE(healthy->has_value());
  BOOST_TEST((**healthy).error().kind == model::api_error::owner_not_found);
}

BOOST_AUTO_TEST_CASE(a_resign_goes_to_the_election_without_waiting_for_an_owner) {
  gateway_fixture f;
  auto resigned = f.send<bool>(atom::resign_v);
  f.run();
  BOOST_REQUIRE(resigned->has_value());
  BOOST_TEST((**resigned).value());
}

BOOST_AUTO_TEST_CASE(a_stale_wait_timer_does_not_fail_later_requests_early) {
  gateway_fixture f;
  auto first = f.send<bool>(atom::health_v);
  f.run();
  f.announce(f.sys.spawn(test::fake_owner)); // answers the first
  f.announce(owner_api_actor{});              // election again
  auto second = f.send<bool>(atom::health_v);
  f.run();
  // Fire only the first timer (the stale one): the second keeps waiting.
  f.sched.trigger_timeout();
  f.run();
  BOOST_TEST(first->has_value());
  BOOST_TEST(!second->has_value());
}

BOOST_AUTO_TEST_CASE(a_write_the_owner_held_when_it_stepped_down_fails_at_once_with_owner_not_found) {
  gateway_fixture f;
  f.elect(f.sys.spawn(test::stepping_down_owner));
  auto paused = f.send<bool>(atom::pause_v, model::changefeed_key{"default", "cf"});
  // No timer fires: the answer comes from the owner's end, not a timeout.
  f.run();
  BOOST_REQUIRE(paused->has_value());
  BOOST_TEST((**paused).error().kind == model::api_error::owner_not_found);
}

BOOST_AUTO_TEST_SUITE_END()
