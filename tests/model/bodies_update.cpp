// The update body: only target_ts, sink_uri, replica_config and the PD keys
// matter; which keys were present is kept for "nothing changed" checks.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/config/defaults.hpp"

using namespace cdc::model;

namespace {

changefeed_update updated(std::string_view body) {
  auto u = parse_update_body(body);
  BOOST_TEST_REQUIRE(u.has_value(), (u ? "" : u.error().message));
  return std::move(*u);
}

} // namespace

BOOST_AUTO_TEST_SUITE(bodies_update)

BOOST_AUTO_TEST_CASE(empty_update_body_is_eof) {
  auto u = parse_update_body("");
  BOOST_TEST_REQUIRE(!u.has_value());
  BOOST_TEST(u.error().message == "invalid api parameter: EOF");
}

BOOST_AUTO_TEST_CASE(an_empty_object_sets_nothing) {
  auto u = updated("{}");
  BOOST_TEST(!u.sets_target_ts());
  BOOST_TEST(!u.sets_sink_uri());
  BOOST_TEST(!u.sets_replica_config());
  BOOST_TEST(!u.sets_upstream());
  BOOST_TEST((u.present == update_keys{}));
}

BOOST_AUTO_TEST_CASE(target_ts_alone_is_an_update) {
  auto u = updated(R"({"target_ts": 32})");
  BOOST_TEST(u.sets_target_ts());
  BOOST_TEST(u.target_ts == 32u);
  BOOST_TEST(u.present.target_ts);
  BOOST_TEST(!u.present.replica_config);
}

BOOST_AUTO_TEST_CASE(a_zero_target_ts_is_present_but_sets_nothing) {
  auto u = updated(R"({"target_ts": 0})");
  BOOST_TEST(u.present.target_ts);
  BOOST_TEST(!u.sets_target_ts());
}

BOOST_AUTO_TEST_CASE(sink_uri_is_taken_when_not_empty) {
  auto u = updated(R"({"sink_uri": "kafka://k:9092/t?protocol=canal-json"})");
  BOOST_TEST(u.sets_sink_uri());
  BOOST_TEST(u.sink_uri == "kafka://k:9092/t?protocol=canal-json");
}

BOOST_AUTO_TEST_CASE(the_replica_config_is_converted_from_zero) {
  auto u = updated(R"({"replica_config": {"sink": {"protocol": "canal-json"}}})");
  BOOST_TEST_REQUIRE(u.sets_replica_config());
  BOOST_TEST(u.replica_config->memory_quota == 0u);
  BOOST_TEST(!u.replica_config->check_gc_safe_point);
  BOOST_TEST(!u.replica_config->sink->terminator.has_value());
  BOOST_TEST((u.replica_config->filter == config::default_filter_config()));
}

BOOST_AUTO_TEST_CASE(a_null_replica_config_sets_nothing) {
  auto u = updated(R"({"replica_config": null})");
  BOOST_TEST(!u.sets_replica_config());
  BOOST_TEST(u.present.replica_config);
}

BOOST_AUTO_TEST_CASE(id_namespace_and_start_ts_are_ignored_but_type_checked) {
  auto u = updated(R"({"changefeed_id": "other", "namespace": "x", "start_ts": 5})");
  BOOST_TEST(u.present.changefeed_id);
  BOOST_TEST(u.present.namespace_);
  BOOST_TEST(u.present.start_ts);
  auto bad = parse_update_body(R"({"start_ts": "5"})");
  BOOST_TEST_REQUIRE(!bad.has_value());
  BOOST_TEST(bad.error().message == "invalid api parameter: start_ts: expected uint64, got string");
}

BOOST_AUTO_TEST_CASE(pd_keys_are_read_and_noted) {
  auto u = updated(R"({"pd_addrs": ["http://a:2379"], "ca_path": "", "cert_allowed_cn": ["x"]})");
  BOOST_TEST(u.sets_upstream());
  BOOST_TEST(u.present.pd_addrs);
  BOOST_TEST(u.present.ca_path);
  BOOST_TEST(!u.present.cert_path);
  BOOST_TEST(u.present.cert_allowed_cn);
  BOOST_TEST(u.pd.cert_allowed_cn == std::vector<std::string>{"x"});
}

BOOST_AUTO_TEST_CASE(present_keys_match_ignoring_case) {
  auto u = updated(R"({"Target_TS": 7})");
  BOOST_TEST(u.present.target_ts);
  BOOST_TEST(u.target_ts == 7u);
}

BOOST_AUTO_TEST_CASE(a_wrong_type_in_an_update_names_its_path) {
  auto u = parse_update_body(R"({"replica_config": {"consistent": {"max_log_size": "big"}}})");
  BOOST_TEST_REQUIRE(!u.has_value());
  BOOST_TEST(u.error().message
             == "invalid api parameter: replica_config.consistent.max_log_size: expected int64, got string");
}

BOOST_AUTO_TEST_SUITE_END()
