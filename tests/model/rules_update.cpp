// Update rules, step by step in TiCDC's order (reference 2.8, cases U3-U16).
#include <boost/test/unit_test.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include "tests/model/rules_support.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::test;

namespace {

constexpr std::string_view blackhole_feed = R"({"changefeed_id":"cf","sink_uri":"blackhole://"})";
constexpr std::string_view kafka_feed =
  R"({"changefeed_id":"cf","sink_uri":"kafka://127.0.0.1:9092/t?protocol=canal-json"})";

api_failure update_error(const changefeed_info& old, std::string_view json, const cluster& c = cluster{}) {
  auto r = check_update(old, old.start_ts, update_body(json), c.update_ctx());
  BOOST_REQUIRE(!r);
  return r.error();
}

changefeed_info updated(const changefeed_info& old, std::string_view json, const cluster& c = cluster{}) {
  auto r = check_update(old, old.start_ts, update_body(json), c.update_ctx());
  if (!r)
    BOOST_FAIL(full_message(r.error()));
  return *r;
}

std::string ts(tso_t t) { return std::to_string(t); }

} // namespace

BOOST_AUTO_TEST_SUITE(rules_update)

// -- state --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(update_of_a_running_feed_is_refused) {
  // U3.
  for (auto state : {feed_state::normal, feed_state::error, feed_state::finished}) {
    auto e = update_error(stored_feed(cluster{}, blackhole_feed, state), R"({"target_ts":1})");
    BOOST_TEST(e.kind == api_error::changefeed_update_refused);
    BOOST_TEST(e.message == "changefeed update error: can only update changefeed config when it is stopped or failed");
  }
}

BOOST_AUTO_TEST_CASE(stopped_and_failed_feeds_can_be_updated) {
  // U9, U10 (with a change, so the update is not a no-op).
  for (auto state : {feed_state::stopped, feed_state::failed}) {
    auto old = stored_feed(cluster{}, blackhole_feed, state);
    auto next = updated(old, R"({"target_ts":)" + ts(now_tso + 100) + "}");
    BOOST_TEST(next.state == state);
  }
}

BOOST_AUTO_TEST_CASE(state_is_checked_before_anything_in_the_body) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed, feed_state::normal),
                        R"({"target_ts":1,"pd_addrs":["elsewhere:2379"]})");
  BOOST_TEST(e.message == "changefeed update error: can only update changefeed config when it is stopped or failed");
}

// -- pd_addrs -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pd_addrs_of_another_upstream_are_refused) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), R"({"pd_addrs":["10.1.1.1:2379"]})");
  BOOST_TEST(e.kind == api_error::api_get_pd_client_failed);
}

BOOST_AUTO_TEST_CASE(pd_addrs_of_our_upstream_change_nothing) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed),
                        R"({"pd_addrs":["http://127.0.0.1:2379"],"ca_path":"/ca.pem"})");
  BOOST_TEST(e.message == "changefeed update error: changefeed config is the same with the old one, do nothing");
}

BOOST_AUTO_TEST_CASE(pd_addrs_are_checked_before_target_ts) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), R"({"target_ts":1,"pd_addrs":["x:1"]})");
  BOOST_TEST(e.kind == api_error::api_get_pd_client_failed);
}

// -- target_ts ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(target_ts_before_start_ts_is_refused_with_ticdcs_exact_text) {
  // U14.
  auto old = stored_feed(cluster{}, blackhole_feed);
  auto e = update_error(old, R"({"target_ts":9})");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(e.message == "can not update target_ts:9 less than start_ts:" + ts(old.start_ts));
  BOOST_TEST(full_message(e) == "[CDC:ErrChangefeedUpdateRefused]" + e.message);
}

BOOST_AUTO_TEST_CASE(target_ts_equal_to_start_ts_is_refused) {
  auto old = stored_feed(cluster{}, blackhole_feed);
  auto e = update_error(old, R"({"target_ts":)" + ts(old.start_ts) + "}");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
}

BOOST_AUTO_TEST_CASE(target_ts_is_compared_with_start_ts_not_the_checkpoint) {
  auto old = stored_feed(cluster{}, blackhole_feed);
  cluster c;
  auto r = check_update(old, old.start_ts + 1000, update_body(R"({"target_ts":)" + ts(old.start_ts + 1) + "}"),
                        c.update_ctx());
  BOOST_TEST(r.has_value());
}

BOOST_AUTO_TEST_CASE(target_ts_alone_updates_only_the_target) {
  auto old = stored_feed(cluster{}, blackhole_feed);
  auto next = updated(old, R"({"target_ts":)" + ts(now_tso + 5) + "}");
  BOOST_TEST(next.target_ts == now_tso + 5);
  BOOST_TEST(next.config == old.config);  // the same shared config, not a copy
  BOOST_TEST(next.sink_uri == old.sink_uri);
  BOOST_TEST(next.epoch == old.epoch + 1);
}

