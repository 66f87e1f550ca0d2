// What each scenario sends: create bodies, churn cycles per owned feed, and
// reads drawn from the blend.
#include <boost/test/unit_test.hpp>

#include <boost/json/parse.hpp>

#include <map>
#include <set>

#include "tools/load/scenario.hpp"

using namespace cdc::load;

namespace {

auto builder(std::string config = {}) {
  return std::make_shared<const request_builder>("cf", "blackhole://?a=\"b\"", std::move(config));
}

} // namespace

BOOST_AUTO_TEST_SUITE(load_scenario)

BOOST_AUTO_TEST_CASE(a_create_body_names_the_feed_sink_and_config) {
  auto spec = builder(R"({"force_replicate":true})")->create(7);
  BOOST_TEST(spec.method == std::string("POST"));
  BOOST_TEST(spec.target == "/api/v2/changefeeds");
  auto body = boost::json::parse(spec.body).as_object();
  BOOST_TEST(body.at("changefeed_id").as_string() == "cf-7");
  BOOST_TEST(body.at("sink_uri").as_string() == "blackhole://?a=\"b\"");
  BOOST_TEST(body.at("replica_config").at("force_replicate").as_bool());
}

BOOST_AUTO_TEST_CASE(a_create_body_without_a_template_has_no_replica_config) {
  auto body = boost::json::parse(builder()->create(0).body).as_object();
  BOOST_TEST(!body.contains("replica_config"));
}

BOOST_AUTO_TEST_CASE(creates_hand_out_every_index_once_across_connections) {
  auto counter = std::make_shared<create_counter>(10);
  auto a = request_source::creating(builder(), counter);
  auto b = request_source::creating(builder(), counter);
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    auto& src = i % 2 ? a : b;
    if (auto spec = src.next())
      ids.insert(boost::json::parse(spec->body).at("changefeed_id").as_string().c_str());
  }
  BOOST_TEST(ids.size() == 10u);
  BOOST_TEST(!a.next());
  BOOST_TEST(!b.next());
}

BOOST_AUTO_TEST_CASE(creates_of_a_setup_use_the_given_indices) {
  auto counter = std::make_shared<create_counter>(2);
  auto indices = std::make_shared<const std::vector<std::uint64_t>>(std::vector<std::uint64_t>{3, 9});
  auto src = request_source::creating(builder(), counter, indices);
  BOOST_TEST(boost::json::parse(src.next()->body).at("changefeed_id").as_string() == "cf-3");
  BOOST_TEST(boost::json::parse(src.next()->body).at("changefeed_id").as_string() == "cf-9");
  BOOST_TEST(!src.next());
}

BOOST_AUTO_TEST_CASE(connections_own_disjoint_feeds_for_churn) {
  std::set<std::uint64_t> seen;
  for (std::size_t c = 0; c < 4; ++c) {
    auto src = request_source::mixing(builder(), default_mix(scenario::churn), 10, c, 4, 1);
    for (auto f : src.owned())
      BOOST_TEST(seen.insert(f).second, "feed " << f << " owned twice");
  }
  BOOST_TEST(seen.size() == 10u);
}

BOOST_AUTO_TEST_CASE(a_churn_cycle_is_pause_update_resume_remove_create) {
  auto src = request_source::mixing(builder(), default_mix(scenario::churn), 1, 0, 1, 1);
  std::vector<std::string> got;
  for (int i = 0; i < 6; ++i) {
    auto spec = src.next();
    BOOST_REQUIRE(spec);
    got.push_back(std::string(spec->method) + " " + spec->target);
  }
  std::vector<std::string> want{"POST /api/v2/changefeeds/cf-0/pause", "PUT /api/v2/changefeeds/cf-0",
                                "POST /api/v2/changefeeds/cf-0/resume", "DELETE /api/v2/changefeeds/cf-0",
                                "POST /api/v2/changefeeds",            "POST /api/v2/changefeeds/cf-0/pause"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_round_of_updates_sets_a_new_target) {
  auto b = builder();
  auto first = boost::json::parse(b->update(0, 0).body).at("target_ts").to_number<std::uint64_t>();
  auto second = boost::json::parse(b->update(0, 1).body).at("target_ts").to_number<std::uint64_t>();
  BOOST_TEST(first != second);
  BOOST_TEST(first > (std::uint64_t{1} << 61));
}

BOOST_AUTO_TEST_CASE(a_feed_finishes_its_cycle_before_the_next_owned_feed_starts) {
  auto src = request_source::mixing(builder(), default_mix(scenario::churn), 4, 1, 2, 1); // owns 1 and 3
  for (int i = 0; i < 4; ++i)
    BOOST_TEST(src.next()->target.starts_with("/api/v2/changefeeds/cf-1"));
  BOOST_TEST(boost::json::parse(src.next()->body).at("changefeed_id").as_string() == "cf-1");
  BOOST_TEST(src.next()->target == "/api/v2/changefeeds/cf-3/pause");
}

BOOST_AUTO_TEST_CASE(a_churn_only_connection_without_feeds_stops) {
  auto src = request_source::mixing(builder(), default_mix(scenario::churn), 2, 3, 4, 1);
  BOOST_TEST(src.owned().empty());
  BOOST_TEST(!src.next());
}

BOOST_AUTO_TEST_CASE(reads_follow_the_blend) {
  auto src = request_source::mixing(builder(), default_mix(scenario::read), 50, 0, 1, 3);
  std::map<op, int> seen;
  for (int i = 0; i < 7000; ++i) {
    auto spec = src.next();
    BOOST_REQUIRE(spec);
    BOOST_TEST(spec->method == std::string("GET"));
    ++seen[spec->kind];
  }
  BOOST_TEST(std::abs(seen[op::get] - 4000) < 250);
  BOOST_TEST(std::abs(seen[op::status] - 1000) < 150);
  BOOST_TEST(seen.size() == 4u);
}

BOOST_AUTO_TEST_CASE(gets_pick_feeds_within_the_pool) {
  auto src = request_source::mixing(builder(), op_mix{{{pick::get, 1}}}, 5, 0, 1, 3);
  std::set<std::string> targets;
  for (int i = 0; i < 200; ++i)
    targets.insert(src.next()->target);
  BOOST_TEST(targets.size() == 5u);
  BOOST_TEST(targets.count("/api/v2/changefeeds/cf-4") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
