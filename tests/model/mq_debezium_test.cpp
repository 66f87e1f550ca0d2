// The debezium protocol's bytes (TiCDC pkg/sink/codec/debezium): the key
// message with the handle key, the value envelope (payload with source,
// op c/u/d, before/after; schema with the Kafka Connect field types), the
// TiDB extension's tidb_type and op "m" watermark, disable-schema, DATETIME
// as epoch milliseconds and doubles as encoding/json prints them.
#include <boost/test/unit_test.hpp>

#include "model/codec/debezium_json.hpp"
#include "model/codec/go_format.hpp"
#include "model/config/defaults.hpp"
#include "tests/model/mq_support.hpp"

using namespace cdc::model;
using namespace cdc::test_mq;
using upstream::row_op;

namespace {

const std::string debezium_uri = "kafka://127.0.0.1:9092/t?protocol=debezium";

/// Debezium's MySQL source schema, as TiCDC writes it in every envelope.
const std::string source_schema =
  R"({"type":"struct","fields":[{"type":"string","optional":false,"field":"version"},)"
  R"({"type":"string","optional":false,"field":"connector"},{"type":"string","optional":false,"field":"name"},)"
  R"({"type":"int64","optional":false,"field":"ts_ms"},{"type":"string","optional":true,)"
  R"("name":"io.debezium.data.Enum","version":1,"parameters":{"allowed":"true,last,false,incremental"},)"
  R"("default":"false","field":"snapshot"},{"type":"string","optional":false,"field":"db"},)"
  R"({"type":"string","optional":true,"field":"sequence"},{"type":"string","optional":true,"field":"table"},)"
  R"({"type":"int64","optional":false,"field":"server_id"},{"type":"string","optional":true,"field":"gtid"},)"
  R"({"type":"string","optional":false,"field":"file"},{"type":"int64","optional":false,"field":"pos"},)"
  R"({"type":"int32","optional":false,"field":"row"},{"type":"int64","optional":true,"field":"thread"},)"
  R"({"type":"string","optional":true,"field":"query"}],"optional":false,)"
  R"("name":"io.debezium.connector.mysql.Source","field":"source"},)"
  R"({"type":"string","optional":false,"field":"op"},{"type":"int64","optional":true,"field":"ts_ms"},)"
  R"({"type":"struct","fields":[{"type":"string","optional":false,"field":"id"},)"
  R"({"type":"int64","optional":false,"field":"total_order"},)"
  R"({"type":"int64","optional":false,"field":"data_collection_order"}],"optional":true,)"
  R"("name":"event.block","version":1,"field":"transaction"})";

const std::string orders_fields =
  R"([{"type":"int64","optional":false,"field":"id"},{"type":"string","optional":true,"field":"note"},)"
  R"({"type":"double","optional":false,"field":"price"}])";

const std::string orders_schema =
  R"({"type":"struct","optional":false,"name":"default.shop.orders.Envelope","version":1,"fields":[)"
  R"({"type":"struct","optional":true,"name":"default.shop.orders.Value","field":"before","fields":)"
  + orders_fields
  + R"(},{"type":"struct","optional":true,"name":"default.shop.orders.Value","field":"after","fields":)"
  + orders_fields + "}," + source_schema + "]}";

/// payload.source of a shop.orders row committed at (1000 ms, logical 1).
const std::string orders_source =
  R"("source":{"version":"2.4.0.Final","connector":"TiCDC","name":"default","ts_ms":1000,"snapshot":"false",)"
  R"("db":"shop","table":"orders","server_id":0,"gtid":null,"file":"","pos":0,"row":0,"thread":0,)"
  R"("query":null,"commit_ts":262144001,"cluster_id":"default"})";

constexpr std::uint64_t commit = (std::uint64_t{1000} << 18) | 1;

} // namespace

BOOST_AUTO_TEST_SUITE(mq_messages)

BOOST_AUTO_TEST_CASE(a_debezium_insert_is_a_key_with_the_handle_and_an_envelope_with_after) {
  auto m = only_message(debezium_uri, change(row_op::insert, 2, commit), 5);
  BOOST_TEST(m.key
             == R"({"payload":{"id":2},"schema":{"type":"struct","name":"default.shop.orders.Key",)"
                R"("optional":false,"fields":[{"type":"int64","optional":false,"field":"id"}]}})");
  BOOST_TEST(m.value
             == R"({"payload":{)" + orders_source
                  + R"(,"ts_ms":5,"transaction":null,"op":"c","before":null,"after":{"id":2,"note":"hi","price":1.5}},)"
                  + R"("schema":)" + orders_schema + "}");
}

BOOST_AUTO_TEST_CASE(a_debezium_update_has_before_then_after) {
  auto m = only_message(debezium_uri, update_of_2(commit), 5);
  BOOST_TEST(m.value
             == R"({"payload":{)" + orders_source
                  + R"(,"ts_ms":5,"transaction":null,"op":"u","before":{"id":2,"note":"hi","price":1.5},)"
                  + R"("after":{"id":2,"note":null,"price":0.25}},"schema":)" + orders_schema + "}");
}

