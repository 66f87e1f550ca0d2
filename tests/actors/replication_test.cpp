// Changefeeds under the deterministic scheduler: table placement, checkpoint
// progress, pause/resume/remove, target TS, errors and owner changes.
#include <map>
#include <set>

#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/upstream/workload.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"
#include "tests/support/test_sinks.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;
using model::changefeed_key;

namespace {

struct feeds_fixture : test::sim_cluster {
  explicit feeds_fixture(std::size_t captures = 3, std::shared_ptr<test::sink_log> l = std::make_shared<test::sink_log>())
    : sim_cluster(captures, model::upstream::default_catalog(), test::recording_factory(l)), log(std::move(l)) {
    advance(200ms); // the upstream has a resolved TS before anything starts
  }

  model::changefeed_detail create(const std::string& id, const std::string& extra = "") {
    auto body = model::parse_create_body(R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://")" + extra + "}");
    BOOST_REQUIRE_MESSAGE(body.has_value(), (body.has_error() ? body.error().message : std::string()));
    auto d = ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
    BOOST_REQUIRE_MESSAGE(d.has_value(), (d.has_error() ? d.error().message : std::string()));
    run();
    return *d;
  }

  /// table -> captures holding it, from the owner's processor view.
  std::map<std::int64_t, std::vector<std::string>> placement(const std::string& id) {
    std::map<std::int64_t, std::vector<std::string>> out;
    auto procs = ask_api<std::vector<model::processor_item>>(atom::processors_v).value();
    for (const auto& p : procs) {
      if (p.changefeed_id != id)
        continue;
      auto d = ask_api<model::processor_detail>(atom::processor_v, key(id), p.capture_id).value();
      for (auto t : d.table_ids)
        out[t].push_back(p.capture_id);
    }
    return out;
  }

  /// Per capture, how many tables it holds for the feed.
  std::map<std::string, std::size_t> load(const std::string& id) {
    std::map<std::string, std::size_t> out;
    for (const auto& n : nodes)
      out[n->capture_id()] = 0;
    for (const auto& [t, caps] : placement(id))
      for (const auto& c : caps)
        ++out[c];
    return out;
  }

  void check_each_table_once(const std::string& id, std::size_t tables = 32) {
    auto p = placement(id);
    BOOST_TEST(p.size() == tables);
    for (const auto& [t, caps] : p)
      BOOST_TEST(caps.size() == 1u, "table " << t);
  }

  void check_balanced(const std::string& id) {
    std::size_t lo = ~std::size_t{0}, hi = 0;
    for (const auto& n : nodes) {
      if (n->live != model::liveness::alive)
        continue;
      auto l = load(id)[n->capture_id()];
      lo = std::min(lo, l);
      hi = std::max(hi, l);
    }
    BOOST_TEST(hi - lo <= 1u);
  }

  model::tso_t resolved() { return ask_feed<model::changefeed_detail>(key("x"), atom::get_v).value().resolved_ts; }

  std::shared_ptr<test::sink_log> log;
};

} // namespace

BOOST_AUTO_TEST_SUITE(replication)

BOOST_AUTO_TEST_CASE(a_new_feed_puts_each_table_on_exactly_one_capture_evenly) {
  feeds_fixture f;
  auto d = f.create("cf1");
  BOOST_TEST(d.state == model::feed_state::normal);
  f.check_each_table_once("cf1");
  f.check_balanced("cf1");
}

BOOST_AUTO_TEST_CASE(twenty_feeds_on_three_captures_are_each_balanced) {
  feeds_fixture f;
  for (int i = 0; i < 20; ++i)
    f.create("cf" + std::to_string(i));
  for (int i = 0; i < 20; ++i) {
    f.check_each_table_once("cf" + std::to_string(i));
    f.check_balanced("cf" + std::to_string(i));
  }
}

BOOST_AUTO_TEST_CASE(checkpoint_follows_the_upstream_within_a_tick) {
  feeds_fixture f;
  auto start = f.create("cf1").start_ts;
  f.advance(2s);
  auto d = f.detail("cf1");
  BOOST_TEST(d.checkpoint_ts > start);
  BOOST_TEST(d.checkpoint_ts <= d.resolved_ts);
  // The upstream resolved TS is at most one tick (100 ms) ahead.
  auto lag = model::tso_physical_ms(d.resolved_ts) - model::tso_physical_ms(d.checkpoint_ts);
  BOOST_TEST(lag <= 100);
}

BOOST_AUTO_TEST_CASE(a_feed_whose_filter_selects_no_table_still_advances_its_checkpoint) {
  feeds_fixture f;
  auto start = f.create("none", R"(,"replica_config":{"filter":{"rules":["nosuch.*"]}})").start_ts;
  f.create("all");
  f.advance(2s);
  auto none = f.detail("none");
  BOOST_TEST(none.checkpoint_ts > start);
  // As close to the upstream as a feed whose processors report.
  auto behind = model::tso_physical_ms(f.detail("all").checkpoint_ts) - model::tso_physical_ms(none.checkpoint_ts);
  BOOST_TEST(behind <= 300);
  // Paused, it stays where it was.
  BOOST_TEST(f.ask_owner<bool>(atom::pause_v, f.key("none")).value());
  auto paused = f.detail("none").checkpoint_ts;
  f.advance(1s);
  BOOST_TEST(f.detail("none").checkpoint_ts == paused);
}

BOOST_AUTO_TEST_CASE(checkpoint_never_goes_backwards) {
  feeds_fixture f;
  f.create("cf1");
  model::tso_t last = 0;
  for (int i = 0; i < 30; ++i) {
    f.advance(100ms);
    auto cp = f.detail("cf1").checkpoint_ts;
    BOOST_TEST(cp >= last);
    last = cp;
  }
}

BOOST_AUTO_TEST_CASE(every_row_change_of_every_table_reaches_the_sink_once) {
  feeds_fixture f{2};
  auto start = f.create("cf1").start_ts;
  f.advance(1500ms);
  auto cp = f.detail("cf1").checkpoint_ts;
  std::uint64_t expected = 0;
  for (const auto& t : f.catalog->tables)
    expected += model::upstream::table_workload{t}.count(start, cp);
  BOOST_TEST(expected > 0u);
  BOOST_TEST(f.log->rows.load() == expected);
  std::set<std::pair<std::int64_t, model::tso_t>> seen;
  for (const auto& c : f.log->changes)
    BOOST_TEST(seen.insert({c.table_id, c.commit_ts}).second);
}

BOOST_AUTO_TEST_CASE(the_filter_limits_which_tables_replicate) {
  feeds_fixture f;
  f.create("cf1", R"(,"replica_config":{"filter":{"rules":["test1.*","!test1.t7"]}})");
  auto p = f.placement("cf1");
  BOOST_TEST(p.size() == 7u);
  for (const auto& [t, caps] : p)
    BOOST_TEST((t >= 108 && t <= 114));
  f.advance(1s);
  for (const auto& c : f.log->changes)
    BOOST_TEST((c.table_id >= 108 && c.table_id <= 114));
}

BOOST_AUTO_TEST_CASE(ignored_events_are_not_written) {
  feeds_fixture f;
  f.create("cf1", R"(,"replica_config":{"filter":{"event_filters":[{"matcher":["*.*"],"ignore_event":["delete","update"]}]}})");
  f.advance(2s);
  BOOST_TEST(f.log->rows.load() > 0u);
  for (const auto& c : f.log->changes)
    BOOST_TEST(c.op == model::upstream::row_op::insert);
}

BOOST_AUTO_TEST_CASE(pause_releases_every_table_and_freezes_the_checkpoint) {
  feeds_fixture f;
  f.create("cf1");
  f.advance(500ms);
  BOOST_TEST(f.ask_owner<bool>(atom::pause_v, feeds_fixture::key("cf1")).value());
  auto d = f.detail("cf1");
  BOOST_TEST(d.state == model::feed_state::stopped);
  BOOST_TEST(d.admin_job_type == model::admin_job::stop);
  BOOST_TEST(f.placement("cf1").empty());
  auto frozen = d.checkpoint_ts;
  f.advance(1s);
  BOOST_TEST(f.detail("cf1").checkpoint_ts == frozen);
}

BOOST_AUTO_TEST_CASE(resume_continues_from_the_paused_checkpoint) {
  feeds_fixture f;
  f.create("cf1");
  f.advance(500ms);
  f.ask_owner<bool>(atom::pause_v, feeds_fixture::key("cf1"));
  auto frozen = f.detail("cf1").checkpoint_ts;
  f.advance(1s);
  auto rows_before = f.log->rows.load();
  BOOST_TEST(f.ask_owner<bool>(atom::resume_v, feeds_fixture::key("cf1"), model::resume_config{}).value());
  f.check_each_table_once("cf1");
  f.advance(300ms);
  auto d = f.detail("cf1");
  BOOST_TEST(d.state == model::feed_state::normal);
  BOOST_TEST(d.checkpoint_ts > frozen);
  // The second spent paused is replicated after the resume: nothing is skipped.
  std::uint64_t expected = 0;
  for (const auto& t : f.catalog->tables)
    expected += model::upstream::table_workload{t}.count(frozen, d.checkpoint_ts);
  BOOST_TEST(f.log->rows.load() - rows_before >= expected);
}

BOOST_AUTO_TEST_CASE(pausing_twice_is_accepted) {
  feeds_fixture f;
  f.create("cf1");
  BOOST_TEST(f.ask_owner<bool>(atom::pause_v, feeds_fixture::key("cf1")).value());
  BOOST_TEST(f.ask_owner<bool>(atom::pause_v, feeds_fixture::key("cf1")).value());
}

BOOST_AUTO_TEST_CASE(a_feed_with_a_target_finishes_there_and_stops) {
  feeds_fixture f;
  auto start = f.create("cf1", "").start_ts;
  (void)start;
  auto body = model::parse_create_body(R"({"changefeed_id":"cf2","sink_uri":"blackhole://","target_ts":)"
                                       + std::to_string(model::compose_tso(test::sim_wall_start_ms + 1200, 0)) + "}");
  BOOST_REQUIRE(f.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body)).has_value());
  f.advance(2s);
  auto d = f.detail("cf2");
  BOOST_TEST(d.state == model::feed_state::finished);
  BOOST_TEST(d.checkpoint_ts == d.target_ts);
  BOOST_TEST(d.admin_job_type == model::admin_job::finish);
  BOOST_TEST(f.placement("cf2").empty());
}

