// The event router: first matching rule wins, the implicit `*.*` default,
// topic selection, and TiCDC's create-time verification of dispatchers and
// column selectors.
#include <boost/test/unit_test.hpp>

#include "model/dispatch/event_router.hpp"

using namespace cdc::model;
using namespace cdc::model::dispatch;
using filter::sql_value;
using filter::table_schema;

namespace {

dispatch_rule_config rule(std::vector<std::string> matcher, std::string partition, std::string topic = {}) {
  dispatch_rule_config r;
  r.matcher = std::move(matcher);
  r.partition = std::move(partition);
  r.topic = std::move(topic);
  return r;
}

router_options kafka(std::string default_topic = "default") {
  router_options o;
  o.default_topic = std::move(default_topic);
  return o;
}

event_router make_ok(std::vector<dispatch_rule_config> rules, router_options options = kafka()) {
  auto r = event_router::make(rules, options);
  BOOST_REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().message));
  return *r;
}

// test.t (id PK, name, uk UNIQUE, k with a plain index)
table_schema table_t() {
  table_schema t;
  t.schema = "test";
  t.table = "t";
  t.columns = {{"id", true}, {"name", false}, {"uk", true}, {"k", false}};
  t.indexes = {{"PRIMARY", true, true, {"id"}}, {"uk_idx", true, false, {"uk"}}, {"k_idx", false, false, {"k"}}};
  return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(dispatch_router)

BOOST_AUTO_TEST_CASE(no_rules_route_everything_to_the_default_topic_and_rule) {
  auto r = make_ok({});
  BOOST_TEST(r.topic_for("a", "b") == "default");
  BOOST_TEST((r.route_for("a", "b").partition.kind == partition_kind::default_));
}

BOOST_AUTO_TEST_CASE(first_matching_rule_wins) {
  auto r = make_ok({rule({"test.t"}, "ts"), rule({"test.*"}, "table")});
  BOOST_TEST((r.route_for("test", "t").partition.kind == partition_kind::ts));
  BOOST_TEST((r.route_for("test", "u").partition.kind == partition_kind::table));
  BOOST_TEST((r.route_for("prod", "t").partition.kind == partition_kind::default_));
}

BOOST_AUTO_TEST_CASE(matchers_honour_case_sensitivity) {
  auto ci = make_ok({rule({"TEST.*"}, "ts")});
  BOOST_TEST((ci.route_for("test", "t").partition.kind == partition_kind::ts));
  auto options = kafka();
  options.case_sensitive = true;
  auto cs = make_ok({rule({"TEST.*"}, "ts")}, options);
  BOOST_TEST((cs.route_for("test", "t").partition.kind == partition_kind::default_));
}

BOOST_AUTO_TEST_CASE(topic_expression_is_substituted_per_table) {
  auto r = make_ok({rule({"test.*"}, "table", "cdc_{schema}_{table}"), rule({"hot.*"}, "ts", "hot-topic")});
  BOOST_TEST(r.topic_for("test", "Orders") == "cdc_test_Orders");
  BOOST_TEST(r.topic_for("hot", "x") == "hot-topic");
  BOOST_TEST(r.topic_for("cold", "x") == "default");
}

BOOST_AUTO_TEST_CASE(bad_matcher_is_a_filter_rule_error) {
  auto r = event_router::make({rule({"test"}, "ts")}, kafka());
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST((r.error().kind == api_error::filter_rule_invalid));
  BOOST_TEST(r.error().message == "filter rule is invalid [test]: at <cmdline>:1: wrong table pattern");
}

BOOST_AUTO_TEST_CASE(bad_kafka_topic_fails_router_creation) {
  auto r = event_router::make({rule({"*.*"}, "ts", "{bad}")}, kafka());
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(code_of(r.error().kind) == "CDC:ErrKafkaTopicExprInvalid");
}

BOOST_AUTO_TEST_CASE(avro_protocol_needs_schema_and_table_in_topics) {
  auto options = kafka();
  options.avro = true;
  BOOST_TEST(!event_router::make({rule({"*.*"}, "ts", "{schema}")}, options).has_value());
  BOOST_TEST(event_router::make({rule({"*.*"}, "ts", "{schema}_{table}")}, options).has_value());
  BOOST_TEST(event_router::make({rule({"*.*"}, "ts", "fixed")}, options).has_value());
}

BOOST_AUTO_TEST_CASE(pulsar_validates_topics_its_own_way) {
  auto options = kafka();
  options.pulsar = true;
  BOOST_TEST(event_router::make({rule({"*.*"}, "ts", "persistent://public/default/{schema}")}, options)
               .has_value());
  auto bad = event_router::make({rule({"*.*"}, "ts", "a/{schema}")}, options);
  BOOST_REQUIRE(!bad.has_value());
  BOOST_TEST(code_of(bad.error().kind) == "CDC:ErrPulsarTopicExprInvalid");
}

BOOST_AUTO_TEST_CASE(partition_for_uses_the_matching_rule) {
  auto r = make_ok({rule({"test.*"}, "ts")});
  row_change row;
  row.schema = "test";
  row.table = "t1";
  row.commit_ts = 19;
  auto target = r.partition_for(row, 16);
  BOOST_REQUIRE(target.has_value());
  BOOST_TEST(target->partition == 3);
  row.schema = "other";
  target = r.partition_for(row, 16);
  BOOST_REQUIRE(target.has_value());
  BOOST_TEST(target->key == "other.t1");
}

BOOST_AUTO_TEST_CASE(verify_accepts_a_unique_named_index) {
  auto c = rule({"*.*"}, "index-value");
  c.index = "uk_idx";
  std::vector<table_schema> tables{table_t()};
  BOOST_TEST(make_ok({c}).verify(tables).has_value());
}

BOOST_AUTO_TEST_CASE(verify_rejects_a_missing_index) {
  auto c = rule({"*.*"}, "index-value");
  c.index = "nope";
  std::vector<table_schema> tables{table_t()};
  auto v = make_ok({c}).verify(tables);
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(code_of(v.error().kind) == "CDC:ErrDispatcherFailed");
  BOOST_TEST(v.error().message == "index not found when verify the table, table: test.t, index: nope");
}

BOOST_AUTO_TEST_CASE(verify_rejects_a_non_unique_index) {
  auto c = rule({"*.*"}, "index-value");
  c.index = "k_idx";
  std::vector<table_schema> tables{table_t()};
  auto v = make_ok({c}).verify(tables);
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(v.error().message == "index is not unique when verify the table, table: test.t, index: k_idx");
}

BOOST_AUTO_TEST_CASE(verify_ignores_index_value_without_an_index_name) {
  std::vector<table_schema> tables{table_t()};
  BOOST_TEST(make_ok({rule({"*.*"}, "index-value")}).verify(tables).has_value());
}

BOOST_AUTO_TEST_CASE(verify_rejects_dispatch_columns_the_table_lacks) {
  // Reference conformance cases C18/C19: columns ["id.name"] and ["a.b"].
  for (std::string bad : {"id.name", "a.b"}) {
    auto c = rule({"*.*"}, "columns");
    c.columns = {bad};
    std::vector<table_schema> tables{table_t()};
    auto v = make_ok({c}).verify(tables);
    BOOST_REQUIRE(!v.has_value());
    BOOST_TEST(code_of(v.error().kind) == "CDC:ErrDispatcherFailed");
    BOOST_TEST(v.error().message == "columns not found when verify the table, table: test.t, columns: [" + bad + "]");
  }
}

BOOST_AUTO_TEST_CASE(verify_accepts_existing_columns_in_any_case) {
  auto c = rule({"*.*"}, "columns");
  c.columns = {"ID", "Name"};
  std::vector<table_schema> tables{table_t()};
  BOOST_TEST(make_ok({c}).verify(tables).has_value());
}

BOOST_AUTO_TEST_CASE(verify_checks_only_the_rule_each_table_gets) {
  auto c = rule({"prod.*"}, "columns");
  c.columns = {"missing"};
  std::vector<table_schema> tables{table_t()};
  BOOST_TEST(make_ok({c}).verify(tables).has_value());
}

BOOST_AUTO_TEST_CASE(mq_verification_checks_selectors_against_dispatch_columns) {
  auto c = rule({"*.*"}, "columns");
  c.columns = {"name"};
  auto router = make_ok({c});
  auto selectors = filter::column_selectors::make({{{"test.*"}, {"id", "uk"}}}, false);
  BOOST_REQUIRE(selectors.has_value());
  std::vector<table_schema> tables{table_t()};
  auto v = verify_mq_tables(router, *selectors, tables);
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(code_of(v.error().kind) == "CDC:ErrColumnSelectorFailed");
  BOOST_TEST(v.error().message
             == "the filtered out column is used in the column dispatcher, table: test.t, column: name");
}

BOOST_AUTO_TEST_CASE(mq_verification_runs_the_router_checks_first) {
  auto c = rule({"*.*"}, "columns");
  c.columns = {"nope"};
  auto router = make_ok({c});
  auto selectors = filter::column_selectors::make({{{"test.*"}, {"name"}}}, false);
  BOOST_REQUIRE(selectors.has_value());
  std::vector<table_schema> tables{table_t()};
  auto v = verify_mq_tables(router, *selectors, tables);
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(code_of(v.error().kind) == "CDC:ErrDispatcherFailed");
}

BOOST_AUTO_TEST_CASE(mq_verification_passes_a_consistent_config) {
  auto c = rule({"*.*"}, "columns");
  c.columns = {"name"};
  auto router = make_ok({c});
  auto selectors = filter::column_selectors::make({{{"test.*"}, {"id", "name"}}}, false);
  BOOST_REQUIRE(selectors.has_value());
  std::vector<table_schema> tables{table_t()};
  BOOST_TEST(verify_mq_tables(router, *selectors, tables).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
