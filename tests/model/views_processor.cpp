// Processor list items and processor detail.
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/views.hpp"
#include "model/list_response.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(views_processor)

BOOST_AUTO_TEST_CASE(processor_item_has_namespace_changefeed_and_capture) {
  processor_item p{"default", "test", "d2912e63-3349-447c-90ba-72a4e04b5e9e"};
  BOOST_TEST(boost::json::serialize(boost::json::value_from(p))
             == R"({"namespace":"default","changefeed_id":"test","capture_id":"d2912e63-3349-447c-90ba-72a4e04b5e9e"})");
}

BOOST_AUTO_TEST_CASE(processor_items_fit_the_list_envelope) {
  std::vector<processor_item> items{{"default", "a", "c"}, {"default", "b", "c"}};
  auto v = list_response_of(items);
  BOOST_TEST(v.at("total").as_uint64() == 2u);
  BOOST_TEST(v.at("items").as_array().size() == 2u);
}

BOOST_AUTO_TEST_CASE(processor_detail_lists_table_ids) {
  processor_detail d{{80}};
  BOOST_TEST(boost::json::serialize(boost::json::value_from(d)) == R"({"table_ids":[80]})");
}

BOOST_AUTO_TEST_CASE(processor_detail_without_tables_is_an_empty_array) {
  BOOST_TEST(boost::json::serialize(boost::json::value_from(processor_detail{})) == R"({"table_ids":[]})");
}

BOOST_AUTO_TEST_SUITE_END()
