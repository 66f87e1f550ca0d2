// Create rules, step by step in TiCDC's order (reference 2.5, cases C4-C17):
// each step passes, fails, and loses to the steps before it.
#include <boost/test/unit_test.hpp>

#include "tests/model/rules_support.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::test;

namespace {

api_failure create_error(std::string_view json, const cluster& c = cluster{}) {
  auto r = check_create(create_body(json), c.create_ctx());
  BOOST_REQUIRE(!r);
  return r.error();
}

created_changefeed created(std::string_view json, const cluster& c = cluster{}) {
  auto r = check_create(create_body(json), c.create_ctx());
  if (!r)
    BOOST_FAIL(full_message(r.error()));
  return *r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(rules_create)

// -- pd_addrs -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pd_addrs_of_another_upstream_fail_like_an_unreachable_pd) {
  auto e = create_error(R"({"sink_uri":"blackhole://","pd_addrs":["http://10.0.0.9:2379"]})");
  BOOST_TEST(e.kind == api_error::api_get_pd_client_failed);
  BOOST_TEST(http_status_of(e.kind) == 500u);
  BOOST_TEST(contains(e.message, "[http://10.0.0.9:2379]"));
}

BOOST_AUTO_TEST_CASE(pd_addrs_naming_our_upstream_are_accepted_in_any_spelling) {
  auto r = created(R"({"sink_uri":"blackhole://","pd_addrs":["127.0.0.1:2379/","HTTP://127.0.0.1:2379"]})");
  BOOST_TEST(r.info.state == feed_state::normal);
}

BOOST_AUTO_TEST_CASE(pd_addrs_are_checked_before_the_sink_uri) {
  auto e = create_error(R"({"sink_uri":"","pd_addrs":["pd:1"]})");
  BOOST_TEST(e.kind == api_error::api_get_pd_client_failed);
}

// -- sink_uri -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(empty_sink_uri_is_refused_with_ticdcs_message) {
  auto e = create_error(R"({"changefeed_id":"cf"})");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(e.message == "sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'");
}

BOOST_AUTO_TEST_CASE(empty_sink_uri_wins_over_a_bad_id) {
  auto e = create_error(R"({"changefeed_id":"abdc/sss"})");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
}

// -- changefeed ID and namespace ---------------------------------------------------

BOOST_AUTO_TEST_CASE(missing_id_becomes_a_uuid_from_the_context_bits) {
  auto r = created(R"({"sink_uri":"blackhole://"})");
  BOOST_TEST(r.info.key.id == make_uuid_v4(0x0123456789abcdefULL, 0xfedcba9876543210ULL));
  BOOST_TEST(r.info.key.id.size() == 36u);
  BOOST_TEST(is_valid_id(r.info.key.id));
}

BOOST_AUTO_TEST_CASE(invalid_id_is_an_invalid_parameter) {
  auto e = create_error(R"({"sink_uri":"blackhole://","changefeed_id":"abdc/sss"})");
  BOOST_TEST(e.kind == api_error::api_invalid_param);
  BOOST_TEST(e.message.starts_with("invalid changefeed_id: abdc/sss"));
}

BOOST_AUTO_TEST_CASE(missing_namespace_is_default) {
  auto r = created(R"({"sink_uri":"blackhole://","changefeed_id":"cf"})");
  BOOST_TEST(r.info.key.namespace_ == "default");
}

BOOST_AUTO_TEST_CASE(invalid_namespace_is_an_invalid_parameter) {
  auto e = create_error(R"({"sink_uri":"blackhole://","namespace":"abdc/sss"})");
  BOOST_TEST(e.kind == api_error::api_invalid_param);
  BOOST_TEST(e.message.starts_with("invalid namespace: abdc/sss"));
}

BOOST_AUTO_TEST_CASE(invalid_id_wins_over_invalid_namespace) {
  auto e = create_error(R"({"sink_uri":"blackhole://","changefeed_id":"-a","namespace":"a-"})");
  BOOST_TEST(e.message.starts_with("invalid changefeed_id: -a"));
}

// -- existence ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(existing_feed_is_a_500_already_exists) {
  cluster c;
  c.existing.insert({"default", "cf"});
  auto e = create_error(R"({"sink_uri":"blackhole://","changefeed_id":"cf"})", c);
  BOOST_TEST(e.kind == api_error::changefeed_already_exists);
  BOOST_TEST(http_status_of(e.kind) == 500u);
  BOOST_TEST(e.message == "changefeed already exists, cf");
}

BOOST_AUTO_TEST_CASE(same_id_in_another_namespace_does_not_exist) {
  cluster c;
  c.existing.insert({"default", "cf"});
  auto r = created(R"({"sink_uri":"blackhole://","changefeed_id":"cf","namespace":"abc"})", c);
  BOOST_TEST(r.info.key.display() == "abc/cf");
}

BOOST_AUTO_TEST_CASE(context_without_exists_predicate_means_nothing_exists) {
  cluster c;  // owns the catalog the context's span points into
  auto ctx = c.create_ctx();
  ctx.exists = nullptr;
  BOOST_TEST(check_create(create_body(R"({"sink_uri":"blackhole://"})"), ctx).has_value());
}

BOOST_AUTO_TEST_CASE(existence_wins_over_a_bad_start_ts) {
  cluster c;
  c.existing.insert({"default", "cf"});
  auto e = create_error(R"({"sink_uri":"blackhole://","changefeed_id":"cf","start_ts":1000000000000000000})", c);
  BOOST_TEST(e.kind == api_error::changefeed_already_exists);
}

// -- start_ts, GC safepoint, target_ts ----------------------------------------------

BOOST_AUTO_TEST_CASE(zero_start_ts_is_the_current_tso) {
  auto r = created(R"({"sink_uri":"blackhole://"})");
  BOOST_TEST(r.info.start_ts == now_tso);
}

BOOST_AUTO_TEST_CASE(start_ts_after_the_current_tso_is_an_invalid_parameter) {
  auto e = create_error(R"({"sink_uri":"blackhole://","start_ts":1000000000000000000})");
  BOOST_TEST(e.kind == api_error::api_invalid_param);
  BOOST_TEST(e.message == "invalid start-ts 1000000000000000000, larger than current tso " + std::to_string(now_tso));
}

BOOST_AUTO_TEST_CASE(start_ts_equal_to_the_current_tso_is_accepted) {
  auto r = created(R"({"sink_uri":"blackhole://","start_ts":)" + std::to_string(now_tso) + "}");
  BOOST_TEST(r.info.start_ts == now_tso);
}

BOOST_AUTO_TEST_CASE(start_ts_below_the_gc_safepoint_is_refused) {
  auto e = create_error(R"({"sink_uri":"blackhole://","start_ts":4})");
  BOOST_TEST(e.kind == api_error::start_ts_before_gc);
  BOOST_TEST(e.message == "fail to create or maintain changefeed because start-ts 4 is earlier than or equal to GC safepoint at "
                            + std::to_string(gc_tso));
}

BOOST_AUTO_TEST_CASE(start_ts_equal_to_the_gc_safepoint_is_refused) {
  auto e = create_error(R"({"sink_uri":"blackhole://","start_ts":)" + std::to_string(gc_tso) + "}");
  BOOST_TEST(e.kind == api_error::start_ts_before_gc);
}

BOOST_AUTO_TEST_CASE(gc_safepoint_is_checked_even_without_check_gc_safe_point) {
  auto e = create_error(R"({"sink_uri":"blackhole://","start_ts":4,"replica_config":{"check_gc_safe_point":false}})");
  BOOST_TEST(e.kind == api_error::start_ts_before_gc);
}

BOOST_AUTO_TEST_CASE(target_ts_before_start_ts_is_refused) {
  // C13: start 4, target 3 (the GC safepoint is put below both).
  cluster c;  // owns the catalog the context's span points into
  auto ctx = c.create_ctx();
  ctx.gc_safepoint = 0;
  auto r = check_create(create_body(R"({"sink_uri":"blackhole://","start_ts":4,"target_ts":3})"), ctx);
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.error().kind == api_error::target_ts_before_start_ts);
  BOOST_TEST(r.error().message == "fail to create changefeed because target-ts 3 is earlier than start-ts 4");
}

BOOST_AUTO_TEST_CASE(target_ts_equal_to_start_ts_is_refused) {
  auto body = R"({"sink_uri":"blackhole://","start_ts":)" + std::to_string(now_tso) + R"(,"target_ts":)"
              + std::to_string(now_tso) + "}";
  BOOST_TEST(create_error(body).kind == api_error::target_ts_before_start_ts);
}

BOOST_AUTO_TEST_CASE(target_ts_is_compared_with_the_filled_in_start_ts) {
  auto e = create_error(R"({"sink_uri":"blackhole://","target_ts":5})");
  BOOST_TEST(e.kind == api_error::target_ts_before_start_ts);
}

BOOST_AUTO_TEST_CASE(target_ts_after_start_ts_is_kept) {
  auto r = created(R"({"sink_uri":"blackhole://","target_ts":)" + std::to_string(now_tso + 1) + "}");
  BOOST_TEST(r.info.target_ts == now_tso + 1);
}

BOOST_AUTO_TEST_CASE(gc_safepoint_wins_over_target_ts) {
  auto e = create_error(R"({"sink_uri":"blackhole://","start_ts":4,"target_ts":3})");
  BOOST_TEST(e.kind == api_error::start_ts_before_gc);
}

// -- sink URI and replica config ------------------------------------------------------

BOOST_AUTO_TEST_CASE(unparsable_sink_uri_is_invalid) {
  // C15: a DEL byte is a control character Go's url.Parse rejects.
  auto e = create_error("{\"sink_uri\":\"\\u007f \"}");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
}

BOOST_AUTO_TEST_CASE(target_ts_wins_over_an_unparsable_sink_uri) {
  auto e = create_error("{\"sink_uri\":\"\\u007f \",\"target_ts\":5}");
  BOOST_TEST(e.kind == api_error::target_ts_before_start_ts);
}

BOOST_AUTO_TEST_CASE(protocol_on_a_mysql_sink_is_refused) {
  auto e = create_error(R"({"sink_uri":"mysql://root@127.0.0.1:3306/?protocol=canal-json"})");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(contains(e.message, "protocol canal-json is incompatible with mysql scheme"));
}

BOOST_AUTO_TEST_CASE(kafka_without_protocol_is_an_unknown_protocol) {
  auto e = create_error(R"({"sink_uri":"kafka://127.0.0.1:9092/topic"})");
  BOOST_TEST(e.kind == api_error::sink_unknown_protocol);
  BOOST_TEST(e.message == "unknown '' message protocol for sink");
}

BOOST_AUTO_TEST_CASE(short_error_stuck_duration_is_an_invalid_replica_config) {
  auto e = create_error(R"({"sink_uri":"blackhole://","replica_config":{"changefeed_error_stuck_duration":"1m"}})");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
}

BOOST_AUTO_TEST_CASE(config_is_adjusted_to_the_sink_before_it_is_stored) {
  auto r = created(R"({"sink_uri":"kafka://127.0.0.1:9092/t?protocol=canal-json","replica_config":{"memory_quota":0}})");
  BOOST_TEST(r.info.config->memory_quota == 1073741824u);
  BOOST_TEST(r.info.config->sink->protocol.value() == "canal-json");
}

// -- tables ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(invalid_filter_rule_is_a_400) {
  auto e = create_error(R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test0"]}}})");
  BOOST_TEST(e.kind == api_error::filter_rule_invalid);
  BOOST_TEST(http_status_of(e.kind) == 400u);
}

BOOST_AUTO_TEST_CASE(config_failure_wins_over_filter_failure) {
  auto e = create_error(
    R"({"sink_uri":"blackhole://","replica_config":{"changefeed_error_stuck_duration":"1m","filter":{"rules":["x"]}}})");
  BOOST_TEST(e.kind == api_error::invalid_replica_config);
}

BOOST_AUTO_TEST_CASE(unknown_ignore_event_is_a_500) {
  auto e = create_error(
    R"({"sink_uri":"blackhole://","replica_config":{"filter":{"event_filters":[{"matcher":["test0.*"],"ignore_event":["Insert"]}]}}})");
  BOOST_TEST(e.kind == api_error::invalid_ignore_event_type);
}

BOOST_AUTO_TEST_CASE(expression_on_a_missing_column_fails_for_matched_tables) {
  auto e = create_error(
    R"({"sink_uri":"blackhole://","replica_config":{"filter":{"event_filters":[{"matcher":["test0.t0"],"ignore_insert_value_expr":"nope > 1"}]}}})");
  BOOST_TEST(e.kind == api_error::expression_column_not_found);
}

BOOST_AUTO_TEST_CASE(expression_for_tables_outside_the_filter_is_not_bound) {
  auto r = created(
    R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test1.*"],"event_filters":[{"matcher":["test0.t0"],"ignore_insert_value_expr":"nope > 1"}]}}})");
  BOOST_TEST(r.table_ids.size() == 8u);
}

BOOST_AUTO_TEST_CASE(columns_dispatcher_on_a_missing_column_fails) {
  // C18/C19: `id.name` and `a.b` are not columns of the tables.
  for (auto columns : {R"(["id.name"])", R"(["a.b"])"}) {
    auto e = create_error(std::string{R"({"sink_uri":"kafka://127.0.0.1:9092/test?protocol=simple","replica_config":)"}
                          + R"({"sink":{"dispatchers":[{"matcher":["*.*"],"partition":"columns","columns":)" + columns
                          + "}]}}}");
    BOOST_TEST(e.kind == api_error::dispatcher_failed);
  }
}

BOOST_AUTO_TEST_CASE(columns_dispatcher_on_existing_columns_passes) {
  auto r = created(R"({"sink_uri":"kafka://127.0.0.1:9092/test?protocol=simple","replica_config":)"
                   R"({"sink":{"dispatchers":[{"matcher":["*.*"],"partition":"columns","columns":["k"]}]}}})");
  BOOST_TEST(r.table_ids.size() == 32u);
}

BOOST_AUTO_TEST_CASE(dispatchers_are_not_checked_for_non_mq_sinks) {
  auto r = created(R"({"sink_uri":"blackhole://","replica_config":)"
                   R"({"sink":{"dispatchers":[{"matcher":["*.*"],"partition":"columns","columns":["nope"]}]}}})");
  BOOST_TEST(r.table_ids.size() == 32u);
}

BOOST_AUTO_TEST_CASE(column_selector_dropping_the_key_fails) {
  auto e = create_error(R"({"sink_uri":"kafka://127.0.0.1:9092/test?protocol=canal-json","replica_config":)"
                        R"({"sink":{"column_selectors":[{"matcher":["test0.*"],"columns":["k","c"]}]}}})");
  BOOST_TEST(e.kind == api_error::column_selector_failed);
}

// -- sink validation --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unknown_scheme_is_refused_last) {
  // C14.
  auto e = create_error(R"({"sink_uri":"aaab://"})");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(e.message == "the sink scheme (aaab) is not supported");
}

BOOST_AUTO_TEST_CASE(sync_point_needs_a_mysql_sink) {
  auto e = create_error(R"({"sink_uri":"blackhole://","replica_config":{"enable_sync_point":true}})");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(e.message.starts_with("sink uri scheme is not supported with syncpoint enabled sink uri: blackhole"));
}

BOOST_AUTO_TEST_CASE(sync_point_message_masks_the_sink_uri) {
  auto e = create_error(R"({"sink_uri":"kafka://127.0.0.1:9092/t?protocol=canal-json&sasl-password=hunter2",)"
                        R"("replica_config":{"enable_sync_point":true}})");
  BOOST_TEST(e.kind == api_error::sink_uri_invalid);
  BOOST_TEST(!contains(e.message, "hunter2"));
  BOOST_TEST(contains(e.message, "sasl-password=xxxxx"));
}

BOOST_AUTO_TEST_CASE(sync_point_on_a_mysql_sink_is_accepted) {
  auto r = created(R"({"sink_uri":"mysql://root@127.0.0.1:3306/","replica_config":{"enable_sync_point":true}})");
  BOOST_TEST(r.info.config->enable_sync_point.value());
}

BOOST_AUTO_TEST_CASE(avro_protocol_on_blackhole_is_accepted) {
  // C16.
  auto r = created(R"({"start_ts":0,"sink_uri":"blackhole://127.0.0.1:9092/test?protocol=avro"})");
  BOOST_TEST(r.info.config->sink->protocol.value() == "avro");
}

BOOST_AUTO_TEST_CASE(typed_sink_parameters_are_returned) {
  auto r = created(R"({"sink_uri":"kafka://127.0.0.1:9092/topic-a?protocol=canal-json&partition-num=6"})");
  const auto& kafka = std::get<sink::kafka_params>(r.sink.params);
  BOOST_TEST(kafka.topic == "topic-a");
  BOOST_TEST(kafka.partition_num.value() == 6);
}

// -- the stored record ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(created_feed_is_normal_and_stamped_by_the_context) {
  // C8: upstream ID, generated ID, default namespace, non-zero epoch.
  auto r = created(R"({"sink_uri":"blackhole://","replica_config":{"ignore_ineligible_table":true}})");
  const auto& info = r.info;
  BOOST_TEST(info.state == feed_state::normal);
  BOOST_TEST(info.upstream_id == 7u);
  BOOST_TEST(info.creator_version == "v8.5.0");
  BOOST_TEST((info.create_time == tso_to_time(now_tso)));
  BOOST_TEST(info.epoch != 0u);
  BOOST_TEST(!info.error.has_value());
  BOOST_TEST(info.sink_uri == "blackhole://");
}

BOOST_AUTO_TEST_CASE(sink_uri_is_stored_unmasked) {
  auto r = created(R"({"sink_uri":"mysql://root:123456@127.0.0.1:3306"})");
  BOOST_TEST(r.info.sink_uri == "mysql://root:123456@127.0.0.1:3306");
}

BOOST_AUTO_TEST_CASE(every_default_catalog_table_is_selected_in_id_order) {
  auto r = created(R"({"sink_uri":"blackhole://"})");
  BOOST_REQUIRE(r.table_ids.size() == 32u);
  BOOST_TEST(r.table_ids.front() == 100);
  BOOST_TEST(r.table_ids.back() == 131);
  BOOST_TEST(std::is_sorted(r.table_ids.begin(), r.table_ids.end()));
}

BOOST_AUTO_TEST_SUITE_END()
