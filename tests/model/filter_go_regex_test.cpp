// The RE2-backed regex reads Go syntax and reports Go's error texts, which
// TiDB embeds in its filter errors.
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>

#include "model/filter/go_regex.hpp"

using namespace cdc::model::filter;

namespace {

std::string error_of(const std::string& pattern) {
  std::string error;
  auto re = go_regex::compile(pattern, &error);
  BOOST_REQUIRE_MESSAGE(!re, pattern);
  return error;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_go_regex)

BOOST_AUTO_TEST_CASE(compile_errors_use_go_wording) {
  const std::pair<std::string, std::string> cases[] = {
    {"[^]", "error parsing regexp: missing closing ]: `[^]`"},
    {"(a", "error parsing regexp: missing closing ): `(a`"},
    {"a)", "error parsing regexp: unexpected ): `a)`"},
    {"\\q", "error parsing regexp: invalid escape sequence: `\\q`"},
    {"a**", "error parsing regexp: invalid nested repetition operator: `**`"},
    {"*a", "error parsing regexp: missing argument to repetition operator: `*`"},
    {"a\\", "error parsing regexp: trailing backslash at end of expression: ``"},
    {"[z-a]", "error parsing regexp: invalid character class range: `z-a`"},
    {"(?!x)", "error parsing regexp: invalid or unsupported Perl syntax: `(?!`"},
    {"a{1001}", "error parsing regexp: invalid repeat count: `{1001}`"},
  };
  for (const auto& [pattern, message] : cases)
    BOOST_TEST(error_of(pattern) == message, pattern);
}

BOOST_AUTO_TEST_CASE(backreferences_and_lookarounds_are_rejected_as_in_go) {
  BOOST_TEST(!go_regex::compile("(a)\\1"));
  BOOST_TEST(!go_regex::compile("a(?=b)"));
  BOOST_TEST(!go_regex::compile("(?<!a)b"));
}

BOOST_AUTO_TEST_CASE(go_only_syntax_is_accepted) {
  for (auto p : {"(?i)abc", "(?s).", "\\pL+", "(?P<name>x)", "\\Qa.b\\E", "[[:alpha:]]", "\\z"})
    BOOST_TEST(go_regex::compile(p).has_value(), p);
}

BOOST_AUTO_TEST_CASE(search_is_unanchored) {
  auto re = go_regex::compile("b+");
  BOOST_REQUIRE(re);
  BOOST_TEST(re->search("abbbc"));
  BOOST_TEST(!re->search("ac"));
}

BOOST_AUTO_TEST_CASE(prefix_match_reports_the_leftmost_first_length) {
  auto re = go_regex::compile(R"(^/(?:\\.|[^/])+/)");
  BOOST_REQUIRE(re);
  BOOST_TEST(re->prefix_match("/a\\/b/.c").value() == 6u);
  BOOST_TEST(!re->prefix_match("x/a/"));
  BOOST_TEST(!re->prefix_match("//"));
}

BOOST_AUTO_TEST_CASE(quote_meta_escapes_go_metacharacters_only) {
  BOOST_TEST(quote_meta("a.b*c[d]-e_f$") == "a\\.b\\*c\\[d\\]-e_f\\$");
}

BOOST_AUTO_TEST_SUITE_END()
