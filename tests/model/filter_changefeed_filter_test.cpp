// The per-changefeed filter: system schemas, table rules, ignore_txn_start_ts
// and event filters combined as TiCDC's filter does.
#include <boost/test/unit_test.hpp>

#include "model/filter/changefeed_filter.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

changefeed_filter make_ok(const filter_config& config, bool case_sensitive = false) {
  auto f = changefeed_filter::make(config, case_sensitive);
  BOOST_REQUIRE_MESSAGE(f.has_value(), (f.has_value() ? std::string() : f.error().message));
  return *f;
}

filter_config with_rules(std::vector<std::string> rules) {
  filter_config c;
  c.rules = std::move(rules);
  return c;
}

event_filter_rule rule_for(std::vector<std::string> matcher, std::vector<std::string> events) {
  event_filter_rule r;
  r.matcher = std::move(matcher);
  r.ignore_event = std::move(events);
  return r;
}

mysql_replication_rules do_dbs(std::vector<std::string> dbs) {
  mysql_replication_rules r;
  r.do_dbs = std::move(dbs);
  return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_changefeed_filter)

BOOST_AUTO_TEST_CASE(default_filter_replicates_user_tables_only) {
  auto f = make_ok({});
  BOOST_TEST(f.is_table_replicated("test", "t"));
  BOOST_TEST(!f.is_table_replicated("mysql", "user"));
  BOOST_TEST(!f.is_table_replicated("INFORMATION_SCHEMA", "tables"));
  BOOST_TEST(!f.is_table_replicated("tidb_cdc", "syncpoint_v1"));
}

BOOST_AUTO_TEST_CASE(system_schemas_stay_ignored_even_when_named) {
  auto f = make_ok(with_rules({"mysql.*", "sys.*", "test.*"}));
  BOOST_TEST(!f.is_table_replicated("mysql", "user"));
  BOOST_TEST(!f.is_table_replicated("sys", "x"));
  BOOST_TEST(!f.is_schema_replicated("mysql"));
  BOOST_TEST(f.is_table_replicated("test", "t"));
}

BOOST_AUTO_TEST_CASE(rules_decide_and_honour_case_sensitivity) {
  auto ci = make_ok(with_rules({"Test.*"}), false);
  BOOST_TEST(ci.is_table_replicated("TEST", "t"));
  auto cs = make_ok(with_rules({"Test.*"}), true);
  BOOST_TEST(!cs.is_table_replicated("TEST", "t"));
}

BOOST_AUTO_TEST_CASE(schema_replication_follows_rules) {
  auto f = make_ok(with_rules({"*.*", "!test.*"}));
  BOOST_TEST(!f.is_schema_replicated("test"));
  BOOST_TEST(f.is_schema_replicated("prod"));
}

BOOST_AUTO_TEST_CASE(bad_rules_fail_with_filter_rule_invalid) {
  auto f = changefeed_filter::make(with_rules({"a.b.c"}), false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
}

BOOST_AUTO_TEST_CASE(table_rules_are_checked_before_event_filters) {
  filter_config c;
  c.rules = {"bad"};
  c.event_filters = {rule_for({"*.*"}, {"nope"})};
  auto f = changefeed_filter::make(c, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
}

BOOST_AUTO_TEST_CASE(ignored_start_ts_drops_rows_and_ddl) {
  auto f = make_ok([] {
    filter_config c;
    c.ignore_txn_start_ts = {30, 10, 20};
    return c;
  }());
  BOOST_TEST(f.ignores_txn(20));
  BOOST_TEST(!f.ignores_txn(25));
  BOOST_TEST(f.ignores_dml("test", "t", dml_kind::insert, 10));
  BOOST_TEST(!f.ignores_dml("test", "t", dml_kind::insert, 11));
  BOOST_TEST(f.ignores_ddl("test", "t", event_type::create_table, "create table t (a int)", 30));
}

BOOST_AUTO_TEST_CASE(rows_of_filtered_tables_are_ignored) {
  auto f = make_ok(with_rules({"test.*"}));
  BOOST_TEST(f.ignores_dml("prod", "t", dml_kind::update, 1));
  BOOST_TEST(!f.ignores_dml("test", "t", dml_kind::update, 1));
}

BOOST_AUTO_TEST_CASE(event_filter_ignores_rows_by_kind) {
  filter_config c;
  c.event_filters = {rule_for({"test.worker"}, {"delete"})};
  auto f = make_ok(c);
  BOOST_TEST(f.ignores_dml("test", "worker", dml_kind::delete_, 1));
  BOOST_TEST(!f.ignores_dml("test", "worker", dml_kind::insert, 1));
  BOOST_TEST(!f.ignores_dml("test", "other", dml_kind::delete_, 1));
}

BOOST_AUTO_TEST_CASE(ddl_ignore_does_not_consult_the_table_filter) {
  // TiCDC discards DDL of unreplicated tables elsewhere; ShouldIgnoreDDLEvent
  // itself only looks at start ts and event filters.
  auto f = make_ok(with_rules({"test.*"}));
  BOOST_TEST(!f.ignores_ddl("prod", "t", event_type::create_table, "", 1));
}

BOOST_AUTO_TEST_CASE(mysql_rules_apply_when_rules_are_empty) {
  filter_config c;
  c.mysql_rules = do_dbs({"test"});
  auto f = make_ok(c);
  BOOST_TEST(f.is_table_replicated("test", "t"));
  BOOST_TEST(!f.is_table_replicated("prod", "t"));
}

BOOST_AUTO_TEST_CASE(rules_win_over_mysql_rules) {
  filter_config c;
  c.rules = {"prod.*"};
  c.mysql_rules = do_dbs({"test"});
  auto f = make_ok(c);
  BOOST_TEST(!f.is_table_replicated("test", "t"));
  BOOST_TEST(f.is_table_replicated("prod", "t"));
}

BOOST_AUTO_TEST_CASE(verify_checks_expression_columns_against_tables) {
  filter_config c;
  c.event_filters = {rule_for({"test.*"}, {})};
  c.event_filters[0].ignore_insert_value_expr = "nosuch = 1";
  auto f = make_ok(c);
  std::vector<table_schema> tables{{"test", "t", {{"id", true}}, {}}};
  BOOST_TEST(!f.verify(tables).has_value());
  std::vector<table_schema> others{{"prod", "t", {{"id", true}}, {}}};
  BOOST_TEST(f.verify(others).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
