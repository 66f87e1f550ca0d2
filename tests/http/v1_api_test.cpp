// The v1 routes TiCDC's tools still call, over real sockets: the status
// that `cdc cli` and TiUP read first (with a version they accept: semver
// at least v6.2 that still names this server), the legacy /status, v1's
// health, captures as a bare array, owner resign answering 202, and v1's
// changefeed and processor reads in v1's shapes.
#include <unistd.h>

#include <regex>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

struct three_captures : server_fixture {
  three_captures() : server_fixture(3) {}
};

boost::json::object v2_detail(http_client& c, const std::string& id) {
  return c.get("/api/v2/changefeeds/" + id).json().as_object();
}

std::string owner_of(const boost::json::array& captures) {
  for (const auto& c : captures)
    if (c.at("is_owner").as_bool())
      return std::string(c.at("id").as_string());
  return {};
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(v1_routes, three_captures)

BOOST_AUTO_TEST_CASE(v1_status_is_v2s_with_a_version_ticdcs_tools_accept) {
  auto c = client(1);
  auto v1 = c.get("/api/v1/status");
  BOOST_TEST(v1.status == 200u);
  auto js = v1.json().as_object();
  BOOST_TEST(js.at("id").as_string() == srv->nodes()[1]->capture_id());
  BOOST_TEST(!js.at("is_owner").as_bool());
  BOOST_TEST(js.at("pid").as_int64() == ::getpid());
  BOOST_TEST((js == c.get("/api/v2/status").json().as_object()));
  // go-semver as TiCDC's version check parses it: vMAJOR.MINOR.PATCH, a
  // major.minor of at least 6.2, and build metadata naming this server.
  std::string version(js.at("version").as_string());
  std::smatch m;
  BOOST_REQUIRE_MESSAGE(std::regex_match(version, m, std::regex(R"(v(\d+)\.(\d+)\.(\d+)\+cdc-actor\.[0-9A-Za-z.-]+)")),
                        version);
  auto major = std::stoi(m[1]), minor = std::stoi(m[2]);
  BOOST_TEST((major > 6 || (major == 6 && minor >= 2)), version);
}

BOOST_AUTO_TEST_CASE(legacy_status_has_ticdcs_five_keys) {
  auto r = client().get("/status");
  BOOST_TEST(r.status == 200u);
  auto js = r.json().as_object();
  BOOST_TEST(js.size() == 5u);
  for (auto key : {"version", "git_hash", "id", "pid", "is_owner"})
    BOOST_TEST(js.contains(key), key);
  BOOST_TEST(js.at("id").as_string() == srv->nodes()[0]->capture_id());
  BOOST_TEST(js.at("is_owner").as_bool());
}

BOOST_AUTO_TEST_CASE(v1_health_is_200_with_no_body_while_there_is_an_owner) {
  auto r = client(2).get("/api/v1/health");
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.body.empty(), r.body);
}

BOOST_AUTO_TEST_CASE(v1_captures_are_v2s_items_as_a_bare_array) {
  auto c = client(2);
  auto v1 = c.get("/api/v1/captures");
  BOOST_TEST(v1.status == 200u);
  auto items = c.get("/api/v2/captures").json().at("items").as_array();
  BOOST_TEST((v1.json().as_array() == items));
  BOOST_TEST(items.size() == 3u);
  BOOST_TEST(owner_of(items) == srv->nodes()[0]->capture_id());
}

BOOST_AUTO_TEST_CASE(v1_resign_answers_202_and_another_capture_owns) {
  auto c = client(1);
  auto before = owner_of(c.get("/api/v1/captures").json().as_array());
  auto r = c.post("/api/v1/owner/resign");
  BOOST_TEST(r.status == 202u);
  BOOST_TEST(r.body.empty(), r.body);
  BOOST_TEST(eventually([&] {
    auto now = owner_of(c.get("/api/v1/captures").json().as_array());
    return !now.empty() && now != before;
  }));
}

