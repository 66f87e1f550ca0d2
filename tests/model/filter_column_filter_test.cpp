// Column filters: TiDB's column_filter_test.go cases and parse errors.
#include <boost/test/unit_test.hpp>

#include "model/filter/column_filter.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

column_filter parse_ok(std::vector<std::string> rules) {
  auto f = parse_column_filter(rules);
  BOOST_REQUIRE(f.has_value());
  return *f;
}

std::string error_of(const std::string& rule) {
  auto f = parse_column_filter({rule});
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
  return f.error().message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_column_filter)

BOOST_AUTO_TEST_CASE(no_rules_keep_no_column) {
  BOOST_TEST(!parse_ok({}).match("foo"));
}

BOOST_AUTO_TEST_CASE(star_keeps_every_column) {
  BOOST_TEST(parse_ok({"*"}).match("foo"));
}

BOOST_AUTO_TEST_CASE(later_exclusion_wins) {
  auto f = parse_ok({"*", "!foo1*"});
  BOOST_TEST(f.match("foo"));
  BOOST_TEST(!f.match("foo1"));
  BOOST_TEST(!f.match("foo12"));
  BOOST_TEST(f.match("foo2"));
}

BOOST_AUTO_TEST_CASE(later_inclusion_wins) {
  auto f = parse_ok({"*", "!secret", "id"});
  BOOST_TEST(f.match("id"));
  BOOST_TEST(!f.match("secret"));
  BOOST_TEST(f.match("name"));
}

BOOST_AUTO_TEST_CASE(matching_is_always_case_insensitive) {
  auto f = parse_ok({"BAR"});
  BOOST_TEST(f.match("bar"));
  BOOST_TEST(f.match("BAR"));
  auto g = parse_ok({"*", "!D[!a-d]"});
  BOOST_TEST(g.match("S"));
  BOOST_TEST(g.match("Da"));
  BOOST_TEST(g.match("dD"));
  BOOST_TEST(!g.match("de"));
}

BOOST_AUTO_TEST_CASE(regex_columns_are_unanchored_go_regexes) {
  auto f = parse_ok({"/^foo/"});
  BOOST_TEST(f.match("foo1"));
  BOOST_TEST(!f.match("fff"));
  auto g = parse_ok({"*", "!/a?b?f[0-9]/"});
  BOOST_TEST(!g.match("abbdf1"));
  BOOST_TEST(!g.match("aaaaf2"));
  BOOST_TEST(g.match("abbcfa"));
}

BOOST_AUTO_TEST_CASE(escaped_dot_is_part_of_the_column_name) {
  auto f = parse_ok({"db*", "!cfg*", "cfgsample", "a\\.b\\.c"});
  BOOST_TEST(!f.match("irrelevant"));
  BOOST_TEST(f.match("db1"));
  BOOST_TEST(!f.match("cfg1"));
  BOOST_TEST(f.match("cfgsample"));
  BOOST_TEST(f.match("a.b.c"));
}

BOOST_AUTO_TEST_CASE(question_mark_is_one_character_in_columns) {
  auto f = parse_ok({"?\\.?"});
  BOOST_TEST(!f.match("a"));
  BOOST_TEST(f.match("a.b"));
  BOOST_TEST(!f.match("中文.英文"));
  BOOST_TEST(f.match("我.你"));
}

BOOST_AUTO_TEST_CASE(quoted_column_names) {
  auto f = parse_ok({"\"some \"\"quoted\"\"\""});
  BOOST_TEST(f.match("some \"quoted\""));
  BOOST_TEST(!f.match("some \"\"quoted\"\""));
  BOOST_TEST(f.match("SOME \"QUOTED\""));
}

BOOST_AUTO_TEST_CASE(unescaped_dot_is_an_error_in_columns) {
  BOOST_TEST(error_of("db.") == "filter rule is invalid [db.]: at <cmdline>:1: unexpected special character '.'");
}

BOOST_AUTO_TEST_CASE(column_parse_errors_follow_tidb) {
  BOOST_TEST(error_of("a%b\\.c").find("unexpected special character '%'") != std::string::npos);
  BOOST_TEST(error_of("[]\\.*").find("syntax error: failed to parse character class") != std::string::npos);
  BOOST_TEST(error_of("/db\\.*").find("syntax error: incomplete regexp") != std::string::npos);
  BOOST_TEST(error_of("db\\").find("syntax error: cannot place \\ at end of line") != std::string::npos);
  BOOST_TEST(error_of("[!]\\.*").find("invalid pattern: error parsing regexp: missing closing ]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_after_a_quoted_column_is_stray) {
  BOOST_TEST(error_of("`a`b").find("syntax error: stray characters after column pattern") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
