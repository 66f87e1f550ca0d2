// A new cluster on an existing meta store (a restart): the owner loads every
// changefeed and resumes each in its recorded state from its recorded
// checkpoint; a removed feed stays gone.
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/memory_backend.hpp"
#include "model/changefeed/bodies.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"
#include "tests/support/test_sinks.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;
using model::changefeed_key;
using model::feed_state;

namespace {

struct cluster_on : test::sim_cluster {
  explicit cluster_on(std::shared_ptr<store::meta_backend> backend,
                      std::shared_ptr<test::sink_log> l = std::make_shared<test::sink_log>())
    : sim_cluster(2, model::upstream::default_catalog(), test::recording_factory(l), std::move(backend)),
      log(std::move(l)) {}

  bool exists(const std::string& id) { return ask_owner<changefeed_actor>(atom::get_v, key(id)).has_value(); }

  /// The lowest commit TS any sink received.
  model::tso_t first_commit_ts() {
    std::lock_guard<std::mutex> guard{log->mu};
    auto low = ~model::tso_t{0};
    for (const auto& c : log->changes)
      low = std::min(low, c.commit_ts);
    return low;
  }

  std::shared_ptr<test::sink_log> log;
};

/// A TSO `ms` milliseconds after the simulated clock's start.
model::tso_t at(std::int64_t ms) { return model::compose_tso(test::sim_wall_start_ms + ms, 0); }

} // namespace

BOOST_AUTO_TEST_SUITE(recovery)

BOOST_AUTO_TEST_CASE(each_feed_resumes_in_its_recorded_state_from_its_recorded_checkpoint) {
  auto backend = std::make_shared<store::memory_backend>();
  auto seed = [&](const std::string& id, feed_state state, model::tso_t checkpoint, auto&& adjust) {
    auto info = test::make_info(id, state, at(-5000));
    adjust(info);
    BOOST_REQUIRE(store::put(*backend, info, {checkpoint, checkpoint}).has_value());
  };
  auto none = [](model::changefeed_info&) {};
  seed("running", feed_state::normal, at(-2000), none);
  seed("paused", feed_state::stopped, at(-3000), none);
  seed("done", feed_state::finished, at(-4000), [](model::changefeed_info& i) { i.target_ts = at(-4000); });
  seed("broken", feed_state::failed, at(-4500), [](model::changefeed_info& i) {
    i.error = model::running_error{std::nullopt, "127.0.0.1:8300", "CDC:ErrSinkWriteFailed", "gone"};
  });

  cluster_on c{backend};
  BOOST_TEST(c.detail("running").state == feed_state::normal);
  BOOST_TEST(c.detail("paused").state == feed_state::stopped);
  BOOST_TEST(c.detail("done").state == feed_state::finished);
  BOOST_TEST(c.detail("broken").state == feed_state::failed);
  BOOST_TEST(c.detail("broken").error->code == "CDC:ErrSinkWriteFailed");
  for (auto [id, cp] : {std::pair{"paused", -3000}, {"done", -4000}, {"broken", -4500}})
    BOOST_TEST(c.detail(id).checkpoint_ts == at(cp), id);
  // Only the normal feed holds tables, and it replicates from its checkpoint:
  // the first change its sinks got is the first one after it (every table
  // has a change every 100 ms), not one from the restart on.
  BOOST_TEST(c.processors("running") == 2u);
  for (auto id : {"paused", "done", "broken"})
    BOOST_TEST(c.processors(id) == 0u, id);
  c.advance(500ms);
  BOOST_TEST(c.first_commit_ts() > at(-2000));
  BOOST_TEST(c.first_commit_ts() <= at(-1900));
  BOOST_TEST(c.detail("running").checkpoint_ts > at(0));
  BOOST_TEST(c.detail("paused").checkpoint_ts == at(-3000));
}

BOOST_AUTO_TEST_CASE(a_new_cluster_on_the_same_store_has_every_acknowledged_write) {
  auto backend = std::make_shared<store::memory_backend>();
  model::tso_t paused_at = 0, running_at = 0;
  std::shared_ptr<const model::config::replica_config> config_before;
  {
    cluster_on c{backend};
    c.advance(200ms);
    for (auto id : {"a", "b", "gone"}) {
      auto body = model::parse_create_body(std::string(R"({"changefeed_id":")") + id
                                           + R"(","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test1.*"]}}})");
      BOOST_REQUIRE(c.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
    }
    c.advance(500ms);
    BOOST_REQUIRE(c.ask_owner<bool>(atom::pause_v, c.key("b")).value());
    BOOST_REQUIRE(c.ask_owner<bool>(atom::remove_v, c.key("gone")).value());
    paused_at = c.detail("b").checkpoint_ts;
    c.advance(500ms);
    running_at = c.detail("a").checkpoint_ts;
    config_before = c.detail("a").config;
  }
  cluster_on c{backend};
  BOOST_TEST(!c.exists("gone"));
  BOOST_TEST(c.detail("a").state == feed_state::normal);
  BOOST_TEST(c.detail("b").state == feed_state::stopped);
  BOOST_TEST(c.detail("b").checkpoint_ts == paused_at);
  // The cluster stopped gracefully, so the store wrote the last progress.
  BOOST_TEST(c.detail("a").checkpoint_ts >= running_at);
  BOOST_TEST(c.processors("a") == 2u);
  BOOST_TEST(c.processors("b") == 0u);
  auto config = c.detail("a").config;
  BOOST_REQUIRE(config->filter.has_value());
  BOOST_TEST(config->filter->rules == std::vector<std::string>{"test1.*"});
  BOOST_TEST((*config == *config_before));
}

BOOST_AUTO_TEST_SUITE_END()
