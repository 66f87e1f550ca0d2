// A processor whose tables have nothing to write for a while goes quiet: its
// capture stops waking it and its feed's checkpoint follows the upstream's
// resolved TS as it is read, so idle feeds cost no message per tick. A
// change that falls due wakes it, a target still finishes the feed, and the
// checkpoint is stored now and then.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "tests/support/sim_cluster.hpp"
#include "tests/support/test_sinks.hpp"

using namespace cdc;
using namespace std::chrono_literals;

namespace {

/// The default tables at `rows_per_second` each (0: never written to).
model::upstream::catalog catalog_at(double rows_per_second) {
  auto c = model::upstream::default_catalog();
  for (auto& t : c.tables)
    t.rows_per_second = rows_per_second;
  return c;
}

struct quiet_fixture : test::sim_cluster {
  explicit quiet_fixture(model::upstream::catalog cat = catalog_at(0), std::size_t captures = 1,
                         std::chrono::milliseconds persist_every = 60s,
                         std::shared_ptr<test::sink_log> l = std::make_shared<test::sink_log>())
    : sim_cluster(0, std::move(cat), test::recording_factory(l)), log(std::move(l)) {
    services.settings.follow_persist_interval = persist_every;
    for (std::size_t i = 0; i < captures; ++i)
      add_capture();
    run();
    advance(200ms); // the upstream has a resolved TS before anything starts
  }

