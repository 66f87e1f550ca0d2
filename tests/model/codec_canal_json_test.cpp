// TiCDC's canal-json messages: field order, string values, old/data per
// operation, type maps and the _tidb extension.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/codec/canal_json.hpp"

using namespace cdc::model;
using namespace cdc::model::codec;
using upstream::row_change;
using upstream::row_op;

namespace {

upstream::table_def orders() {
  upstream::table_def t;
  t.schema = "shop";
  t.name = "orders";
  using upstream::column_type;
  t.columns = {{"id", column_type::bigint, false, true},
               {"note", column_type::text, true},
               {"price", column_type::double_},
               {"at", column_type::datetime}};
  return t;
}

std::string encode(row_change c, canal_json_options o = {}, column_list cols = {0, 1, 2, 3}) {
  std::string out;
  append_canal_json_row(o, orders(), cols, c, 1700000000123, out);
  return out;
}

row_change insert() {
  row_change c;
  c.op = row_op::insert;
  c.commit_ts = (std::uint64_t{1639633141221} << 18) | 1;
  c.new_values = {std::int64_t{2}, std::monostate{}, 12.5, std::string{"2021-12-16 05:39:01"}};
  return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(codec_canal_json)

BOOST_AUTO_TEST_CASE(insert_has_ticdcs_fields_in_order) {
  BOOST_TEST(encode(insert())
             == "{\"id\":0,\"database\":\"shop\",\"table\":\"orders\",\"pkNames\":[\"id\"],\"isDdl\":false,"
                "\"type\":\"INSERT\",\"es\":1639633141221,\"ts\":1700000000123,\"sql\":\"\","
                "\"sqlType\":{\"id\":-5,\"note\":2005,\"price\":8,\"at\":93},"
                "\"mysqlType\":{\"id\":\"bigint\",\"note\":\"text\",\"price\":\"double\",\"at\":\"datetime\"},"
                "\"old\":null,\"data\":[{\"id\":\"2\",\"note\":null,\"price\":\"12.5\",\"at\":\"2021-12-16 05:39:01\"}]}");
}

BOOST_AUTO_TEST_CASE(update_carries_every_old_column) {
  auto c = insert();
  c.op = row_op::update;
  c.old_values = {std::int64_t{2}, std::string{"was"}, 1.0, std::string{"2021-12-16 05:39:00"}};
  auto v = boost::json::parse(encode(c)).as_object();
  BOOST_TEST(v.at("type").as_string() == "UPDATE");
  BOOST_TEST(v.at("old").as_array()[0].as_object().at("note").as_string() == "was");
  BOOST_TEST(v.at("old").as_array()[0].as_object().at("price").as_string() == "1");
  BOOST_TEST(v.at("data").as_array()[0].as_object().at("note").is_null());
}

BOOST_AUTO_TEST_CASE(delete_puts_the_old_row_in_data) {
  row_change c;
  c.op = row_op::remove;
  c.commit_ts = 5 << 18;
  c.old_values = {std::int64_t{9}, std::string{"gone"}, 0.5, std::string{"2021-12-16 05:39:00"}};
  auto v = boost::json::parse(encode(c)).as_object();
  BOOST_TEST(v.at("type").as_string() == "DELETE");
  BOOST_TEST(v.at("old").is_null());
  BOOST_TEST(v.at("data").as_array()[0].as_object().at("id").as_string() == "9");
  BOOST_TEST(v.at("es").as_int64() == 5);
}

BOOST_AUTO_TEST_CASE(tidb_extension_adds_the_commit_ts) {
  auto v = boost::json::parse(encode(insert(), {true})).as_object();
  BOOST_TEST(v.at("_tidb").as_object().at("commitTs").to_number<std::uint64_t>() == insert().commit_ts);
  BOOST_TEST(!boost::json::parse(encode(insert())).as_object().contains("_tidb"));
}

BOOST_AUTO_TEST_CASE(column_selection_drops_columns_from_types_and_data) {
  auto v = boost::json::parse(encode(insert(), {}, {0, 2})).as_object();
  BOOST_TEST(v.at("data").as_array()[0].as_object().size() == 2u);
  BOOST_TEST(!v.at("mysqlType").as_object().contains("note"));
  BOOST_TEST(v.at("pkNames").as_array().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
