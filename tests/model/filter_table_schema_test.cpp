// Handle keys and eligibility derived from a table_schema.
#include <boost/test/unit_test.hpp>

#include "model/filter/table_schema.hpp"

using namespace cdc::model::filter;

namespace {

table_schema table(std::vector<column_def> columns, std::vector<index_def> indexes) {
  table_schema t;
  t.schema = "db";
  t.table = "t";
  t.columns = std::move(columns);
  t.indexes = std::move(indexes);
  return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(filter_table_schema)

BOOST_AUTO_TEST_CASE(primary_key_is_the_handle) {
  auto t = table({{"id", true}, {"u", true}}, {{"uk", true, false, {"u"}}, {"PRIMARY", true, true, {"id"}}});
  BOOST_REQUIRE(handle_index(t));
  BOOST_TEST(handle_index(t)->name == "PRIMARY");
}

BOOST_AUTO_TEST_CASE(smallest_not_null_unique_index_is_the_handle_without_a_primary_key) {
  auto t = table({{"a", true}, {"b", true}, {"c", true}},
                 {{"uk_ab", true, false, {"a", "b"}}, {"uk_c", true, false, {"c"}}, {"uk_b", true, false, {"b"}}});
  BOOST_REQUIRE(handle_index(t));
  BOOST_TEST(handle_index(t)->name == "uk_c");
}

BOOST_AUTO_TEST_CASE(nullable_unique_index_is_not_a_handle) {
  auto t = table({{"a", false}}, {{"uk_a", true, false, {"a"}}});
  BOOST_TEST(!handle_index(t));
  BOOST_TEST(!is_eligible(t, false));
  BOOST_TEST(is_eligible(t, true));
}

BOOST_AUTO_TEST_CASE(views_are_eligible_and_sequences_never) {
  auto view = table({{"a", false}}, {});
  view.is_view = true;
  BOOST_TEST(is_eligible(view, false));
  auto seq = table({}, {});
  seq.is_sequence = true;
  BOOST_TEST(!is_eligible(seq, true));
}

BOOST_AUTO_TEST_CASE(column_and_index_lookup_ignore_case) {
  auto t = table({{"Id", true}}, {{"PRIMARY", true, true, {"Id"}}});
  BOOST_TEST(find_column(t, "ID"));
  BOOST_TEST(find_index(t, "primary"));
  BOOST_TEST(!find_column(t, "name"));
}

BOOST_AUTO_TEST_SUITE_END()
