// The owner places each feed's tables with the other feeds' load in mind:
// many small feeds spread over every capture, not the first ones by ID.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "tests/support/sim_cluster.hpp"

using namespace cdc;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(global_balance)

BOOST_AUTO_TEST_CASE(single_table_feeds_spread_over_every_capture) {
  test::sim_cluster c{3};
  c.advance(200ms);
  for (int i = 0; i < 6; ++i) {
    auto body = model::parse_create_body(R"({"changefeed_id":"cf)" + std::to_string(i)
                                         + R"(","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test0.t)"
                                         + std::to_string(i) + R"("]}}})");
    BOOST_REQUIRE(body.has_value());
    BOOST_REQUIRE(c.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
    c.run();
  }
  std::map<std::string, int> held;
  for (const auto& p : c.ask_api<std::vector<model::processor_item>>(atom::processors_v).value()) {
    auto d = c.ask_api<model::processor_detail>(atom::processor_v, model::changefeed_key{"default", p.changefeed_id},
                                                  p.capture_id);
    held[p.capture_id] += static_cast<int>(d.value().table_ids.size());
  }
  BOOST_TEST(held.size() == 3u);
  for (const auto& [capture, n] : held)
    BOOST_TEST(n == 2, capture);
}

BOOST_AUTO_TEST_SUITE_END()
