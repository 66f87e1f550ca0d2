// The expression subset of event filters: what parses, what is a syntax
// error, and how rows evaluate (MySQL semantics, NULL included).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/filter/value_expr.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

value_expr parse_ok(std::string_view text) {
  auto e = value_expr::parse(text);
  BOOST_REQUIRE_MESSAGE(e.has_value(), std::string(text));
  return *e;
}

bool rejects(std::string_view text) {
  auto e = value_expr::parse(text);
  return !e.has_value() && e.error().kind == api_error::invalid_filter_expression;
}

// A sample row: id 7, name 'john', age NULL, score 2.5, city 'Tokyo'.
std::vector<named_value> row() {
  return {{"id", std::int64_t{7}}, {"name", std::string("john")}, {"age", sql_null()},
          {"score", 2.5}, {"City", std::string("Tokyo")}};
}

bool holds(std::string_view text) {
  return parse_ok(text).holds(row());
}

sql_value eval(std::string_view text) {
  return parse_ok(text).evaluate(row());
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_value_expr)

BOOST_AUTO_TEST_CASE(documented_examples_parse) {
  for (auto text : {"name = 'john'", "id >= 100", "age < 18 or name = 'lili'",
                    "gender = 'male' and age > 18", "id = 2 or city = 'tokyo'"})
    BOOST_TEST(value_expr::parse(text).has_value(), text);
}

BOOST_AUTO_TEST_CASE(every_comparison_operator_parses) {
  for (auto text : {"a = 1", "a != 1", "a <> 1", "a < 1", "a <= 1", "a > 1", "a >= 1", "a <=> 1"})
    BOOST_TEST(value_expr::parse(text).has_value(), text);
}

BOOST_AUTO_TEST_CASE(keywords_are_case_insensitive) {
  BOOST_TEST(value_expr::parse("a IS NOT NULL AND b In (1) oR NOT c LIKE 'x%'").has_value());
}

BOOST_AUTO_TEST_CASE(syntax_error_names_the_expression) {
  auto e = value_expr::parse("id >");
  BOOST_REQUIRE(!e.has_value());
  BOOST_TEST(code_of(e.error().kind) == "CDC:ErrInvalidFilterExpression");
  BOOST_TEST(http_status_of(e.error().kind) == 500u);
  BOOST_TEST(e.error().message == "invalid filter expressions. There is a syntax error in: 'id >'");
}

BOOST_AUTO_TEST_CASE(malformed_expressions_are_syntax_errors) {
  for (auto text : {"", "   ", "id >", "= 1", "(a = 1", "a = 1)", "a in 1", "a in ()",
                    "a between 1", "a is 5", "a not = 1", "'unterminated", "a = 1 b = 2",
                    "a ==== 1", "a = #", "12abc = 1", "`` = 1", "and = 1", "a = 1;"})
    BOOST_TEST(rejects(text), text);
}

BOOST_AUTO_TEST_CASE(functions_and_qualified_names_are_outside_the_subset) {
  BOOST_TEST(rejects("length(name) > 3"));
  BOOST_TEST(rejects("t.id = 1"));
}

