// The stored form of changefeed info and progress: keys, and round trips
// that give back exactly what was stored.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/info_codec.hpp"
#include "model/changefeed/stored_time.hpp"
#include "model/config/defaults.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sample_feed.hpp"

using namespace cdc::model;
using cdc::test::full_config;
using cdc::test::require_same;
using cdc::test::sample_info;

namespace {

changefeed_info round_trip(const changefeed_info& info) {
  auto decoded = parse_info(serialize_info(info));
  if (!decoded)
    BOOST_FAIL(full_message(decoded.error()));
  return *decoded;
}

} // namespace

BOOST_AUTO_TEST_SUITE(info_codec_roundtrip)

BOOST_AUTO_TEST_CASE(stored_keys_are_ticdcs_hyphenated_ones) {
  auto v = encode_info(sample_info());
  std::vector<std::string> keys;
  for (const auto& kv : v.as_object())
    keys.emplace_back(kv.key());
  std::vector<std::string> expected{"upstream-id", "namespace",      "changefeed-id", "sink-uri", "create-time",
                                    "start-ts",    "target-ts",      "admin-job-type", "config",  "state",
                                    "error",       "creator-version", "epoch"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(full_config_survives_the_round_trip) {
  auto info = sample_info();
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(full_config_sets_every_part) {
  // Guards the test above: a part left unset would not be tested.
  auto cfg = full_config();
  BOOST_TEST((cfg.filter && cfg.mounter && cfg.sink && cfg.consistent && cfg.scheduler && cfg.integrity));
  BOOST_TEST((cfg.synced_status && cfg.changefeed_error_stuck_duration && cfg.consistent->memory_usage));
  const auto& s = *cfg.sink;
  BOOST_TEST((s.csv && s.kafka && s.pulsar && s.mysql && s.cloud_storage && s.debezium && s.open));
  BOOST_TEST((s.kafka->codec && s.kafka->large_message_handle && s.kafka->glue_schema_registry && s.pulsar->oauth2));
}

BOOST_AUTO_TEST_CASE(default_config_survives_the_round_trip) {
  auto info = sample_info();
  info.config = std::make_shared<const config::replica_config>(config::default_replica_config());
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(zero_config_with_absent_parts_survives_the_round_trip) {
  auto info = sample_info();
  info.config = std::make_shared<const config::replica_config>();
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(missing_config_is_stored_as_null) {
  auto info = sample_info();
  info.config = nullptr;
  BOOST_TEST(encode_info(info).at("config").is_null());
  BOOST_TEST(!round_trip(info).config);
}

BOOST_AUTO_TEST_CASE(every_state_survives_the_round_trip) {
  for (auto s : {feed_state::normal, feed_state::error, feed_state::stopped, feed_state::failed, feed_state::finished,
                 feed_state::removed}) {
    auto info = sample_info();
    info.state = s;
    BOOST_TEST(round_trip(info).state == s);
  }
}

BOOST_AUTO_TEST_CASE(admin_job_type_is_derived_from_the_state) {
  auto info = sample_info();
  info.state = feed_state::finished;
  BOOST_TEST(encode_info(info).at("admin-job-type").as_int64() == 4);
}

BOOST_AUTO_TEST_CASE(error_without_time_survives_the_round_trip) {
  auto info = sample_info();
  info.error->time.reset();
  BOOST_TEST(!encode_info(info).at("error").as_object().contains("time"));
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(no_error_is_stored_as_null) {
  auto info = sample_info();
  info.error.reset();
  BOOST_TEST(encode_info(info).at("error").is_null());
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(create_time_keeps_its_nanoseconds) {
  auto text = encode_info(sample_info()).at("create-time").as_string();
  BOOST_TEST(text == "2023-11-28T06:33:37.279123456Z");
}

BOOST_AUTO_TEST_CASE(zero_values_survive_the_round_trip) {
  changefeed_info info;  // epoch 0, empty strings, 1970 create time
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(largest_timestamps_survive_the_round_trip) {
  auto info = sample_info();
  info.start_ts = info.target_ts = info.epoch = info.upstream_id = UINT64_MAX;
  require_same(round_trip(info), info);
}

BOOST_AUTO_TEST_CASE(progress_survives_the_round_trip) {
  changefeed_progress p{445947108990386176ULL, UINT64_MAX};
  auto decoded = parse_progress(serialize_progress(p));
  BOOST_REQUIRE(decoded);
  BOOST_TEST(decoded->checkpoint_ts == p.checkpoint_ts);
  BOOST_TEST(decoded->resolved_ts == p.resolved_ts);
  BOOST_TEST(serialize_progress(p) == R"({"checkpoint-ts":445947108990386176,"resolved-ts":18446744073709551615})");
}

BOOST_AUTO_TEST_CASE(unknown_keys_of_a_newer_version_are_ignored) {
  auto v = encode_info(sample_info());
  v.as_object()["sort-engine"] = "unified";
  BOOST_TEST(decode_info(v).has_value());
}

BOOST_AUTO_TEST_CASE(stored_time_reads_numeric_offsets) {
  auto t = parse_stored_time("2023-11-28T14:33:37.279+08:00");
  BOOST_REQUIRE(t);
  BOOST_TEST(format_stored_time(*t) == "2023-11-28T06:33:37.279000000Z");
}

BOOST_AUTO_TEST_CASE(stored_time_before_1970_survives) {
  auto t = std::chrono::system_clock::time_point{std::chrono::nanoseconds{-1}};
  BOOST_TEST(format_stored_time(t) == "1969-12-31T23:59:59.999999999Z");
  BOOST_TEST((parse_stored_time(format_stored_time(t)).value() == t));
}

BOOST_AUTO_TEST_SUITE_END()
