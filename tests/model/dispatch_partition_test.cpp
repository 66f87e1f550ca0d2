// Partition dispatch: the hash checked against an independent bit-by-bit
// CRC32, and against the partitions TiCDC's own tests expect.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/dispatch/partition_hash.hpp"
#include "model/dispatch/partition_rule.hpp"

using namespace cdc::model;
using namespace cdc::model::dispatch;
using filter::sql_value;
using filter::table_schema;

namespace {

// CRC32-IEEE the slow way (reflected polynomial 0xEDB88320), so the test does
// not trust the table-driven implementation it checks.
std::uint32_t reference_crc(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

partition_target route_row(const partition_rule& rule, const row_change& row, std::int32_t n = 16) {
  auto t = dispatch_row(rule, row, n);
  BOOST_REQUIRE(t.has_value());
  return *t;
}

partition_rule rule(std::string_view name, std::string_view index = {},
                    std::vector<std::string> columns = {}, bool pulsar = false) {
  return parse_partition_rule(name, index, columns, pulsar);
}

// TiCDC's index_value_test tables: test.t1 (a PK, b) and test.t2 (a, b PK).
table_schema single_pk() {
  table_schema t;
  t.schema = "test";
  t.table = "t1";
  t.columns = {{"a", true}, {"b", false}};
  t.indexes = {{"PRIMARY", true, true, {"a"}}};
  return t;
}

table_schema composite_pk() {
  table_schema t;
  t.schema = "test";
  t.table = "t2";
  t.columns = {{"a", true}, {"b", true}};
  t.indexes = {{"PRIMARY", true, true, {"a", "b"}}};
  return t;
}

row_change row_of(const table_schema& t, const std::vector<sql_value>& values, std::uint64_t ts = 1) {
  row_change r;
  r.schema = t.schema;
  r.table = t.table;
  r.commit_ts = ts;
  r.table_info = &t;
  r.columns = values;
  return r;
}

row_change bare_row(std::string_view schema, std::string_view table, std::uint64_t ts = 1) {
  row_change r;
  r.schema = schema;
  r.table = table;
  r.commit_ts = ts;
  return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(dispatch_partition)

BOOST_AUTO_TEST_CASE(crc32_matches_the_standard_check_value) {
  BOOST_TEST(crc32_ieee("123456789") == 0xCBF43926u);
  BOOST_TEST(reference_crc("123456789") == 0xCBF43926u);
  BOOST_TEST(crc32_ieee("") == 0u);
}

BOOST_AUTO_TEST_CASE(crc32_of_a_pair_is_the_crc_of_the_concatenation) {
  BOOST_TEST(crc32_ieee("test", "t1") == reference_crc("testt1"));
  BOOST_TEST(crc32_ieee("中文", "表") == reference_crc("中文表"));
}

BOOST_AUTO_TEST_CASE(hasher_xors_steps_in_any_order) {
  position_hasher h1, h2;
  h1.write("test", "t");
  h1.write("a", "1");
  h2.write("a", "1");
  h2.write("test", "t");
  BOOST_TEST(h1.sum() == h2.sum());
  BOOST_TEST(h1.sum() == (reference_crc("testt") ^ reference_crc("a1")));
  h1.reset();
  BOOST_TEST(h1.sum() == 0u);
}

BOOST_AUTO_TEST_CASE(table_rule_matches_ticdc_expected_partitions) {
  // TiCDC table_test.go, 16 partitions.
  BOOST_TEST(route_row(rule("table"), bare_row("test", "t1")).partition == 15);
  BOOST_TEST(route_row(rule("table"), bare_row("test", "t1", 2)).partition == 15);
  BOOST_TEST(route_row(rule("table"), bare_row("test", "t2")).partition == 5);
  BOOST_TEST(route_row(rule("table"), bare_row("test", "t3")).partition == 3);
}

BOOST_AUTO_TEST_CASE(table_rule_is_crc_of_schema_and_table_mod_n) {
  auto t = route_row(rule("table"), bare_row("db", "orders"), 7);
  BOOST_TEST(t.partition == static_cast<std::int32_t>(reference_crc("dborders") % 7));
  BOOST_TEST(t.key == "db.orders");
}

BOOST_AUTO_TEST_CASE(default_rule_is_the_table_rule) {
  BOOST_TEST((rule("default").kind == partition_kind::default_));
  BOOST_TEST(route_row(rule("default"), bare_row("test", "t2")).partition == 5);
  BOOST_TEST(route_row(rule(""), bare_row("test", "t2")).partition == 5);
}

BOOST_AUTO_TEST_CASE(ts_rule_is_commit_ts_mod_n) {
  BOOST_TEST(route_row(rule("ts"), bare_row("test", "t1", 1)).partition == 1);
  BOOST_TEST(route_row(rule("ts"), bare_row("test", "t2", 3)).partition == 3);
  auto t = route_row(rule("ts"), bare_row("a", "b", 435661816010407937ull), 7);
  BOOST_TEST(t.partition == static_cast<std::int32_t>(435661816010407937ull % 7));
  BOOST_TEST(t.key == "435661816010407937");
}

BOOST_AUTO_TEST_CASE(index_value_hashes_the_primary_key_like_ticdc) {
  auto t1 = single_pk();
  auto t2 = composite_pk();
  std::vector<sql_value> r1{std::int64_t{11}, std::int64_t{22}};
  std::vector<sql_value> r2{std::int64_t{22}, std::int64_t{22}};
  std::vector<sql_value> r3{std::int64_t{11}, std::int64_t{33}};
  BOOST_TEST(route_row(rule("index-value"), row_of(t1, r1)).partition == 2);
  BOOST_TEST(route_row(rule("index-value"), row_of(t1, r2)).partition == 11);
  BOOST_TEST(route_row(rule("index-value"), row_of(t1, r3)).partition == 2);  // b is not in the key
  std::vector<sql_value> c1{std::int64_t{11}, std::int64_t{22}};
  std::vector<sql_value> c2{std::int64_t{11}, std::int64_t{0}};
  std::vector<sql_value> c3{std::int64_t{11}, std::int64_t{33}};
  BOOST_TEST(route_row(rule("index-value"), row_of(t2, c1)).partition == 5);
  BOOST_TEST(route_row(rule("index-value"), row_of(t2, c2)).partition == 14);
  BOOST_TEST(route_row(rule("index-value"), row_of(t2, c3)).partition == 2);
}

BOOST_AUTO_TEST_CASE(index_value_key_is_the_unsigned_hash) {
  auto t1 = single_pk();
  std::vector<sql_value> r{std::int64_t{11}, std::int64_t{22}};
  auto expected = reference_crc("testt1") ^ reference_crc("a11");
  auto t = route_row(rule("index-value"), row_of(t1, r), 1000);
  BOOST_TEST(t.partition == static_cast<std::int32_t>(expected % 1000));
  BOOST_TEST(t.key == std::to_string(expected));
}

BOOST_AUTO_TEST_CASE(rowid_is_an_alias_of_index_value) {
  BOOST_TEST((rule("rowid").kind == partition_kind::index_value));
  auto t1 = single_pk();
  std::vector<sql_value> r{std::int64_t{22}, std::int64_t{0}};
  BOOST_TEST(route_row(rule("rowid"), row_of(t1, r)).partition == 11);
}

BOOST_AUTO_TEST_CASE(delete_is_hashed_by_its_old_row) {
  auto t1 = single_pk();
  std::vector<sql_value> old{std::int64_t{22}, std::int64_t{1}};
  row_change r = row_of(t1, {});
  r.pre_columns = old;
  BOOST_TEST(route_row(rule("index-value"), r).partition == 11);
}

BOOST_AUTO_TEST_CASE(index_value_with_a_named_index_hashes_its_columns) {
  table_schema t;
  t.schema = "test";
  t.table = "t1";
  t.columns = {{"a", false}};
  t.indexes = {{"index1", false, false, {"a"}}};
  std::vector<sql_value> r{std::int64_t{11}};
  BOOST_TEST(route_row(rule("index-value", "index1"), row_of(t, r)).partition == 2);
  BOOST_TEST(route_row(rule("index-value", "INDEX1"), row_of(t, r)).partition == 2);
}

BOOST_AUTO_TEST_CASE(index_value_with_a_missing_index_fails) {
  auto t1 = single_pk();
  std::vector<sql_value> r{std::int64_t{11}, std::int64_t{22}};
  auto t = dispatch_row(rule("index-value", "index2"), row_of(t1, r), 16);
  BOOST_REQUIRE(!t.has_value());
  BOOST_TEST(code_of(t.error().kind) == "CDC:ErrDispatcherFailed");
}

BOOST_AUTO_TEST_CASE(null_values_hash_as_the_word_null) {
  table_schema t;
  t.schema = "s";
  t.table = "t";
  t.columns = {{"a", false}};
  std::vector<sql_value> r{filter::sql_null()};
  auto got = route_row(rule("columns", {}, {"a"}), row_of(t, r), 1000);
  BOOST_TEST(got.key == std::to_string(reference_crc("st") ^ reference_crc("anull")));
}

BOOST_AUTO_TEST_CASE(strings_and_floats_hash_as_ticdc_prints_them) {
  table_schema t;
  t.schema = "s";
  t.table = "t";
  t.columns = {{"name", false}, {"score", false}};
  std::vector<sql_value> r{std::string("alice"), 2.5};
  auto got = route_row(rule("columns", {}, {"name", "score"}), row_of(t, r), 1000);
  auto expected = reference_crc("st") ^ reference_crc("namealice") ^ reference_crc("score2.5");
  BOOST_TEST(got.key == std::to_string(expected));
}

BOOST_AUTO_TEST_CASE(columns_rule_matches_ticdc_expected_partitions) {
  // TiCDC columns_test.go: col1 = 22, col2 = 11, col3 = 33 in offset order.
  table_schema t;
  t.schema = "test";
  t.table = "t1";
  t.columns = {{"col1", false}, {"col2", false}, {"col3", false}};
  std::vector<sql_value> r{std::int64_t{22}, std::int64_t{11}, std::int64_t{33}};
  BOOST_TEST(route_row(rule("columns", {}, {"col2", "col1"}), row_of(t, r)).partition == 15);
  // Config names match case-insensitively; the table's own spelling is hashed.
  BOOST_TEST(route_row(rule("columns", {}, {"COL2", "Col1"}), row_of(t, r)).partition == 15);
  t.columns = {{"Col1", false}, {"COL2", false}, {"col3", false}};
  BOOST_TEST(route_row(rule("columns", {}, {"col2", "col1"}), row_of(t, r)).partition == 5);
}

BOOST_AUTO_TEST_CASE(columns_rule_with_a_missing_column_fails) {
  auto t1 = single_pk();
  std::vector<sql_value> r{std::int64_t{1}, std::int64_t{2}};
  auto t = dispatch_row(rule("columns", {}, {"a", "nope"}), row_of(t1, r), 16);
  BOOST_REQUIRE(!t.has_value());
  BOOST_TEST(code_of(t.error().kind) == "CDC:ErrDispatcherFailed");
  BOOST_TEST(t.error().message == "columns not found when dispatch event, table: test.t1, columns: [a nope]");
}

BOOST_AUTO_TEST_CASE(partition_names_are_case_insensitive) {
  BOOST_TEST((rule("TS").kind == partition_kind::ts));
  BOOST_TEST((rule("Index-Value").kind == partition_kind::index_value));
  BOOST_TEST((rule("TABLE").kind == partition_kind::table));
  BOOST_TEST((rule("Columns", {}, {"a"}).kind == partition_kind::columns));
}

BOOST_AUTO_TEST_CASE(unknown_partition_is_default_for_kafka) {
  BOOST_TEST((rule("whatever").kind == partition_kind::default_));
}

BOOST_AUTO_TEST_CASE(unknown_partition_is_a_key_for_pulsar) {
  auto r = rule("my-key", {}, {}, true);
  BOOST_TEST((r.kind == partition_kind::key));
  auto t = route_row(r, bare_row("a", "b"));
  BOOST_TEST(t.partition == 0);
  BOOST_TEST(t.key == "my-key");
}

BOOST_AUTO_TEST_CASE(known_names_stay_rules_for_pulsar) {
  BOOST_TEST((rule("ts", {}, {}, true).kind == partition_kind::ts));
}

BOOST_AUTO_TEST_CASE(partition_is_within_range_for_large_hashes) {
  for (std::int32_t n : {1, 3, 16, 1000, 2147483647}) {
    auto t = route_row(rule("table"), bare_row("schema_with_a_long_name", "table"), n);
    BOOST_TEST(t.partition >= 0);
    BOOST_TEST(t.partition < n);
  }
}

BOOST_AUTO_TEST_CASE(non_positive_partition_count_is_treated_as_one) {
  BOOST_TEST(route_row(rule("table"), bare_row("a", "b"), 0).partition == 0);
  BOOST_TEST(route_row(rule("ts"), bare_row("a", "b", 9), -3).partition == 0);
}

BOOST_AUTO_TEST_SUITE_END()
