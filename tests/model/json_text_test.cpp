// JSON written straight into strings matches boost::json's serializer.
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/views.hpp"
#include "model/cluster_views.hpp"
#include "model/json/text.hpp"
#include "model/list_response.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(json_text)

BOOST_AUTO_TEST_CASE(quoted_strings_escape_as_boost_json_does) {
  for (std::string s : {std::string("plain"), std::string("q\"b\\s/"), std::string("\b\f\n\r\t"),
                        std::string("\x01\x1f ok"), std::string("ünï"), std::string()}) {
    std::string out;
    json::append_quoted(out, s);
    BOOST_TEST(out == boost::json::serialize(boost::json::string(s)), s);
  }
}

BOOST_AUTO_TEST_CASE(status_text_equals_the_serialized_view) {
  server_status st;
  st.version = "v0.1.0";
  st.git_hash = "0123abcd";
  st.id = "82a0e38f-130c-4bd3-bad2-f968e7394d9e";
  st.pid = 4711;
  for (bool owner : {false, true})
    for (auto live : {liveness::alive, liveness::stopping}) {
      st.is_owner = owner;
      st.live = live;
      BOOST_TEST(to_json_text(st) == boost::json::serialize(boost::json::value_from(st)));
    }
}

BOOST_AUTO_TEST_CASE(processor_list_text_equals_the_serialized_envelope) {
  std::vector<processor_item> items{{"default", "cf-1", "c1"}, {"ns\"x", "cf-2", "c2"}};
  BOOST_TEST(processor_list_text(items) == boost::json::serialize(list_response_of(items)));
  BOOST_TEST(processor_list_text({}) == boost::json::serialize(list_response_of(std::vector<processor_item>{})));
}

BOOST_AUTO_TEST_SUITE_END()
