// A capture wakes at most settings.wakeups_per_tick processors per upstream
// tick, round robin, so a tick costs the same however many feeds there are,
// and every processor still wakes within a round of ticks.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "tests/support/sim_cluster.hpp"
#include "tests/support/test_sinks.hpp"

using namespace cdc;
using namespace std::chrono_literals;

namespace {

/// The default tables, none of them written to.
model::upstream::catalog quiet_catalog() {
  auto c = model::upstream::default_catalog();
  for (auto& t : c.tables)
    t.rows_per_second = 0;
  return c;
}

struct budget_fixture : test::sim_cluster {
  explicit budget_fixture(std::size_t budget, model::upstream::catalog cat = model::upstream::default_catalog(),
                          std::shared_ptr<test::sink_log> l = std::make_shared<test::sink_log>())
    : sim_cluster(0, std::move(cat), test::recording_factory(l)), log(std::move(l)) {
    services.settings.wakeups_per_tick = budget;
    add_capture();
    run();
    advance(200ms);
  }

  void create(const std::string& id) {
    auto body = model::parse_create_body(R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
    BOOST_REQUIRE(body.has_value());
    BOOST_REQUIRE(ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
    run();
  }

  model::tso_t checkpoint(const std::string& id) {
    return ask_feed<model::changefeed_detail>({"default", id}, atom::get_v).value().checkpoint_ts;
  }

  /// How many of feeds cf0..cf(n-1) moved their checkpoint over `d`.
  std::size_t moved_over(std::size_t n, std::chrono::milliseconds d) {
    std::vector<model::tso_t> before;
    for (std::size_t i = 0; i < n; ++i)
      before.push_back(checkpoint("cf" + std::to_string(i)));
    advance(d);
    std::size_t moved = 0;
    for (std::size_t i = 0; i < n; ++i)
      moved += checkpoint("cf" + std::to_string(i)) > before[i];
    return moved;
  }

  std::shared_ptr<test::sink_log> log;
};

} // namespace

BOOST_AUTO_TEST_SUITE(wakeup_budget)

BOOST_AUTO_TEST_CASE(a_tick_wakes_at_most_the_budget_of_processors) {
  budget_fixture f{2};
  for (int i = 0; i < 5; ++i)
    f.create("cf" + std::to_string(i));
  f.advance(1s);
  BOOST_TEST(f.moved_over(5, 100ms) == 2u);
}

BOOST_AUTO_TEST_CASE(every_processor_wakes_within_a_round_of_ticks) {
  budget_fixture f{2};
  for (int i = 0; i < 5; ++i)
    f.create("cf" + std::to_string(i));
  f.advance(1s);
  BOOST_TEST(f.moved_over(5, 300ms) == 5u); // ceil(5 / 2) ticks
}

BOOST_AUTO_TEST_CASE(within_the_budget_every_processor_wakes_every_tick) {
  budget_fixture f{10};
  for (int i = 0; i < 5; ++i)
    f.create("cf" + std::to_string(i));
  f.advance(1s);
  BOOST_TEST(f.moved_over(5, 100ms) == 5u);
}

BOOST_AUTO_TEST_CASE(an_idle_feed_follows_the_upstream_without_writing_to_its_sink) {
  budget_fixture f{10, quiet_catalog()};
  f.create("cf0");
  f.advance(2s);
  auto d = f.ask_feed<model::changefeed_detail>({"default", "cf0"}, atom::get_v).value();
  BOOST_TEST(model::tso_physical_ms(d.resolved_ts) - model::tso_physical_ms(d.checkpoint_ts) <= 100);
  BOOST_TEST(d.checkpoint_ts > d.start_ts);
  BOOST_TEST(f.log->batches.load() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