BOOST_AUTO_TEST_CASE(remove_forgets_the_feed_and_is_idempotent) {
  feeds_fixture f;
  f.create("cf1");
  BOOST_TEST(f.ask_owner<bool>(atom::remove_v, feeds_fixture::key("cf1")).value());
  BOOST_TEST(f.ask_owner<actors::changefeed_actor>(atom::get_v, feeds_fixture::key("cf1")).error().kind
             == model::api_error::changefeed_not_exists);
  BOOST_TEST(f.ask_owner<bool>(atom::remove_v, feeds_fixture::key("cf1")).value());
  BOOST_TEST(f.ask_api<std::vector<model::processor_item>>(atom::processors_v).value().empty());
}

BOOST_AUTO_TEST_CASE(a_removed_id_can_be_created_again_at_once) {
  feeds_fixture f;
  f.create("cf1");
  f.ask_owner<bool>(atom::remove_v, feeds_fixture::key("cf1"));
  f.create("cf1");
  f.check_each_table_once("cf1");
}

BOOST_AUTO_TEST_CASE(creating_an_existing_id_fails) {
  feeds_fixture f;
  f.create("cf1");
  auto body = model::parse_create_body(R"({"changefeed_id":"cf1","sink_uri":"blackhole://"})");
  auto r = f.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == model::api_error::changefeed_already_exists);
}

