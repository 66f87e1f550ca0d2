// MySQL-style replication rules (do/ignore dbs and tables) and how TiCDC
// chooses between them and `filter.rules`.
#include <boost/test/unit_test.hpp>

#include "model/filter/mysql_rules.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

table_filter parse_ok(const mysql_replication_rules& rules, bool case_sensitive = true) {
  auto f = parse_mysql_replication_rules(rules, case_sensitive);
  BOOST_REQUIRE(f.has_value());
  return *f;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_mysql_rules)

BOOST_AUTO_TEST_CASE(no_rules_select_everything) {
  auto f = parse_ok({});
  BOOST_TEST(f.match("any", "table"));
  BOOST_TEST(f.match_schema("any"));
}

BOOST_AUTO_TEST_CASE(do_dbs_select_only_listed_schemas) {
  mysql_replication_rules r;
  r.do_dbs = {"test", "prod"};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("test", "t"));
  BOOST_TEST(f.match("prod", "t"));
  BOOST_TEST(!f.match("dev", "t"));
}

BOOST_AUTO_TEST_CASE(ignore_dbs_exclude_listed_schemas) {
  mysql_replication_rules r;
  r.ignore_dbs = {"dev"};
  auto f = parse_ok(r);
  BOOST_TEST(!f.match("dev", "t"));
  BOOST_TEST(f.match("test", "t"));
}

BOOST_AUTO_TEST_CASE(do_dbs_make_ignore_dbs_irrelevant) {
  mysql_replication_rules r;
  r.do_dbs = {"test"};
  r.ignore_dbs = {"test"};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("test", "t"));
}

BOOST_AUTO_TEST_CASE(do_tables_select_only_listed_tables) {
  mysql_replication_rules r;
  r.do_tables = {{"test", "t1"}, {"test", "t2"}};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("test", "t1"));
  BOOST_TEST(f.match("test", "t2"));
  BOOST_TEST(!f.match("test", "t3"));
}

BOOST_AUTO_TEST_CASE(ignore_tables_exclude_listed_tables) {
  mysql_replication_rules r;
  r.ignore_tables = {{"test", "secret"}};
  auto f = parse_ok(r);
  BOOST_TEST(!f.match("test", "secret"));
  BOOST_TEST(f.match("test", "public"));
  BOOST_TEST(f.match("prod", "secret"));
}

BOOST_AUTO_TEST_CASE(a_table_must_pass_both_schema_and_table_lists) {
  mysql_replication_rules r;
  r.do_dbs = {"test"};
  r.ignore_tables = {{"test", "secret"}};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("test", "public"));
  BOOST_TEST(!f.match("test", "secret"));
  BOOST_TEST(!f.match("prod", "public"));
}

BOOST_AUTO_TEST_CASE(legacy_wildcards_use_star_question_and_bang_classes) {
  mysql_replication_rules r;
  r.do_tables = {{"db?", "t_*"}, {"x", "y[!0-9]"}};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("db1", "t_a"));
  BOOST_TEST(!f.match("db12", "t_a"));
  BOOST_TEST(f.match("x", "ya"));
  BOOST_TEST(!f.match("x", "y1"));
}

BOOST_AUTO_TEST_CASE(legacy_wildcard_quotes_other_regex_characters) {
  mysql_replication_rules r;
  r.do_dbs = {"a.b*"};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("a.bc", "t"));
  BOOST_TEST(!f.match("axbc", "t"));
}

BOOST_AUTO_TEST_CASE(tilde_starts_an_unanchored_regex) {
  mysql_replication_rules r;
  r.do_dbs = {"~^test_\\d+$"};
  auto f = parse_ok(r);
  BOOST_TEST(f.match("test_12", "t"));
  BOOST_TEST(!f.match("test_x", "t"));
}

BOOST_AUTO_TEST_CASE(case_insensitive_rules_fold_names) {
  mysql_replication_rules r;
  r.do_dbs = {"Test"};
  r.do_tables = {{"Test", "T*"}};
  BOOST_TEST(parse_ok(r, false).match("TEST", "table"));
  BOOST_TEST(!parse_ok(r, true).match("TEST", "table"));
}

BOOST_AUTO_TEST_CASE(schema_match_follows_the_schema_list) {
  mysql_replication_rules r;
  r.ignore_dbs = {"dev"};
  auto f = parse_ok(r);
  BOOST_TEST(!f.match_schema("dev"));
  BOOST_TEST(f.match_schema("test"));
}

BOOST_AUTO_TEST_CASE(empty_pattern_is_a_filter_rule_error) {
  mysql_replication_rules r;
  r.do_tables = {{"test", ""}};
  auto f = parse_mysql_replication_rules(r, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
  BOOST_TEST(f.error().message == "filter rule is invalid mysql replication rules: pattern cannot be empty");
}

BOOST_AUTO_TEST_CASE(invalid_legacy_regex_is_a_filter_rule_error) {
  mysql_replication_rules r;
  r.ignore_dbs = {"~(unclosed"};
  auto f = parse_mysql_replication_rules(r, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST(f.error().message.find("error parsing regexp: missing closing )") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(verify_table_rules_prefers_rules_then_mysql_rules_then_all) {
  mysql_replication_rules r;
  r.do_dbs = {"test"};
  auto rules_win = verify_table_rules({"prod.*"}, &r, false);
  BOOST_REQUIRE(rules_win.has_value());
  BOOST_TEST(rules_win->match("prod", "t"));
  BOOST_TEST(!rules_win->match("test", "t"));
  auto mysql = verify_table_rules({}, &r, false);
  BOOST_REQUIRE(mysql.has_value());
  BOOST_TEST(mysql->match("test", "t"));
  BOOST_TEST(!mysql->match("prod", "t"));
  auto all = verify_table_rules({}, nullptr, false);
  BOOST_REQUIRE(all.has_value());
  BOOST_TEST(all->match("prod", "t"));
}

BOOST_AUTO_TEST_SUITE_END()
