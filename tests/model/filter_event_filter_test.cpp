// Event filters: validation of ignore_event names, ignore_sql regexes and
// value expressions, and the run-time decisions for rows and DDL.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/filter/event_filter.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

event_filters make_ok(std::vector<event_filter_rule> rules, bool case_sensitive = false) {
  auto f = event_filters::make(rules, case_sensitive);
  BOOST_REQUIRE_MESSAGE(f.has_value(), (f.has_value() ? std::string() : f.error().message));
  return *f;
}

event_filter_rule ignoring(std::vector<std::string> matcher, std::vector<std::string> events) {
  event_filter_rule r;
  r.matcher = std::move(matcher);
  r.ignore_event = std::move(events);
  return r;
}

table_schema worker() {
  return {"test", "worker", {{"id", true}, {"name", false}, {"age", false}}, {{"PRIMARY", true, true, {"id"}}}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_event_filter)

BOOST_AUTO_TEST_CASE(every_documented_ignore_event_name_is_accepted) {
  BOOST_TEST(event_type_names().size() == 43u);
  for (auto name : event_type_names()) {
    auto f = event_filters::make({ignoring({"*.*"}, {std::string(name)})}, false);
    BOOST_TEST(f.has_value(), name);
    auto t = parse_event_type(name);
    BOOST_REQUIRE(t.has_value());
    BOOST_TEST(to_string(*t) == name);
  }
}

BOOST_AUTO_TEST_CASE(unknown_ignore_event_is_a_500_with_the_value) {
  auto f = event_filters::make({ignoring({"*.*"}, {"insert", "drop everything"})}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST(code_of(f.error().kind) == "CDC:ErrInvalidIgnoreEventType");
  BOOST_TEST(http_status_of(f.error().kind) == 500u);
  BOOST_TEST(f.error().message == "invalid ignore event type: 'drop everything'");
}

BOOST_AUTO_TEST_CASE(ignore_event_names_are_case_sensitive) {
  for (std::string name : {"INSERT", "All DML", "Alter Table", " insert"}) {
    auto f = event_filters::make({ignoring({"*.*"}, {name})}, false);
    BOOST_REQUIRE(!f.has_value());
    BOOST_TEST(f.error().message == "invalid ignore event type: '" + name + "'");
  }
}

BOOST_AUTO_TEST_CASE(bad_matcher_is_a_filter_rule_error) {
  auto f = event_filters::make({ignoring({"test"}, {"insert"})}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
  BOOST_TEST(f.error().message == "filter rule is invalid [test]: at <cmdline>:1: wrong table pattern");
}

BOOST_AUTO_TEST_CASE(matchers_are_checked_before_event_names) {
  // Rule 1 has a bad event name, rule 2 a bad matcher: TiCDC parses all
  // matchers first, so the matcher error wins.
  auto f = event_filters::make({ignoring({"*.*"}, {"bogus"}), ignoring({"a"}, {"insert"})}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
}

BOOST_AUTO_TEST_CASE(invalid_ignore_sql_is_a_filter_rule_error) {
  event_filter_rule r = ignoring({"*.*"}, {});
  r.ignore_sql = {"^drop", "add column ("};
  auto f = event_filters::make({r}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
  BOOST_TEST(f.error().message.rfind(
               "filter rule is invalid failed to create binlog event filter: compile regular expression "
               "[^drop add column (]: error parsing regexp: missing closing )",
               0)
             == 0);
}

BOOST_AUTO_TEST_CASE(invalid_value_expression_is_a_500) {
  event_filter_rule r = ignoring({"*.*"}, {});
  r.ignore_delete_value_expr = "name = ";
  auto f = event_filters::make({r}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST(code_of(f.error().kind) == "CDC:ErrInvalidFilterExpression");
  BOOST_TEST(f.error().message == "invalid filter expressions. There is a syntax error in: 'name = '");
}

BOOST_AUTO_TEST_CASE(all_dml_ignores_every_row_change_of_matched_tables) {
  auto f = make_ok({ignoring({"test.worker"}, {"all dml"})});
  BOOST_TEST(f.ignores_dml("test", "worker", dml_kind::insert));
  BOOST_TEST(f.ignores_dml("test", "worker", dml_kind::update));
  BOOST_TEST(f.ignores_dml("test", "worker", dml_kind::delete_));
  BOOST_TEST(!f.ignores_dml("test", "other", dml_kind::insert));
}

BOOST_AUTO_TEST_CASE(single_dml_kinds_ignore_only_themselves) {
  auto f = make_ok({ignoring({"*.*"}, {"insert", "delete"})});
  BOOST_TEST(f.ignores_dml("a", "b", dml_kind::insert));
  BOOST_TEST(!f.ignores_dml("a", "b", dml_kind::update));
  BOOST_TEST(f.ignores_dml("a", "b", dml_kind::delete_));
  auto u = make_ok({ignoring({"*.*"}, {"update"})});
  BOOST_TEST(u.ignores_dml("a", "b", dml_kind::update));
  BOOST_TEST(!u.ignores_dml("a", "b", dml_kind::insert));
}

BOOST_AUTO_TEST_CASE(ddl_names_do_not_ignore_rows) {
  auto f = make_ok({ignoring({"*.*"}, {"all ddl", "create table"})});
  BOOST_TEST(!f.ignores_dml("a", "b", dml_kind::insert));
}

BOOST_AUTO_TEST_CASE(all_ddl_ignores_every_ddl_but_no_row) {
  auto f = make_ok({ignoring({"*.*"}, {"all ddl"})});
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::create_table, ""));
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::add_column, ""));
  BOOST_TEST(f.ignores_ddl("a", "", event_type::drop_database, ""));
}

BOOST_AUTO_TEST_CASE(alter_table_covers_every_alter_kind_ddl) {
  auto f = make_ok({ignoring({"*.*"}, {"alter table"})});
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::add_column, ""));
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::create_index, ""));
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::modify_table_comment, ""));
  BOOST_TEST(!f.ignores_ddl("a", "b", event_type::create_table, ""));
  BOOST_TEST(!f.ignores_ddl("a", "b", event_type::drop_table, ""));
}

