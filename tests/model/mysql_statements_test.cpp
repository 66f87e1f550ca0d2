// The MySQL sink's SQL: downstream schema, literals, and idempotent
// transactions that keep only each key's last state.
#include <boost/test/unit_test.hpp>

#include "model/mysql/statements.hpp"

using namespace cdc::model;
using namespace cdc::model::mysql;
using upstream::row_change;
using upstream::row_op;

namespace {

upstream::table_def items() {
  upstream::table_def t;
  t.schema = "shop";
  t.name = "items";
  using upstream::column_type;
  t.columns = {{"id", column_type::bigint, false, true}, {"name", column_type::varchar, true}};
  return t;
}

row_change change(row_op op, std::int64_t key, std::string name, std::uint64_t ts) {
  row_change c;
  c.op = op;
  c.commit_ts = ts;
  upstream::row_values v{key, name};
  if (op != row_op::remove)
    c.new_values = v;
  if (op != row_op::insert)
    c.old_values = v;
  return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mysql_statements)

BOOST_AUTO_TEST_CASE(create_table_follows_the_catalog) {
  BOOST_TEST(create_database_sql("shop") == "CREATE DATABASE IF NOT EXISTS `shop`");
  BOOST_TEST(create_table_sql(items())
             == "CREATE TABLE IF NOT EXISTS `shop`.`items` (`id` BIGINT NOT NULL, `name` VARCHAR(255) NULL, "
                "PRIMARY KEY (`id`))");
}

BOOST_AUTO_TEST_CASE(literals_escape_quotes_and_backslashes) {
  std::string out;
  append_literal(std::string{"it's a \\ \"test\"\n"}, out);
  out += ' ';
  append_literal(std::monostate{}, out);
  out += ' ';
  append_literal(std::int64_t{-3}, out);
  out += ' ';
  append_literal(0.25, out);
  BOOST_TEST(out == "'it\\'s a \\\\ \\\"test\\\"\\n' NULL -3 0.25");
  BOOST_TEST(quote_identifier("a`b") == "`a``b`");
}

BOOST_AUTO_TEST_CASE(a_key_inserted_then_deleted_in_one_transaction_is_only_deleted) {
  std::vector<row_change> rows{change(row_op::insert, 1, "a", 10), change(row_op::insert, 2, "b", 11),
                               change(row_op::remove, 1, "a", 12)};
  auto txns = plan_transactions(items(), rows, 256, sink::txn_atomicity::none);
  BOOST_REQUIRE(txns.size() == 1u);
  BOOST_TEST(txns[0].rows == 3u);
  BOOST_REQUIRE(txns[0].statements.size() == 2u);
  BOOST_TEST(txns[0].statements[0] == "DELETE FROM `shop`.`items` WHERE `id` IN (1)");
  BOOST_TEST(txns[0].statements[1] == "REPLACE INTO `shop`.`items` (`id`,`name`) VALUES (2,'b')");
}

BOOST_AUTO_TEST_CASE(the_last_update_of_a_key_wins) {
  std::vector<row_change> rows{change(row_op::insert, 1, "a", 10), change(row_op::update, 1, "b", 11)};
  auto txns = plan_transactions(items(), rows, 256, sink::txn_atomicity::none);
  BOOST_REQUIRE(txns.size() == 1u);
  BOOST_TEST(txns[0].statements.back() == "REPLACE INTO `shop`.`items` (`id`,`name`) VALUES (1,'b')");
}

BOOST_AUTO_TEST_CASE(transactions_hold_at_most_max_txn_row_changes) {
  std::vector<row_change> rows;
  for (int i = 0; i < 5; ++i)
    rows.push_back(change(row_op::insert, i, "x", 10 + i));
  auto txns = plan_transactions(items(), rows, 2, sink::txn_atomicity::none);
  BOOST_TEST(txns.size() == 3u);
  BOOST_TEST(txns[2].rows == 1u);
}

BOOST_AUTO_TEST_CASE(table_atomicity_keeps_an_upstream_transaction_whole) {
  std::vector<row_change> rows{change(row_op::insert, 1, "a", 10), change(row_op::insert, 2, "b", 10),
                               change(row_op::insert, 3, "c", 10), change(row_op::insert, 4, "d", 11)};
  auto none = plan_transactions(items(), rows, 2, sink::txn_atomicity::none);
  auto table = plan_transactions(items(), rows, 2, sink::txn_atomicity::table);
  BOOST_TEST(none.size() == 2u);
  BOOST_REQUIRE(table.size() == 2u);
  BOOST_TEST(table[0].rows == 3u);
  BOOST_TEST(table[1].rows == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
