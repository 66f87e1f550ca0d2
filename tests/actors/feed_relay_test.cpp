// The feed relay: a node that follows the owner's node gets every feed at
// once and then what changed, answers the same reads as the owner's node,
// drops feeds the owner removed, and ignores a subscription it left.
#include <boost/test/unit_test.hpp>

#include "actors/published/feed_relay.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/capture_stub.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sample_feed.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

std::shared_ptr<const model::changefeed_info> info_of(const std::string& id) {
  auto info = test::sample_info();
  info.key = {"default", id};
  info.state = model::feed_state::normal;
  info.error.reset();
  return std::make_shared<const model::changefeed_info>(std::move(info));
}

struct relay_fixture : test::actor_fixture {
  relay_fixture() {
    owner_node->owner_ready = true;
    publisher = sys.spawn(feed_relay, owner_dir, owner_node, std::chrono::milliseconds(500));
    follower = sys.spawn(feed_relay, follower_dir, follower_node, std::chrono::milliseconds(500));
    // The owner's capture: hands subscriptions to its relay.
    owner_capture = sys.spawn(test::capture_stub, test::capture_stub_hooks{.relay = publisher});
    run();
  }
  ~relay_fixture() {
    for (auto h : {caf::actor_cast<caf::actor>(publisher), caf::actor_cast<caf::actor>(follower),
                   caf::actor_cast<caf::actor>(owner_capture)})
      caf::anon_send_exit(h, caf::exit_reason::user_shutdown);
    run();
  }

  /// The owner's node publishes `id` at checkpoint `ts`.
  void publish(const std::string& id, model::tso_t ts,
               std::shared_ptr<const std::vector<model::capture_task_status>> placement = nullptr) {
    auto it = infos.find(id);
    if (it == infos.end())
      it = infos.emplace(id, info_of(id)).first;
    feed_view v;
    v.info = it->second;
    v.progress = {ts, ts + 5};
    v.task_status = std::move(placement);
    v.holds_tables = true;
    owner_dir->put(it->second->key, std::make_shared<const feed_snapshot>(std::move(v)));
  }

  /// A round of the publisher's timer.
  void tick() {
    caf::anon_send(caf::actor_cast<caf::actor>(publisher), atom::tick_v);
    run();
  }

  std::string follower_detail(const std::string& id) {
    auto snap = follower_dir->find({"default", id});
    return snap ? snap->detail_json(follower_dir->resolved()) : "missing";
  }
  std::string owner_detail(const std::string& id) {
    return owner_dir->find({"default", id})->detail_json(owner_dir->resolved());
  }

  std::map<std::string, std::shared_ptr<const model::changefeed_info>> infos;
  std::shared_ptr<feed_directory> owner_dir = std::make_shared<feed_directory>();
  std::shared_ptr<feed_directory> follower_dir = std::make_shared<feed_directory>();
  std::shared_ptr<node_state> owner_node = std::make_shared<node_state>("owner", "o:1");
  std::shared_ptr<node_state> follower_node = std::make_shared<node_state>("follower", "f:1");
  feed_relay_actor publisher;
  feed_relay_actor follower;
  capture_actor owner_capture;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(feed_relay_suite, relay_fixture)

BOOST_AUTO_TEST_CASE(a_follower_gets_every_feed_at_once_and_answers_the_same_reads) {
  auto placement = std::make_shared<const std::vector<model::capture_task_status>>(
    std::vector<model::capture_task_status>{{"c1", {100, 101}}, {"c2", {102}}});
  publish("a", 1000, placement);
  publish("b", 2000);
  follower_dir->put({"default", "stale"}, owner_dir->find({"default", "b"})); // left from an earlier owner
  caf::anon_send(caf::actor_cast<caf::actor>(follower), atom::follow_v, owner_capture);
  run();
  BOOST_TEST(follower_detail("a") == owner_detail("a"));
  BOOST_TEST(follower_detail("b") == owner_detail("b"));
  BOOST_TEST(follower_detail("stale") == "missing");
}

BOOST_AUTO_TEST_CASE(changes_and_removals_follow_each_round) {
  publish("a", 1000);
  publish("b", 2000);
  caf::anon_send(caf::actor_cast<caf::actor>(follower), atom::follow_v, owner_capture);
  run();
  tick(); // the first round after a subscription may repeat what it had
  publish("a", 1500, std::make_shared<const std::vector<model::capture_task_status>>(
                       std::vector<model::capture_task_status>{{"c3", {100}}}));
  owner_dir->remove({"default", "b"});
  publish("c", 3000);
  tick();
  BOOST_TEST(follower_detail("a") == owner_detail("a"));
  BOOST_TEST(follower_detail("a").find("\"checkpoint_ts\":1500") != std::string::npos, follower_detail("a"));
  BOOST_TEST(follower_detail("b") == "missing");
  BOOST_TEST(follower_detail("c") == owner_detail("c"));
  // Progress alone (the info travels no more) keeps the rest as it was.
  publish("a", 1600, owner_dir->find({"default", "a"})->view().task_status);
  tick();
  BOOST_TEST(follower_detail("a") == owner_detail("a"));
}

BOOST_AUTO_TEST_CASE(a_node_that_stops_following_ignores_the_old_owner) {
  publish("a", 1000);
  caf::anon_send(caf::actor_cast<caf::actor>(follower), atom::follow_v, owner_capture);
  run();
  caf::anon_send(caf::actor_cast<caf::actor>(follower), atom::follow_v, capture_actor{});
  run();
  publish("a", 9000);
  tick();
  BOOST_TEST(follower_detail("a").find("\"checkpoint_ts\":1000") != std::string::npos, follower_detail("a"));
}

BOOST_AUTO_TEST_SUITE_END()
