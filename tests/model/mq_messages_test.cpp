// An MQ sink's messages for a batch: TiCDC's open-protocol bytes (batch
// header, length prefixes, key and value JSON), its batching per partition
// and max-batch-size, its row IDs, column flags and doubles, the canal-json
// watermark, routing by dispatchers, CDC:ErrMessageTooLarge for a row above
// max-message-bytes, and the protocols refused at create. The simple and
// debezium bytes are in mq_simple_test.cpp and mq_debezium_test.cpp.
#include <boost/test/unit_test.hpp>

#include "model/codec/open_protocol.hpp"
#include "model/config/defaults.hpp"
#include "tests/model/mq_support.hpp"

using namespace cdc::model;
using namespace cdc::test_mq;
using upstream::row_change;
using upstream::row_op;

namespace {

std::string be64(std::uint64_t n) {
  std::string s;
  codec::append_be64(n, s);
  return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mq_messages)

BOOST_AUTO_TEST_CASE(an_open_protocol_insert_is_ticdcs_key_and_value_in_a_batch_of_one) {
  auto s = settings_of("kafka://127.0.0.1:9092/t?protocol=open-protocol");
  auto msgs = mq::encode_rows(s, batch_of({change(row_op::insert, 2, 425000000000000001)}), three, 0);
  BOOST_TEST_REQUIRE(msgs.has_value());
  BOOST_TEST_REQUIRE(msgs->size() == 1u);
  // The integer primary key is TiDB's row ID.
  std::string key = R"({"ts":425000000000000001,"scm":"shop","tbl":"orders","rid":2,"t":1})";
  // Columns in name order, text as base64 ([]byte in TiCDC), the key column
  // flagged as binary (a number), handle and primary key (1|2|8), the
  // nullable text 64, the double binary.
  std::string value = R"({"u":{"id":{"t":8,"h":true,"f":11,"v":2},"note":{"t":252,"f":64,"v":"aGk="},)"
                      R"("price":{"t":5,"f":1,"v":1.5}}})";
  BOOST_TEST((*msgs)[0].key == be64(1) + be64(key.size()) + key);
  BOOST_TEST((*msgs)[0].value == be64(value.size()) + value);
}

BOOST_AUTO_TEST_CASE(open_protocol_updates_carry_old_values_and_deletes_only_them) {
  auto s = settings_of("kafka://127.0.0.1:9092/t?protocol=open-protocol");
  std::string out;
  auto def = shop().tables[0];
  codec::append_open_row_value(def, {0}, change(row_op::update, 2, 1), out);
  BOOST_TEST(out == R"({"u":{"id":{"t":8,"h":true,"f":11,"v":2}},"p":{"id":{"t":8,"h":true,"f":11,"v":2}}})");
  out.clear();
  codec::append_open_row_value(def, {0}, change(row_op::remove, 2, 1), out);
  BOOST_TEST(out == R"({"d":{"id":{"t":8,"h":true,"f":11,"v":2}}})");
}

BOOST_AUTO_TEST_CASE(open_protocol_leaves_out_a_map_with_no_column_and_prints_doubles_as_encoding_json) {
  auto def = shop().tables[0];
  std::string out;
  // Column selectors that keep no column: TiCDC's omitempty drops "u".
  codec::append_open_row_value(def, {}, change(row_op::insert, 2, 1), out);
  BOOST_TEST(out == "{}");
  auto row = change(row_op::insert, 2, 1);
  row.new_values[2] = 1e-7;
  out.clear();
  codec::append_open_row_value(def, {2}, row, out);
  BOOST_TEST(out == R"({"u":{"price":{"t":5,"f":1,"v":1e-7}}})");
}

BOOST_AUTO_TEST_CASE(open_protocol_flags_a_unique_not_null_handle_and_has_no_row_id_without_an_integer_key) {
  upstream::table_def t{9, "shop", "codes", {{"code", upstream::column_type::varchar, false, false, true},
                                             {"n", upstream::column_type::int32, true}}};
  upstream::row_change row;
  row.commit_ts = 3;
  row.new_values = {std::string{"a"}, std::monostate{}};
  std::string out;
  codec::append_open_row_value(t, codec::all_columns(t), row, out);
  // code: handle (2) and unique (16); n: binary (1) and nullable (64).
  BOOST_TEST(out == R"({"u":{"code":{"t":15,"h":true,"f":18,"v":"a"},"n":{"t":3,"f":65,"v":null}}})");
  out.clear();
  codec::append_open_row_key(t, row, out);
  BOOST_TEST(out == R"({"ts":3,"scm":"shop","tbl":"codes","t":1})");
}

BOOST_AUTO_TEST_CASE(open_protocol_batches_rows_per_partition_up_to_max_batch_size) {
  // ts dispatch: commit TS modulo 3 picks the partition.
  changefeed_info info;
  info.sink_uri = "kafka://127.0.0.1:9092/t?protocol=open-protocol&max-batch-size=2";
  auto cfg = config::default_replica_config();
  if (!cfg.sink)
    cfg.sink.emplace();
  config::dispatch_rule rule;
  rule.matcher = {"*.*"};
  rule.partition = "ts";
  cfg.sink->dispatchers.push_back(rule);
  info.config = std::make_shared<config::replica_config>(cfg);
  auto s = mq::mq_settings_of(info);
  BOOST_TEST_REQUIRE(s.has_value());
  std::vector<row_change> rows;
  for (std::uint64_t ts = 30; ts < 36; ++ts)
    rows.push_back(change(row_op::insert, static_cast<std::int64_t>(ts), ts));
  auto msgs = mq::encode_rows(*s, batch_of(rows), three, 0);
  BOOST_TEST_REQUIRE(msgs.has_value());
  BOOST_TEST_REQUIRE(msgs->size() == 3u);  // two rows in each of 3 partitions
  for (const auto& m : *msgs) {
    BOOST_TEST(m.rows == 2u);
    BOOST_TEST(m.topic == "t");
  }
  BOOST_TEST((*msgs)[0].partition == 0);
  BOOST_TEST((*msgs)[1].partition == 1);
  BOOST_TEST((*msgs)[2].partition == 2);
}

BOOST_AUTO_TEST_CASE(a_row_above_max_message_bytes_fails_with_ErrMessageTooLarge) {
  auto s = settings_of("kafka://127.0.0.1:9092/t?protocol=canal-json&max-message-bytes=100");
  auto msgs = mq::encode_rows(s, batch_of({change(row_op::insert, 2, 1)}), three, 0);
  BOOST_TEST_REQUIRE(!msgs.has_value());
  BOOST_TEST(code_of(msgs.error().kind) == "CDC:ErrMessageTooLarge");
  BOOST_TEST(msgs.error().message.find("shop.orders") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(canal_json_sends_one_keyless_message_a_row) {
  auto s = settings_of("kafka://127.0.0.1:9092/t?protocol=canal-json");
  auto msgs = mq::encode_rows(s, batch_of({change(row_op::insert, 2, 1), change(row_op::remove, 2, 2)}), three, 5);
  BOOST_TEST_REQUIRE(msgs.has_value());
  BOOST_TEST_REQUIRE(msgs->size() == 2u);
  BOOST_TEST((*msgs)[0].key.empty());
  // The default dispatcher keeps a table in one partition.
  BOOST_TEST((*msgs)[0].partition == (*msgs)[1].partition);
}

BOOST_AUTO_TEST_CASE(watermarks_go_to_every_partition_only_when_the_protocol_has_them) {
  auto plain = settings_of("kafka://127.0.0.1:9092/t?protocol=canal-json");
  BOOST_TEST(mq::encode_watermarks(plain, {{"t", 3}}, 99, 0).empty());
  auto ext = settings_of("kafka://127.0.0.1:9092/t?protocol=canal-json&enable-tidb-extension=true");
  auto marks = mq::encode_watermarks(ext, {{"t", 3}, {"u", 2}}, (std::uint64_t{1000} << 18) | 1, 7);
  BOOST_TEST_REQUIRE(marks.size() == 5u);
  BOOST_TEST(marks[0].value
             == R"({"id":0,"database":"","table":"","pkNames":null,"isDdl":false,"type":"TIDB_WATERMARK",)"
                R"("es":1000,"ts":7,"sql":"","sqlType":null,"mysqlType":null,"data":null,"old":null,)"
                R"("_tidb":{"watermarkTs":262144001}})");
  auto open = settings_of("kafka://127.0.0.1:9092/t?protocol=open-protocol");
  auto resolved = mq::encode_watermarks(open, {{"t", 1}}, 5, 0);
  BOOST_TEST_REQUIRE(resolved.size() == 1u);
  std::string key = R"({"ts":5,"t":3})";
  BOOST_TEST(resolved[0].key == be64(1) + be64(key.size()) + key);
  BOOST_TEST(resolved[0].value == be64(0));
}

BOOST_AUTO_TEST_CASE(protocols_this_server_does_not_encode_are_refused_by_name) {
  auto r = mq::check_kafka_protocol(sink::protocol::avro);
  BOOST_TEST_REQUIRE(!r.has_value());
  BOOST_TEST(code_of(r.error().kind) == "CDC:ErrSinkURIInvalid");
  BOOST_TEST(r.error().message.find("avro") != std::string::npos);
  BOOST_TEST(mq::check_kafka_protocol(sink::protocol::canal_json).has_value());
  BOOST_TEST(mq::check_kafka_protocol(sink::protocol::simple).has_value());
  BOOST_TEST(mq::check_kafka_protocol(sink::protocol::debezium).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
