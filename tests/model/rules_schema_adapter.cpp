// The upstream catalog seen as filter::table_schema: keys and eligibility.
#include <boost/test/unit_test.hpp>

#include "model/filter/table_schema.hpp"
#include "tests/model/rules_support.hpp"

using namespace cdc::test;
using upstream::column_type;

namespace {

upstream::table_def table(std::vector<upstream::column_def> cols) {
  upstream::table_def t;
  t.id = 1;
  t.schema = "db";
  t.name = "t";
  t.columns = std::move(cols);
  return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(rules_schema_adapter)

BOOST_AUTO_TEST_CASE(columns_keep_their_order_and_nullability) {
  auto s = upstream::to_table_schema(table({{"a", column_type::bigint, false, true, false},
                                            {"b", column_type::text, true, false, false}}));
  BOOST_TEST(s.schema == "db");
  BOOST_TEST(s.table == "t");
  BOOST_REQUIRE(s.columns.size() == 2u);
  BOOST_TEST(s.columns[0].name == "a");
  BOOST_TEST(s.columns[0].not_null);
  BOOST_TEST(!s.columns[1].not_null);
}

BOOST_AUTO_TEST_CASE(primary_key_columns_form_one_primary_index) {
  auto s = upstream::to_table_schema(table({{"a", column_type::bigint, false, true, false},
                                            {"x", column_type::text, true, false, false},
                                            {"b", column_type::int32, false, true, false}}));
  const auto* pk = filter::primary_key(s);
  BOOST_REQUIRE(pk != nullptr);
  BOOST_TEST(pk->name == "PRIMARY");
  BOOST_TEST(pk->columns == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_unique_column_is_a_unique_index_named_after_it) {
  auto s = upstream::to_table_schema(table({{"u", column_type::bigint, false, false, true}}));
  const auto* idx = filter::find_index(s, "u");
  BOOST_REQUIRE(idx != nullptr);
  BOOST_TEST(idx->unique);
  BOOST_TEST(!idx->primary);
  BOOST_TEST(filter::handle_index(s) == idx);
}

BOOST_AUTO_TEST_CASE(table_without_keys_has_no_index) {
  auto s = upstream::to_table_schema(table({{"a", column_type::bigint, true, false, false}}));
  BOOST_TEST(s.indexes.empty());
  BOOST_TEST(!filter::is_eligible(s, false));
  BOOST_TEST(filter::is_eligible(s, true));
}

BOOST_AUTO_TEST_CASE(eligibility_agrees_with_the_catalogs_own_rule) {
  for (const auto& t : catalog_with_ineligible().tables)
    BOOST_TEST(filter::is_eligible(upstream::to_table_schema(t), false) == t.eligible(), t.qualified_name());
}

BOOST_AUTO_TEST_CASE(catalog_view_keeps_ids_in_order) {
  auto view = upstream::make_catalog_view(upstream::default_catalog());
  BOOST_REQUIRE(view.tables.size() == 32u);
  BOOST_TEST(view.tables.front().id == 100);
  BOOST_TEST(view.tables.front().schema.schema == "test0");
  BOOST_TEST(view.tables.back().schema.table == "t7");
}

BOOST_AUTO_TEST_SUITE_END()
