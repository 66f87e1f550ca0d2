// Table selection at create: filter rules, system schemas, eligibility with
// force_replicate and ignore_ineligible_table, and select_tables for the owner.
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"
#include "tests/model/rules_support.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::test;

namespace {

result<created_changefeed> create_in(const upstream::catalog& c, std::string_view json) {
  cluster cl{c};
  return check_create(create_body(json), cl.create_ctx());
}

std::vector<std::int64_t> ids(std::initializer_list<std::int64_t> xs) { return xs; }

} // namespace

BOOST_AUTO_TEST_SUITE(rules_create_tables)

BOOST_AUTO_TEST_CASE(ineligible_tables_are_refused_and_listed) {
  auto r = create_in(catalog_with_ineligible(), R"({"sink_uri":"blackhole://"})");
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.error().kind == api_error::table_ineligible);
  BOOST_TEST(r.error().message
             == "some tables are not eligible to replicate([test9.no_key test9.nullable_uk]), if you want to ignore "
                "these tables, please set ignore_ineligible_table to true");
}

BOOST_AUTO_TEST_CASE(ignore_ineligible_table_skips_them) {
  auto r = create_in(catalog_with_ineligible(),
                     R"({"sink_uri":"blackhole://","replica_config":{"ignore_ineligible_table":true}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.size() == 33u);  // 32 + test9.uk
  BOOST_TEST(r->table_ids.back() == 902);
}

BOOST_AUTO_TEST_CASE(force_replicate_makes_every_table_eligible) {
  auto r = create_in(catalog_with_ineligible(), R"({"sink_uri":"blackhole://","replica_config":{"force_replicate":true}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.size() == 35u);
}

BOOST_AUTO_TEST_CASE(ineligible_tables_outside_the_filter_do_not_matter) {
  auto r = create_in(catalog_with_ineligible(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["*.*","!test9.*"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.size() == 32u);
}

BOOST_AUTO_TEST_CASE(filter_excluding_one_ineligible_table_lists_only_the_other) {
  auto r = create_in(catalog_with_ineligible(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["*.*","!test9.no_key"]}}})");
  BOOST_REQUIRE(!r);
  BOOST_TEST(contains(r.error().message, "([test9.nullable_uk])"));
}

BOOST_AUTO_TEST_CASE(nullable_unique_key_does_not_make_a_table_eligible) {
  auto r = create_in(catalog_with_ineligible(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test9.nullable_uk"]}}})");
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.error().kind == api_error::table_ineligible);
}

BOOST_AUTO_TEST_CASE(not_null_unique_key_makes_a_table_eligible) {
  auto r = create_in(catalog_with_ineligible(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test9.uk"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids == ids({902}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dispatcher_failure_wins_over_ineligible_tables) {
  auto r = create_in(catalog_with_ineligible(),
                     R"({"sink_uri":"kafka://127.0.0.1:9092/t?protocol=simple","replica_config":)"
                     R"({"sink":{"dispatchers":[{"matcher":["test0.*"],"partition":"columns","columns":["zz"]}]}}})");
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.error().kind == api_error::dispatcher_failed);
}

BOOST_AUTO_TEST_CASE(ineligible_tables_win_over_an_unknown_scheme) {
  auto r = create_in(catalog_with_ineligible(), R"({"sink_uri":"aaab://"})");
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.error().kind == api_error::table_ineligible);
}

BOOST_AUTO_TEST_CASE(system_schemas_are_never_selected) {
  auto c = upstream::default_catalog();
  upstream::table_def t;
  t.id = 5;
  t.schema = "mysql";
  t.name = "user";
  t.columns = {{"id", upstream::column_type::bigint, false, true, false}};
  c.tables.insert(c.tables.begin(), t);
  auto r = create_in(c, R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["*.*","mysql.*"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.size() == 32u);
  BOOST_TEST(r->table_ids.front() == 100);
}

BOOST_AUTO_TEST_CASE(filter_rules_select_a_subset) {
  auto r = create_in(upstream::default_catalog(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test1.t0","test3.t[67]"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids == ids({108, 130, 131}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(filter_matching_nothing_creates_a_feed_without_tables) {
  auto r = create_in(upstream::default_catalog(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["nope.*"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.empty());
}

BOOST_AUTO_TEST_CASE(mysql_style_rules_apply_when_rules_are_empty) {
  auto r = create_in(upstream::default_catalog(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":[],"do_dbs":["test2"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.size() == 8u);
  BOOST_TEST(r->table_ids.front() == 116);
}

BOOST_AUTO_TEST_CASE(case_sensitive_filter_does_not_match_other_case) {
  auto r = create_in(upstream::default_catalog(),
                     R"({"sink_uri":"blackhole://","replica_config":{"case_sensitive":true,"filter":{"rules":["TEST0.*"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.empty());
}

BOOST_AUTO_TEST_CASE(case_insensitive_filter_matches_other_case) {
  auto r = create_in(upstream::default_catalog(),
                     R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["TEST0.*"]}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->table_ids.size() == 8u);
}

BOOST_AUTO_TEST_CASE(select_tables_follows_the_stored_filter) {
  cluster c;
  auto info = stored_feed(c, R"({"sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test0.*"]}}})");
  auto tables = select_tables(info, c.view.tables);
  BOOST_REQUIRE(tables);
  BOOST_TEST(tables->size() == 8u);
}

BOOST_AUTO_TEST_CASE(select_tables_skips_ineligible_tables_without_failing) {
  cluster c{catalog_with_ineligible()};
  changefeed_info info;
  info.config = std::make_shared<const config::replica_config>(config::default_replica_config());
  auto tables = select_tables(info, c.view.tables);
  BOOST_REQUIRE(tables);
  BOOST_TEST(tables->size() == 33u);
}

BOOST_AUTO_TEST_CASE(select_tables_without_a_config_uses_the_defaults) {
  cluster c;
  auto tables = select_tables(changefeed_info{}, c.view.tables);
  BOOST_REQUIRE(tables);
  BOOST_TEST(tables->size() == 32u);
}

BOOST_AUTO_TEST_CASE(select_tables_reports_a_filter_that_does_not_compile) {
  cluster c;
  auto cfg = config::default_replica_config();
  cfg.filter->rules = {"bad"};
  changefeed_info info;
  info.config = std::make_shared<const config::replica_config>(cfg);
  auto tables = select_tables(info, c.view.tables);
  BOOST_REQUIRE(!tables);
  BOOST_TEST(tables.error().kind == api_error::filter_rule_invalid);
}

BOOST_AUTO_TEST_SUITE_END()
