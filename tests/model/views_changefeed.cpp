// The changefeed detail and list item as the API writes them.
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/views.hpp"
#include "model/config/defaults.hpp"
#include "tests/support/time_zone.hpp"

using namespace cdc::model;

namespace {

// 1701153217279 ms << 18, from TiCDC's tests (spec/reference.md 9.1).
constexpr tso_t checkpoint = 445947108990386176;

changefeed_detail sample_detail() {
  changefeed_detail d;
  d.upstream_id = 7;
  d.namespace_ = "default";
  d.id = "cf";
  d.sink_uri = "blackhole://";
  d.create_time = tso_to_time(checkpoint);
  d.start_ts = checkpoint;
  d.config = std::make_shared<const config::replica_config>(config::default_replica_config());
  d.creator_version = "v8.5.0";
  d.resolved_ts = checkpoint + 5;
  d.checkpoint_ts = checkpoint;
  return d;
}

std::vector<std::string> keys_of(const boost::json::value& v) {
  std::vector<std::string> keys;
  for (const auto& kv : v.as_object())
    keys.emplace_back(kv.key());
  return keys;
}

} // namespace

BOOST_AUTO_TEST_SUITE(views_changefeed)

BOOST_AUTO_TEST_CASE(detail_keys_follow_tidbs_order) {
  auto d = sample_detail();
  d.task_status = std::vector<capture_task_status>{};
  std::vector<std::string> expected{
    "upstream_id", "namespace", "id", "sink_uri", "create_time", "start_ts", "target_ts", "admin_job_type",
    "config", "state", "error", "creator_version", "resolved_ts", "checkpoint_ts", "checkpoint_time",
    "task_status"};
  BOOST_TEST(keys_of(boost::json::value_from(d)) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(detail_writes_zero_timestamps_and_job_type_as_integers) {
  changefeed_detail d;
  auto v = boost::json::value_from(d);
  BOOST_TEST(v.at("start_ts").as_uint64() == 0u);
  BOOST_TEST(v.at("target_ts").as_uint64() == 0u);
  BOOST_TEST(v.at("resolved_ts").as_uint64() == 0u);
  BOOST_TEST(v.at("checkpoint_ts").as_uint64() == 0u);
  BOOST_TEST(v.at("admin_job_type").as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(detail_error_is_null_without_one) {
  auto v = boost::json::value_from(sample_detail());
  BOOST_TEST(v.at("error").is_null());
}

BOOST_AUTO_TEST_CASE(detail_error_has_no_time) {
  auto d = sample_detail();
  d.state = feed_state::failed;
  d.error = running_error{std::chrono::system_clock::now(), "127.0.0.1:8300", "CDC:ErrGCTTLExceeded", "boom"};
  auto v = boost::json::value_from(d);
  BOOST_TEST(boost::json::serialize(v.at("error"))
             == R"({"addr":"127.0.0.1:8300","code":"CDC:ErrGCTTLExceeded","message":"boom"})");
}

BOOST_AUTO_TEST_CASE(detail_checkpoint_time_uses_the_tso_time_format) {
  auto v = boost::json::value_from(sample_detail());
  BOOST_TEST(v.at("checkpoint_time").as_string() == format_tso_time(checkpoint));
  BOOST_TEST(v.at("checkpoint_time").as_string().size() == 23u);  // YYYY-MM-DD HH:MM:SS.mmm
}

// create_time is a Go time.Time in TiCDC's struct: its JSON is RFC3339Nano
// (fraction trimmed of trailing zeros, numeric offset or Z), which Go clients
// decode with time.Time.UnmarshalJSON.
BOOST_AUTO_TEST_CASE(detail_create_time_is_gos_time_json) {
  auto d = sample_detail();
  d.create_time = std::chrono::system_clock::time_point{std::chrono::nanoseconds{1701153217279123450LL}};
  cdc::test::in_time_zone shanghai{"Asia/Shanghai"};
  BOOST_TEST(boost::json::value_from(d).at("create_time").as_string() == "2023-11-28T14:33:37.27912345+08:00");
  cdc::test::in_time_zone utc{"UTC"};
  BOOST_TEST(boost::json::value_from(d).at("create_time").as_string() == "2023-11-28T06:33:37.27912345Z");
  d.create_time = std::chrono::system_clock::time_point{std::chrono::seconds{1701153217}};
  BOOST_TEST(boost::json::value_from(d).at("create_time").as_string() == "2023-11-28T06:33:37Z");
}

BOOST_AUTO_TEST_CASE(detail_state_and_admin_job_are_wire_values) {
  auto d = sample_detail();
  d.state = feed_state::stopped;
  d.admin_job_type = admin_job::stop;
  auto v = boost::json::value_from(d);
  BOOST_TEST(v.at("state").as_string() == "stopped");
  BOOST_TEST(v.at("admin_job_type").as_int64() == 1);
}

BOOST_AUTO_TEST_CASE(detail_embeds_the_config) {
  auto v = boost::json::value_from(sample_detail());
  BOOST_TEST((v.at("config") == boost::json::value_from(config::default_replica_config())));
}

BOOST_AUTO_TEST_CASE(detail_without_config_omits_it) {
  auto d = sample_detail();
  d.config = nullptr;
  BOOST_TEST(!boost::json::value_from(d).as_object().contains("config"));
}

BOOST_AUTO_TEST_CASE(detail_omits_task_status_unless_set) {
  BOOST_TEST(!boost::json::value_from(sample_detail()).as_object().contains("task_status"));
}

BOOST_AUTO_TEST_CASE(task_status_lists_captures_and_their_tables) {
  auto d = sample_detail();
  d.task_status = std::vector<capture_task_status>{{"cap-1", {80, 81}}, {"cap-2", {}}};
  auto v = boost::json::value_from(d);
  BOOST_TEST(boost::json::serialize(v.at("task_status"))
             == R"([{"capture_id":"cap-1","table_ids":[80,81]},{"capture_id":"cap-2","table_ids":[]}])");
}

BOOST_AUTO_TEST_CASE(list_item_has_every_key_in_order) {
  changefeed_list_item item{7, "default", "test", feed_state::normal, 439749918821711874, std::nullopt};
  auto v = boost::json::value_from(item);
  std::vector<std::string> expected{"upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time",
                                    "error"};
  BOOST_TEST(keys_of(v) == expected, boost::test_tools::per_element());
  BOOST_TEST(v.at("checkpoint_tso").as_uint64() == 439749918821711874u);
  BOOST_TEST(v.at("checkpoint_time").as_string() == format_tso_time(439749918821711874));
  BOOST_TEST(v.at("error").is_null());
}

BOOST_AUTO_TEST_CASE(list_item_error_carries_its_time) {
  auto when = tso_to_time(checkpoint);
  changefeed_list_item item{1, "default", "cf", feed_state::error, checkpoint,
                            running_error{when, "a:1", "CDC:ErrX", "m"}};
  auto v = boost::json::value_from(item);
  const auto& err = v.at("error").as_object();
  BOOST_TEST(err.at("time").as_string() == format_rfc3339(when));
  BOOST_TEST(v.at("state").as_string() == "error");
  std::vector<std::string> expected{"time", "addr", "code", "message"};
  BOOST_TEST(keys_of(v.at("error")) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(running_error_without_time_omits_the_key) {
  running_error e{std::nullopt, "a:1", "CDC:ErrX", "m"};
  BOOST_TEST(boost::json::serialize(boost::json::value_from(e)) == R"({"addr":"a:1","code":"CDC:ErrX","message":"m"})");
}

BOOST_AUTO_TEST_SUITE_END()