// -- nothing changed -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(empty_body_changes_nothing) {
  // U11.
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), "{}");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(e.message == "changefeed update error: changefeed config is the same with the old one, do nothing");
}

BOOST_AUTO_TEST_CASE(namespace_id_and_start_ts_in_the_body_are_ignored) {
  // U12.
  auto e = update_error(stored_feed(cluster{}, blackhole_feed),
                        R"({"namespace":"other","changefeed_id":"other","start_ts":5})");
  BOOST_TEST(contains(e.message, "same with the old one"));
}

BOOST_AUTO_TEST_CASE(same_target_ts_changes_nothing) {
  cluster c;
  auto old = stored_feed(c, R"({"changefeed_id":"cf","sink_uri":"blackhole://","target_ts":)" + ts(now_tso + 9) + "}");
  auto e = update_error(old, R"({"target_ts":)" + ts(now_tso + 9) + "}");
  BOOST_TEST(contains(e.message, "same with the old one"));
}

BOOST_AUTO_TEST_CASE(same_sink_uri_changes_nothing) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), R"({"sink_uri":"blackhole://"})");
  BOOST_TEST(contains(e.message, "same with the old one"));
}

BOOST_AUTO_TEST_CASE(replica_config_equal_to_the_stored_one_after_adjustment_changes_nothing) {
  auto old = stored_feed(cluster{}, blackhole_feed);
  auto full = boost::json::serialize(boost::json::value_from(*old.config));
  auto e = update_error(old, R"({"replica_config":)" + full + "}");
  BOOST_TEST(contains(e.message, "same with the old one"));
}

// -- replica_config and sink_uri --------------------------------------------------------

BOOST_AUTO_TEST_CASE(replica_config_replaces_the_whole_config) {
  // "replica_config must be complete": absent scalars are zero, absent parts defaults.
  auto old = stored_feed(cluster{}, R"({"changefeed_id":"cf","sink_uri":"blackhole://",)"
                                    R"("replica_config":{"mounter":{"worker_num":3}}})");
  auto next = updated(old, R"({"replica_config":{"ignore_ineligible_table":true}})");
  BOOST_TEST(next.config->ignore_ineligible_table);
  BOOST_TEST(!next.config->check_gc_safe_point);
  BOOST_TEST(next.config->mounter->worker_num == 16);
  BOOST_TEST(next.config->memory_quota == 1073741824u);  // 0 adjusted to the default
}

BOOST_AUTO_TEST_CASE(update_like_ticdcs_helper_test) {
  // U13: start_ts is ignored, the target and the sync point interval apply.
  cluster c;
  auto old = stored_feed(c, R"({"changefeed_id":"cf","sink_uri":"mysql://root@127.0.0.1:3306/"})");
  auto next = updated(old, R"({"start_ts":2,"target_ts":)" + ts(now_tso + 10) +
                             R"(,"replica_config":{"sync_point_interval":"30s"},"sink_uri":"blackhole://",)"
                             R"("pd_addrs":["127.0.0.1:2379"],"cert_allowed_cn":["c","d"]})");
  BOOST_TEST(next.start_ts == old.start_ts);
  BOOST_TEST(next.target_ts == now_tso + 10);
  BOOST_TEST((next.config->sync_point_interval.value() == std::chrono::seconds{30}));
  BOOST_TEST(next.sink_uri == "blackhole://");
}

BOOST_AUTO_TEST_CASE(new_sink_uri_is_validated_against_the_stored_config) {
  auto old = stored_feed(cluster{}, blackhole_feed);
  auto e = update_error(old, R"({"sink_uri":"kafka://127.0.0.1:9092/t"})");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(e.message == "changefeed update error: [CDC:ErrSinkUnknownProtocol]unknown '' message protocol for sink");
}

BOOST_AUTO_TEST_CASE(unknown_scheme_is_refused_as_an_update_error) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), R"({"sink_uri":"aaab://"})");
  BOOST_TEST(e.message == "changefeed update error: [CDC:ErrSinkURIInvalid]the sink scheme (aaab) is not supported");
}

BOOST_AUTO_TEST_CASE(unparsable_sink_uri_is_refused_as_an_update_error) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), "{\"sink_uri\":\"\\u007f \"}");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(contains(e.message, "[CDC:ErrSinkURIInvalid]"));
}

