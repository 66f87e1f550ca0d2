// The published captures: GET /captures' body is made once per publish and
// matches the list; a reader keeps the body it took while the election
// publishes again.
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "actors/published/capture_directory.hpp"
#include "model/list_response.hpp"

using cdc::actors::capture_directory;

BOOST_AUTO_TEST_SUITE(capture_directory_reads)

BOOST_AUTO_TEST_CASE(the_body_is_the_lists_json_and_goes_when_withdrawn) {
  capture_directory d;
  BOOST_TEST(!d.current());
  BOOST_TEST(!d.current_body());
  auto list = std::make_shared<const capture_directory::captures>(
    capture_directory::captures{{"c1", true, "127.0.0.1:8300"}, {"c2", false, "127.0.0.1:8301"}});
  d.publish(list);
  BOOST_REQUIRE(d.current_body());
  BOOST_TEST(*d.current_body() == boost::json::serialize(cdc::model::list_response_of(*list)));
  BOOST_TEST(d.current()->size() == 2u);
  d.publish(nullptr);
  BOOST_TEST(!d.current());
  BOOST_TEST(!d.current_body());
}

BOOST_AUTO_TEST_CASE(a_reader_keeps_the_body_it_took_across_a_publish) {
  capture_directory d;
  d.publish(std::make_shared<const capture_directory::captures>(capture_directory::captures{{"c1", true, "a:1"}}));
  auto taken = d.current_body();
  d.publish(std::make_shared<const capture_directory::captures>(capture_directory::captures{{"c2", true, "a:2"}}));
  BOOST_TEST(taken->find("\"c1\"") != std::string::npos);
  BOOST_TEST(d.current_body()->find("\"c2\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