BOOST_AUTO_TEST_CASE(columns_are_listed_once_in_first_use_order) {
  auto e = parse_ok("b = 1 or a = 2 or B = 3 or `c d` = 4");
  std::vector<std::string> expected{"b", "a", "c d"};
  BOOST_TEST(e.columns() == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(integer_and_string_equality) {
  BOOST_TEST(holds("id = 7"));
  BOOST_TEST(!holds("id = 8"));
  BOOST_TEST(holds("name = 'john'"));
  BOOST_TEST(holds("name = \"john\""));
  BOOST_TEST(!holds("name = 'John'"));  // utf8mb4_bin: case matters
}

BOOST_AUTO_TEST_CASE(column_names_are_case_insensitive) {
  BOOST_TEST(holds("ID = 7"));
  BOOST_TEST(holds("city = 'Tokyo'"));
  BOOST_TEST(holds("`Id` = 7"));
}

BOOST_AUTO_TEST_CASE(ordering_comparisons) {
  BOOST_TEST(holds("id > 6 and id >= 7 and id < 8 and id <= 7 and id != 6 and id <> 8"));
  BOOST_TEST(holds("name > 'jack' and name < 'joke'"));
}

BOOST_AUTO_TEST_CASE(number_and_string_compare_as_numbers) {
  BOOST_TEST(holds("id = '7'"));
  BOOST_TEST(holds("id = '7abc'"));  // MySQL reads the numeric prefix
  BOOST_TEST(holds("'10' > 9"));
  BOOST_TEST(!holds("'10' > '9'"));  // two strings compare byte-wise
}

BOOST_AUTO_TEST_CASE(integer_and_decimal_compare_numerically) {
  BOOST_TEST(holds("score > 2"));
  BOOST_TEST(holds("score = 2.5"));
  BOOST_TEST(holds("id < 7.5"));
  BOOST_TEST(holds("score = 25e-1"));
}

BOOST_AUTO_TEST_CASE(null_comparisons_are_null_and_do_not_ignore) {
  BOOST_TEST(is_null(eval("age = 1")));
  BOOST_TEST(is_null(eval("age != 1")));
  BOOST_TEST(is_null(eval("age = NULL")));
  BOOST_TEST(!holds("age = NULL"));
  BOOST_TEST(!holds("age <> 1"));
}

BOOST_AUTO_TEST_CASE(missing_column_reads_as_null) {
  BOOST_TEST(is_null(eval("nosuch = 1")));
}

BOOST_AUTO_TEST_CASE(is_null_and_is_not_null) {
  BOOST_TEST(holds("age is null"));
  BOOST_TEST(!holds("age is not null"));
  BOOST_TEST(holds("id is not null"));
  BOOST_TEST(holds("age is unknown"));
}

BOOST_AUTO_TEST_CASE(is_true_and_is_false_never_return_null) {
  BOOST_TEST(holds("(id = 7) is true"));
  BOOST_TEST(holds("(id = 8) is false"));
  BOOST_TEST(holds("(age = 1) is not true"));
  BOOST_TEST(holds("(age = 1) is not false"));
  BOOST_TEST(!holds("(age = 1) is true"));
}

BOOST_AUTO_TEST_CASE(null_safe_equality_treats_null_as_a_value) {
  BOOST_TEST(holds("age <=> null"));
  BOOST_TEST(!holds("id <=> null"));
  BOOST_TEST(holds("id <=> 7"));
}

BOOST_AUTO_TEST_CASE(and_is_three_valued) {
  BOOST_TEST(is_null(eval("age = 1 and id = 7")));
  BOOST_TEST((eval("age = 1 and id = 8") == sql_value(std::int64_t{0})));
  BOOST_TEST(holds("id = 7 and name = 'john'"));
  BOOST_TEST(holds("id = 7 && name = 'john'"));
}

BOOST_AUTO_TEST_CASE(or_is_three_valued) {
  BOOST_TEST(holds("age = 1 or id = 7"));
  BOOST_TEST(is_null(eval("age = 1 or id = 8")));
  BOOST_TEST((eval("id = 1 or id = 8") == sql_value(std::int64_t{0})));
  BOOST_TEST(holds("id = 1 || id = 7"));
}

BOOST_AUTO_TEST_CASE(not_and_xor_propagate_null) {
  BOOST_TEST(holds("not id = 8"));
  BOOST_TEST(is_null(eval("not age = 1")));
  BOOST_TEST(holds("id = 7 xor id = 8"));
  BOOST_TEST(!holds("id = 7 xor id = 7"));
  BOOST_TEST(is_null(eval("age = 1 xor id = 7")));
}

BOOST_AUTO_TEST_CASE(and_binds_tighter_than_or) {
  // id = 1 or (id = 7 and name = 'john')
  BOOST_TEST(holds("id = 1 or id = 7 and name = 'john'"));
  // (id = 7 or id = 1) and name = 'x'
  BOOST_TEST(!holds("(id = 7 or id = 1) and name = 'x'"));
}

BOOST_AUTO_TEST_CASE(in_list_matches_any_member) {
  BOOST_TEST(holds("id in (1, 7, 9)"));
  BOOST_TEST(!holds("id in (1, 2)"));
  BOOST_TEST(holds("name in ('bob', 'john')"));
  BOOST_TEST(holds("id not in (1, 2)"));
}

BOOST_AUTO_TEST_CASE(in_list_with_null_is_null_when_nothing_matches) {
  BOOST_TEST(is_null(eval("id in (1, null)")));
  BOOST_TEST(holds("id in (7, null)"));
  BOOST_TEST(is_null(eval("id not in (1, null)")));
  BOOST_TEST(is_null(eval("age in (1, 2)")));
}

BOOST_AUTO_TEST_CASE(between_is_inclusive) {
  BOOST_TEST(holds("id between 7 and 9"));
  BOOST_TEST(holds("id between 1 and 7"));
  BOOST_TEST(!holds("id between 8 and 9"));
  BOOST_TEST(holds("id not between 8 and 9"));
  BOOST_TEST(is_null(eval("age between 1 and 9")));
}

BOOST_AUTO_TEST_CASE(between_then_and_continues_the_condition) {
  BOOST_TEST(holds("id between 1 and 9 and name = 'john'"));
  BOOST_TEST(!holds("id between 1 and 9 and name = 'bob'"));
}

BOOST_AUTO_TEST_CASE(like_wildcards_and_escapes) {
  BOOST_TEST(holds("name like 'jo%'"));
  BOOST_TEST(holds("name like 'j_hn'"));
  BOOST_TEST(holds("name like '%h%'"));
  BOOST_TEST(!holds("name like 'J%'"));
  BOOST_TEST(holds("name not like 'b%'"));
  BOOST_TEST(holds("'50%' like '50\\%'"));
  BOOST_TEST(!holds("'50x' like '50\\%'"));
  BOOST_TEST(holds("id like '7'"));
  BOOST_TEST(is_null(eval("age like '%'")));
}

BOOST_AUTO_TEST_CASE(like_underscore_matches_one_utf8_character) {
  BOOST_TEST(parse_ok("'中文' like '_文'").holds(std::span<const named_value>{}));
}

BOOST_AUTO_TEST_CASE(arithmetic_follows_mysql) {
  BOOST_TEST((eval("id + 1") == sql_value(std::int64_t{8})));
  BOOST_TEST((eval("id - 10") == sql_value(std::int64_t{-3})));
  BOOST_TEST((eval("id * 2") == sql_value(std::int64_t{14})));
  BOOST_TEST((eval("id / 2") == sql_value(3.5)));
  BOOST_TEST((eval("id div 2") == sql_value(std::int64_t{3})));
  BOOST_TEST((eval("id % 4") == sql_value(std::int64_t{3})));
  BOOST_TEST((eval("id mod 4") == sql_value(std::int64_t{3})));
  BOOST_TEST((eval("-id") == sql_value(std::int64_t{-7})));
  BOOST_TEST(holds("id + 1 * 2 = 9"));
  BOOST_TEST(holds("(id + 1) * 2 = 16"));
}

BOOST_AUTO_TEST_CASE(division_by_zero_is_null) {
  BOOST_TEST(is_null(eval("id / 0")));
  BOOST_TEST(is_null(eval("id div 0")));
  BOOST_TEST(is_null(eval("id % 0")));
}

BOOST_AUTO_TEST_CASE(arithmetic_with_null_is_null) {
  BOOST_TEST(is_null(eval("age + 1")));
}

BOOST_AUTO_TEST_CASE(integer_overflow_falls_back_to_double) {
  auto v = eval("9223372036854775807 + 1");
  BOOST_TEST(std::holds_alternative<double>(v));
}

BOOST_AUTO_TEST_CASE(only_integer_one_ignores_a_row) {
  BOOST_TEST(holds("true"));
  BOOST_TEST(!holds("false"));
  BOOST_TEST(holds("id - 6"));
  BOOST_TEST(!holds("id"));    // 7, true in SQL, but TiCDC wants exactly 1
  BOOST_TEST(!holds("1.0"));   // a float 1 is not the integer 1
  BOOST_TEST(!holds("'1'"));
  BOOST_TEST(!holds("null"));
}

BOOST_AUTO_TEST_CASE(string_literals_unescape) {
  BOOST_TEST((eval("'it''s'") == sql_value(std::string("it's"))));
  BOOST_TEST((eval("'a\\nb'") == sql_value(std::string("a\nb"))));
  BOOST_TEST((eval("\"say \"\"hi\"\"\"") == sql_value(std::string("say \"hi\""))));
}

BOOST_AUTO_TEST_CASE(bang_is_a_high_precedence_not) {
  BOOST_TEST((eval("!0") == sql_value(std::int64_t{1})));
  // (!id) = 0, not !(id = 0)
  BOOST_TEST(holds("!id = 0"));
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_not_crashed) {
  std::string deep(1000, '(');
  deep += "1";
  deep += std::string(1000, ')');
  BOOST_TEST(rejects(deep));
}

BOOST_AUTO_TEST_CASE(bound_expression_reads_by_table_position) {
  std::vector<std::string> columns{"id", "name", "age"};
  auto bound = bound_value_expr::bind(parse_ok("NAME = 'x' and id > 1"), columns);
  BOOST_REQUIRE(bound.has_value());
  std::vector<sql_value> yes{std::int64_t{2}, std::string("x"), sql_null()};
  std::vector<sql_value> no{std::int64_t{1}, std::string("x"), sql_null()};
  BOOST_TEST(bound->holds(yes));
  BOOST_TEST(!bound->holds(no));
}

BOOST_AUTO_TEST_CASE(binding_reports_the_unknown_column) {
  std::vector<std::string> columns{"id", "name"};
  std::string unknown;
  auto bound = bound_value_expr::bind(parse_ok("id = 1 or age > 3"), columns, &unknown);
  BOOST_TEST(!bound.has_value());
  BOOST_TEST(unknown == "age");
}

BOOST_AUTO_TEST_SUITE_END()
