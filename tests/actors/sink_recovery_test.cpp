// A feed recovering from a sink error whose first batch after the retry
// reaches its target: it must finish (not fall back to normal or stay in
// error), found by the MariaDB crash test.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"
#include "tests/support/test_sinks.hpp"

using namespace cdc;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(sink_recovery)

BOOST_AUTO_TEST_CASE(a_feed_reaching_its_target_while_recovering_finishes) {
  auto log = std::make_shared<test::sink_log>();
  test::sim_cluster c{1, model::upstream::default_catalog(), test::recording_factory(log)};
  c.advance(200ms);
  auto target = model::compose_tso(test::sim_wall_start_ms + 3000, 0);
  auto body = model::parse_create_body(R"({"changefeed_id":"cf","sink_uri":"blackhole://","target_ts":)"
                                       + std::to_string(target) + "}");
  BOOST_REQUIRE(c.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
  c.advance(300ms);
  log->failing = true;
  c.advance(300ms);
  auto get = [&] { return c.ask_feed<model::changefeed_detail>({"default", "cf"}, atom::get_v).value(); };
  BOOST_TEST(get().state == model::feed_state::error);
  c.advance(5s); // the target passes while the feed waits out its back-off
  log->failing = false;
  c.advance(10s);
  auto d = get();
  BOOST_TEST(d.state == model::feed_state::finished);
  BOOST_TEST(d.checkpoint_ts == target);
}

BOOST_AUTO_TEST_CASE(a_sink_that_never_answers_fails_the_feed_after_the_sink_timeout) {
  auto log = std::make_shared<test::sink_log>();
  test::sim_cluster c{1, model::upstream::default_catalog(), test::recording_factory(log)};
  auto body = model::parse_create_body(R"({"changefeed_id":"cf","sink_uri":"blackhole://"})");
  BOOST_REQUIRE(c.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
  c.advance(500ms);
  auto get = [&] { return c.ask_feed<model::changefeed_detail>({"default", "cf"}, atom::get_v).value(); };
  BOOST_TEST(get().state == model::feed_state::normal);
  log->silent = true;
  c.advance(actors::replication_settings{}.sink_timeout - 1s);
  BOOST_TEST(get().state == model::feed_state::normal); // still within the timeout
  c.advance(2s);
  auto d = get();
  BOOST_TEST(d.state == model::feed_state::error);
  BOOST_REQUIRE(d.error.has_value());
  // The downstream answers again: after its back-off the feed replicates on.
  log->silent = false;
  c.advance(20s);
  BOOST_TEST(get().state == model::feed_state::normal);
  BOOST_TEST(get().checkpoint_ts > d.checkpoint_ts);
}

BOOST_AUTO_TEST_SUITE_END()
