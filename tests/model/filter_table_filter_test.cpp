// Table-filter matching: TiDB's documented examples and the cases of its
// table_filter_test.go, with case sensitivity on and off.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/filter/table_filter.hpp"

using namespace cdc::model::filter;

namespace {

table_filter parse(std::vector<std::string> rules, bool case_sensitive = true) {
  auto f = parse_matcher(rules, case_sensitive);
  BOOST_REQUIRE(f.has_value());
  return *f;
}

table_filter parse_ci(std::vector<std::string> rules) {
  return parse(std::move(rules), false);
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_table_filter)

BOOST_AUTO_TEST_CASE(star_dot_star_selects_every_table) {
  auto f = parse({"*.*"});
  BOOST_TEST(f.match("foo", "bar"));
  BOOST_TEST(f.match("", ""));
}

BOOST_AUTO_TEST_CASE(empty_matcher_list_selects_nothing) {
  auto f = parse({});
  BOOST_TEST(!f.match("foo", "bar"));
  BOOST_TEST(!f.match_schema("foo"));
}

BOOST_AUTO_TEST_CASE(empty_filter_rules_behave_as_star_dot_star) {
  auto f = parse_table_filter({}, false);
  BOOST_REQUIRE(f.has_value());
  BOOST_TEST(f->match("any", "table"));
}

BOOST_AUTO_TEST_CASE(comments_and_blank_lines_are_ignored) {
  auto f = parse({"# comment", "x.y", "   \t", ""});
  BOOST_TEST(f.match("x", "y"));
  BOOST_TEST(!f.match("y", "y"));
}

BOOST_AUTO_TEST_CASE(only_comments_select_nothing) {
  auto f = parse_table_filter({"# nothing here"}, false);
  BOOST_REQUIRE(f.has_value());
  BOOST_TEST(!f->match("a", "b"));
}

BOOST_AUTO_TEST_CASE(schema_wildcard_selects_all_tables_of_that_schema) {
  auto f = parse({"test1.*"});
  BOOST_TEST(f.match("test1", "t"));
  BOOST_TEST(!f.match("test11", "t"));
  BOOST_TEST(!f.match("test", "t"));
}

BOOST_AUTO_TEST_CASE(exclusion_after_star_removes_one_table) {
  auto f = parse({"*.*", "!scm1.tbl2"});
  BOOST_TEST(f.match("scm1", "tbl1"));
  BOOST_TEST(!f.match("scm1", "tbl2"));
  BOOST_TEST(f.match("scm2", "tbl2"));
}

BOOST_AUTO_TEST_CASE(two_literal_rules_select_exactly_two_tables) {
  auto f = parse({"scm1.tbl2", "scm1.tbl3"});
  BOOST_TEST(f.match("scm1", "tbl2"));
  BOOST_TEST(f.match("scm1", "tbl3"));
  BOOST_TEST(!f.match("scm1", "tbl4"));
}

BOOST_AUTO_TEST_CASE(prefix_wildcard_selects_tables_by_prefix) {
  auto f = parse({"scm1.tidb_*"});
  BOOST_TEST(f.match("scm1", "tidb_"));
  BOOST_TEST(f.match("scm1", "tidb_users"));
  BOOST_TEST(!f.match("scm1", "tidb"));
  BOOST_TEST(!f.match("scm1", "xtidb_users"));
}

BOOST_AUTO_TEST_CASE(question_mark_and_class_match_one_character) {
  auto f = parse({"db?.t[0-9]"});
  BOOST_TEST(f.match("db1", "t0"));
  BOOST_TEST(f.match("dbx", "t9"));
  BOOST_TEST(!f.match("db", "t1"));
  BOOST_TEST(!f.match("db12", "t1"));
  BOOST_TEST(!f.match("db1", "ta"));
  BOOST_TEST(!f.match("db1", "t10"));
}

BOOST_AUTO_TEST_CASE(regex_schema_pattern_is_go_syntax) {
  auto f = parse({R"(/^db_\d+$/.*)"});
  BOOST_TEST(f.match("db_1", "t"));
  BOOST_TEST(f.match("db_2024", "t"));
  BOOST_TEST(!f.match("db_", "t"));
  BOOST_TEST(!f.match("db_1x", "t"));
}

BOOST_AUTO_TEST_CASE(regex_pattern_is_unanchored) {
  auto f = parse({"/oo/./a/"});
  BOOST_TEST(f.match("foobar", "xax"));
  BOOST_TEST(!f.match("fobar", "xax"));
}

BOOST_AUTO_TEST_CASE(escaped_slash_stays_inside_a_regex) {
  auto f = parse({R"(/^a\/b$/.t)"});
  BOOST_TEST(f.match("a/b", "t"));
  BOOST_TEST(!f.match("ab", "t"));
}

BOOST_AUTO_TEST_CASE(regex_table_pattern_may_contain_dots) {
  auto f = parse({R"(db./^t\.\d$/)"});
  BOOST_TEST(f.match("db", "t.1"));
  BOOST_TEST(!f.match("db", "tx1"));
}

BOOST_AUTO_TEST_CASE(later_rule_wins_over_earlier_rule) {
  auto excluded = parse({"*.*", "!test.*"});
  BOOST_TEST(!excluded.match("test", "t"));
  BOOST_TEST(excluded.match("prod", "t"));
  auto everything = parse({"!test.*", "*.*"});
  BOOST_TEST(everything.match("test", "t"));
}

BOOST_AUTO_TEST_CASE(later_positive_rule_reincludes_a_table) {
  auto f = parse({"db*.*", "!*.cfg*", "*.cfgsample"});
  BOOST_TEST(!f.match("irrelevant", "table"));
  BOOST_TEST(f.match("db1", "tbl1"));
  BOOST_TEST(!f.match("db1", "cfg1"));
  BOOST_TEST(f.match("db1", "cfgsample"));
  BOOST_TEST(f.match("else", "cfgsample"));
}

BOOST_AUTO_TEST_CASE(regex_exclusion_combines_with_regex_inclusion) {
  auto f = parse({"/^foo/.*", R"(!/^foo/./^sbtest-\d/)"});
  BOOST_TEST(f.match("foo", "sbtest"));
  BOOST_TEST(!f.match("foo1", "sbtest-1"));
  BOOST_TEST(!f.match("fff", "bar"));
}

BOOST_AUTO_TEST_CASE(escaped_and_special_schema_names) {
  auto f = parse({"*.*", "!foo[bar].*", "!bar?.*", R"(!special\\.*)"});
  BOOST_TEST(!f.match("foor", "a"));
  BOOST_TEST(f.match("foo[bar]", "b"));
  BOOST_TEST(f.match("ba", "c"));
  BOOST_TEST(!f.match("bar?", "d"));
  BOOST_TEST(!f.match(R"(special\)", "e"));
  BOOST_TEST(f.match(R"(special\\)", "f"));
  BOOST_TEST(f.match("bazzz", "g"));
  BOOST_TEST(f.match(R"(special\$)", "h"));
  BOOST_TEST(f.match("afooa", "i"));
}

BOOST_AUTO_TEST_CASE(escaped_dot_is_part_of_the_schema_name) {
  auto f = parse({R"(\\\..*)"});
  BOOST_TEST(f.match(R"(\.)", "a"));
  BOOST_TEST(!f.match(R"(\\\.)", "b"));
  BOOST_TEST(!f.match(R"(\a)", "c"));
}

BOOST_AUTO_TEST_CASE(dollar_and_non_ascii_are_plain_characters) {
  auto f = parse({"p_123$.45", "中文.表名"});
  BOOST_TEST(!f.match("p_123", "45"));
  BOOST_TEST(f.match("p_123$", "45"));
  BOOST_TEST(!f.match("英文", "表名"));
  BOOST_TEST(f.match("中文", "表名"));
}

BOOST_AUTO_TEST_CASE(unescaped_dollar_in_a_wildcard_is_an_end_anchor) {
  // TiDB copies `$` into the wildcard's regex unescaped.
  auto f = parse({"p*$x.t"});
  BOOST_TEST(!f.match("pq$x", "t"));
  BOOST_TEST(!f.match("px", "t"));
}

BOOST_AUTO_TEST_CASE(bang_class_negates_and_caret_class_does_not) {
  auto f = parse({"[!a-z].[^a-z]"});
  BOOST_TEST(f.match("!", "z"));
  BOOST_TEST(f.match("!", "^"));
  BOOST_TEST(!f.match("!", "9"));
  BOOST_TEST(!f.match("a", "z"));
  BOOST_TEST(f.match("1", "z"));
  BOOST_TEST(!f.match("1", "9"));
}

BOOST_AUTO_TEST_CASE(double_and_back_quotes_with_doubled_escapes) {
  auto f = parse({"\"some \"\"quoted\"\"\".`identifiers?`"});
  BOOST_TEST(f.match("some \"quoted\"", "identifiers?"));
  BOOST_TEST(!f.match("some \"quoted\"", "identifiers!"));
  BOOST_TEST(!f.match("some \"\"quoted\"\"", "identifiers?"));
  BOOST_TEST(!f.match("SOME \"QUOTED\"", "IDENTIFIERS?"));
  BOOST_TEST(!f.match("some\t\"quoted\"", "identifiers?"));
}

BOOST_AUTO_TEST_CASE(quoted_name_may_contain_a_dot) {
  auto f = parse({"\"a.b\".`c``d`"});
  BOOST_TEST(f.match("a.b", "c`d"));
  BOOST_TEST(!f.match("a", "b"));
}

BOOST_AUTO_TEST_CASE(quoted_names_fold_case_when_insensitive) {
  auto f = parse_ci({"\"some \"\"quoted\"\"\".`identifiers?`"});
  BOOST_TEST(f.match("SOME \"QUOTED\"", "IDENTIFIERS?"));
}

BOOST_AUTO_TEST_CASE(surrounding_spaces_and_tabs_are_trimmed) {
  auto f = parse({"  \t db.t \t "});
  BOOST_TEST(f.match("db", "t"));
}

BOOST_AUTO_TEST_CASE(case_sensitive_literal_needs_exact_case) {
  auto f = parse({"BAR.*"});
  BOOST_TEST(!f.match("bar", "a"));
  BOOST_TEST(f.match("BAR", "a"));
}

BOOST_AUTO_TEST_CASE(case_insensitive_literal_ignores_case) {
  auto f = parse_ci({"BAR.*"});
  BOOST_TEST(f.match("bar", "a"));
  BOOST_TEST(f.match("BAR", "a"));
  BOOST_TEST(f.match("bAr", "a"));
}

BOOST_AUTO_TEST_CASE(case_insensitive_regex_gets_the_i_flag) {
  auto cs = parse({"*.*", "!/^FOO/.*", "!*./FoO$/"});
  BOOST_TEST(!cs.match("FOO1", "a"));
  BOOST_TEST(cs.match("foo2", "b"));
  BOOST_TEST(!cs.match("BoO3", "cFoO"));
  BOOST_TEST(cs.match("Foo4", "dfoo"));
  auto ci = parse_ci({"*.*", "!/^FOO/.*", "!*./FoO$/"});
  BOOST_TEST(!ci.match("FOO1", "a"));
  BOOST_TEST(!ci.match("foo2", "b"));
  BOOST_TEST(!ci.match("BoO3", "cFoO"));
  BOOST_TEST(!ci.match("Foo4", "dfoo"));
  BOOST_TEST(ci.match("5", "5"));
}

BOOST_AUTO_TEST_CASE(case_insensitive_wildcards_fold_both_sides) {
  auto cs = parse({"*.*", "!a*.A*"});
  BOOST_TEST(!cs.match("aB", "Ab"));
  BOOST_TEST(cs.match("AaB", "aab"));
  BOOST_TEST(!cs.match("acB", "Afb"));
  auto ci = parse_ci({"*.*", "!a*.A*"});
  BOOST_TEST(!ci.match("aB", "Ab"));
  BOOST_TEST(!ci.match("AaB", "aab"));
  BOOST_TEST(!ci.match("acB", "Afb"));
}

BOOST_AUTO_TEST_CASE(case_insensitive_classes_fold_both_sides) {
  auto f = parse_ci({"*.*", "!S.D[!a-d]"});
  BOOST_TEST(!f.match("S", "D1"));
  BOOST_TEST(f.match("s", "da"));
  BOOST_TEST(f.match("S", "DB"));
  BOOST_TEST(f.match("S", "Daa"));
}

BOOST_AUTO_TEST_CASE(case_insensitive_non_ascii_literal_uses_unicode_folding) {
  auto f = parse_ci({"ÄRGER.t"});
  BOOST_TEST(f.match("ärger", "T"));
  BOOST_TEST(!f.match("arger", "t"));
}

// Found by the filter_rules fuzzer: RE2 refuses text that is not UTF-8, and
// the failed compile was dereferenced (undefined behaviour, a crash when the
// filter was destroyed).
BOOST_AUTO_TEST_CASE(case_insensitive_literal_that_is_not_utf8_compares_its_bytes) {
  auto f = parse_ci({"*.*", "!MYSQ\x94.*"});
  BOOST_TEST(!f.match("mysq\x94", "t"));
  BOOST_TEST(!f.match("MYSQ\x94", "t"));
  BOOST_TEST(f.match("mysq\x95", "t"));
}

BOOST_AUTO_TEST_CASE(question_mark_matches_one_utf8_character) {
  auto f = parse({"?.?"});
  BOOST_TEST(f.match("我", "你"));
  BOOST_TEST(!f.match("中文", "你"));
  BOOST_TEST(f.match("a", "\n"));  // TiDB compiles wildcards with (?s)
}

BOOST_AUTO_TEST_CASE(regex_and_wildcard_mix_in_one_rule) {
  auto f = parse({"*.*", "!a?b?./f[0-9]/"});
  BOOST_TEST(!f.match("abbd", "f1"));
  BOOST_TEST(f.match("aaaa", "f2"));
  BOOST_TEST(f.match("abbc", "fa"));
  auto g = parse({"*.*", "!/t[0-8]/.a??"});
  BOOST_TEST(!g.match("t1", "a01"));
  BOOST_TEST(g.match("t9", "a02"));
  BOOST_TEST(g.match("t8", "a001"));
}

BOOST_AUTO_TEST_CASE(star_within_a_name_backtracks) {
  auto f = parse({"a*b*c.*"});
  BOOST_TEST(f.match("abc", "t"));
  BOOST_TEST(f.match("aXbYbZc", "t"));
  BOOST_TEST(!f.match("aXbYcZ", "t"));
  BOOST_TEST(f.match("acbc", "t"));
}

BOOST_AUTO_TEST_CASE(schema_match_ignores_negative_rules_on_some_tables) {
  auto f = parse({"*.*", "!foo.bar"});
  BOOST_TEST(f.match_schema("foo"));
  auto g = parse({"*.*", "!foo1.*"});
  BOOST_TEST(!g.match_schema("foo1"));
  BOOST_TEST(g.match_schema("foo"));
}

BOOST_AUTO_TEST_CASE(schema_match_follows_positive_table_rules) {
  auto f = parse({"foo.bar1"});
  BOOST_TEST(f.match_schema("foo"));
  BOOST_TEST(!f.match_schema("foo1"));
}

BOOST_AUTO_TEST_CASE(schema_match_is_case_insensitive_when_asked) {
  auto cs = parse({"*.*", "!FOO*.*", "!*.*FoO"});
  BOOST_TEST(cs.match_schema("foo"));
  BOOST_TEST(!cs.match_schema("FOOBAR"));
  auto ci = parse_ci({"*.*", "!FOO*.*", "!*.*FoO"});
  BOOST_TEST(!ci.match_schema("foo"));
  BOOST_TEST(!ci.match_schema("foobar"));
  BOOST_TEST(ci.match_schema("BAR"));
}

BOOST_AUTO_TEST_CASE(all_filter_selects_everything) {
  auto f = table_filter::all();
  BOOST_TEST(f.match("db1", "tbl1"));
  BOOST_TEST(f.match_schema("db1"));
}

BOOST_AUTO_TEST_CASE(system_schemas_are_recognised_in_any_case) {
  for (auto s : {"mysql", "information_schema", "performance_schema", "metrics_schema", "sys",
                 "tidb_cdc", "lightning_task_info", "workload_schema", "MySQL", "INFORMATION_SCHEMA"})
    BOOST_TEST(is_system_schema(s), s);
  BOOST_TEST(!is_system_schema("test"));
  BOOST_TEST(!is_system_schema("mysql2"));
  BOOST_TEST(!is_system_schema(""));
}

BOOST_AUTO_TEST_SUITE_END()
