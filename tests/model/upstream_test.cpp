// The simulated upstream: TSO clock, catalog config and the row-change workload.
#include <boost/test/unit_test.hpp>

#include "model/upstream/catalog.hpp"
#include "model/upstream/tso_clock.hpp"
#include "model/upstream/workload.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;
using namespace cdc::model::upstream;

namespace {

table_def small_table(double rate = 1000, std::uint64_t keys = 4) {
  auto def = default_catalog().tables.front();
  def.rows_per_second = rate;
  def.key_space = keys;
  return def;
}

} // namespace

BOOST_AUTO_TEST_SUITE(upstream_tso_clock)

BOOST_AUTO_TEST_CASE(tsos_follow_the_wall_clock) {
  tso_clock c;
  BOOST_TEST(c.next(1000) == compose_tso(1000, 0));
  BOOST_TEST(c.next(1005) == compose_tso(1005, 0));
}

BOOST_AUTO_TEST_CASE(tsos_in_the_same_millisecond_count_up_logically) {
  tso_clock c;
  c.next(1000);
  BOOST_TEST(c.next(1000) == compose_tso(1000, 1));
  BOOST_TEST(c.next(1000) == compose_tso(1000, 2));
}

BOOST_AUTO_TEST_CASE(tsos_never_go_back_when_the_clock_does) {
  tso_clock c;
  auto a = c.next(2000);
  auto b = c.next(1000);
  BOOST_TEST(b > a);
}

BOOST_AUTO_TEST_CASE(a_full_logical_counter_rolls_into_the_next_millisecond) {
  tso_clock c;
  c.next(1000);
  for (std::uint64_t i = 0; i < logical_mask; ++i)
    c.next(1000);
  BOOST_TEST(c.last() == compose_tso(1000, logical_mask));
  BOOST_TEST(c.next(1000) == compose_tso(1001, 0));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(upstream_catalog)

BOOST_AUTO_TEST_CASE(default_catalog_has_4_schemas_of_8_eligible_tables) {
  auto c = default_catalog();
  BOOST_TEST(c.tables.size() == 32u);
  BOOST_TEST(c.tables.front().qualified_name() == "test0.t0");
  BOOST_TEST(c.tables.back().qualified_name() == "test3.t7");
  for (const auto& t : c.tables)
    BOOST_TEST(t.eligible());
  BOOST_TEST(c.find(100)->name == "t0");
  BOOST_TEST(c.find("test1", "t2")->id == 110);
  BOOST_TEST(c.find(99) == nullptr);
}

BOOST_AUTO_TEST_CASE(config_file_defines_tables_columns_and_rates) {
  auto c = parse_catalog(R"({
    "rows_per_second": 5, "tick_ms": 50,
    "schemas": [{"name": "shop", "tables": [
      {"name": "orders", "id": 500, "key_space": 10,
       "columns": [{"name": "oid", "type": "bigint", "primary_key": true},
                   {"name": "note", "type": "text", "nullable": true}]},
      {"name": "logs", "rows_per_second": 0,
       "columns": [{"name": "line", "type": "varchar"}]}]}]})");
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(c->tick_ms == 50);
  BOOST_TEST(c->tables.size() == 2u);
  auto* orders = c->find("shop", "orders");
  BOOST_TEST(orders->id == 500);
  BOOST_TEST(orders->rows_per_second == 5.0);
  BOOST_TEST(orders->key_space == 10u);
  BOOST_TEST(orders->eligible());
  auto* logs = c->find("shop", "logs");
  BOOST_TEST(logs->id == 501);
  BOOST_TEST(!logs->eligible());
  BOOST_TEST(logs->rows_per_second == 0.0);
}

BOOST_AUTO_TEST_CASE(config_errors_name_the_field) {
  auto c = parse_catalog(R"({"schemas": [{"name": "s", "tables": [{"name": "t", "columns": [{"name": "a", "type": "blob"}]}]}]})");
  BOOST_REQUIRE(c.has_error());
  BOOST_TEST(c.error().message.find("$.schemas[0].tables[0].columns[0].type") != std::string::npos, c.error().message);
}

