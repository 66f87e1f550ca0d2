// The election of cluster mode, driven through its session seam: etcd's
// view of the cluster decides which capture owns, a capture that no longer
// owns lets go, a lost lease stops everything the node holds, and resigns
// and graceful stops become campaign changes in etcd.
#include <boost/test/unit_test.hpp>

#include "actors/membership/etcd_election.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/capture_stub.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

/// What the fake session and capture were told.
struct journal {
  std::vector<std::string> campaigns;
  std::vector<std::uint64_t> resigned_campaigns;
  int stopping = 0;
  std::vector<std::uint64_t> elected;
  /// The local capture's ID as the election named it in its last `elected`.
  std::string elected_as;
  std::vector<std::uint64_t> capture_resigns;
  int lost = 0;
};

session_actor::behavior_type fake_session(session_actor::pointer, std::shared_ptr<journal> j) {
  return {
    [j](atom::campaign, capture_info& info) { j->campaigns.push_back(info.id); },
    [j](atom::resign, std::uint64_t term) {
      j->resigned_campaigns.push_back(term);
      return true;
    },
    [j](atom::stopping) { ++j->stopping; },
    [](atom::tick) {},
    [](atom::captures) {},
  };
}

struct election_fixture : test::actor_fixture {
  election_fixture() {
    auto factory = [j = log](caf::actor_system& s, etcd_election_actor) { return s.spawn(fake_session, j); };
    election = sys.spawn(etcd_election, published, "c1", session_factory{factory}, feed_relay_actor{});
    test::capture_stub_hooks hooks;
    hooks.elected = [j = log](std::uint64_t term, const std::vector<capture_member>& members) {
      j->elected.push_back(term);
      j->elected_as = members.empty() ? "" : members.front().info.id;
    };
    hooks.resign = [j = log](std::uint64_t term) { j->capture_resigns.push_back(term); };
    hooks.left = [j = log] { ++j->lost; };
    capture = sys.spawn(test::capture_stub, std::move(hooks));
    caf::anon_send(election, atom::campaign_v, capture_info{"here", "h:1"}, capture);
    run();
  }
  ~election_fixture() {
    caf::anon_send_exit(election, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(capture, caf::exit_reason::user_shutdown);
    run();
  }

  /// etcd's view: captures "here" and "there", `owner` first in line at `term`.
  void view(const std::string& owner, std::uint64_t term, bool there_alive = true, const std::string& here = "here") {
    membership_view v;
    v.captures = {{here, "h:1", true}, {"there", "t:1", there_alive}};
    v.owner_id = owner;
    v.owner_term = term;
    v.owner_is_here = owner == here;
    caf::anon_send(election, atom::captures_v, std::move(v));
    run();
  }

  /// The published captures as "id[*]" (the owner starred), or "none".
  std::string captures() const {
    auto now = published->current();
    if (!now)
      return "none";
    std::string out;
    for (const auto& c : *now)
      out += (out.empty() ? "" : " ") + c.id + (c.is_owner ? "*" : "");
    return out;
  }

  std::shared_ptr<journal> log = std::make_shared<journal>();
  std::shared_ptr<capture_directory> published = std::make_shared<capture_directory>();
  etcd_election_actor election;
  capture_actor capture;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(etcd_election_suite, election_fixture)

BOOST_AUTO_TEST_CASE(the_local_capture_campaigns_through_the_session) {
  BOOST_TEST(log->campaigns == std::vector<std::string>{"here"});
}

BOOST_AUTO_TEST_CASE(first_in_line_here_makes_the_local_capture_owner_of_that_term) {
  view("here", 17);
  BOOST_TEST(log->elected == std::vector<std::uint64_t>{17});
  BOOST_TEST(captures() == "here* there");
  // The same view again elects nobody twice.
  view("here", 17);
  BOOST_TEST(log->elected.size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_owner_on_another_node_is_published_but_not_started_here) {
  view("there", 9);
  BOOST_TEST(log->elected.empty());
  BOOST_TEST(captures() == "here there*");
  view("", 0);
  BOOST_TEST(captures() == "none"); // no owner anywhere: reads wait for one
}

BOOST_AUTO_TEST_CASE(a_capture_that_is_no_longer_first_lets_go) {
  view("here", 17);
  view("there", 23);
  BOOST_TEST(log->capture_resigns == std::vector<std::uint64_t>{17});
  // Back in front with a new campaign: a new term.
  view("here", 31);
  BOOST_TEST(log->elected == (std::vector<std::uint64_t>{17, 31}));
}

BOOST_AUTO_TEST_CASE(a_lost_lease_stops_the_owner_role_and_every_processor) {
  view("here", 17);
  BOOST_TEST(log->elected_as == "here");
  // The session registers again as a new capture, "here-2".
  caf::anon_send(election, atom::left_v, std::string{"here-2"});
  run();
  BOOST_TEST(log->capture_resigns == std::vector<std::uint64_t>{17});
  BOOST_TEST(log->lost == 1);
  BOOST_TEST(captures() == "none");
  // Registered again under the new ID and first in line: owner of the new
  // term, with the local capture under its new ID among the members.
  view("here-2", 40, true, "here-2");
  BOOST_TEST(log->elected == (std::vector<std::uint64_t>{17, 40}));
  BOOST_TEST(log->elected_as == "here-2");
  BOOST_TEST(captures() == "here-2* there");
}

BOOST_AUTO_TEST_CASE(a_resign_ends_the_owners_campaign_wherever_it_runs) {
  BOOST_TEST(ask<bool>(election, atom::resign_v)); // no owner yet: nothing to end
  BOOST_TEST(log->resigned_campaigns.empty());
  view("there", 23);
  BOOST_TEST(ask<bool>(election, atom::resign_v));
  BOOST_TEST(log->resigned_campaigns == std::vector<std::uint64_t>{23});
}

BOOST_AUTO_TEST_CASE(a_stopping_owner_hands_over_only_while_another_capture_is_alive) {
  view("here", 17);
  caf::anon_send(election, atom::stopping_v, std::string{"here"});
  run();
  BOOST_TEST(log->stopping == 1);
  BOOST_TEST(log->resigned_campaigns == std::vector<std::uint64_t>{17});
}

BOOST_AUTO_TEST_CASE(a_stopping_owner_alone_keeps_the_cluster_owned) {
  view("here", 17, false);
  caf::anon_send(election, atom::stopping_v, std::string{"here"});
  run();
  BOOST_TEST(log->stopping == 1);
  BOOST_TEST(log->resigned_campaigns.empty());
}

BOOST_AUTO_TEST_SUITE_END()