BOOST_AUTO_TEST_CASE(a_start_ts_at_or_before_the_gc_safepoint_is_refused) {
  feeds_fixture f;
  // The GC safepoint trails now by 10 minutes.
  auto old = model::compose_tso(test::sim_wall_start_ms - 11 * 60 * 1000, 0);
  auto body = model::parse_create_body(R"({"changefeed_id":"old","sink_uri":"blackhole://","start_ts":)"
                                       + std::to_string(old) + "}");
  auto r = f.ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == model::api_error::start_ts_before_gc);
}

BOOST_AUTO_TEST_CASE(after_a_resign_every_table_is_still_on_exactly_one_capture) {
  feeds_fixture f;
  f.create("cf1");
  f.create("cf2");
  f.advance(500ms);
  auto before = f.detail("cf1").checkpoint_ts;
  BOOST_TEST(f.ask<bool>(f.election_hdl, atom::resign_v));
  f.run();
  BOOST_TEST(f.claimed_owners() == std::vector<std::string>{"capture-1"});
  for (auto id : {"cf1", "cf2"}) {
    f.check_each_table_once(id);
    f.check_balanced(id);
  }
  f.advance(500ms);
  BOOST_TEST(f.detail("cf1").checkpoint_ts > before);
}

BOOST_AUTO_TEST_CASE(a_new_owner_stops_the_processors_of_a_feed_the_store_no_longer_holds) {
  feeds_fixture f;
  f.create("cf1");
  f.create("cf2");
  BOOST_REQUIRE(f.processors("cf1") == 3u);
  // Gone from the store with no owner to tell the captures (as when it was
  // removed during a failover): the processors report a feed nobody knows.
  BOOST_REQUIRE(f.ask<bool>(f.meta, atom::remove_v, feeds_fixture::key("cf1")));
  BOOST_TEST(f.ask<bool>(f.election_hdl, atom::resign_v));
  f.run();
  // What the captures run, as they report it (the API lists only feeds it knows).
  auto hosted = [&](const std::string& id) {
    std::size_t n = 0;
    for (const auto& capture : f.capture_hdls)
      for (const auto& r : f.ask<std::vector<actors::processor_report>>(capture, atom::report_v))
        n += r.key.id == id;
    return n;
  };
  BOOST_TEST(hosted("cf1") == 0u);
  BOOST_TEST(hosted("cf2") == 3u);
}

