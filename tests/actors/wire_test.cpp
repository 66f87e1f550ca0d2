// The message types that cross nodes survive CAF's binary serializer exactly,
// and a truncated or garbled buffer is an error, never a crash.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <vector>

#include <boost/json/value_from.hpp>
#include <caf/binary_deserializer.hpp>
#include <caf/binary_serializer.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/config/defaults.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/sample_feed.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;

namespace {

using model::config::replica_config;
using test::full_config;
using test::require_same;
using test::sample_info;

model::running_error sample_error() {
  return *sample_info().error;
}

model::pd_config some_pd() {
  return {{"127.0.0.1:2379", "127.0.0.1:2479"}, "/ca.pem", "/cert.pem", "/key.pem", {"tidb"}};
}

/// The encoded bytes of `x`.
template <class T>
std::vector<char> save(caf::actor_system& sys, T x) {
  std::vector<char> buf;
  caf::binary_serializer sink{sys, buf};
  auto err = sink(x);
  BOOST_REQUIRE_MESSAGE(!err, caf::to_string(err));
  return buf;
}

/// Loads into `out`; the error, or none once every byte was read.
template <class T>
caf::error load(caf::actor_system& sys, const std::vector<char>& buf, T&& out) {
  caf::binary_deserializer source{sys, buf};
  if (auto err = source(out))
    return err;
  if (source.remaining() != 0)
    return caf::make_error(caf::sec::invalid_argument, "trailing bytes");
  return caf::none;
}

template <class T>
T round_trip(caf::actor_system& sys, const T& x) {
  T out{};
  auto err = load(sys, save(sys, x), out);
  BOOST_REQUIRE_MESSAGE(!err, caf::to_string(err));
  return out;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(wire_format, test::actor_fixture)

BOOST_AUTO_TEST_CASE(a_config_survives_its_json_text) {
  for (const auto& cfg : std::vector<replica_config>{full_config(), model::config::default_replica_config(), {}}) {
    replica_config back;
    auto err = wire::config_from_json(wire::config_to_json(cfg), back);
    BOOST_REQUIRE_MESSAGE(!err, caf::to_string(err));
    BOOST_TEST((back == cfg));
  }
}

BOOST_AUTO_TEST_CASE(the_config_of_a_create_without_one_crosses_as_a_few_bytes_and_comes_back_whole) {
  auto created = model::parse_create_body(R"({"changefeed_id":"f","sink_uri":"blackhole://"})");
  BOOST_REQUIRE(created.has_value());
  auto info = sample_info();
  info.config = std::make_shared<const replica_config>(created->replica_config);
  auto bytes = save(sys, info);
  auto customised = sample_info();
  BOOST_TEST(bytes.size() + 1000 < save(sys, customised).size());
  model::changefeed_info back;
  BOOST_REQUIRE(!load(sys, bytes, back));
  BOOST_REQUIRE(back.config);
  BOOST_TEST((*back.config == created->replica_config));
  require_same(info, back);
}

BOOST_AUTO_TEST_CASE(changefeed_key_and_progress) {
  model::changefeed_key key{"ns", "feed"};
  BOOST_TEST((round_trip(sys, key) == key));
  auto p = round_trip(sys, model::changefeed_progress{445566778899001122ULL, 445566778899001199ULL});
  BOOST_TEST(p.checkpoint_ts == 445566778899001122ULL);
  BOOST_TEST(p.resolved_ts == 445566778899001199ULL);
}

BOOST_AUTO_TEST_CASE(changefeed_info_every_field) {
  auto info = sample_info();
  require_same(info, round_trip(sys, info));
}

BOOST_AUTO_TEST_CASE(changefeed_info_without_config_or_error) {
  model::changefeed_info info;
  info.key = {"default", "bare"};
  info.state = model::feed_state::removed;
  auto back = round_trip(sys, info);
  BOOST_TEST(!back.config);
  BOOST_TEST(!back.error);
  require_same(info, back);
}

BOOST_AUTO_TEST_CASE(shared_info_and_null_round_trip) {
  auto info = std::make_shared<const model::changefeed_info>(sample_info());
  auto back = round_trip(sys, info);
  BOOST_REQUIRE(back);
  require_same(*info, *back);
  BOOST_TEST(!round_trip(sys, std::shared_ptr<const model::changefeed_info>{}));
}

BOOST_AUTO_TEST_CASE(running_error_with_and_without_time) {
  auto e = sample_error();
  BOOST_TEST((round_trip(sys, e) == e));
  e.time.reset();
  BOOST_TEST((round_trip(sys, e) == e));
}

BOOST_AUTO_TEST_CASE(request_bodies) {
  model::changefeed_config create{"ns", "feed", 11, 22, "blackhole://", full_config(), some_pd()};
  auto c = round_trip(sys, create);
  BOOST_TEST(c.namespace_ == "ns");
  BOOST_TEST(c.changefeed_id == "feed");
  BOOST_TEST(c.start_ts == 11u);
  BOOST_TEST(c.target_ts == 22u);
  BOOST_TEST(c.sink_uri == "blackhole://");
  BOOST_TEST((c.replica_config == create.replica_config));
  BOOST_TEST((c.pd == create.pd));

  model::changefeed_update update;
  update.target_ts = 33;
  update.sink_uri = "mysql://root@127.0.0.1:3306/";
  update.replica_config = full_config();
  update.pd = some_pd();
  update.present.target_ts = update.present.replica_config = update.present.cert_allowed_cn = true;
  auto u = round_trip(sys, update);
  BOOST_TEST(u.target_ts == 33u);
  BOOST_TEST(u.sink_uri == update.sink_uri);
  BOOST_TEST((u.replica_config == update.replica_config));
  BOOST_TEST((u.pd == update.pd));
  BOOST_TEST((u.present == update.present));
  update.replica_config.reset();
  BOOST_TEST(!round_trip(sys, update).replica_config);

  auto r = round_trip(sys, model::resume_config{445566778899001122ULL, some_pd()});
  BOOST_TEST(r.overwrite_checkpoint_ts == 445566778899001122ULL);
  BOOST_TEST((r.pd == some_pd()));
}

BOOST_AUTO_TEST_CASE(changefeed_detail_every_field) {
  model::changefeed_detail d;
  d.upstream_id = 1;
  d.namespace_ = "ns";
  d.id = "feed";
  d.sink_uri = "kafka://***@127.0.0.1:9092/t";
  d.create_time = std::chrono::system_clock::time_point{1'699'999'999'000'000'001ns};
  d.start_ts = 2;
  d.target_ts = 3;
  d.admin_job_type = model::admin_job::finish;
  d.config = std::make_shared<const replica_config>(full_config());
  d.state = model::feed_state::error;
  d.error = sample_error();
  d.creator_version = "v8.1.0";
  d.resolved_ts = 4;
  d.checkpoint_ts = 5;
  d.task_status = std::vector<model::capture_task_status>{{"c1", {1, 2}}, {"c2", {}}};
  auto b = round_trip(sys, d);
  // The API's JSON of the detail shows every field, create_time to the
  // nanosecond, but not the error's time; the config is compared by value.
  BOOST_TEST((boost::json::value_from(b) == boost::json::value_from(d)));
  BOOST_TEST((b.error == d.error));
  BOOST_REQUIRE(b.config);
  BOOST_TEST((*b.config == *d.config));

  d.config.reset();
  d.error.reset();
  d.task_status.reset();
  b = round_trip(sys, d);
  BOOST_TEST(!b.config);
  BOOST_TEST(!b.error);
  BOOST_TEST(!b.task_status);
}

BOOST_AUTO_TEST_CASE(list_item_and_processor_views) {
  model::changefeed_list_item item{1, "ns", "feed", model::feed_state::stopped, 445566778899001122ULL, sample_error()};
  auto i = round_trip(sys, item);
  BOOST_TEST(i.upstream_id == 1u);
  BOOST_TEST(i.namespace_ == "ns");
  BOOST_TEST(i.id == "feed");
  BOOST_TEST(i.state == model::feed_state::stopped);
  BOOST_TEST(i.checkpoint_tso == item.checkpoint_tso);
  BOOST_TEST((i.error == item.error));

  std::vector<model::processor_item> items{{"ns", "feed", "c1"}, {"default", "other", "c2"}};
  BOOST_TEST((round_trip(sys, items) == items));
  model::processor_detail detail{{3, 1, 2}};
  BOOST_TEST((round_trip(sys, detail) == detail));
  std::vector<model::capture_view> caps{{"c1", true, "127.0.0.1:8301", "default"}, {"c2", false, "h:1", "other"}};
  BOOST_TEST((round_trip(sys, caps) == caps));
  std::vector<model::scheduling::capture_tables> tables{{"c1", {1, 5}}, {"c2", {}}};
  BOOST_TEST((round_trip(sys, tables) == tables));
}

BOOST_AUTO_TEST_CASE(processor_reports) {
  std::vector<processor_report> reports{{{"ns", "feed"}, {{1, 10, 11}, {2, 20, 21}}}, {{"default", "f2"}, {}}};
  auto back = round_trip(sys, reports);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST((back[0].key == reports[0].key));
  BOOST_REQUIRE(back[0].tables.size() == 2u);
  BOOST_TEST(back[0].tables[1].table_id == 2);
  BOOST_TEST(back[0].tables[1].checkpoint_ts == 20u);
  BOOST_TEST(back[0].tables[1].resolved_ts == 21u);
  BOOST_TEST((back[1].key == reports[1].key));
  BOOST_TEST(back[1].tables.empty());
}

BOOST_AUTO_TEST_CASE(capture_members_keep_their_handles) {
  // A stand-in capture: only its handle is serialized.
  auto cap = caf::actor_cast<capture_actor>(sys.spawn([] { return caf::behavior{[](int) {}}; }));
  std::vector<capture_member> members{{{"c1", "127.0.0.1:8301", true}, cap}, {{"c2", "h:2", false}, {}}};
  auto back = round_trip(sys, members);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST(back[0].info.id == "c1");
  BOOST_TEST(back[0].info.address == "127.0.0.1:8301");
  BOOST_TEST(back[0].info.alive);
  BOOST_TEST((back[0].handle == cap));
  BOOST_TEST(!back[1].info.alive);
  BOOST_TEST(!back[1].handle);
  // Serializing a handle registers its actor; it lives until told to exit.
  caf::anon_send_exit(cap, caf::exit_reason::user_shutdown);
  run();
}

BOOST_AUTO_TEST_CASE(feed_progress_keeps_its_feed_handle) {
  // A stand-in changefeed: only its handle is serialized.
  auto feed = caf::actor_cast<changefeed_actor>(sys.spawn([] { return caf::behavior{[](int) {}}; }));
  std::vector<feed_progress> batch{{feed, {{7, 70, 71}}}, {{}, {}}};
  auto back = round_trip(sys, batch);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST((back[0].feed == feed));
  BOOST_REQUIRE(back[0].tables.size() == 1u);
  BOOST_TEST(back[0].tables[0].table_id == 7);
  BOOST_TEST(back[0].tables[0].checkpoint_ts == 70u);
  BOOST_TEST(back[0].tables[0].resolved_ts == 71u);
  BOOST_TEST(!back[1].feed);
  BOOST_TEST(back[1].tables.empty());
  caf::anon_send_exit(feed, caf::exit_reason::user_shutdown);
  run();
}

BOOST_AUTO_TEST_CASE(feed_events_every_alternative) {
  namespace ev = model::feed_event;
  std::vector<model::feed_event_t> events{ev::create{},
                                          ev::pause{},
                                          ev::resume{1, 2, 3},
                                          ev::update{},
                                          ev::remove{},
                                          ev::target_reached{},
                                          ev::error{"CDC:X", "boom"},
                                          ev::backoff_elapsed{},
                                          ev::error_stuck{},
                                          ev::checkpoint_advanced{9}};
  for (const auto& e : events)
    BOOST_TEST(round_trip(sys, e).index() == e.index());
  auto r = std::get<ev::resume>(round_trip(sys, events[2]));
  BOOST_TEST(r.overwrite_checkpoint_ts == 1u);
  BOOST_TEST(r.current_tso == 2u);
  BOOST_TEST(r.gc_safepoint == 3u);
  auto e = std::get<ev::error>(round_trip(sys, events[6]));
  BOOST_TEST(e.code == "CDC:X");
  BOOST_TEST(e.message == "boom");
  BOOST_TEST(std::get<ev::checkpoint_advanced>(round_trip(sys, events[9])).checkpoint_ts == 9u);
}

BOOST_AUTO_TEST_CASE(every_truncation_is_an_error) {
  auto buf = save(sys, std::make_shared<const model::changefeed_info>(sample_info()));
  for (std::size_t n = 0; n < buf.size(); ++n) {
    std::shared_ptr<const model::changefeed_info> out;
    std::vector<char> prefix(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
    BOOST_TEST_CONTEXT("first " << n << " of " << buf.size() << " bytes") {
      BOOST_TEST(static_cast<bool>(load(sys, prefix, out)));
    }
  }
}

BOOST_AUTO_TEST_CASE(garbled_bytes_never_throw) {
  auto buf = save(sys, sample_info());
  for (std::size_t i = 0; i < buf.size(); ++i) {
    auto bad = buf;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    model::changefeed_info out;
    BOOST_TEST_CONTEXT("byte " << i) {
      BOOST_CHECK_NO_THROW((void)load(sys, bad, out));
    }
  }
}

BOOST_AUTO_TEST_CASE(values_no_sender_writes_are_errors) {
  // A state past `removed`: the byte after upstream_id (8), then the two
  // strings (a one-byte length each).
  model::changefeed_list_item item{1, "ns", "feed", model::feed_state::normal, 0, std::nullopt};
  auto buf = save(sys, item);
  buf[8 + 1 + 2 + 1 + 4] = 42;
  BOOST_TEST(static_cast<bool>(load(sys, buf, item)));

  // An event index past the last alternative.
  auto ev = save(sys, model::feed_event_t{model::feed_event::pause{}});
  ev[0] = 10;
  model::feed_event_t event;
  BOOST_TEST(static_cast<bool>(load(sys, ev, event)));

  // A config that is not JSON, or not a replica config.
  replica_config cfg;
  BOOST_TEST(static_cast<bool>(load(sys, save(sys, std::string{"{not json"}), wire::json_text(cfg))));
  BOOST_TEST(static_cast<bool>(load(sys, save(sys, std::string{R"({"memory_quota":"lots"})"}), wire::json_text(cfg))));
}

BOOST_AUTO_TEST_SUITE_END()