BOOST_AUTO_TEST_CASE(schema_and_database_names_are_aliases) {
  auto f = make_ok({ignoring({"*.*"}, {"create schema", "drop database"})});
  BOOST_TEST(f.ignores_ddl("a", "", event_type::create_database, ""));
  BOOST_TEST(f.ignores_ddl("a", "", event_type::drop_schema, ""));
}

BOOST_AUTO_TEST_CASE(specific_ddl_name_ignores_only_that_ddl) {
  auto f = make_ok({ignoring({"test.*"}, {"truncate table"})});
  BOOST_TEST(f.ignores_ddl("test", "t", event_type::truncate_table, ""));
  BOOST_TEST(!f.ignores_ddl("test", "t", event_type::drop_table, ""));
  BOOST_TEST(!f.ignores_ddl("prod", "t", event_type::truncate_table, ""));
}

BOOST_AUTO_TEST_CASE(schema_level_ddl_matches_on_the_schema_only) {
  auto f = make_ok({ignoring({"test.*"}, {"drop database"})});
  BOOST_TEST(f.ignores_ddl("test", "", event_type::drop_database, ""));
  BOOST_TEST(!f.ignores_ddl("prod", "", event_type::drop_database, ""));
}

BOOST_AUTO_TEST_CASE(ignore_sql_searches_the_query_case_insensitively) {
  event_filter_rule r = ignoring({"*.*"}, {});
  r.ignore_sql = {"^drop", "add column"};
  auto f = make_ok({r});
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::drop_table, "DROP TABLE b"));
  BOOST_TEST(f.ignores_ddl("a", "b", event_type::add_column, "alter table b ADD COLUMN c int"));
  BOOST_TEST(!f.ignores_ddl("a", "b", event_type::create_table, "create table b (id int)"));
  BOOST_TEST(!f.ignores_ddl("a", "b", event_type::drop_table, ""));
}

