// The simple protocol's bytes (TiCDC pkg/sink/codec/simple, JSON format):
// one keyless message a row with data/old as name-ordered maps of strings,
// the WATERMARK message on every partition, max-message-bytes.
#include <boost/test/unit_test.hpp>

#include "tests/model/mq_support.hpp"

using namespace cdc::model;
using namespace cdc::test_mq;
using upstream::row_op;

namespace {

const std::string simple_uri = "kafka://127.0.0.1:9092/t?protocol=simple";

} // namespace

BOOST_AUTO_TEST_SUITE(mq_messages)

BOOST_AUTO_TEST_CASE(a_simple_insert_is_ticdcs_json_with_every_value_a_string) {
  auto m = only_message(simple_uri, change(row_op::insert, 2, 425000000000000001), 5);
  BOOST_TEST(m.key.empty());
  BOOST_TEST(m.rows == 1u);
  BOOST_TEST(m.value
             == R"({"version":1,"database":"shop","table":"orders","tableID":7,"type":"INSERT",)"
                R"("commitTs":425000000000000001,"buildTs":5,"data":{"id":"2","note":"hi","price":"1.5"}})");
}

BOOST_AUTO_TEST_CASE(a_simple_update_carries_new_values_in_data_and_old_ones_in_old) {
  auto m = only_message(simple_uri, update_of_2(9), 5);
  BOOST_TEST(m.value
             == R"({"version":1,"database":"shop","table":"orders","tableID":7,"type":"UPDATE",)"
                R"("commitTs":9,"buildTs":5,"data":{"id":"2","note":null,"price":"0.25"},)"
                R"("old":{"id":"2","note":"hi","price":"1.5"}})");
}

BOOST_AUTO_TEST_CASE(a_simple_delete_carries_only_old) {
  auto m = only_message(simple_uri, change(row_op::remove, 2, 9), 5);
  BOOST_TEST(m.value
             == R"({"version":1,"database":"shop","table":"orders","tableID":7,"type":"DELETE",)"
                R"("commitTs":9,"buildTs":5,"old":{"id":"2","note":"hi","price":"1.5"}})");
}

BOOST_AUTO_TEST_CASE(the_simple_watermark_goes_to_every_partition) {
  auto s = settings_of(simple_uri);
  BOOST_TEST(mq::has_watermark(s));
  auto marks = mq::encode_watermarks(s, {{"t", 3}}, 262144001, 7);
  BOOST_TEST_REQUIRE(marks.size() == 3u);
  for (std::int32_t p = 0; p < 3; ++p) {
    BOOST_TEST(marks[p].partition == p);
    BOOST_TEST(marks[p].key.empty());
    BOOST_TEST(marks[p].value == R"({"version":1,"type":"WATERMARK","commitTs":262144001,"buildTs":7})");
  }
}

BOOST_AUTO_TEST_CASE(a_simple_row_above_max_message_bytes_fails_with_ErrMessageTooLarge) {
  auto s = settings_of(simple_uri + "&max-message-bytes=100");
  auto msgs = mq::encode_rows(s, batch_of({change(row_op::insert, 2, 1)}), three, 0);
  BOOST_TEST_REQUIRE(!msgs.has_value());
  BOOST_TEST(code_of(msgs.error().kind) == "CDC:ErrMessageTooLarge");
}

BOOST_AUTO_TEST_SUITE_END()
