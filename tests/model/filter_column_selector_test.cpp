// Column selectors: which columns are kept, and TiCDC's create-time checks
// (a key must survive; a columns dispatcher's columns must not be dropped).
#include <boost/test/unit_test.hpp>

#include "model/filter/column_selector.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

column_selectors make_ok(std::vector<column_selector_rule> rules, bool case_sensitive = false) {
  auto s = column_selectors::make(rules, case_sensitive);
  BOOST_REQUIRE(s.has_value());
  return *s;
}

// test.t (id PK, name, email UNIQUE NOT NULL, secret)
table_schema users() {
  table_schema t;
  t.schema = "test";
  t.table = "t";
  t.columns = {{"id", true}, {"name", false}, {"email", true}, {"secret", false}};
  t.indexes = {{"PRIMARY", true, true, {"id"}}, {"uk_email", true, false, {"email"}}};
  return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_column_selector)

BOOST_AUTO_TEST_CASE(no_selector_keeps_every_column) {
  auto s = make_ok({});
  BOOST_TEST(s.empty());
  BOOST_TEST(s.keeps_column("test", "t", "secret"));
}

BOOST_AUTO_TEST_CASE(matching_selector_keeps_only_its_columns) {
  auto s = make_ok({{{"test.*"}, {"id", "name"}}});
  BOOST_TEST(s.keeps_column("test", "t", "id"));
  BOOST_TEST(s.keeps_column("test", "t", "NAME"));
  BOOST_TEST(!s.keeps_column("test", "t", "secret"));
  BOOST_TEST(s.keeps_column("prod", "t", "secret"));
}

BOOST_AUTO_TEST_CASE(first_matching_selector_wins) {
  auto s = make_ok({{{"test.t"}, {"id"}}, {{"test.*"}, {"*"}}});
  BOOST_TEST(!s.keeps_column("test", "t", "name"));
  BOOST_TEST(s.keeps_column("test", "u", "name"));
}

BOOST_AUTO_TEST_CASE(negated_columns_drop_only_those) {
  auto s = make_ok({{{"*.*"}, {"*", "!secret"}}});
  std::vector<bool> expected{true, true, true, false};
  auto kept = s.retained_columns(users());
  BOOST_TEST(kept == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(selector_matcher_honours_case_sensitivity) {
  auto ci = make_ok({{{"TEST.T"}, {"id"}}}, false);
  BOOST_TEST(!ci.keeps_column("test", "t", "name"));
  auto cs = make_ok({{{"TEST.T"}, {"id"}}}, true);
  BOOST_TEST(cs.keeps_column("test", "t", "name"));
}

BOOST_AUTO_TEST_CASE(bad_matcher_or_column_pattern_is_a_filter_rule_error) {
  auto bad_matcher = column_selectors::make({{{"test"}, {"id"}}}, false);
  BOOST_REQUIRE(!bad_matcher.has_value());
  BOOST_TEST((bad_matcher.error().kind == api_error::filter_rule_invalid));
  auto bad_column = column_selectors::make({{{"test.*"}, {"a.b"}}}, false);
  BOOST_REQUIRE(!bad_column.has_value());
  BOOST_TEST(bad_column.error().message
             == "filter rule is invalid [a.b]: at <cmdline>:1: unexpected special character '.'");
}

BOOST_AUTO_TEST_CASE(keeping_the_primary_key_passes_verification) {
  auto s = make_ok({{{"test.*"}, {"id", "name"}}});
  BOOST_TEST(s.verify(users(), {}).has_value());
}

BOOST_AUTO_TEST_CASE(keeping_a_unique_key_instead_of_the_primary_key_passes) {
  auto s = make_ok({{{"test.*"}, {"email", "name"}}});
  BOOST_TEST(s.verify(users(), {}).has_value());
}

BOOST_AUTO_TEST_CASE(dropping_every_key_fails_verification) {
  auto s = make_ok({{{"test.*"}, {"name"}}});
  auto checked = s.verify(users(), {});
  BOOST_REQUIRE(!checked.has_value());
  BOOST_TEST(code_of(checked.error().kind) == "CDC:ErrColumnSelectorFailed");
  BOOST_TEST(http_status_of(checked.error().kind) == 500u);
  BOOST_TEST(checked.error().message
             == "no primary key columns or unique key columns obtained after filter out, table: test.t");
}

BOOST_AUTO_TEST_CASE(part_of_a_composite_key_is_not_enough) {
  table_schema t;
  t.schema = "db";
  t.table = "c";
  t.columns = {{"a", true}, {"b", true}, {"v", false}};
  t.indexes = {{"PRIMARY", true, true, {"a", "b"}}};
  auto s = make_ok({{{"*.*"}, {"a", "v"}}});
  BOOST_TEST(!s.verify(t, {}).has_value());
}

BOOST_AUTO_TEST_CASE(table_without_primary_key_passes_as_in_ticdc) {
  table_schema t;
  t.schema = "db";
  t.table = "nopk";
  t.columns = {{"a", false}, {"b", false}};
  auto s = make_ok({{{"*.*"}, {"a"}}});
  BOOST_TEST(s.verify(t, {}).has_value());
}

BOOST_AUTO_TEST_CASE(dropping_a_column_the_dispatcher_uses_fails) {
  auto s = make_ok({{{"test.*"}, {"id", "name"}}});
  std::vector<std::string> dispatcher_columns{"secret"};
  auto checked = s.verify(users(), dispatcher_columns);
  BOOST_REQUIRE(!checked.has_value());
  BOOST_TEST(code_of(checked.error().kind) == "CDC:ErrColumnSelectorFailed");
  BOOST_TEST(checked.error().message
             == "the filtered out column is used in the column dispatcher, table: test.t, column: secret");
}

BOOST_AUTO_TEST_CASE(unmatched_tables_are_not_verified) {
  auto s = make_ok({{{"prod.*"}, {"name"}}});
  BOOST_TEST(s.verify(users(), {}).has_value());
}

BOOST_AUTO_TEST_CASE(every_matching_selector_is_verified) {
  // Only the first applies at run time, but TiCDC verifies all that match.
  auto s = make_ok({{{"test.*"}, {"*"}}, {{"*.*"}, {"name"}}});
  BOOST_TEST(!s.verify(users(), {}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
