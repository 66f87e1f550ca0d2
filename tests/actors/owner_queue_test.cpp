// The owner runs a feed's operations one at a time, in arrival order, and
// every queued operation answers whatever ended the one before it: a
// refusal, a success or the feed's removal.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;
using model::api_error;

namespace {

struct queue_fixture : test::sim_cluster {
  queue_fixture() : sim_cluster(2) {
    advance(200ms);
    auto body = model::parse_create_body(R"({"changefeed_id":"cf1","sink_uri":"blackhole://"})");
    BOOST_REQUIRE(ask_api<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
  }

  /// Sends `xs...` to the API actor without running anything: requests
  /// sent one after another queue up behind each other.
  template <class T, class... Ts>
  test::pending<T> send(Ts... xs) {
    return send_request<T>(api_hdl, xs...);
  }

  static model::changefeed_update new_target(model::tso_t ts) {
    return model::parse_update_body(R"({"target_ts":)" + std::to_string(ts) + "}").value();
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(owner_operation_queue)

BOOST_AUTO_TEST_CASE(every_queued_operation_answers_in_order_whatever_ended_the_one_before) {
  queue_fixture f;
  auto k = f.key("cf1");
  auto refused = f.send<model::changefeed_detail>(atom::update_v, k, f.new_target(1ull << 62)); // running: refused
  auto paused = f.send<bool>(atom::pause_v, k);
  auto updated = f.send<model::changefeed_detail>(atom::update_v, k, f.new_target(1ull << 62)); // paused: applies
  auto removed = f.send<bool>(atom::remove_v, k);
  auto late_pause = f.send<bool>(atom::pause_v, k);
  auto late_update = f.send<model::changefeed_detail>(atom::update_v, k, f.new_target(1ull << 62));
  f.run();
  BOOST_REQUIRE(refused->has_value() && paused->has_value() && updated->has_value() && removed->has_value()
                && late_pause->has_value() && late_update->has_value());
  BOOST_TEST((**refused).has_error());
  BOOST_TEST((**paused).value());
  BOOST_REQUIRE((**updated).has_value());
  BOOST_TEST((**updated)->target_ts == (1ull << 62));
  BOOST_TEST((**removed).value());
  BOOST_TEST((**late_pause).error().kind == api_error::changefeed_not_exists);
  BOOST_TEST((**late_update).error().kind == api_error::changefeed_not_exists);
}

BOOST_AUTO_TEST_CASE(a_feed_created_again_under_a_removed_ones_id_runs_its_own_operations) {
  queue_fixture f;
  auto k = f.key("cf1");
  BOOST_TEST(f.ask_api<bool>(atom::remove_v, k).value());
  auto body = model::parse_create_body(R"({"changefeed_id":"cf1","sink_uri":"blackhole://"})");
  BOOST_REQUIRE(f.ask_api<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
  // The removed feed's last operation ended long ago; the new feed's queue
  // still takes one operation at a time and answers each.
  auto paused = f.send<bool>(atom::pause_v, k);
  auto resumed = f.send<bool>(atom::resume_v, k, model::resume_config{});
  f.run();
  BOOST_REQUIRE(paused->has_value() && resumed->has_value());
  BOOST_TEST((**paused).value());
  BOOST_TEST((**resumed).value());
  BOOST_TEST(f.detail("cf1").state == model::feed_state::normal);
  BOOST_TEST(f.processors("cf1") == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