BOOST_AUTO_TEST_CASE(event_filter_matcher_honours_case_sensitivity) {
  auto ci = make_ok({ignoring({"Test.Worker"}, {"insert"})}, false);
  BOOST_TEST(ci.ignores_dml("test", "worker", dml_kind::insert));
  auto cs = make_ok({ignoring({"Test.Worker"}, {"insert"})}, true);
  BOOST_TEST(!cs.ignores_dml("test", "worker", dml_kind::insert));
  BOOST_TEST(cs.ignores_dml("Test", "Worker", dml_kind::insert));
}

BOOST_AUTO_TEST_CASE(insert_value_expression_ignores_matching_rows) {
  event_filter_rule r = ignoring({"test.worker"}, {});
  r.ignore_insert_value_expr = "id >= 100";
  auto f = make_ok({r});
  auto v = f.bind(worker());
  BOOST_REQUIRE(v.has_value());
  std::vector<sql_value> big{std::int64_t{100}, std::string("a"), sql_null()};
  std::vector<sql_value> small{std::int64_t{5}, std::string("a"), sql_null()};
  BOOST_TEST(v->ignores(dml_kind::insert, {}, big));
  BOOST_TEST(!v->ignores(dml_kind::insert, {}, small));
  BOOST_TEST(!v->ignores(dml_kind::delete_, big, {}));
}

BOOST_AUTO_TEST_CASE(update_is_ignored_by_old_or_new_value) {
  event_filter_rule r = ignoring({"test.worker"}, {});
  r.ignore_update_old_value_expr = "age < 18 or name = 'lili'";
  r.ignore_update_new_value_expr = "name = 'john'";
  auto v = make_ok({r}).bind(worker());
  BOOST_REQUIRE(v.has_value());
  std::vector<sql_value> young{std::int64_t{1}, std::string("x"), std::int64_t{10}};
  std::vector<sql_value> adult{std::int64_t{1}, std::string("x"), std::int64_t{30}};
  std::vector<sql_value> john{std::int64_t{1}, std::string("john"), std::int64_t{30}};
  BOOST_TEST(v->ignores(dml_kind::update, young, adult));
  BOOST_TEST(v->ignores(dml_kind::update, adult, john));
  BOOST_TEST(!v->ignores(dml_kind::update, adult, adult));
}

BOOST_AUTO_TEST_CASE(delete_value_expression_reads_the_old_row) {
  event_filter_rule r = ignoring({"test.worker"}, {});
  r.ignore_delete_value_expr = "name = 'john'";
  auto v = make_ok({r}).bind(worker());
  BOOST_REQUIRE(v.has_value());
  std::vector<sql_value> john{std::int64_t{1}, std::string("john"), sql_null()};
  BOOST_TEST(v->ignores(dml_kind::delete_, john, {}));
  BOOST_TEST(!v->ignores(dml_kind::insert, {}, john));
}

BOOST_AUTO_TEST_CASE(value_rules_of_unmatched_tables_are_not_bound) {
  event_filter_rule r = ignoring({"other.*"}, {});
  r.ignore_insert_value_expr = "nosuch = 1";
  auto v = make_ok({r}).bind(worker());
  BOOST_REQUIRE(v.has_value());
  BOOST_TEST(v->empty());
}

BOOST_AUTO_TEST_CASE(expression_on_a_missing_column_fails_verification) {
  event_filter_rule r = ignoring({"test.*"}, {});
  r.ignore_insert_value_expr = "salary > 10";
  auto f = make_ok({r});
  std::vector<table_schema> tables{worker()};
  auto checked = f.verify(tables);
  BOOST_REQUIRE(!checked.has_value());
  BOOST_TEST(http_status_of(checked.error().kind) == 500u);
  BOOST_TEST(checked.error().message
             == "invalid filter expression(s). Cannot find column 'salary' from table 'test.worker' in: salary > 10");
}

BOOST_AUTO_TEST_SUITE_END()