BOOST_AUTO_TEST_CASE(a_paused_feed_stays_paused_across_a_resign) {
  feeds_fixture f;
  f.create("cf1");
  f.ask_owner<bool>(atom::pause_v, feeds_fixture::key("cf1"));
  f.ask<bool>(f.election_hdl, atom::resign_v);
  f.run();
  BOOST_TEST(f.detail("cf1").state == model::feed_state::stopped);
  BOOST_TEST(f.placement("cf1").empty());
}

BOOST_AUTO_TEST_CASE(a_lost_capture_hands_its_tables_to_the_others) {
  feeds_fixture f;
  f.create("cf1");
  caf::anon_send_exit(f.capture_hdls[2], caf::exit_reason::kill);
  f.run();
  auto p = f.placement("cf1");
  BOOST_TEST(p.size() == 32u);
  for (const auto& [t, caps] : p) {
    BOOST_TEST(caps.size() == 1u);
    BOOST_TEST(caps[0] != "capture-2");
  }
}

BOOST_AUTO_TEST_CASE(a_joining_capture_takes_a_fair_share) {
  feeds_fixture f{2};
  f.create("cf1");
  f.add_capture();
  f.run();
  f.check_each_table_once("cf1");
  f.check_balanced("cf1");
  BOOST_TEST(f.load("cf1")["capture-2"] >= 10u);
}

BOOST_AUTO_TEST_CASE(a_sink_error_shows_and_the_feed_retries_until_it_recovers) {
  feeds_fixture f;
  f.create("cf1");
  f.advance(300ms);
  f.log->failing = true;
  f.advance(300ms);
  auto d = f.detail("cf1");
  BOOST_TEST(d.state == model::feed_state::error);
  BOOST_REQUIRE(d.error.has_value());
  BOOST_TEST(d.error->code == "CDC:ErrSinkWriteFailed");
  BOOST_TEST(f.placement("cf1").empty()); // waiting out the back-off
  f.log->failing = false;
  f.advance(12s); // first retry after about 10 s
  d = f.detail("cf1");
  f.advance(500ms);
  auto later = f.detail("cf1");
  BOOST_TEST(later.state == model::feed_state::normal);
  BOOST_TEST(later.checkpoint_ts > d.checkpoint_ts);
  BOOST_TEST(!later.error.has_value());
}

BOOST_AUTO_TEST_CASE(an_error_that_outlasts_the_stuck_duration_fails_the_feed) {
  feeds_fixture f;
  f.create("cf1");
  f.advance(300ms);
  f.log->failing = true;
  for (int i = 0; i < 40; ++i)
    f.advance(60s);
  auto d = f.detail("cf1");
  BOOST_TEST(d.state == model::feed_state::failed);
  BOOST_TEST(d.error.has_value());
  BOOST_TEST(f.placement("cf1").empty());
  // A failed feed can be resumed by hand.
  f.log->failing = false;
  BOOST_TEST(f.ask_owner<bool>(atom::resume_v, feeds_fixture::key("cf1"), model::resume_config{}).value());
  BOOST_TEST(f.detail("cf1").state == model::feed_state::normal);
}

BOOST_AUTO_TEST_CASE(processor_queries_refuse_unknown_captures_and_stopped_feeds) {
  feeds_fixture f;
  f.create("cf1");
  auto r = f.ask_api<model::processor_detail>(atom::processor_v, feeds_fixture::key("cf1"), std::string("nope"));
  BOOST_TEST(r.error().kind == model::api_error::capture_not_exist);
  f.ask_owner<bool>(atom::pause_v, feeds_fixture::key("cf1"));
  r = f.ask_api<model::processor_detail>(atom::processor_v, feeds_fixture::key("cf1"), std::string("capture-0"));
  BOOST_TEST(r.error().kind == model::api_error::api_invalid_param);
  r = f.ask_api<model::processor_detail>(atom::processor_v, feeds_fixture::key("zz"), std::string("capture-0"));
  BOOST_TEST(r.error().kind == model::api_error::changefeed_not_exists);
}

BOOST_AUTO_TEST_SUITE_END()
