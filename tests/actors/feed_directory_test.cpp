// The directory HTTP reads changefeeds from: slots replaced per owner term,
// keys kept in step with the registry, bodies made once per snapshot.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "actors/published/feed_directory.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

std::shared_ptr<const feed_snapshot> snapshot(const std::string& id, model::feed_state state = model::feed_state::normal,
                                              model::tso_t checkpoint = 1000) {
  auto info = std::make_shared<model::changefeed_info>();
  info->key = {"default", id};
  info->sink_uri = "blackhole://";
  info->state = state;
  feed_view v;
  v.info = info;
  v.progress = {checkpoint, checkpoint};
  return std::make_shared<const feed_snapshot>(v);
}

model::changefeed_key key(const std::string& id) { return {"default", id}; }

} // namespace

BOOST_AUTO_TEST_SUITE(feed_directory_suite)

BOOST_AUTO_TEST_CASE(a_feed_is_found_once_it_published) {
  feed_directory dir;
  auto slot = dir.add(key("a"));
  BOOST_TEST(!dir.find(key("a")));
  slot->current.store(snapshot("a"));
  BOOST_REQUIRE(dir.find(key("a")));
  BOOST_TEST(dir.find(key("a"))->view().info->key.id == "a");
  BOOST_TEST(!dir.find(key("b")));
}

BOOST_AUTO_TEST_CASE(a_new_slot_for_a_key_hides_the_old_one) {
  feed_directory dir;
  auto old = dir.add(key("a"));
  old->current.store(snapshot("a", model::feed_state::normal, 1));
  auto fresh = dir.add(key("a"));
  fresh->current.store(snapshot("a", model::feed_state::normal, 2));
  old->current.store(snapshot("a", model::feed_state::normal, 3)); // a stale actor of an earlier term
  BOOST_TEST(dir.find(key("a"))->view().progress.checkpoint_ts == 2u);
  BOOST_TEST(dir.all().size() == 1u);
}

BOOST_AUTO_TEST_CASE(removed_and_unretained_keys_are_gone) {
  feed_directory dir;
  for (auto id : {"a", "b", "c"})
    dir.add(key(id))->current.store(snapshot(id));
  dir.remove(key("a"));
  dir.retain({key("c")});
  auto all = dir.all();
  BOOST_REQUIRE(all.size() == 1u);
  BOOST_TEST(all[0]->view().info->key.id == "c");
}

BOOST_AUTO_TEST_CASE(a_list_sees_every_key_added_or_removed_before_it) {
  feed_directory dir;
  dir.add(key("b"))->current.store(snapshot("b"));
  BOOST_TEST(dir.all().size() == 1u);
  auto a = dir.add(key("a"));
  a->current.store(snapshot("a"));
  BOOST_TEST(dir.all().size() == 2u);
  BOOST_TEST(dir.all().front()->view().info->key.id == "a");
  dir.remove(key("b"));
  a->current.store(snapshot("a", model::feed_state::stopped));
  auto all = dir.all();
  BOOST_REQUIRE(all.size() == 1u);
  BOOST_TEST(all[0]->state() == model::feed_state::stopped); // each feed as it is now
  dir.put(key("c"), snapshot("c")); // a follower's new key
  BOOST_TEST(dir.all().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_removed_feed_stays_out_however_late_its_actor_publishes) {
  feed_directory dir;
  auto slot = dir.add(key("a"));
  dir.all(); // the keys as a list took them
  dir.remove(key("a"));
  slot->current.store(snapshot("a")); // the feed's actor, on its way out
  BOOST_TEST(dir.all().empty());
  BOOST_TEST(!dir.find(key("a")));
}

BOOST_AUTO_TEST_CASE(all_lists_published_feeds_in_key_order) {
  feed_directory dir;
  for (auto id : {"b", "c", "a"})
    dir.add(key(id))->current.store(snapshot(id));
  dir.add(key("d")); // not published yet
  std::vector<std::string> ids;
  for (const auto& s : dir.all())
    ids.push_back(s->view().info->key.id);
  BOOST_TEST(ids == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_snapshot_shows_its_published_progress) {
  auto s = snapshot("a");
  auto detail = s->detail_json(5000);
  BOOST_TEST(detail == s->detail_json(6000)); // the resolved TS moves nothing here
  BOOST_TEST(boost::json::parse(detail).at("id").as_string() == "a");
  std::string item;
  s->append_item_json(item, 5000);
  BOOST_TEST(boost::json::parse(item).at("checkpoint_tso").to_number<std::uint64_t>() == 1000u);
}

BOOST_AUTO_TEST_CASE(a_following_feed_is_read_at_the_resolved_ts_up_to_its_limit) {
  actors::feed_view v = snapshot("a")->view();
  v.progress.follow_through = 3000;
  actors::feed_snapshot s{v};
  auto checkpoint_at = [&](model::tso_t resolved) {
    std::string item;
    s.append_item_json(item, resolved);
    return boost::json::parse(item).at("checkpoint_tso").to_number<std::uint64_t>();
  };
  BOOST_TEST(checkpoint_at(500) == 1000u); // never behind what it published
  BOOST_TEST(checkpoint_at(2000) == 2000u);
  BOOST_TEST(checkpoint_at(2000) == 2000u);
  BOOST_TEST(checkpoint_at(9000) == 3000u); // the next change is due there
  BOOST_TEST(s.detail_json(2500) == s.detail_json(2500));
  BOOST_TEST(s.view_at(2500).progress.resolved_ts == 2500u);
}

BOOST_AUTO_TEST_SUITE_END()
