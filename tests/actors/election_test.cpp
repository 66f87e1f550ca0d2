// Election, captures and the owner role under CAF's deterministic scheduler.
#include <boost/test/unit_test.hpp>

#include "actors/control/election.hpp"
#include "actors/replication/capture.hpp"
#include "tests/support/faulty_backend.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

struct cluster_fixture : test::sim_cluster {
  explicit cluster_fixture(std::size_t n = 3,
                           std::shared_ptr<store::meta_backend> backend = std::make_shared<store::memory_backend>())
    : sim_cluster(n, model::upstream::default_catalog(), actors::default_sink_factory(), std::move(backend)) {}

  std::vector<model::capture_view> owner_captures() {
    auto caps = ask_api<std::vector<model::capture_view>>(atom::captures_v);
    BOOST_REQUIRE(caps.has_value());
    return *caps;
  }

  bool owner_healthy() { return ask_owner<bool>(atom::health_v).value(); }

  std::vector<capture_actor>& captures = capture_hdls;
};

} // namespace

namespace {

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

BOOST_AUTO_TEST_CASE(an_owner_that_cannot_load_the_registry_keeps_its_capture_and_retries) {
  auto backend = std::make_shared<test::faulty_backend>();
  cluster_fixture f{3, backend};
  backend->failing = true;
  f.ask<bool>(f.election_hdl, atom::resign_v);
  f.advance(std::chrono::seconds(3));
  // The store refuses: the new owner waits, its capture lives on.
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-1"});
  BOOST_TEST(!f.nodes[1]->owner_ready);
  backend->failing = false;
  f.advance(std::chrono::seconds(3));
  BOOST_TEST(f.nodes[1]->owner_ready);
  BOOST_TEST(f.owner_captures().size() == 3u);
  for (const auto& n : f.nodes)
    BOOST_TEST(n->capture_up);
}

BOOST_AUTO_TEST_CASE(resigns_while_an_owner_starts_collapse_into_one_handover) {
  auto backend = std::make_shared<test::faulty_backend>();
  cluster_fixture f{3, backend};
  backend->failing = true; // holds the next owner in its start
  f.ask<bool>(f.election_hdl, atom::resign_v);
  for (int i = 0; i < 1000; ++i)
    f.ask<bool>(f.election_hdl, atom::resign_v);
  f.advance(std::chrono::seconds(1));
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-1"});
  backend->failing = false;
  f.advance(std::chrono::seconds(3));
  // The thousand resigns counted as one, carried out once capture-1 was up.
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-2"});
  BOOST_TEST(f.nodes[2]->owner_ready);
  BOOST_TEST(f.owner_captures().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_failed_owner_role_ends_its_term_not_its_capture) {
  cluster_fixture f;
  auto owner = f.ask<actors::owner_actor>(f.election_hdl, atom::owner_v);
  BOOST_REQUIRE(owner);
  // The owner role crashes on its own (its capture is fine).
  caf::anon_send_exit(owner, caf::exit_reason::kill);
  f.advance(std::chrono::seconds(1));
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-1"});
  BOOST_TEST(f.owner_captures().size() == 3u);
  BOOST_TEST(f.nodes[0]->capture_up);
}

BOOST_AUTO_TEST_CASE(the_published_captures_follow_joins_and_deaths) {
  cluster_fixture f;
  auto ids = [&f] {
    std::vector<std::string> out;
    for (const auto& c : *f.capture_views->current())
      out.push_back(c.id);
    return out;
  };
  BOOST_REQUIRE(f.capture_views->current());
  BOOST_TEST(ids() == (std::vector<std::string>{"capture-0", "capture-1", "capture-2"}), boost::test_tools::per_element());
  BOOST_TEST(owner_of(*f.capture_views->current()) == "capture-0");
  caf::anon_send_exit(f.captures[2], caf::exit_reason::kill);
  f.run();
  BOOST_TEST(ids() == (std::vector<std::string>{"capture-0", "capture-1"}), boost::test_tools::per_element());
  f.add_capture();
  f.run();
  BOOST_TEST(ids() == (std::vector<std::string>{"capture-0", "capture-1", "capture-3"}), boost::test_tools::per_element());
  BOOST_TEST(f.owner_captures() == *f.capture_views->current());
}

BOOST_AUTO_TEST_CASE(no_captures_are_published_while_an_owner_starts) {
  auto backend = std::make_shared<test::faulty_backend>();
  cluster_fixture f{3, backend};
  backend->failing = true; // holds the next owner in its start
  f.ask<bool>(f.election_hdl, atom::resign_v);
  f.advance(std::chrono::seconds(1));
  BOOST_TEST(!f.capture_views->current());
  backend->failing = false;
  f.advance(std::chrono::seconds(3));
  BOOST_REQUIRE(f.capture_views->current());
  BOOST_TEST(owner_of(*f.capture_views->current()) == "capture-1");
}

BOOST_AUTO_TEST_CASE(a_dead_capture_no_longer_claims_ownership) {
  cluster_fixture f;
  caf::anon_send_exit(f.captures[0], caf::exit_reason::kill);
  f.run();
  BOOST_TEST(!f.nodes[0]->is_owner);
  BOOST_TEST(!f.nodes[0]->capture_up);
}

BOOST_AUTO_TEST_SUITE_END()