BOOST_AUTO_TEST_CASE(v1_changefeed_reads_answer_in_v1s_shapes) {
  auto c = client(1);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"f","sink_uri":"blackhole://"})").status == 200u);
  BOOST_REQUIRE(eventually([&] { return v2_detail(c, "f").at("task_status").as_array().size() == 3u; }));

  auto list = c.get("/api/v1/changefeeds");
  BOOST_TEST(list.status == 200u);
  BOOST_TEST((list.json().as_array() == c.get("/api/v2/changefeeds").json().at("items").as_array()));
  BOOST_TEST(c.get("/api/v1/changefeeds?state=stopped").json().as_array().empty());

  auto r = c.get("/api/v1/changefeeds/f");
  BOOST_TEST(r.status == 200u);
  auto d = r.json().as_object();
  auto v2 = v2_detail(c, "f");
  for (auto k : {"upstream_id", "namespace", "id", "sink_uri", "start_ts", "target_ts", "state", "creator_version"})
    BOOST_TEST(d.at(k) == v2.at(k), k);
  BOOST_TEST(d.at("checkpoint_tso").to_number<std::uint64_t>() > 0u);
  BOOST_TEST(std::regex_match(std::string(d.at("create_time").as_string()),
                              std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})")),
             d.at("create_time"));
  BOOST_TEST(d.at("error").is_null());
  BOOST_TEST(d.at("error_history").is_null());
  BOOST_TEST(!d.contains("config"));
  BOOST_TEST(!d.contains("admin_job_type"));
  std::size_t tables = 0;
  for (const auto& t : d.at("task_status").as_array()) {
    BOOST_TEST(t.at("table_operations").is_null());
    tables += t.at("table_ids").as_array().size();
  }
  BOOST_TEST(tables > 0u);

  BOOST_TEST(c.post("/api/v2/changefeeds/f/pause").status == 200u);
  auto paused = c.get("/api/v1/changefeeds/f").json().as_object();
  BOOST_TEST(paused.at("state").as_string() == "stopped");
  BOOST_TEST(!paused.contains("task_status"));

  auto missing = c.get("/api/v1/changefeeds/nope");
  BOOST_TEST(missing.status == 400u);
  BOOST_TEST(missing.error_code() == "CDC:ErrChangeFeedNotExists", missing.body);
  BOOST_TEST(c.get("/api/v1/changefeeds/bad%20id").error_code() == "CDC:ErrAPIInvalidParam");
}

BOOST_AUTO_TEST_CASE(v1_processor_reads_answer_in_v1s_shapes) {
  auto c = client(2);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"p","sink_uri":"blackhole://"})").status == 200u);
  BOOST_REQUIRE(eventually([&] { return c.get("/api/v2/processors").json().at("total").as_int64() == 3; }));
  auto list = c.get("/api/v1/processors");
  BOOST_TEST(list.status == 200u);
  BOOST_TEST((list.json().as_array() == c.get("/api/v2/processors").json().at("items").as_array()));

  auto capture = srv->nodes()[1]->capture_id();
  auto r = c.get("/api/v1/processors/p/" + capture);
  BOOST_TEST(r.status == 200u);
  auto d = r.json().as_object();
  BOOST_TEST((d.at("table_ids") == c.get("/api/v2/processors/p/" + capture).json().at("table_ids")));
  BOOST_TEST(d.at("checkpoint_ts").to_number<std::uint64_t>() > 0u);
  BOOST_TEST(d.at("resolved_ts").to_number<std::uint64_t>() >= d.at("checkpoint_ts").to_number<std::uint64_t>());
  BOOST_TEST(d.at("count").as_int64() == 0);
  BOOST_TEST(d.at("error").is_null());
  auto unknown = c.get("/api/v1/processors/p/no-such-capture");
  BOOST_TEST(unknown.status == 400u);
  BOOST_TEST(unknown.error_code() == "CDC:ErrCaptureNotExist", unknown.body);
}

BOOST_AUTO_TEST_SUITE_END()
