// Election, captures and the owner role under CAF's deterministic scheduler.
#include <boost/test/unit_test.hpp>

#include "actors/bridge.hpp"
#include "actors/capture.hpp"
#include "actors/election.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

struct cluster_fixture : test::actor_fixture {
  explicit cluster_fixture(std::size_t n = 3) {
    election_hdl = sys.spawn(election);
    for (std::size_t i = 0; i < n; ++i)
      add_capture();
    bridge_hdl = sys.spawn(bridge, election_hdl);
    run();
  }

  ~cluster_fixture() {
    for (auto& c : captures)
      caf::anon_send_exit(c, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(bridge_hdl, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(election_hdl, caf::exit_reason::user_shutdown);
    run();
  }

  void add_capture() {
    auto i = nodes.size();
    auto node = std::make_shared<node_state>("capture-" + std::to_string(i),
                                             "127.0.0.1:" + std::to_string(8300 + i));
    auto cap = sys.spawn(capture, node, election_hdl);
    caf::anon_send(election_hdl, atom::campaign_v, capture_info{node->capture_id, node->address}, cap);
    nodes.push_back(node);
    captures.push_back(cap);
  }

  /// The IDs of the nodes that currently claim ownership.
  std::vector<std::string> claimed_owners() const {
    std::vector<std::string> out;
    for (const auto& n : nodes)
      if (n->is_owner)
        out.push_back(n->capture_id);
    return out;
  }

  /// Asks the current owner through the bridge, as an HTTP request would.
  std::vector<model::capture_view> owner_captures() {
    std::vector<model::capture_view> out;
    bool owner_missing = false;
    caf::anon_send(bridge_hdl, bridge_job{[&](bridge_actor::pointer self, const owner_actor& owner) {
                                            if (!owner) {
                                              owner_missing = true;
                                              return;
                                            }
                                            self->request(owner, std::chrono::seconds(1), atom::captures_v)
                                              .then([&](std::vector<model::capture_view>& v) { out = v; },
                                                    [&](caf::error&) { owner_missing = true; });
                                          },
                                          true});
    run();
    BOOST_REQUIRE(!owner_missing);
    return out;
  }

  bool owner_healthy() {
    bool healthy = false;
    caf::anon_send(bridge_hdl, bridge_job{[&](bridge_actor::pointer self, const owner_actor& owner) {
                                            self->request(owner, std::chrono::seconds(1), atom::health_v)
                                              .then([&](bool h) { healthy = h; }, [&](caf::error&) {});
                                          },
                                          true});
    run();
    return healthy;
  }

  election_actor election_hdl;
  bridge_actor bridge_hdl;
  std::vector<std::shared_ptr<node_state>> nodes;
  std::vector<capture_actor> captures;
};

std::string owner_of(const std::vector<model::capture_view>& caps) {
  std::string id;
  for (const auto& c : caps)
    if (c.is_owner)
      id = c.id;
  return id;
}

} // namespace

BOOST_AUTO_TEST_SUITE(election_and_owner)

BOOST_AUTO_TEST_CASE(first_capture_to_campaign_becomes_owner) {
  cluster_fixture f;
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-0"});
  auto caps = f.owner_captures();
  BOOST_TEST(caps.size() == 3u);
  BOOST_TEST(owner_of(caps) == "capture-0");
}

BOOST_AUTO_TEST_CASE(owner_lists_every_capture_with_its_address) {
  cluster_fixture f;
  auto caps = f.owner_captures();
  for (const auto& c : caps) {
    auto i = std::stoi(c.id.substr(8));
    BOOST_TEST(c.address == "127.0.0.1:" + std::to_string(8300 + i));
    BOOST_TEST(c.cluster_id == "default");
  }
}

BOOST_AUTO_TEST_CASE(resign_moves_ownership_to_the_next_capture) {
  cluster_fixture f;
  BOOST_TEST(f.ask<bool>(f.election_hdl, atom::resign_v));
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-1"});
  BOOST_TEST(owner_of(f.owner_captures()) == "capture-1");
}

BOOST_AUTO_TEST_CASE(repeated_resigns_rotate_through_every_capture) {
  cluster_fixture f;
  for (auto expected : {"capture-1", "capture-2", "capture-0", "capture-1"}) {
    f.ask<bool>(f.election_hdl, atom::resign_v);
    BOOST_TEST(f.claimed_owners() == std::vector<std::string>{expected});
  }
}

BOOST_AUTO_TEST_CASE(a_lone_capture_is_reelected_after_resign) {
  cluster_fixture f{1};
  f.ask<bool>(f.election_hdl, atom::resign_v);
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-0"});
  BOOST_TEST(f.owner_captures().size() == 1u);
}

BOOST_AUTO_TEST_CASE(never_two_owners_during_a_handover) {
  cluster_fixture f;
  caf::anon_send(f.election_hdl, atom::resign_v);
  // Step through every message of the handover one at a time.
  while (f.sched.try_run_once())
    BOOST_TEST(f.claimed_owners().size() <= 1u);
  BOOST_TEST(f.claimed_owners().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_capture_joining_later_is_seen_by_the_owner) {
  cluster_fixture f{2};
  f.add_capture();
  f.run();
  BOOST_TEST(f.owner_captures().size() == 3u);
}

BOOST_AUTO_TEST_CASE(cluster_is_healthy_while_every_capture_is_alive) {
  cluster_fixture f;
  BOOST_TEST(f.owner_healthy());
}

BOOST_AUTO_TEST_CASE(a_stopping_capture_makes_the_cluster_unhealthy) {
  cluster_fixture f;
  caf::anon_send(f.captures[2], atom::stopping_v);
  f.run();
  BOOST_TEST(f.nodes[2]->live == model::liveness::stopping);
  BOOST_TEST(!f.owner_healthy());
}

BOOST_AUTO_TEST_CASE(a_stopping_owner_hands_over_to_an_alive_capture) {
  cluster_fixture f;
  caf::anon_send(f.captures[0], atom::stopping_v);
  f.run();
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-1"});
}

BOOST_AUTO_TEST_CASE(a_dead_owner_is_replaced_and_dropped_from_the_list) {
  cluster_fixture f;
  caf::anon_send_exit(f.captures[0], caf::exit_reason::kill);
  f.run();
  auto caps = f.owner_captures();
  BOOST_TEST(caps.size() == 2u);
  BOOST_TEST(owner_of(caps) == "capture-1");
}

BOOST_AUTO_TEST_CASE(a_dead_follower_is_dropped_from_the_owners_list) {
  cluster_fixture f;
  caf::anon_send_exit(f.captures[2], caf::exit_reason::kill);
  f.run();
  BOOST_TEST(f.owner_captures().size() == 2u);
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-0"});
}

BOOST_AUTO_TEST_SUITE_END()
