// Table-filter parse errors: TiDB's messages, wrapped by TiCDC into a 400
// CDC:ErrFilterRuleInvalid that names the rules.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/filter/table_filter.hpp"

using namespace cdc::model;
using namespace cdc::model::filter;

namespace {

// The message of the failure for a single rule.
std::string error_of(const std::string& rule) {
  auto f = parse_matcher({rule}, true);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST((f.error().kind == api_error::filter_rule_invalid));
  return f.error().message;
}

// TiDB's reason, after TiCDC's "filter rule is invalid [rule]: " prefix.
std::string reason_of(const std::string& rule) {
  auto message = error_of(rule);
  std::string prefix = "filter rule is invalid [" + rule + "]: at <cmdline>:1: ";
  BOOST_REQUIRE_MESSAGE(message.rfind(prefix, 0) == 0, message);
  return message.substr(prefix.size());
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_table_filter_errors)

BOOST_AUTO_TEST_CASE(error_is_a_400_filter_rule_invalid) {
  auto f = parse_table_filter({"*.*", "db"}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST(code_of(f.error().kind) == "CDC:ErrFilterRuleInvalid");
  BOOST_TEST(http_status_of(f.error().kind) == 400u);
  BOOST_TEST(f.error().message == "filter rule is invalid [*.* db]: at <cmdline>:1: wrong table pattern");
}

BOOST_AUTO_TEST_CASE(schema_without_table_is_a_wrong_table_pattern) {
  BOOST_TEST(reason_of("db") == "wrong table pattern");
}

BOOST_AUTO_TEST_CASE(nothing_after_the_dot_is_a_missing_pattern) {
  BOOST_TEST(reason_of("db.") == "syntax error: missing pattern");
}

BOOST_AUTO_TEST_CASE(quoted_schema_followed_by_junk_misses_the_dot) {
  BOOST_TEST(reason_of("`db`*.*") == "syntax error: missing '.' between schema and table patterns");
}

BOOST_AUTO_TEST_CASE(a_third_part_is_stray_characters) {
  BOOST_TEST(reason_of("a.b.c") == "syntax error: stray characters after table pattern");
}

BOOST_AUTO_TEST_CASE(unsupported_punctuation_is_a_special_character) {
  BOOST_TEST(reason_of("a%b.c") == "unexpected special character '%'");
  BOOST_TEST(reason_of("db.tbl#not comment") == "unexpected special character '#'");
}

BOOST_AUTO_TEST_CASE(space_after_bang_is_a_special_character) {
  BOOST_TEST(reason_of("! a.b") == "unexpected special character ' '");
}

BOOST_AUTO_TEST_CASE(escaping_a_letter_is_reserved) {
  BOOST_TEST(reason_of(R"(a\tb.c)")
             == R"(cannot escape a letter or number (\t), it is reserved for future extension)");
}

BOOST_AUTO_TEST_CASE(trailing_backslash_is_rejected) {
  BOOST_TEST(reason_of(R"(db\)") == R"(syntax error: cannot place \ at end of line)");
}

BOOST_AUTO_TEST_CASE(unterminated_regex_is_incomplete) {
  BOOST_TEST(reason_of("/db.*") == "syntax error: incomplete regexp");
}

BOOST_AUTO_TEST_CASE(unterminated_quotes_are_incomplete) {
  BOOST_TEST(reason_of("`db.*") == "syntax error: incomplete quoted identifier");
  BOOST_TEST(reason_of("\"db.*") == "syntax error: incomplete quoted identifier");
}

BOOST_AUTO_TEST_CASE(empty_or_unterminated_class_fails_to_parse) {
  BOOST_TEST(reason_of("[].*") == "syntax error: failed to parse character class");
  BOOST_TEST(reason_of("[.*") == "syntax error: failed to parse character class");
  BOOST_TEST(reason_of(R"([\d\D].*)") == "syntax error: failed to parse character class");
}

BOOST_AUTO_TEST_CASE(bang_only_class_is_an_invalid_regex) {
  BOOST_TEST(starts_with(reason_of("[!].*"),
                         "invalid pattern: error parsing regexp: missing closing ]:"));
}

BOOST_AUTO_TEST_CASE(reversed_class_range_is_an_invalid_regex) {
  BOOST_TEST(starts_with(reason_of("t[z-a].*"),
                         "invalid pattern: error parsing regexp: invalid character class range"));
}

BOOST_AUTO_TEST_CASE(lookahead_is_not_go_syntax) {
  BOOST_TEST(starts_with(reason_of("/^t[0-9]+((?!_copy).)*$/.*"),
                         "invalid pattern: error parsing regexp:"));
  BOOST_TEST(starts_with(reason_of("/^t[0-9]+sp(?=copy).*/.*"),
                         "invalid pattern: error parsing regexp:"));
}

BOOST_AUTO_TEST_CASE(unbalanced_regex_paren_reports_go_text) {
  BOOST_TEST(reason_of("/(a/.*") == "invalid pattern: error parsing regexp: missing closing ): `(a`");
}

BOOST_AUTO_TEST_CASE(backreference_is_not_go_syntax) {
  BOOST_TEST(starts_with(reason_of(R"(/(a)\1/.*)"),
                         "invalid pattern: error parsing regexp: invalid escape sequence"));
}

BOOST_AUTO_TEST_CASE(regex_ending_in_an_escaped_slash_backtracks_to_a_trailing_backslash) {
  // TiDB's token regex gives up the `\/` pair to find a closing `/`.
  BOOST_TEST(reason_of(R"(/ab\/.*)")
             == "invalid pattern: error parsing regexp: trailing backslash at end of expression: ``");
}

BOOST_AUTO_TEST_CASE(file_import_is_refused) {
  BOOST_TEST(reason_of("@/etc/rules") == "importing filter files is not supported: @/etc/rules");
}

BOOST_AUTO_TEST_CASE(first_bad_rule_stops_parsing_and_all_rules_are_named) {
  auto f = parse_matcher({"a.b", "c", "d%.e"}, false);
  BOOST_REQUIRE(!f.has_value());
  BOOST_TEST(f.error().message == "filter rule is invalid [a.b c d%.e]: at <cmdline>:1: wrong table pattern");
}

BOOST_AUTO_TEST_SUITE_END()