BOOST_AUTO_TEST_CASE(a_debezium_delete_has_after_null_and_before) {
  auto m = only_message(debezium_uri, change(row_op::remove, 2, commit), 5);
  BOOST_TEST(m.key.find(R"({"payload":{"id":2},)") == 0u);
  BOOST_TEST(m.value
             == R"({"payload":{)" + orders_source
                  + R"(,"ts_ms":5,"transaction":null,"op":"d","after":null,"before":{"id":2,"note":"hi","price":1.5}},)"
                  + R"("schema":)" + orders_schema + "}");
}

BOOST_AUTO_TEST_CASE(debezium_without_schema_sends_only_payloads) {
  changefeed_info info;
  info.sink_uri = debezium_uri;
  auto cfg = config::default_replica_config();
  cfg.sink->debezium_disable_schema = true;
  cfg.sink->debezium = config::protocol_output_config{false};
  info.config = std::make_shared<config::replica_config>(cfg);
  auto s = mq::mq_settings_of(info);
  BOOST_TEST_REQUIRE(s.has_value());
  auto msgs = mq::encode_rows(*s, batch_of({update_of_2(commit)}), three, 5);
  BOOST_TEST_REQUIRE(msgs.has_value());
  BOOST_TEST((*msgs)[0].key == R"({"payload":{"id":2}})");
  // output-old-value=false: an update has no `before`.
  BOOST_TEST((*msgs)[0].value
             == R"({"payload":{)" + orders_source
                  + R"(,"ts_ms":5,"transaction":null,"op":"u","after":{"id":2,"note":null,"price":0.25}}})");
}

BOOST_AUTO_TEST_CASE(debezium_has_a_watermark_only_with_the_tidb_extension) {
  BOOST_TEST(!mq::has_watermark(settings_of(debezium_uri)));
  BOOST_TEST(mq::encode_watermarks(settings_of(debezium_uri), {{"t", 3}}, commit, 7).empty());
  auto marks = mq::encode_watermarks(settings_of(debezium_uri + "&enable-tidb-extension=true"), {{"t", 2}}, commit, 7);
  BOOST_TEST_REQUIRE(marks.size() == 2u);
  BOOST_TEST(marks[1].partition == 1);
  BOOST_TEST(marks[0].key
             == R"({"payload":{},"schema":{"type":"struct","name":"default.watermark.Key","optional":false,)"
                R"("fields":[]}})");
  BOOST_TEST(marks[0].value
             == R"({"payload":{"source":{"version":"2.4.0.Final","connector":"TiCDC","name":"default",)"
                R"("ts_ms":1000,"snapshot":"false","db":"","table":"","server_id":0,"gtid":null,"file":"",)"
                R"("pos":0,"row":0,"thread":0,"query":null,"commit_ts":262144001,"cluster_id":"default"},)"
                R"("ts_ms":7,"transaction":null,"op":"m"},"schema":{"type":"struct","optional":false,)"
                R"("name":"default.watermark.Envelope","version":1,"fields":[)"
                  + source_schema + "]}}");
}

BOOST_AUTO_TEST_CASE(the_tidb_extension_adds_tidb_type_and_datetime_is_epoch_milliseconds) {
  upstream::table_def t{8, "shop", "log-2", {{"at", upstream::column_type::datetime, false, true},
                                             {"n", upstream::column_type::int32, true}}};
  upstream::row_change row;
  row.op = row_op::insert;
  row.commit_ts = commit;
  row.new_values = {std::string{"2026-12-04 19:30:50"}, std::int64_t{-3}};
  codec::debezium_options o;
  o.enable_tidb_extension = true;
  std::string key;
  codec::append_debezium_key(o, t, row, key);
  // `-` in the table name becomes `_` (TiCDC's SanitizeTopicName).
  BOOST_TEST(key
             == R"({"payload":{"at":1796412650000},"schema":{"type":"struct","name":"default.shop.log_2.Key",)"
                R"("optional":false,"fields":[{"tidb_type":"datetime","type":"int64","optional":false,)"
                R"("name":"io.debezium.time.Timestamp","version":1,"field":"at"}]}})");
  std::string value;
  codec::append_debezium_value(o, t, {0, 1}, row, 5, value);
  BOOST_TEST(value.find(R"("after":{"at":1796412650000,"n":-3}})") != std::string::npos);
  BOOST_TEST(value.find(R"({"tidb_type":"int","type":"int32","optional":true,"field":"n"})") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(debezium_names_are_sanitized_as_ticdc_does) {
  BOOST_TEST(codec::debezium_sanitize_name("default") == "default");
  BOOST_TEST(codec::debezium_sanitize_name("1a-b") == "_1a_b");
  BOOST_TEST(codec::debezium_sanitize_name("-x") == "_x");
  BOOST_TEST(codec::debezium_sanitize_topic_name("t.1-é") == "t.1__");
}

BOOST_AUTO_TEST_CASE(floats_print_as_encoding_json_does) {
  auto json = [](double x) {
    std::string s;
    codec::append_go_json_float(x, s);
    return s;
  };
  BOOST_TEST(json(1.5) == "1.5");
  BOOST_TEST(json(3) == "3");
  BOOST_TEST(json(0) == "0");
  BOOST_TEST(json(0.000001) == "0.000001");
  BOOST_TEST(json(1e-7) == "1e-7");
  BOOST_TEST(json(-2.5e-10) == "-2.5e-10");
  BOOST_TEST(json(1e20) == "100000000000000000000");
  BOOST_TEST(json(1e21) == "1e+21");
}

BOOST_AUTO_TEST_SUITE_END()
