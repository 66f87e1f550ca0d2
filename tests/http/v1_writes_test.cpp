// API v1's changefeed writes over real sockets: create, update (only while
// stopped, only the fields given), pause, resume and remove answer 202 with
// no body, and the feed shows each change through v2.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

boost::json::object detail(http_client& c, const std::string& id) {
  return c.get("/api/v2/changefeeds/" + id).json().as_object();
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(v1_writes, server_fixture)

BOOST_AUTO_TEST_CASE(a_v1_feed_goes_through_its_whole_life) {
  auto c = client();
  auto created = c.post("/api/v1/changefeeds", R"({"changefeed_id":"v","sink_uri":"blackhole://",
    "filter_rules":["test1.*"],"mounter_worker_num":4,"force_replicate":true,"ignore_txn_start_ts":[7],
    "sink_config":{"date-separator":"month"}})");
  BOOST_TEST(created.status == 202u, created.body);
  BOOST_TEST(created.body.empty());
  auto d = detail(c, "v");
  BOOST_TEST(d.at("state").as_string() == "normal");
  auto cfg = d.at("config").as_object();
  BOOST_TEST(cfg.at("filter").at("rules").as_array() == boost::json::array{"test1.*"});
  BOOST_TEST(cfg.at("filter").at("ignore_txn_start_ts").as_array() == boost::json::array{7});
  BOOST_TEST(cfg.at("mounter").at("worker_num").as_int64() == 4);
  BOOST_TEST(cfg.at("force_replicate").as_bool());

  // Only a stopped feed is updated.
  auto refused = c.put("/api/v1/changefeeds/v", R"({"target_ts":0,"filter_rules":["test2.*"]})");
  check_error(refused, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(refused.body.find("can only update changefeed config when it is stopped") != std::string::npos,
             refused.body);

  BOOST_TEST(c.post("/api/v1/changefeeds/v/pause").status == 202u);
  BOOST_TEST(detail(c, "v").at("state").as_string() == "stopped");

  auto updated = c.put("/api/v1/changefeeds/v", R"({"filter_rules":["test2.*"]})");
  BOOST_TEST(updated.status == 202u, updated.body);
  auto after = detail(c, "v").at("config").as_object();
  BOOST_TEST(after.at("filter").at("rules").as_array() == boost::json::array{"test2.*"});
  // What the body did not name is kept.
  BOOST_TEST(after.at("mounter").at("worker_num").as_int64() == 4);
  BOOST_TEST(after.at("force_replicate").as_bool());

  BOOST_TEST(c.post("/api/v1/changefeeds/v/resume").status == 202u);
  BOOST_TEST(detail(c, "v").at("state").as_string() == "normal");

  auto removed = c.del("/api/v1/changefeeds/v");
  BOOST_TEST(removed.status == 202u, removed.body);
  BOOST_TEST(eventually([&] { return c.get("/api/v2/changefeeds/v").status == 400u; }));
}

BOOST_AUTO_TEST_CASE(v1_writes_refuse_bad_bodies_and_unknown_feeds) {
  auto c = client();
  check_error(c.post("/api/v1/changefeeds", "{"), 400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v1/changefeeds", R"({"changefeed_id":"x","sink_uri":"blackhole://","filter_rules":"a"})"),
              400, "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v1/changefeeds", R"({"changefeed_id":"x"})"), 400, "CDC:ErrSinkURIInvalid");
  for (auto path : {"/api/v1/changefeeds/nope/pause", "/api/v1/changefeeds/nope/resume"})
    check_error(c.post(path), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.del("/api/v1/changefeeds/nope"), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.put("/api/v1/changefeeds/nope", "{}"), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.post("/api/v1/changefeeds/bad%20id/pause"), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_AUTO_TEST_SUITE_END()
