// The create body: ChangefeedConfig with the replica config overlaid on the
// defaults, decoded strictly from the raw request text.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/config/defaults.hpp"

using namespace cdc::model;

namespace {

changefeed_config created(std::string_view body) {
  auto c = parse_create_body(body);
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  return std::move(*c);
}

std::string create_error(std::string_view body) {
  auto c = parse_create_body(body);
  BOOST_TEST_REQUIRE(!c.has_value());
  BOOST_TEST((c.error().kind == api_error::api_invalid_param));
  return c.error().message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(bodies_create)

BOOST_AUTO_TEST_CASE(empty_body_is_eof) {
  BOOST_TEST(create_error("") == "invalid api parameter: EOF");
  BOOST_TEST(create_error("  \n") == "invalid api parameter: EOF");
}

BOOST_AUTO_TEST_CASE(malformed_json_is_rejected) {
  BOOST_TEST(create_error("{\"sink_uri\":").starts_with("invalid api parameter: malformed JSON"));
}

BOOST_AUTO_TEST_CASE(a_body_that_is_not_an_object_is_rejected) {
  BOOST_TEST(create_error("[]") == "invalid api parameter: the body must be a JSON object, got array");
}

BOOST_AUTO_TEST_CASE(every_top_level_key_is_read) {
  auto c = created(R"({"namespace": "ns", "changefeed_id": "cf-1", "start_ts": 445947108990386176,
                       "target_ts": 18446744073709551615, "sink_uri": "blackhole://",
                       "pd_addrs": ["http://pd:2379"], "ca_path": "ca", "cert_path": "cert",
                       "key_path": "key", "cert_allowed_cn": ["cn"]})");
  BOOST_TEST(c.namespace_ == "ns");
  BOOST_TEST(c.changefeed_id == "cf-1");
  BOOST_TEST(c.start_ts == 445947108990386176u);
  BOOST_TEST(c.target_ts == UINT64_MAX);
  BOOST_TEST(c.sink_uri == "blackhole://");
  BOOST_TEST(c.pd.pd_addrs == std::vector<std::string>{"http://pd:2379"});
  BOOST_TEST(c.pd.ca_path == "ca");
  BOOST_TEST(c.pd.cert_path == "cert");
  BOOST_TEST(c.pd.key_path == "key");
  BOOST_TEST(c.pd.cert_allowed_cn == std::vector<std::string>{"cn"});
}

BOOST_AUTO_TEST_CASE(omitted_keys_are_zero_and_the_config_is_the_default) {
  auto c = created(R"({"sink_uri": "blackhole://"})");
  BOOST_TEST(c.namespace_.empty());
  BOOST_TEST(c.changefeed_id.empty());
  BOOST_TEST(c.start_ts == 0u);
  BOOST_TEST(c.target_ts == 0u);
  BOOST_TEST((c.replica_config == config::default_replica_config()));
}

BOOST_AUTO_TEST_CASE(the_replica_config_overlays_the_defaults) {
  auto c = created(R"({"replica_config": {"sink": {"csv": {"quote": "'"}}, "memory_quota": 1}})");
  BOOST_TEST(c.replica_config.memory_quota == 1u);
  BOOST_TEST(c.replica_config.sink->csv->quote == "'");
  BOOST_TEST(c.replica_config.sink->csv->delimiter == ",");
}

BOOST_AUTO_TEST_CASE(a_null_replica_config_means_the_defaults) {
  auto c = created(R"({"replica_config": null})");
  BOOST_TEST((c.replica_config == config::default_replica_config()));
}

BOOST_AUTO_TEST_CASE(a_start_ts_of_minus_one_is_rejected) {
  BOOST_TEST(create_error(R"({"start_ts": -1})") == "invalid api parameter: start_ts: -1 is out of range for uint64");
}

BOOST_AUTO_TEST_CASE(a_target_ts_of_two_to_the_64_is_rejected) {
  BOOST_TEST(create_error(R"({"target_ts": 18446744073709551616})").starts_with("invalid api parameter: target_ts: "));
}

BOOST_AUTO_TEST_CASE(a_wrong_type_in_the_replica_config_names_its_path) {
  BOOST_TEST(create_error(R"({"replica_config": {"sink": {"csv": {"delimiter": 1}}}})")
             == "invalid api parameter: replica_config.sink.csv.delimiter: expected string, got number");
}

BOOST_AUTO_TEST_CASE(a_wrong_type_in_the_pd_keys_names_the_key) {
  BOOST_TEST(create_error(R"({"pd_addrs": "http://pd:2379"})")
             == "invalid api parameter: pd_addrs: expected array, got string");
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored) {
  auto c = created(R"({"sink_uri": "blackhole://", "engine": "unified", "opts": {}})");
  BOOST_TEST(c.sink_uri == "blackhole://");
}

BOOST_AUTO_TEST_SUITE_END()
