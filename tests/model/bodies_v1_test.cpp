// v1's ChangefeedConfig as the v2 bodies it stands for: flat fields onto
// the defaults at create, onto the feed's config at update, and the
// internal hyphenated keys of sink_config.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies_v1.hpp"
#include "model/config/defaults.hpp"
#include "model/config/internal_keys.hpp"
#include "model/config/merge.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(bodies_v1)

BOOST_AUTO_TEST_CASE(create_puts_v1s_flat_fields_onto_the_defaults) {
  auto c = parse_v1_create_body(R"({"changefeed_id":"a","sink_uri":"blackhole://","start_ts":5,"target_ts":9,
    "filter_rules":["db.*"],"ignore_txn_start_ts":[3],"mounter_worker_num":2,"force_replicate":true,
    "sink_config":{"date-separator":"month","file-index-digit":7}})");
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  BOOST_TEST(c->changefeed_id == "a");
  BOOST_TEST(c->start_ts == 5u);
  BOOST_TEST(c->target_ts == 9u);
  const auto& cfg = c->replica_config;
  BOOST_TEST(cfg.force_replicate);
  BOOST_TEST(cfg.filter->rules == std::vector<std::string>{"db.*"}, boost::test_tools::per_element());
  BOOST_TEST(cfg.filter->ignore_txn_start_ts == std::vector<std::uint64_t>{3}, boost::test_tools::per_element());
  BOOST_TEST(cfg.mounter->worker_num == 2);
  BOOST_TEST(*cfg.sink->date_separator == "month");
  BOOST_TEST(*cfg.sink->file_index_width == 7);
}

BOOST_AUTO_TEST_CASE(create_without_v1_fields_is_the_default_config) {
  auto c = parse_v1_create_body(R"({"changefeed_id":"a","sink_uri":"blackhole://"})");
  BOOST_TEST_REQUIRE(c.has_value());
  auto defaults = parse_create_body(R"({"changefeed_id":"a","sink_uri":"blackhole://"})");
  BOOST_TEST((c->replica_config == defaults->replica_config));
}

BOOST_AUTO_TEST_CASE(a_wrong_type_is_an_invalid_parameter) {
  auto c = parse_v1_create_body(R"({"filter_rules":"db.*"})");
  BOOST_TEST_REQUIRE(!c.has_value());
  BOOST_TEST((c.error().kind == api_error::api_invalid_param));
  BOOST_TEST(!parse_v1_create_body("").has_value());
}

BOOST_AUTO_TEST_CASE(update_changes_only_what_the_body_names) {
  auto current = config::to_internal(config::default_replica_config());
  current.force_replicate = true;
  current.mounter = config::mounter_config{4};
  auto u = parse_v1_update_body(R"({"filter_rules":["x.*"]})", current);
  BOOST_TEST_REQUIRE(u.has_value(), (u ? "" : u.error().message));
  BOOST_TEST_REQUIRE(u->replica_config.has_value());
  BOOST_TEST(u->replica_config->filter->rules == std::vector<std::string>{"x.*"}, boost::test_tools::per_element());
  BOOST_TEST(u->replica_config->force_replicate);
  BOOST_TEST(u->replica_config->mounter->worker_num == 4);
  BOOST_TEST(!u->sets_sink_uri());

  auto target_only = parse_v1_update_body(R"({"target_ts":10,"sink_uri":"blackhole://x"})", current);
  BOOST_TEST_REQUIRE(target_only.has_value());
  BOOST_TEST(!target_only->replica_config.has_value());
  BOOST_TEST(target_only->target_ts == 10u);
  BOOST_TEST(target_only->sink_uri == "blackhole://x");
}

BOOST_AUTO_TEST_CASE(internal_keys_become_api_keys_at_every_depth) {
  auto v = config::api_keys_of(boost::json::parse(
    R"({"column-selectors":[{"matcher":["a.b"],"columns":["c-d"]}],"kafka-config":{"sasl-user":"u"},"advance-timeout-in-sec":3,
        "dispatchers":[{"matcher":["a.*"],"dispatcher":"ts"}],"date_separator":"day"})"), "sink");
  // TiCDC's own renames apply by path, and a key TiCDC does not have is dropped.
  BOOST_TEST(v == boost::json::parse(
                    R"({"column_selectors":[{"matcher":["a.b"],"columns":["c-d"]}],"kafka_config":{"sasl_user":"u"},"advance_timeout":3,
                        "dispatchers":[{"matcher":["a.*"],"partition":"ts"}]})"));
}

BOOST_AUTO_TEST_SUITE_END()
