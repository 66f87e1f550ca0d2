// GET /changefeeds/{id}/status, /synced and /meta_info over real sockets:
// TiCDC's ChangefeedStatus and SyncedStatus, and the detail with its sink
// URI unmasked.
#include <regex>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

struct one_feed : server_fixture {
  one_feed() {
    auto c = client();
    BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"f","sink_uri":"blackhole://u:secret@h/"})").status
                  == 200u);
  }
};

bool is_checkpoint_time(const boost::json::value& v) {
  return std::regex_match(std::string(v.as_string()), std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})"));
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(changefeed_progress_api, one_feed)

BOOST_AUTO_TEST_CASE(status_is_state_and_progress) {
  auto c = client();
  BOOST_REQUIRE(eventually([&] { return c.get("/api/v2/changefeeds/f/status").json().at("checkpoint_ts").to_number<std::uint64_t>() > 0; }));
  auto r = c.get("/api/v2/changefeeds/f/status");
  BOOST_TEST(r.status == 200u, r.body);
  auto js = r.json().as_object();
  BOOST_TEST(js.at("state").as_string() == "normal");
  BOOST_TEST(js.at("resolved_ts").to_number<std::uint64_t>() >= js.at("checkpoint_ts").to_number<std::uint64_t>());
  BOOST_TEST(!js.contains("last_error"));
  BOOST_TEST(!js.contains("last_warning"));
  BOOST_TEST(c.post("/api/v2/changefeeds/f/pause").status == 200u);
  BOOST_TEST(c.get("/api/v2/changefeeds/f/status").json().at("state").as_string() == "stopped");
  check_error(c.get("/api/v2/changefeeds/nope/status"), 400, "CDC:ErrChangeFeedNotExists");
  check_error(c.get("/api/v2/changefeeds/bad%20id/status"), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_AUTO_TEST_CASE(synced_reports_ticdcs_times_and_verdict) {
  auto c = client();
  // The default upstream writes ten rows a second per table, so rows reach
  // the sink and the feed is never quiet for 300 s: not synced.
  BOOST_REQUIRE(eventually([&] {
    auto last = c.get("/api/v2/changefeeds/f/synced").json().at("last_synced_ts").as_string();
    return !last.starts_with("1970");
  }));
  auto r = c.get("/api/v2/changefeeds/f/synced");
  BOOST_TEST(r.status == 200u, r.body);
  auto js = r.json().as_object();
  for (auto k : {"sink_checkpoint_ts", "puller_resolved_ts", "last_synced_ts", "now_ts"})
    BOOST_TEST(is_checkpoint_time(js.at(k)), k << ": " << js.at(k));
  BOOST_TEST(std::string(js.at("now_ts").as_string()).ends_with(".000"));
  BOOST_TEST(js.at("synced").as_bool() == false);
  BOOST_TEST(js.at("info").as_string() == "The data syncing is not finished, please wait");
  // A body's synced_status replaces the feed's: a 1 s quiet period with a
  // generous checkpoint interval is reached between two rows at most rarely,
  // so only the shape is checked; a bad body is refused.
  auto with_body =
    c.request("GET", "/api/v2/changefeeds/f/synced",
              R"({"replica_config":{"synced_status":{"synced_check_interval":1,"checkpoint_interval":3600}}})", true);
  BOOST_TEST(with_body.status == 200u, with_body.body);
  check_error(c.request("GET", "/api/v2/changefeeds/f/synced", R"({"replica_config":5})", true), 400,
              "CDC:ErrAPIInvalidParam");
  check_error(c.get("/api/v2/changefeeds/nope/synced"), 400, "CDC:ErrChangeFeedNotExists");
}

BOOST_AUTO_TEST_CASE(meta_info_shows_the_detail_with_the_password_masked) {
  auto c = client();
  auto masked = c.get("/api/v2/changefeeds/f").json().as_object();
  BOOST_TEST(masked.at("sink_uri").as_string().find("secret") == boost::json::string::npos);
  auto r = c.get("/api/v2/changefeeds/f/meta_info");
  BOOST_TEST(r.status == 200u, r.body);
  auto js = r.json().as_object();
  BOOST_TEST(js.at("sink_uri").as_string() == masked.at("sink_uri").as_string());
  BOOST_TEST(js.at("sink_uri").as_string().find("secret") == boost::json::string::npos);
  BOOST_TEST(js.at("id") == masked.at("id"));
  BOOST_TEST(js.at("start_ts") == masked.at("start_ts"));
  check_error(c.get("/api/v2/changefeeds/nope/meta_info"), 400, "CDC:ErrChangeFeedNotExists");
}

BOOST_AUTO_TEST_SUITE_END()