  model::changefeed_detail create(const std::string& id, const std::string& extra = "") {
    auto body = model::parse_create_body(R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://")" + extra + "}");
    BOOST_REQUIRE(body.has_value());
    auto d = ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
    BOOST_REQUIRE_MESSAGE(d.has_value(), (d.has_error() ? d.error().message : std::string()));
    run();
    return *d;
  }

  std::shared_ptr<const actors::feed_snapshot> snapshot(const std::string& id) { return directory->find(key(id)); }
  model::tso_t resolved() const { return services.resolved->now(); }

  /// The tables of `id`'s processors on the first capture, as they report them.
  std::vector<actors::table_progress> processor_tables(const std::string& id) {
    auto reports = answer_of<std::vector<actors::processor_report>>(capture_hdls[0], atom::report_v).value();
    for (auto& r : reports)
      if (r.key == key(id))
        return r.tables;
    return {};
  }

  std::shared_ptr<test::sink_log> log;
};

} // namespace

BOOST_AUTO_TEST_SUITE(quiet_feeds)

BOOST_AUTO_TEST_CASE(an_idle_feed_is_read_at_the_upstream_without_a_message_per_tick) {
  quiet_fixture f;
  f.create("cf");
  f.advance(1s);
  auto published = f.snapshot("cf");
  auto tables = f.processor_tables("cf");
  BOOST_REQUIRE_EQUAL(tables.size(), 32u);
  f.advance(3s);
  // Thirty ticks later the feed published nothing new and its processor was
  // not woken (its tables' checkpoints did not move)...
  BOOST_TEST(f.snapshot("cf") == published);
  BOOST_TEST(f.processor_tables("cf")[0].checkpoint_ts == tables[0].checkpoint_ts);
  BOOST_TEST(tables[0].follow_through == ~model::tso_t{0});
  // ...yet every read shows the checkpoint where the upstream is.
  BOOST_TEST(f.detail("cf").checkpoint_ts == f.resolved());
  BOOST_TEST(published->view_at(f.resolved()).progress.checkpoint_ts == f.resolved());
  BOOST_TEST(published->detail_json(f.resolved()).find(std::to_string(f.resolved())) != std::string::npos);
  BOOST_TEST(f.log->batches.load() == 0u);
}

BOOST_AUTO_TEST_CASE(a_change_that_falls_due_wakes_the_quiet_processor) {
  quiet_fixture f{catalog_at(0.2)}; // each table: a change every 5 s
  auto start = f.create("cf").start_ts;
  f.advance(12s);
  // Every change committed up to the checkpoint reached the sink.
  auto cp = f.detail("cf").checkpoint_ts;
  BOOST_TEST(cp == f.resolved());
  model::upstream::table_workload w{*f.catalog->find(100)};
  BOOST_TEST(w.count(start, cp) >= 2u);
  BOOST_TEST(f.log->rows.load() == 32 * w.count(start, cp));
  // Between two changes the processor is quiet again.
  auto quiet = f.processor_tables("cf");
  BOOST_TEST(quiet[0].follow_through != 0u);
  BOOST_TEST(quiet[0].follow_through < w.quiet_through(quiet[0].checkpoint_ts) + 1);
}

BOOST_AUTO_TEST_CASE(a_quiet_feed_with_a_target_finishes_there) {
  quiet_fixture f;
  auto target = model::compose_tso(test::sim_wall_start_ms + 2500, 0);
  f.create("cf", R"(,"target_ts":)" + std::to_string(target));
  f.advance(1s);
  BOOST_TEST((f.detail("cf").state == model::feed_state::normal));
  BOOST_TEST(f.detail("cf").checkpoint_ts < target);
  f.advance(3s);
  auto d = f.detail("cf");
  BOOST_TEST((d.state == model::feed_state::finished));
  BOOST_TEST(d.checkpoint_ts == target);
}

BOOST_AUTO_TEST_CASE(a_following_feed_stores_its_checkpoint_every_follow_persist_interval) {
  quiet_fixture f{catalog_at(0), 1, 2s};
  auto start = f.create("cf").start_ts;
  auto stored = [&] {
    for (const auto& [info, progress] : f.answer_of<actors::feed_records>(f.meta, atom::load_v).value())
      if (info.key == f.key("cf"))
        return progress.checkpoint_ts;
    return model::tso_t{0};
  };
  f.advance(1s);
  BOOST_TEST(stored() <= start);
  f.advance(4s);
  BOOST_TEST(stored() > start);
  // At most one interval (and the store's batching) behind the upstream.
  BOOST_TEST(model::tso_physical_ms(f.resolved()) - model::tso_physical_ms(stored()) <= 2500);
}

BOOST_AUTO_TEST_CASE(a_quiet_feed_keeps_following_when_a_capture_is_lost) {
  quiet_fixture f{catalog_at(0), 3};
  f.create("cf");
  f.advance(1s);
  caf::anon_send_exit(f.capture_hdls[2], caf::exit_reason::kill);
  f.run();
  f.advance(3s);
  BOOST_TEST(f.detail("cf").checkpoint_ts == f.resolved());
  BOOST_TEST(f.processors("cf") == 2u);
}

BOOST_AUTO_TEST_CASE(a_new_owner_finds_quiet_feeds_following_at_once) {
  quiet_fixture f{catalog_at(0), 2};
  f.create("cf");
  f.advance(3s);
  BOOST_TEST(f.ask<bool>(f.election_hdl, atom::resign_v));
  f.run();
  // The new owner's changefeed took over from the stored checkpoint, and
  // follows the upstream again before a single tick.
  BOOST_TEST(f.detail("cf").checkpoint_ts == f.resolved());
  auto tables = f.processor_tables("cf");
  f.advance(1s);
  BOOST_TEST(f.detail("cf").checkpoint_ts == f.resolved());
  BOOST_TEST(f.processor_tables("cf")[0].checkpoint_ts == tables[0].checkpoint_ts); // still quiet
}

BOOST_AUTO_TEST_CASE(a_paused_feed_stops_following_and_a_resumed_one_follows_again) {
  quiet_fixture f;
  f.create("cf");
  f.advance(1s);
  BOOST_REQUIRE(f.ask_owner<bool>(atom::pause_v, f.key("cf")).has_value());
  f.run();
  auto paused_at = f.detail("cf").checkpoint_ts;
  f.advance(2s);
  BOOST_TEST(f.detail("cf").checkpoint_ts == paused_at);
  BOOST_TEST(f.snapshot("cf")->view_at(f.resolved()).progress.checkpoint_ts == paused_at);
  BOOST_REQUIRE(f.ask_owner<bool>(atom::resume_v, f.key("cf"), model::resume_config{}).has_value());
  f.advance(2s);
  BOOST_TEST(f.detail("cf").checkpoint_ts == f.resolved());
}

BOOST_AUTO_TEST_SUITE_END()