BOOST_AUTO_TEST_CASE(new_config_is_validated_against_the_stored_sink_uri) {
  auto old = stored_feed(cluster{}, R"({"changefeed_id":"cf","sink_uri":"mysql://root@127.0.0.1:3306/"})");
  auto e = update_error(old, R"({"replica_config":{"sink":{"protocol":"canal-json"}}})");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(contains(e.message, "[CDC:ErrSinkURIInvalid]"));
}

BOOST_AUTO_TEST_CASE(bad_columns_dispatcher_is_refused_naming_the_cause) {
  // U15.
  auto old = stored_feed(cluster{}, blackhole_feed);
  auto e = update_error(old, R"({"sink_uri":"kafka://127.0.0.1:9092/test?protocol=simple","replica_config":)"
                             R"({"sink":{"dispatchers":[{"matcher":["*.*"],"partition":"columns","columns":["id.name"]}]}}})");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(contains(e.message, "CDC:ErrDispatcherFailed"));
}

BOOST_AUTO_TEST_CASE(bad_filter_rule_is_refused_naming_the_cause) {
  auto e = update_error(stored_feed(cluster{}, blackhole_feed), R"({"replica_config":{"filter":{"rules":["x"]}}})");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(contains(e.message, "changefeed update error: [CDC:ErrFilterRuleInvalid]"));
}

BOOST_AUTO_TEST_CASE(filter_failure_wins_over_config_failure) {
  // TiCDC verifies the filter before ValidateAndAdjust on update.
  auto e = update_error(stored_feed(cluster{}, blackhole_feed),
                        R"({"replica_config":{"filter":{"rules":["x"]},"changefeed_error_stuck_duration":"1m"}})");
  BOOST_TEST(contains(e.message, "[CDC:ErrFilterRuleInvalid]"));
}

BOOST_AUTO_TEST_CASE(ineligible_tables_are_their_own_error) {
  cluster c{catalog_with_ineligible()};
  auto old = stored_feed(c, R"({"changefeed_id":"cf","sink_uri":"blackhole://","replica_config":{"ignore_ineligible_table":true}})");
  auto e = update_error(old, R"({"replica_config":{}})", c);
  BOOST_TEST(e.kind == api_error::table_ineligible);
}

BOOST_AUTO_TEST_CASE(ignore_ineligible_table_lets_the_update_through) {
  // U16.
  cluster c{catalog_with_ineligible()};
  auto old = stored_feed(c, R"({"changefeed_id":"cf","sink_uri":"blackhole://","replica_config":{"ignore_ineligible_table":true}})");
  auto next = updated(old, R"({"sink_uri":"blackhole://?aa=bb","replica_config":{"ignore_ineligible_table":true}})", c);
  BOOST_TEST(next.sink_uri == "blackhole://?aa=bb");
}

BOOST_AUTO_TEST_CASE(config_that_starts_to_contradict_the_uri_is_refused) {
  auto old = stored_feed(cluster{}, kafka_feed);
  auto e = update_error(old, R"({"replica_config":{"sink":{"protocol":"open-protocol"}}})");
  BOOST_TEST(e.kind == api_error::changefeed_update_refused);
  BOOST_TEST(e.message == "changefeed update error: [CDC:ErrIncompatibleSinkConfig]incompatible configuration in sink "
                          "uri(protocol=canal-json) and config file(protocol=open-protocol), please try to update the "
                          "configuration only through sink uri");
}

BOOST_AUTO_TEST_CASE(new_uri_may_override_the_config_protocol) {
  auto old = stored_feed(cluster{}, kafka_feed);
  auto next = updated(old, R"({"sink_uri":"kafka://127.0.0.1:9092/t?protocol=open-protocol"})");
  BOOST_TEST(next.config->sink->protocol.value() == "open-protocol");
}

BOOST_AUTO_TEST_CASE(updated_config_is_adjusted_to_the_sink) {
  auto old = stored_feed(cluster{}, kafka_feed);
  auto next = updated(old, R"({"replica_config":{"mounter":{"worker_num":4}}})");
  BOOST_TEST(next.config->sink->protocol.value() == "canal-json");  // from the URI
  BOOST_TEST(next.config->mounter->worker_num == 4);
  BOOST_TEST(next.epoch == old.epoch + 1);
}

BOOST_AUTO_TEST_CASE(update_keeps_identity_state_start_and_error) {
  auto old = stored_feed(cluster{}, blackhole_feed, feed_state::failed);
  old.error = running_error{std::nullopt, "c1", "CDC:ErrSinkWriteFailed", "boom"};
  auto next = updated(old, R"({"replica_config":{"mounter":{"worker_num":4}}})");
  BOOST_TEST(next.key.display() == old.key.display());
  BOOST_TEST(next.state == feed_state::failed);
  BOOST_TEST(next.start_ts == old.start_ts);
  BOOST_TEST((next.error == old.error));
  BOOST_TEST((next.create_time == old.create_time));
}

BOOST_AUTO_TEST_SUITE_END()