BOOST_AUTO_TEST_CASE(duplicate_table_ids_are_rejected) {
  auto c = parse_catalog(R"({"schemas": [{"name": "s", "tables": [{"name": "a", "id": 7}, {"name": "b", "id": 7}]}]})");
  BOOST_REQUIRE(c.has_error());
  BOOST_TEST(c.error().message.find("used twice") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_nullable_primary_key_is_rejected) {
  auto c = parse_catalog(
    R"({"schemas": [{"name": "s", "tables": [{"name": "a", "columns": [{"name": "x", "type": "int", "primary_key": true, "nullable": true}]}]}]})");
  BOOST_TEST(c.has_error());
}

BOOST_AUTO_TEST_CASE(malformed_config_is_an_error_not_a_crash) {
  BOOST_TEST(parse_catalog("{").has_error());
  BOOST_TEST(parse_catalog("[]").has_error());
  BOOST_TEST(parse_catalog(R"({"schemas": []})").has_error());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(upstream_workload)

BOOST_AUTO_TEST_CASE(a_table_at_1000_rows_per_second_commits_once_per_millisecond) {
  auto def = small_table();
  table_workload w{def};
  std::vector<row_change> out;
  auto done = w.changes(compose_tso(100, 0), compose_tso(110, 0), 1000, out);
  BOOST_TEST(done == compose_tso(110, 0));
  BOOST_TEST(out.size() == 10u); // t = 100 .. 109 (the one at 110 commits at logical 1)
  BOOST_TEST(out.front().commit_ts == compose_tso(100, 1));
  BOOST_TEST(out.back().commit_ts == compose_tso(109, 1));
  BOOST_TEST(w.count(compose_tso(100, 0), compose_tso(110, 0)) == 10u);
}

BOOST_AUTO_TEST_CASE(ranges_are_half_open_on_the_left) {
  auto def = small_table();
  table_workload w{def};
  std::vector<row_change> a, b;
  w.changes(compose_tso(100, 0), compose_tso(105, 1), 100, a);
  w.changes(compose_tso(105, 1), compose_tso(110, 1), 100, b);
  BOOST_TEST(a.back().commit_ts == compose_tso(105, 1));
  BOOST_TEST(b.front().commit_ts == compose_tso(106, 1));
  BOOST_TEST(a.size() + b.size() == w.count(compose_tso(100, 0), compose_tso(110, 1)));
}

BOOST_AUTO_TEST_CASE(a_limit_cuts_the_batch_and_reports_how_far_it_got) {
  auto def = small_table();
  table_workload w{def};
  std::vector<row_change> out;
  auto done = w.changes(compose_tso(100, 0), compose_tso(200, 0), 3, out);
  BOOST_TEST(out.size() == 3u);
  BOOST_TEST(done == out.back().commit_ts);
}

BOOST_AUTO_TEST_CASE(operations_cycle_insert_update_update_delete_per_key) {
  auto def = small_table(1000, 2);
  table_workload w{def};
  std::vector<row_change> out;
  w.changes(compose_tso(0, 0), compose_tso(9, 0), 100, out); // events 1..8
  std::vector<row_op> ops;
  for (const auto& c : out)
    ops.push_back(c.op);
  // keys alternate 1,0,1,0,...; rounds 0,0(k=1 key1? see below)...
  BOOST_TEST(out.size() == 8u);
  BOOST_TEST((out[0].op == row_op::insert && out[1].op == row_op::update)); // k=1 round0, k=2 round1
  BOOST_TEST(out[5].op == row_op::remove); // k=6, round 3
  BOOST_TEST(out[6].op == row_op::remove); // k=7, round 3
  BOOST_TEST(out[7].op == row_op::insert); // k=8, round 4
}

BOOST_AUTO_TEST_CASE(updates_and_deletes_carry_the_previous_values_of_their_key) {
  auto def = small_table(1000, 3);
  table_workload w{def};
  std::vector<row_change> out;
  w.changes(compose_tso(0, 0), compose_tso(20, 0), 100, out);
  for (const auto& c : out) {
    if (c.op == row_op::insert)
      BOOST_TEST(c.old_values.empty());
    if (c.op == row_op::remove)
      BOOST_TEST(c.new_values.empty());
    if (c.op != row_op::insert)
      BOOST_TEST(to_text(c.old_values[0]) == to_text(c.new_values.empty() ? c.old_values[0] : c.new_values[0]));
  }
}

BOOST_AUTO_TEST_CASE(replaying_a_range_gives_the_same_changes) {
  auto def = small_table(333, 7);
  table_workload w{def};
  std::vector<row_change> a, b;
  w.changes(compose_tso(5000, 0), compose_tso(9000, 0), 10000, a);
  w.changes(compose_tso(5000, 0), compose_tso(9000, 0), 10000, b);
  BOOST_REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    BOOST_TEST(a[i].commit_ts == b[i].commit_ts);
    BOOST_TEST((a[i].new_values == b[i].new_values));
  }
}

BOOST_AUTO_TEST_CASE(snapshot_equals_replaying_every_change) {
  auto def = small_table(500, 5);
  table_workload w{def};
  std::vector<row_change> all;
  auto at = compose_tso(200, 0);
  w.changes(0, at, 100000, all);
  std::map<std::string, row_values> replayed;
  for (const auto& c : all) {
    if (c.op == row_op::remove)
      replayed.erase(to_text(c.old_values[0]));
    else
      replayed[to_text(c.new_values[0])] = c.new_values;
  }
  BOOST_TEST((w.snapshot(at) == replayed));
}

BOOST_AUTO_TEST_CASE(a_table_without_writes_has_no_changes) {
  auto def = small_table(0);
  table_workload w{def};
  std::vector<row_change> out;
  BOOST_TEST(w.changes(0, compose_tso(100000, 0), 10, out) == compose_tso(100000, 0));
  BOOST_TEST(out.empty());
  BOOST_TEST(w.snapshot(compose_tso(100000, 0)).empty());
}

BOOST_AUTO_TEST_CASE(a_table_is_quiet_through_the_tso_before_its_next_change) {
  auto def = small_table(); // 1000 rows/s: one change per millisecond, at logical 1
  table_workload w{def};
  BOOST_TEST(w.quiet_through(compose_tso(100, 0)) == compose_tso(100, 0));
  BOOST_TEST(w.quiet_through(compose_tso(100, 1)) == compose_tso(101, 0));
  BOOST_TEST(w.quiet_through(compose_tso(100, 7)) == compose_tso(101, 0));
  // Nothing commits in (from, quiet_through(from)], and the next TSO does.
  for (auto from : {compose_tso(100, 0), compose_tso(100, 1), compose_tso(250, 3)}) {
    auto q = w.quiet_through(from);
    BOOST_TEST(w.count(from, q) == 0u);
    BOOST_TEST(w.count(from, q + 1) == 1u);
  }
  auto sparse = small_table(0.5); // one change every 2 s
  table_workload s{sparse};
  BOOST_TEST(s.quiet_through(compose_tso(2000, 1)) == compose_tso(4000, 0));
  BOOST_TEST(s.count(compose_tso(2000, 1), compose_tso(4000, 0)) == 0u);
  auto none = small_table(0);
  BOOST_TEST(table_workload{none}.quiet_through(compose_tso(100, 0)) == ~tso_t{0});
}

BOOST_AUTO_TEST_CASE(nullable_columns_are_sometimes_null) {
  auto def = small_table();
  table_workload w{def};
  int nulls = 0;
  for (std::uint64_t k = 1; k <= 200; ++k)
    nulls += std::holds_alternative<std::monostate>(w.values_of(k)[3]);
  BOOST_TEST(nulls > 10);
  BOOST_TEST(nulls < 100);
}

BOOST_AUTO_TEST_SUITE_END()
